"""Versus: fighter select, introduction and results (the bout itself is in states/ring)."""
