"""The Virtual Fight screen (scene, painters, charts, the TV overlay); the run layer it drives
is game.virtual (no pygame)."""
