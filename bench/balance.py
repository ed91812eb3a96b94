"""Balance table: simulate the issue's target match-ups and print each against its target.

    python bench/balance.py [--bouts 300] [--rounds 10] [--seed 1] [--spike-bouts 2000]

All match-ups run in one batch over two processes. Tune the data (assets/fighters/*.toml,
assets/moves.toml) until every row says ok.
"""
from __future__ import annotations

import argparse
import itertools
import math
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.combat import Rules, list_fighters, load_fighter
from game.combat.bots import BOTS, ONE_BUTTON
from game.combat.sim import MASHER
from game.engine import run_mixed


def _stats(fid: str, age: int | None = None):
    f = load_fighter(fid)
    return f.at_age(age if age is not None else f.prime_age)


def _pct(x: float, total: int) -> float:
    return 100.0 * x / max(1, total)


def _tail(n: int, c: int, p: float) -> float:
    """P(X >= c) for X ~ Binomial(n, p)."""
    return sum(math.comb(n, x) * p ** x * (1 - p) ** (n - x) for x in range(c, n + 1))


def _spiky_rounds(hist: np.ndarray, slack: bool) -> list[int]:
    """Rounds (1-based) holding more than twice the mean of their neighbouring rounds'
    stoppages. With `slack` (one pairing's counts out of a hundred or so bouts), only where the
    excess stands out of the counting noise: given the c + S stoppages of the round (c) and its
    k neighbours (S), a round at exactly twice their mean holds each of them with chance
    2 / (k + 2); it is a spike when c or more that way would happen less than 2.3% of the time
    (two standard deviations). That counts the noise of the neighbours too, and stays exact for
    the handful of stoppages a pairing of defensive men has."""
    bad = []
    for r in range(hist.size):
        c = int(hist[r])
        near = int(hist[max(r - 1, 0):r + 2].sum()) - c
        k = 2 if 0 < r < hist.size - 1 else 1
        if c * k <= 2 * near:
            continue  # not above twice the neighbours' mean at all
        if not slack or _tail(c + near, c, 2 / (k + 2)) < 0.023:
            bad.append(r + 1)
    return bad


