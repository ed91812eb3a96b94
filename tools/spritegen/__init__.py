"""Sprite generator for Still a Fighter: draws every fighter from a jointed figure.

Run `python tools/make_sprites.py`; the game never imports this package (it loads PNG + JSON).
"""
