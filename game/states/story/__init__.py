"""Story mode's scenes: the slots screen, walking the maps, dialogue, the TV, the camp
calendar, fight night, the endings and the credits. The rules live in game/story/."""
