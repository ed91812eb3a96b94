"""The ring: one bout of any mode, its corner between rounds and replays."""
