"""The story's maps as ASCII layouts plus their objects (spawns, doors, NPCs, things to look at).

Object meaning (read by game/world/tilemap.py; see levels/README.md):
- spawn: name = spawn id; facing.
- door: target (map id) and spawn (spawn id there); optional when (flag condition), prompt,
  blocked (dialogue id shown when the condition fails). Stepping on it walks through.
- npc: speaker (speakers.toml id, also the sprite), dialogue (dialogue id), facing; optional
  chapters (comma list where the NPC is present) and when.
- interact: dialogue, prompt; optional action (e.g. "tv"), chapters, when.
- station: place (camp place id), prompt: where the camp's drills are done.
"""
from __future__ import annotations

from worldgen.tmx import MapObject as O
from worldgen.tmx import MapSpec

WALL = ("wall_top", None, True)

ADRIANS_LEGEND = {
    "#": WALL, "=": ("wall", None, True), "P": ("photos", None, True), "T": ("tv", None, True),
    "S": ("bar_shelf", None, True), "J": ("wood", "jukebox", True), ".": ("wood", None, False),
    "k": ("checker", None, False), "K": ("kitchen_wall", None, True),
    "O": ("checker", "stove", True), "F": ("checker", "fridge", True),
    "C": ("checker", "counter", True), "B": ("wood", "counter", True),
    "s": ("wood", "stool", False), "t": ("wood", "table", True), "c": ("wood", "chair", False),
    "p": ("wood", "plant", True), "m": ("doormat", None, False), "D": ("door", None, True),
    "b": ("wood", "booth", True),
}
ADRIANS = [
    "##################################",
    "#SSSSTSSSS=PPPPPPPPP===#KKKKKKKKK#",
    "#.........p.........pJ.#kOOOkkFFk#",
    "#BBBBBBBB..............#kkkkkkkkk#",
    "#.s.s.s.s..............#kkCCCCkkk#",
    "#......................kkkkkkkkkk#",
    "#b.....................kkkkkkkkkk#",
    "#bt..ctc.....ctc.....c.#kkkkkkkkk#",
    "#b.....................#kkkkkkkkk#",
    "#......................#####K#####",
    "#b.ctc......ctc......ctc.......p.#",
    "#bt..............................#",
    "#b...............................#",
    "#p...ctc......ctc.......ctc....p.#",
    "#................................#",
    "#................................#",
    "##############m###################",
]
ADRIANS_OBJECTS = [
    O("spawn", "start", 12, 5, props={"facing": "up"}),
    O("spawn", "from_street", 14.5, 15, props={"facing": "up"}),
    O("door", "front_door", 14, 16, props={"target": "street", "spawn": "from_adrians",
                                           "when": "saw_tv", "blocked": "door_not_yet"}),
    O("interact", "tv", 4, 1, 3, 3, props={"dialogue": "tv_show", "prompt": "Watch the TV",
                                           "action": "tv", "chapters": "adrians"}),
    O("interact", "photo_wall", 11, 1, 9, 2, props={"dialogue": "photo_wall",
                                                     "prompt": "Look at the photos"}),
    O("interact", "jukebox", 21, 2, props={"dialogue": "jukebox", "prompt": "Look at the jukebox"}),
    O("interact", "stove", 25, 2, 3, 1, props={"dialogue": "stove", "prompt": "Check the stove"}),
    O("npc", "paulie", 7, 2, props={"speaker": "paulie", "dialogue": "paulie", "facing": "down",
                                    "chapters": "adrians"}),
    O("light", "bar_lamp", 3, 3, props={"radius": "230"}),
    O("light", "tv_glow", 5, 1.5, props={"radius": "120", "colour": "#5078c8"}),
    O("light", "photo_lamp", 15, 2, props={"radius": "220"}),
    O("light", "table_1", 6, 7, props={"radius": "170"}),
    O("light", "table_2", 14, 7, props={"radius": "170"}),
    O("light", "table_3", 4, 10, props={"radius": "170"}),
    O("light", "table_4", 13, 10, props={"radius": "170"}),
    O("light", "table_5", 22, 10, props={"radius": "170"}),
    O("light", "table_6", 6, 13, props={"radius": "170"}),
    O("light", "table_7", 15, 13, props={"radius": "170"}),
    O("light", "table_8", 25, 13, props={"radius": "170"}),
    O("light", "kitchen", 28, 4, props={"radius": "260", "colour": "#c8d2d2"}),
    O("npc", "cook", 28, 6, props={"speaker": "cook", "dialogue": "cook", "facing": "left"}),
    O("npc", "lou", 3, 7, props={"speaker": "lou", "dialogue": "lou", "facing": "right"}),
    O("npc", "angie", 18, 11, props={"speaker": "angie", "dialogue": "angie", "facing": "up",
                                     "chapters": "adrians"}),
    O("npc", "couple", 13, 13, props={"speaker": "tony", "dialogue": "couple",
                                      "facing": "right", "chapters": "adrians"}),
    O("npc", "robert", 9, 10, props={"speaker": "robert", "dialogue": "robert",
                                     "facing": "right", "chapters": "adrians"}),
    O("npc", "marie", 26, 13, props={"speaker": "marie", "dialogue": "marie_restaurant",
                                     "facing": "left", "chapters": "camp"}),
    O("npc", "paulie_camp", 7, 2, props={"speaker": "paulie", "dialogue": "paulie_camp",
                                         "facing": "down", "chapters": "camp"}),
]

