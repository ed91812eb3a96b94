"""Generators for the story's world: tiles, top-down people, portraits and the Tiled maps."""