def _realism(res: dict, keys: list[str], spikes: dict) -> list[tuple[str, str, str, bool]]:
    """CPU-against-CPU bouts that look like boxing: knockdowns in a fair share of bouts,
    clinches, and stoppages spread over the rounds (no round a spike: issue 11). The rounds
    are judged on `spikes`, the same pairings with enough bouts each to tell a round at twice
    its neighbours from one at two and a half times (a hundred bouts cannot)."""
    kd = np.concatenate([res[k].knockdowns.sum(axis=1) for k in keys])
    cl = np.concatenate([res[k].extra["clinches"].sum(axis=1) for k in keys])
    hists = {k: np.asarray(list(spikes[k].summary()["stoppage_rounds"].values())) for k in keys}
    total = sum(hists.values())
    spiky = {k: _spiky_rounds(h, slack=True) for k, h in hists.items()}
    print("\nstoppages by round (all CPU pairings):", " ".join(str(int(c)) for c in total))
    for k, bad in spiky.items():
        if bad:
            print(f"  {k}: rounds {bad} spike: {' '.join(str(int(c)) for c in hists[k])}")
    with_kd = _pct(int((kd > 0).sum()), kd.size)
    agg = _spiky_rounds(total, slack=False)
    return [("CPU v CPU: knockdowns per bout", f"{kd.mean():.2f}", "(figure)", True),
            ("CPU v CPU: bouts with a knockdown", f"{with_kd:.0f}%", "30-85%", 30 <= with_kd <= 85),
            ("CPU v CPU: clinches per bout", f"{cl.mean():.1f}", ">= 2", cl.mean() >= 2),
            ("stoppage rounds: no spike, all pairings", " ".join(map(str, agg)) or "none",
             "round <= 2x nbrs", not agg),
            ("stoppage rounds: no spike, each pairing", f"{sum(map(bool, spiky.values()))} spiky",
             "none (beyond noise)", not any(spiky.values()))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bouts", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--spike-bouts", type=int, default=2000,
                    help="bouts per pairing for the stoppage-round rows")
    args = ap.parse_args(argv)
    rules = Rules(rounds=args.rounds)
    n = args.bouts
    t0 = time.time()
    d30, r30, r60 = _stats("dixon", 30), _stats("rocky", 30), _stats("rocky", 60)
    jobs = [("masher", (d30, d30, MASHER, "medium", n))]
    for lv in ("easy", "medium", "hard"):
        jobs.append((f"{lv} vs medium", (d30, d30, lv, "medium", n)))
    for lv in ("easy", "medium", "hard"):
        jobs.append((f"{lv} vs masher", (d30, d30, lv, MASHER, n)))
    jobs.append(("rocky30", (r30, d30, "medium", "medium", n)))
    jobs.append(("rocky60", (r60, d30, "medium", "medium", n)))
    from game.training.gains import best_camp  # training: the most a camp can give him at 60
    r60camp = load_fighter("rocky").at_age(60, best_camp("rocky", 60))
    jobs.append(("rocky60camp", (r60camp, d30, "medium", "medium", n)))
    pairs = list(itertools.combinations(list_fighters(), 2))
    for fa, fb in pairs:
        jobs.append((f"{fa} vs {fb}", (_stats(fa), _stats(fb), "medium", "medium", n)))
    res = dict(zip([j[0] for j in jobs], run_mixed([j[1] for j in jobs], rules, args.seed)))
    # a beginner's plan (game.combat.bots) as rocky@35 against each CPU level as dixon@30
    r35 = _stats("rocky", 35)
    plans = [bot for bot in BOTS if bot not in ONE_BUTTON]
    bot_jobs = [(f"{bot} vs {lv}", (r35, d30, bot, lv, n)) for bot in plans
                for lv in ("easy", "medium", "hard")]
    # the one-button player (jab only) against each level: the Dixon mirror over 3 rounds, and
    # the story's last fight, rocky@60 against dixon@30 over ten
    r60, n10 = _stats("rocky", 60), max(40, n // 4)
    bot_jobs += [(f"{bot} mirror vs {lv}", (d30, d30, bot, lv, n)) for bot in ONE_BUTTON
                 for lv in ("easy", "medium", "hard")]
    res.update(zip([j[0] for j in bot_jobs],
                   run_mixed([j[1] for j in bot_jobs], Rules(rounds=3), args.seed)))
    story = [(f"{bot} rocky60 vs {lv}", (r60, d30, bot, lv, n10)) for bot in ONE_BUTTON
             for lv in ("easy", "medium", "hard")]
    res.update(zip([j[0] for j in story], run_mixed([j[1] for j in story], rules, args.seed)))

    def win(key: str, side: int) -> float:
        s = res[key].summary()
        return _pct((s["a_wins"], s["b_wins"])[side] + 0.5 * s["draws"], s["bouts"])

    rows = []
    v = win("masher", 1)
    rows.append(("medium CPU beats the masher bot", f"{v:.1f}%", ">= 90%", v >= 90))
    lad = [win(f"{lv} vs medium", 0) for lv in ("easy", "medium", "hard")]
    ok = lad[0] < lad[1] < lad[2] and max(lad[1] - lad[0], lad[2] - lad[1]) <= 30
    rows.append(("easy/medium/hard vs medium CPU", " / ".join(f"{x:.0f}%" for x in lad),
                 "rising, steps <= 30", ok))
    mash = [win(f"{lv} vs masher", 0) for lv in ("easy", "medium", "hard")]
    # every level beats a masher almost always: at that ceiling one bout in 300 reorders the
    # levels, so the row allows the same counting noise as the one-button rows below
    rows.append(("easy/medium/hard vs masher", " / ".join(f"{x:.1f}%" for x in mash),
                 "rising(+-3), e>=90", mash[0] <= mash[1] + 3 and mash[1] <= mash[2] + 3
                 and mash[0] >= 90))
    for bot in plans:
        cpu = [win(f"{bot} vs {lv}", 1) for lv in ("easy", "medium", "hard")]
        rows.append((f"CPU e/m/h vs {bot} script (3 rds)", " / ".join(f"{x:.0f}%" for x in cpu),
                     "<=35 rising >=70", cpu[0] <= 35 and cpu[0] <= cpu[1] < cpu[2]
                     and cpu[2] >= 70))
    for bot in ONE_BUTTON:
        for key, title, lo_m, lo_h in (("mirror", "dixon mirror, 3 rds", 65, 88),
                                       ("rocky60", "rocky@60 v dixon@30", 75, 95)):
            cpu = [win(f"{bot} {key} vs {lv}", 1) for lv in ("easy", "medium", "hard")]
            rows.append((f"CPU e/m/h vs {bot}: {title}", " / ".join(f"{x:.0f}%" for x in cpu),
                         f"rising(+-3), m>={lo_m} h>={lo_h}",
                         cpu[0] <= cpu[1] + 3 and cpu[1] <= cpu[2] + 3 and cpu[1] >= lo_m
                         and cpu[2] >= lo_h))
    v = win("rocky30", 0)
    rows.append(("rocky@30 beats dixon@30", f"{v:.1f}%", "40-60%", 40 <= v <= 60))
    v = win("rocky60", 0)
    rows.append(("rocky@60 beats dixon@30", f"{v:.1f}%", "15-50%", 15 <= v < 50))
    camp = win("rocky60camp", 0)
    rows.append(("rocky@60 after the best camp", f"{camp:.1f}%", f">= {v + 8:.0f}%, < 45%",
                 v + 8 <= camp < 45))  # clearly better for the camp, still the underdog
    dec = stop = total = 0
    print(f"{'pairing':24} {'a wins':>7} {'KO':>5} {'TKO':>5} {'dec':>5} {'draw':>5}")
    for key in ["rocky30", "rocky60", "rocky60camp"] + [f"{a} vs {b}" for a, b in pairs]:
        s = res[key].summary()
        m = s["methods"]
        st = m["KO"] + m["TKO"]
        nb = s["bouts"]
        print(f"{key:24} {_pct(s['a_wins'], nb):6.1f}% {_pct(m['KO'], nb):4.0f}% "
              f"{_pct(m['TKO'], nb):4.0f}% {_pct(nb - st, nb):4.0f}% {_pct(s['draws'], nb):4.0f}%")
        if " vs " in key:
            dec, stop, total = dec + nb - st, stop + st, total + nb
    # every fighter wins about as often as the others across his pairings
    for fid in list_fighters():
        mine = [win(f"{a} vs {b}", 0 if a == fid else 1) for a, b in pairs if fid in (a, b)]
        v = sum(mine) / len(mine)
        rows.append((f"{fid}: mean win over his pairings", f"{v:.1f}%", "35-65%", 35 <= v <= 65))
    cpu_keys = ["rocky30", "rocky60", "rocky60camp"] + [f"{a} vs {b}" for a, b in pairs]
    by_key = {j[0]: j[1] for j in jobs}
    big = [(*by_key[k][:4], args.spike_bouts) for k in cpu_keys]
    spikes = dict(zip(cpu_keys, run_mixed(big, rules, args.seed + 7_919)))
    rows += _realism(res, cpu_keys, spikes)
    vd, vs = _pct(dec, total), _pct(stop, total)
    rows.append(("all pairings: decisions", f"{vd:.1f}%", "25-75%", 25 <= vd <= 75))
    rows.append(("all pairings: stoppages", f"{vs:.1f}%", "25-75%", 25 <= vs <= 75))
    print(f"\n{'target':44} {'measured':>20} {'want':>22}  ok")
    for name, got, want, good in rows:
        print(f"{name:44} {got:>20} {want:>22}  {'ok' if good else 'MISS'}")
    print(f"\n{n} bouts per row and pairing ({n10} per rocky@60 one-button row, "
          f"{args.spike_bouts} per pairing for the stoppage rounds), {args.rounds} rounds, "
          f"seed {args.seed}, {time.time() - t0:.0f} s")
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