STREET_LEGEND = {
    "#": WALL, "b": ("brick", None, True), "W": ("window", None, True), "N": ("neon", None, True),
    "d": ("shop_door", None, True), ",": ("sidewalk", None, False), "_": ("curb", None, False),
    "r": ("road", None, False), "-": ("road_line", None, False), "L": ("sidewalk", "lamp", True),
    "e": ("sidewalk", "tree", True), "R": ("road", "car_red", True),
    "U": ("road", "car_blue", True), "g": ("shop_door", None, True),
}
STREET = [
    "########################################",
    "#bWbWbbNNNbbWbbWbbbWbbWbbbbbbbWbbbPbbbb#",
    "#bWbWbbbdbbbWbbWbbbWbbWbbbbbbWbbbbgbbbb#",
    "#,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,#",
    "#,,L,,,,,,,,,,,,e,,,,,,,,L,,,,,,,,,,e,,#",
    "#______________________________________#",
    "#rrrrrrRrrrrrrrrrrrrrrrrrrrUrrrrrrrrrrr#",
    "#r--r--r--r--r--r--r--r--r--r--r--r--r-#",
    "#rrrrrrrrrrrrrrrrRrrrrrrrrrrrrrrrrrrrrr#",
    "#______________________________________#",
    "#,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,#",
    "#,e,,,,,,L,,,,,,,,e,,,,,,,,,L,,,,,,e,,,#",
    "########################################",
]
STREET_LEGEND["P"] = ("poster", None, True)

STREET_OBJECTS = [
    O("spawn", "from_adrians", 8, 3, props={"facing": "down"}),
    O("spawn", "from_gym", 34, 3, props={"facing": "down"}),
    O("spawn", "from_camp", 20, 10, props={"facing": "up"}),
    O("door", "adrians_door", 8, 3, 1, 0.25, props={"target": "adrians", "spawn": "from_street"}),
    O("door", "gym_door", 34, 3, 1, 0.25, props={"target": "gym", "spawn": "from_street"}),
    O("light", "neon_glow", 8, 2, props={"radius": "200", "colour": "#ff4060"}),
    O("light", "lamp_1", 3, 4, props={"radius": "260"}),
    O("light", "lamp_2", 25, 4, props={"radius": "260"}),
    O("light", "lamp_3", 9, 11, props={"radius": "260"}),
    O("light", "lamp_4", 28, 11, props={"radius": "260"}),
    O("interact", "neon", 7, 1, 3, 1, props={"dialogue": "neon", "prompt": "Look at the sign"}),
    O("npc", "steps_street", 22, 10, props={"speaker": "steps", "dialogue": "steps",
                                            "facing": "left"}),
]

