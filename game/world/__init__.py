"""Tiled maps read through pytmx without images: game meaning from typed object properties."""
