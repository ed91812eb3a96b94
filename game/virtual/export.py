"""Export a run: one CSV row per bout, and one JSON file with the spec, the summary, the details
and the per-bout arrays, so a spreadsheet or a script can check the computer's verdict."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import numpy as np

from game.combat.sim import bout_seeds
from game.combat.state import METHODS, NO_WINNER
from game.paths import write_atomic
from game.virtual.run import RunData, RunSpec
from game.virtual.stats import details

CSV_COLUMNS = ("bout", "seed", "winner", "method", "end_round", "end_seconds", "kd_a", "kd_b",
               "card1_a", "card1_b", "card2_a", "card2_b", "card3_a", "card3_b",
               "landed_a", "landed_b")
WINNER_NAMES = {0: "a", 1: "b", NO_WINNER: "draw"}


def base_name(spec: RunSpec) -> str:
    """A file name that says what the run was: virtual-rocky30-dixon30-10r-2000-seed1."""
    raw = (f"virtual-{spec.a_id}{spec.a_age}-{spec.b_id}{spec.b_age}-{spec.rounds}r-"
           f"{spec.bouts}-seed{spec.seed}")
    return re.sub(r"[^A-Za-z0-9_.-]", "_", raw)


def to_csv(data: RunData) -> str:
    """The finished bouts, one row each, in bout order."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    idx = np.nonzero(data.finished)[0]
    seeds = bout_seeds(data.spec.seed, 0, data.bouts)
    secs = data.end_seconds()
    for k in idx.tolist():
        cards = data.cards[k].reshape(-1).tolist()
        w.writerow([k, int(seeds[k]), WINNER_NAMES[int(data.winner[k])],
                    METHODS[int(data.method[k])], int(data.end_round[k]), f"{secs[k]:.1f}",
                    *data.kd_total[k].tolist(), *cards, *data.landed[k].tolist()])
    return buf.getvalue()


def to_json(data: RunData) -> dict:
    """Spec, sim's summary, the details and the per-bout arrays (finished bouts only)."""
    f = data.finished
    return {
        "spec": data.spec.to_dict(),
        "names": list(data.spec.names()),
        "summary": data.summary(),
        "details": details(data),
        "bouts": {
            "index": np.nonzero(f)[0].tolist(),
            "winner": data.winner[f].tolist(),
            "method": [METHODS[m] for m in data.method[f].tolist()],
            "end_round": data.end_round[f].tolist(),
            "end_ticks": data.end_ticks[f].tolist(),
            "knockdowns": data.kd_total[f].tolist(),
            "cards": data.cards[f].tolist(),
            "landed": data.landed[f].tolist(),
        },
    }


def export_run(data: RunData, folder: Path) -> tuple[Path, Path]:
    """Write <name>.csv and <name>.json into folder (made if needed); returns both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    name = base_name(data.spec)
    csv_path, json_path = folder / f"{name}.csv", folder / f"{name}.json"
    _write_atomic(csv_path, to_csv(data))
    # compact (no indent): 100,000 bouts stay a few MB
    _write_atomic(json_path, json.dumps(to_json(data), separators=(",", ":")) + "\n")
    return csv_path, json_path


def _write_atomic(path: Path, text: str) -> None:
    """A crash or a full disk mid-write never leaves half a file under the real name."""
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
