"""Render every frame of a fighter variant, trim, pack into one PNG and write Aseprite JSON.

JSON layout: Aseprite's "array" export (frames[] with filename, frame, rotated, trimmed,
spriteSourceSize, sourceSize, duration in ms; meta.frameTags[]) plus our per-frame extras:
duration_ticks, anchor (feet centre, frame coords), hurtbox/hitbox rects, phase; and per tag
`loop`. Frames are drawn facing right; the game mirrors them for facing left.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import numpy as np

from .figure import Boxes, draw_figure
from .look import Look
from .pngpal import write_png_indexed
from .poses import LOOPING, TAGS, Frame, library, sample, styled
from .raster import Canvas
from .skeleton import make_body, solve
from .smear import draw_smear, glove_centre

PX_PER_CM = 1.5  # a 190 cm heavyweight is ~285 px tall on the 1280x720 logical screen
SUPERSAMPLE = 2
SHEET_W = 2048
PAD = 2
VETERAN_SLOW = 1.15  # the old man's every move takes a little longer
LEAD_PUNCHES = ("jab", "hook")


Rect = tuple[int, int, int, int]


def _trim(rgba: np.ndarray, anchor: tuple[int, int]) -> Rect:
    """Bounding box of the visible pixels, grown to keep the anchor inside the frame."""
    ys, xs = np.nonzero(rgba[..., 3] > 0)
    if len(xs) == 0:
        xs, ys = np.array([anchor[0]]), np.array([anchor[1]])
    x0 = max(0, min(int(xs.min()) - PAD, anchor[0] - 1))
    y0 = max(0, min(int(ys.min()) - PAD, anchor[1] - 1))
    x1 = min(rgba.shape[1], max(int(xs.max()) + 1 + PAD, anchor[0] + 1))
    y1 = min(rgba.shape[0], max(int(ys.max()) + 1 + PAD, anchor[1] + 1))
    return (int(x0), int(y0), int(x1 - x0), int(y1 - y0))


def _rel(r: Rect | None, ox: int, oy: int) -> dict | None:
    if r is None:
        return None
    return {"x": r[0] - ox, "y": r[1] - oy, "w": r[2], "h": r[3]}


def _union(a: Rect | None, b: Rect | None) -> Rect | None:
    if a is None or b is None:
        return a or b
    x0, y0 = min(a[0], b[0]), min(a[1], b[1])
    x1, y1 = max(a[0] + a[2], b[0] + b[2]), max(a[1] + a[3], b[1] + b[3])
    return (x0, y0, x1 - x0, y1 - y0)


def canvas_size(look: Look) -> tuple[int, int, tuple[int, int]]:
    """Untrimmed frame size and the anchor in it: room behind for a fall, below for lying."""
    H = look.height_cm * PX_PER_CM
    cw, ch = int(2.0 * H), int(1.3 * H)
    return cw, ch, (int(0.95 * H), ch - int(0.05 * H))


def render_frames(look: Look) -> list[tuple[str, int, Frame, np.ndarray, Rect, Boxes, tuple[int, int]]]:
    """Every (tag, index, frame, trimmed rgba, trim rect, boxes, anchor in canvas px)."""
    body = make_body(look, PX_PER_CM)
    cw, ch, anchor = canvas_size(look)
    slow = VETERAN_SLOW if look.veteran else 1.0
    out = []
    lib = library()
    for tag in TAGS:
        start, segs = lib[tag]
        kind = tag.split("_")[0]
        hand = "l" if kind in LEAD_PUNCHES else "r"
        trail: list = []
        prev_phase = None
        for i, fr in enumerate(sample(start, segs, slow)):
            cv = Canvas(cw, ch, SUPERSAMPLE)
            fr = Frame(styled(fr.pose, look.style, tag), fr.ticks, fr.phase)
            joints = solve(body, fr.pose)
            if kind in ("jab", "cross", "hook", "uppercut"):
                trail = (trail + [glove_centre(body, joints, hand)])[-3:]
                if fr.phase == "active" and prev_phase != "active":
                    draw_smear(cv, anchor, body, trail, kind)
                prev_phase = fr.phase
            boxes = draw_figure(cv, look, body, joints, anchor, fr.pose.face)
            rgba = cv.to_rgba8()
            r = _trim(rgba, anchor)
            out.append((tag, i, fr, rgba[r[1]:r[1] + r[3], r[0]:r[0] + r[2]].copy(), r, boxes,
                        anchor))
    return out


def build_sheet(look: Look, variant: str) -> tuple[np.ndarray, dict]:
    """Pack the frames (shelf packing in tag order) and build the JSON document."""
    frames = render_frames(look)
    cw, ch, _ = canvas_size(look)
    x = y = shelf = 0
    places = []
    for _tag, _i, _fr, img, _r, _b, _a in frames:
        h, w = img.shape[:2]
        if x + w > SHEET_W:
            x, y, shelf = 0, y + shelf, 0
        places.append((x, y))
        x += w
        shelf = max(shelf, h)
    sheet_h = y + shelf
    sheet = np.zeros((sheet_h, SHEET_W, 4), dtype=np.uint8)
    name = f"{look.fighter_id}_{variant}"
    jframes: list[dict] = []
    tags: list[dict] = []
    for k, ((tag, i, fr, img, r, boxes, anchor), (px, py)) in enumerate(zip(frames, places)):
        h, w = img.shape[:2]
        sheet[py:py + h, px:px + w] = img
        ox, oy = r[0], r[1]
        lead = tag.split("_")[0] in LEAD_PUNCHES
        hit = (boxes.lead_glove if lead else boxes.rear_glove) if fr.phase == "active" else None
        jframes.append({
            "filename": f"{name} {tag} {i}",
            "frame": {"x": px, "y": py, "w": w, "h": h},
            "rotated": False,
            "trimmed": True,
            "spriteSourceSize": {"x": ox, "y": oy, "w": w, "h": h},
            "sourceSize": {"w": cw, "h": ch},
            "duration": round(fr.ticks * 1000 / 60),
            "duration_ticks": fr.ticks,
            "anchor": {"x": anchor[0] - ox, "y": anchor[1] - oy},
            "hurtbox": _rel(_union(boxes.head, boxes.body), ox, oy),
            "hurtbox_head": _rel(boxes.head, ox, oy),
            "hurtbox_body": _rel(boxes.body, ox, oy),
            "hitbox": _rel(hit, ox, oy),
            "phase": fr.phase,
        })
        if not tags or tags[-1]["name"] != tag:
            tags.append({"name": tag, "from": k, "to": k, "direction": "forward",
                         "loop": tag in LOOPING})
        tags[-1]["to"] = k
    doc = {
        "frames": jframes,
        "meta": {
            "app": "still-a-fighter tools/make_sprites.py",
            "version": "1",
            "image": f"{name}.png",
            "format": "RGBA8888",
            "size": {"w": SHEET_W, "h": sheet_h},
            "scale": "1",
            "frameTags": tags,
            "fighter": look.fighter_id,
            "variant": variant,
            "facing": "right",
            "height_px": round(look.height_cm * PX_PER_CM),
            "ticks_per_second": 60,
            "source_hash": source_hash(look),
        },
    }
    return sheet, doc


def write_sheet(look: Look, variant: str, out_dir: Path) -> tuple[Path, Path]:
    """Write <id>_<variant>.png and .json; returns their paths."""
    sheet, doc = build_sheet(look, variant)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"{look.fighter_id}_{variant}"
    png, js = out_dir / f"{name}.png", out_dir / f"{name}.json"
    write_png_indexed(png, sheet)
    js.write_text(dump_json(doc), encoding="utf-8")
    return png, js


def dump_json(doc: dict) -> str:
    """Readable but compact: one frame per line."""
    frames = ",\n  ".join(json.dumps(f, separators=(",", ":")) for f in doc["frames"])
    meta = json.dumps(doc["meta"], indent=1)
    return f'{{"frames": [\n  {frames}\n ],\n "meta": {meta}\n}}\n'


def source_hash(look: Look) -> str:
    """Hash of everything a sheet is made from: the generator's code and the fighter's look.
    Stored in the JSON so a test can tell when the committed sheets are stale."""
    h = hashlib.sha256(json.dumps(dataclasses.asdict(look), sort_keys=True).encode())
    for src in sorted(Path(__file__).parent.glob("*.py")):
        h.update(src.name.encode())
        h.update(src.read_bytes().replace(b"\r\n", b"\n"))
    return h.hexdigest()[:16]
