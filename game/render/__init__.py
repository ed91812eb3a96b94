"""Rendering: sprite sheets, the ring, HUD, effects and camera. Reads the model; never changes it."""
