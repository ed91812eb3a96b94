"""Start Still a Fighter: ``python main.py`` does what the ``still-a-fighter`` command does."""
from __future__ import annotations

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