GYM_LEGEND = {
    "#": WALL, "=": ("gray_wall", None, True), "P": ("poster", None, True),
    "Q": ("speed_bag", None, True), ".": ("gym_floor", None, False),
    "o": ("canvas", None, False), "-": ("ring_rope", None, True), "|": ("canvas", None, True),
    "h": ("gym_floor", "heavy_bag", True), "n": ("gym_floor", "bench", True),
    "m": ("doormat", None, False), "[": ("canvas", "rope_left", True),
    "]": ("canvas", "rope_right", True), "R": ("gym_floor", "post_red", True),
    "B": ("gym_floor", "post_blue", True), "W": ("gym_floor", "post_white", True),
    "a": ("ring_apron", None, True),
}
GYM = [
    "##############################",
    "#=P==QQQ===P====P===P====P===#",
    "#............................#",
    "#..h..h..h.......R----------W#",
    "#................[oooooooooo]#",
    "#................[oooooooooo]#",
    "#..h..h..h.......[oooooooooo]#",
    "#................[oooooooooo]#",
    "#................W----------B#",
    "#................aaaaaaaaaaaa#",
    "#............................#",
    "#.nnn.....................nn.#",
    "########m#####################",
]
GYM_OBJECTS = [
    O("spawn", "from_street", 8, 11, props={"facing": "up"}),
    O("spawn", "camp", 8, 9, props={"facing": "up"}),
    O("door", "gym_exit", 8, 12, props={"target": "street", "spawn": "from_gym"}),
    O("light", "ring_light", 23, 6, props={"radius": "330"}),
    O("light", "bag_light", 4, 3, props={"radius": "240"}),
    O("light", "bag_light_2", 7, 6, props={"radius": "240"}),
    O("light", "door_light", 8, 10, props={"radius": "200"}),
    O("station", "bags", 2, 2, 9, 6, props={"place": "gym", "prompt": "Train at the bags"}),
    O("interact", "ring", 18, 4, 10, 4, props={"dialogue": "gym_ring", "prompt": "Look at the ring"}),
    O("interact", "posters", 1, 1, 3, 1, props={"dialogue": "gym_posters",
                                                  "prompt": "Read the posters"}),
    O("npc", "duke", 12, 6, props={"speaker": "duke", "dialogue": "duke_gym", "facing": "left"}),
    O("npc", "steps_gym", 14, 10, props={"speaker": "steps", "dialogue": "steps_gym",
                                         "facing": "up", "when": "steps_helps"}),
]

LOCKER_LEGEND = {
    "#": WALL, "=": ("locker_wall", None, True), ".": ("locker_floor", None, False),
    "x": ("locker_floor", "carcass", True), "m": ("doormat", None, False),
}
LOCKER = [
    "######################",
    "#====================#",
    "#....................#",
    "#..x..x..x..x..x..x..#",
    "#....................#",
    "#..x..x..x..x..x..x..#",
    "#....................#",
    "#..x..x..x..x..x..x..#",
    "#....................#",
    "#....................#",
    "#....................#",
    "##########m###########",
]
LOCKER_OBJECTS = [
    O("spawn", "camp", 10, 10, props={"facing": "up"}),
    O("door", "locker_exit", 10, 11, props={"target": "street", "spawn": "from_camp"}),
    O("station", "sides", 2, 4, 18, 3, props={"place": "meat_locker",
                                              "prompt": "Work the sides of beef"}),
    O("npc", "paulie_locker", 19, 8, props={"speaker": "paulie", "dialogue": "paulie_locker",
                                            "facing": "left"}),
]

