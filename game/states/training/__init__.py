"""Training scenes: the Training menu, each drill's scene, the timing calibration.

The rules are in ``game.training`` (no pygame); these scenes time the presses, draw and play.
"""
