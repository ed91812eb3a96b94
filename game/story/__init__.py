"""Story mode's rules: chapters, dialogue, flags, the camp calendar, saves. No pygame here."""
