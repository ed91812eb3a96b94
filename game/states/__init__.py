"""Scenes: the base class, the stack and the registry of named scenes."""