STEPS_LEGEND = {
    "#": ("void", None, True), "_": ("plaza", None, False), "s": ("steps", None, False),
    "g": ("grass", None, False), "e": ("grass", "tree", True), "L": ("plaza", "lamp", True),
    "n": ("plaza", "bench", True), "H": ("hall_wall", None, True),
}
STEPS = [
    "############################",
    "#HHHHHHHHHHHHHHHHHHHHHHHHHH#",
    "#__________________________#",
    "#_L______________________L_#",
    "#gggg___ssssssssssss___gggg#",
    "#gegg___ssssssssssss___ggeg#",
    "#gggg___ssssssssssss___gggg#",
    "#gggg______________________#",
    "#ggeg___ssssssssssss___gegg#",
    "#gggg___ssssssssssss___gggg#",
    "#gggg___ssssssssssss___gggg#",
    "#gggg______________________#",
    "#_n______________________n_#",
    "#__________________________#",
    "#__________________________#",
    "#####_____________##########",
]
STEPS_OBJECTS = [
    O("spawn", "camp", 13, 13, props={"facing": "up"}),
    O("door", "steps_exit", 5, 15, 13, 1, props={"target": "street", "spawn": "from_camp"}),
    O("station", "steps_run", 8, 8, 12, 3, props={"place": "museum_steps",
                                                  "prompt": "Run the steps"}),
    O("interact", "view", 8, 2, 12, 1, props={"dialogue": "steps_top",
                                              "prompt": "Look out over the city"}),
]

HEARING_LEGEND = {
    "#": WALL, "=": ("hall_wall", None, True), "f": ("flag", None, True),
    ".": ("hall_floor", None, False), "r": ("rug", None, False),
    "d": ("hall_floor", "desk", True), "c": ("hall_floor", "chair", False),
    "n": ("hall_floor", "bench", True),
}
HEARING = [
    "########################",
    "#=====f====f====f======#",
    "#......................#",
    "#....dddddddddddddd....#",
    "#......................#",
    "#.........rrrr.........#",
    "#.........rrrr.........#",
    "#.........rrrr.........#",
    "#.nnnnnn..rrrr..nnnnnn.#",
    "#.........rrrr.........#",
    "#......................#",
    "########################",
]
HEARING_OBJECTS = [
    O("spawn", "start", 11.5, 6, props={"facing": "up"}),
    O("light", "bench_light", 12, 3, props={"radius": "320"}),
    O("npc", "chair", 11, 2, props={"speaker": "chair", "dialogue": "hearing", "facing": "down"}),
    O("npc", "commissioner_a", 7, 2, props={"speaker": "commissioner", "dialogue": "hearing",
                                            "facing": "down"}),
    O("npc", "commissioner_b", 16, 2, props={"speaker": "lou", "dialogue": "hearing",
                                             "facing": "down"}),
    O("npc", "paulie_hearing", 4, 9, props={"speaker": "paulie", "dialogue": "hearing_paulie",
                                            "facing": "up"}),
    O("npc", "robert_hearing", 18, 9, props={"speaker": "robert", "dialogue": "hearing_robert",
                                             "facing": "up", "when": "robert_came"}),
    # chapter two starts here: he walks in at the back and up the aisle to the bench
    O("spawn", "door", 11.5, 9.5, props={"facing": "up"}),
]

MAPS = [
    MapSpec("adrians", "Adrian's", ADRIANS, ADRIANS_LEGEND, ADRIANS_OBJECTS),
    MapSpec("street", "South Philadelphia", STREET, STREET_LEGEND, STREET_OBJECTS),
    MapSpec("gym", "The gym", GYM, GYM_LEGEND, GYM_OBJECTS),
    MapSpec("meat_locker", "The meat locker", LOCKER, LOCKER_LEGEND, LOCKER_OBJECTS),
    MapSpec("museum_steps", "The museum steps", STEPS, STEPS_LEGEND, STEPS_OBJECTS),
    MapSpec("hearing", "The commission", HEARING, HEARING_LEGEND, HEARING_OBJECTS),
]
