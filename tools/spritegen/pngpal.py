"""Write an RGBA image as an 8-bit palette PNG (with per-entry alpha) to keep sheets small.

The figures use a few hundred distinct colours (cel-shaded tones plus anti-aliased edges), so the
256 most used RGBA colours cover ~98% of pixels and the rest map to their nearest entry: about a
quarter of the bytes of a truecolour PNG with no visible change.
"""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np


def quantize(rgba: np.ndarray, n: int = 256) -> tuple[np.ndarray, np.ndarray]:
    """(h, w, 4) uint8 -> (indices (h, w) uint8, palette (n, 4) uint8). Index 0 is transparent."""
    flat = np.ascontiguousarray(rgba.reshape(-1, 4)).copy()
    flat[flat[:, 3] == 0] = 0
    keys = flat.view(np.uint32).reshape(-1)  # one 32-bit key per pixel: fast unique
    ukeys, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    colors = ukeys.view(np.uint8).reshape(-1, 4)
    inverse = inverse.reshape(-1)
    transparent = np.all(colors == 0, axis=1)
    order = np.argsort(-counts)
    order = order[~transparent[order]][: n - 1]
    palette = np.zeros((n, 4), dtype=np.uint8)
    palette[1:1 + len(order)] = colors[order]
    # Nearest palette entry for every distinct colour (premultiplied, so faint edges match
    # by what they show, not by the colour of an invisible pixel).
    def pm(c: np.ndarray) -> np.ndarray:
        c = c.astype(np.float32)
        return np.concatenate([c[:, :3] * (c[:, 3:4] / 255.0), c[:, 3:4]], axis=1)

    pc, cc = pm(palette[: 1 + len(order)]), pm(colors)
    lut = np.empty(len(colors), dtype=np.uint8)
    for start in range(0, len(colors), 1024):
        d = ((cc[start:start + 1024, None, :] - pc[None, :, :]) ** 2).sum(axis=2)
        lut[start:start + 1024] = d.argmin(axis=1)
    lut[transparent] = 0
    return lut[inverse].reshape(rgba.shape[:2]), palette


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def write_png_indexed(path: Path, rgba: np.ndarray) -> None:
    idx, pal = quantize(rgba)
    used = int(idx.max()) + 1
    h, w = idx.shape
    raw = np.zeros((h, w + 1), dtype=np.uint8)  # filter byte 0 (none) per row
    raw[:, 1:] = idx
    png = b"\x89PNG\r\n\x1a\n"
    png += _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 3, 0, 0, 0))
    png += _chunk(b"PLTE", pal[:used, :3].tobytes())
    png += _chunk(b"tRNS", pal[:used, 3].tobytes())
    png += _chunk(b"IDAT", zlib.compress(raw.tobytes(), 9))
    png += _chunk(b"IEND", b"")
    Path(path).write_bytes(png)
