"""Fonts, colours and widgets shared by every menu-like scene."""
