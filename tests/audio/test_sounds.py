"""Every sound builds, is audible, is not clipped, and the punches are told apart."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from game.audio import MUSIC_NAMES, SFX_NAMES, bank, dsp, score

CONTRACT_SFX = [
    "jab",
    "power",
    "body",
    "block",
    "whiff",
    "bell",
    "crowd_bed",
    "crowd_swell",
    "crowd_roar",
    "count",
    "step",
    "ui_move",
    "ui_confirm",
    "ui_back",
]
CONTRACT_MUSIC = ["menu", "intro"]
FULL_SCALE = 32768.0


def _f(x: np.ndarray) -> np.ndarray:
    return x.astype(np.float64) / FULL_SCALE


def _centroid_hz(x: np.ndarray) -> float:
    mono = _f(x).mean(axis=1)
    spec = np.abs(np.fft.rfft(mono)) ** 2
    f = np.fft.rfftfreq(len(mono), 1 / dsp.SAMPLE_RATE_HZ)
    return float((spec * f).sum() / spec.sum())


def _band_share(x: np.ndarray, lo_hz: float, hi_hz: float) -> float:
    mono = _f(x).mean(axis=1)
    spec = np.abs(np.fft.rfft(mono)) ** 2
    f = np.fft.rfftfreq(len(mono), 1 / dsp.SAMPLE_RATE_HZ)
    return float(spec[(f >= lo_hz) & (f < hi_hz)].sum() / spec.sum())


def test_every_contract_name_is_provided() -> None:
    assert set(CONTRACT_SFX) <= set(SFX_NAMES)
    assert set(CONTRACT_MUSIC) <= set(MUSIC_NAMES)


@pytest.mark.parametrize("name", list(bank.BUILD_ORDER))
def test_sound_is_stereo_audible_and_not_clipped(built: dict[str, np.ndarray], name: str) -> None:
    x = built[name]
    assert x.dtype == np.int16 and x.ndim == 2 and x.shape[1] == 2
    assert len(x) > dsp.n_samples(0.05)
    peak = np.abs(x.astype(np.int32)).max() / FULL_SCALE
    assert peak < 0.99, f"{name} clips: peak {peak:.3f} FS"
    for ch in range(2):
        rms_db = 20 * np.log10(np.sqrt(np.mean(_f(x[:, ch]) ** 2)))
        assert rms_db > -45, f"{name} channel {ch} is nearly silent ({rms_db:.1f} dBFS RMS)"
    assert abs(_f(x).mean()) < 0.01, f"{name} has a DC offset"


@pytest.mark.parametrize("name", ["crowd_bed", "menu", "intro"])
def test_loops_join_without_a_click(built: dict[str, np.ndarray], name: str) -> None:
    x = _f(built[name])
    steps = np.abs(np.diff(x, axis=0))
    seam = np.abs(x[0] - x[-1])
    assert np.all(seam <= np.percentile(steps, 99.9, axis=0) * 1.5), (
        f"{name} clicks at the loop seam"
    )


def test_sounds_do_not_start_or_end_with_a_jump(built: dict[str, np.ndarray]) -> None:
    for name in bank.BUILD_ORDER:
        if bank.SOUND_DEFS[name].loop:
            continue
        x = _f(built[name])
        assert np.abs(x[-1]).max() < 0.01, f"{name} is cut off at the end"


def test_punches_are_distinct(built: dict[str, np.ndarray]) -> None:
    jab, power, body, block = (built[n] for n in ("jab", "power", "body", "block"))
    # jab bright and short; power deep and long; body muffled; block mid-range, little bass
    assert _centroid_hz(jab) > 1.5 * _centroid_hz(block)
    assert _centroid_hz(block) > max(_centroid_hz(power), _centroid_hz(body))
    assert len(power) > 2 * len(jab)
    assert _band_share(power, 20, 250) > 0.5
    assert _band_share(body, 4000, 22050) < 0.01 < _band_share(jab, 4000, 22050)
    assert _band_share(block, 20, 120) < 0.05


def test_power_punch_still_lands_on_laptop_speakers(built: dict[str, np.ndarray]) -> None:
    """Small speakers play little under ~250 Hz: the power punch must not shrink below
    the jab there (its mid-range thwack carries it)."""

    def small_speaker_db(name: str) -> float:
        return dsp.loudness_db(dsp.highpass(_f(built[name]).mean(axis=1), 250, 4))

    assert small_speaker_db("power") > small_speaker_db("jab")
    assert small_speaker_db("body") > small_speaker_db("block")


def test_bell_rings_long_with_inharmonic_partials(built: dict[str, np.ndarray]) -> None:
    x = _f(built["bell_single"]).mean(axis=1)
    assert len(x) > dsp.n_samples(2.0)
    early = x[: dsp.n_samples(0.5)]
    late = x[dsp.n_samples(1.5) : dsp.n_samples(2.0)]
    # still ringing after 1.5 s: within 25 dB of the strike
    assert np.sqrt(np.mean(late**2)) > np.sqrt(np.mean(early**2)) * 10 ** (-25 / 20)
    spec = np.abs(np.fft.rfft(x[: dsp.n_samples(1.0)]))
    f = np.fft.rfftfreq(dsp.n_samples(1.0), 1 / dsp.SAMPLE_RATE_HZ)
    top = f[np.argsort(spec)[-400:]]
    prime = 880.0
    ratios = top[top > 500] / prime
    assert np.any(np.abs(ratios - 1.19) < 0.02), "no minor-third (tierce) partial: not a bell"


def test_whiff_is_airy_and_moves_across(built: dict[str, np.ndarray]) -> None:
    x = _f(built["whiff"])
    assert _centroid_hz(built["whiff"]) > 2000
    half = len(x) // 2
    first_lr = np.sqrt(np.mean(x[:half, 0] ** 2)) / np.sqrt(np.mean(x[:half, 1] ** 2))
    second_lr = np.sqrt(np.mean(x[half:, 0] ** 2)) / np.sqrt(np.mean(x[half:, 1] ** 2))
    assert first_lr > 1.0 > second_lr


def test_crowd_bed_is_babble_not_steady_noise(built: dict[str, np.ndarray]) -> None:
    """Voices come and go: the level in 4 kHz..0.5 kHz bands fluctuates like speech, and
    the energy sits in the voice range, unlike white noise."""
    x = _f(built["crowd_bed"]).mean(axis=1)
    assert 0.5 < _band_share(built["crowd_bed"], 250, 4000)
    assert _band_share(built["crowd_bed"], 4000, 22050) < 0.1
    frame = dsp.n_samples(0.05)
    levels = np.sqrt(np.mean(x[: len(x) // frame * frame].reshape(-1, frame) ** 2, axis=1))
    assert 0.05 < levels.std() / levels.mean() < 0.6  # alive, but a dense crowd, not a few people


def test_roar_is_louder_than_the_bed(built: dict[str, np.ndarray]) -> None:
    def rms(n: str) -> float:
        return float(np.sqrt(np.mean(_f(built[n]) ** 2)))

    assert rms("crowd_roar") > rms("crowd_bed") * 0.5
    peak_window = max(
        np.sqrt(np.mean(_f(built["crowd_roar"])[i : i + 22050] ** 2))
        for i in range(0, len(built["crowd_roar"]) - 22050, 11025)
    )
    assert peak_window > 1.5 * rms("crowd_bed")


@pytest.mark.parametrize("name", [n for n in bank.BUILD_ORDER if bank.SOUND_DEFS[n].variants > 1])
def test_takes_differ_but_match_in_level(
    takes: dict[tuple[str, int], np.ndarray], name: str
) -> None:
    variants = [takes[(name, v)] for v in range(bank.SOUND_DEFS[name].variants)]
    tolerance = 0.8 if name == "count" else 0.3  # the referee calls different vowels
    levels = [dsp.loudness_db(_f(x)) for x in variants]
    assert max(levels) - min(levels) < 1.5
    for a, b in itertools.pairwise(variants):
        n = min(len(a), len(b))
        assert not np.array_equal(a[:n], b[:n])
        assert abs(_centroid_hz(a) / _centroid_hz(b) - 1) < tolerance  # the same sound
    for x in variants:
        assert np.abs(x.astype(np.int32)).max() / FULL_SCALE < 0.99


def test_builds_are_deterministic() -> None:
    assert np.array_equal(bank.build("jab"), bank.build("jab"))


def _click_times_s(x: np.ndarray, skip_s: float = 0.06) -> list[float]:
    """Moments where the top octave jumps 20 dB above everything in the 20 ms before it:
    the signature of a cut-off buffer or a discontinuity, not of a sound's own attack."""
    mono = dsp.highpass(_f(x).mean(axis=1), 6000, 4)
    frame = dsp.n_samples(0.002)
    k = len(mono) // frame
    level = np.sqrt(np.mean(mono[: k * frame].reshape(k, frame) ** 2, axis=1))
    found = []
    for i in range(int(skip_s / 0.002), k):
        before = level[max(0, i - 10) : i].max()
        if level[i] > 5e-4 and level[i] > 10 * before:  # under -66 dB FS is inaudible
            found.append(i * 0.002)
    return found


def test_click_detector_finds_a_cut() -> None:
    n = dsp.n_samples(0.3)
    tone = dsp.sine(220.0, n) * 0.5
    tone[dsp.n_samples(0.2) :] = 0.0  # a sound cut off mid-wave
    x = dsp.to_int16(dsp.pan(tone, 0.0))
    assert _click_times_s(x) and abs(_click_times_s(x)[0] - 0.2) < 0.01


@pytest.mark.parametrize(
    "name, attacks_end_s",
    [
        ("jab", 0.06),
        ("power", 0.06),
        ("body", 0.06),
        ("block", 0.06),
        ("whiff", 0.06),
        ("step", 0.06),
        ("count", 0.06),
        ("bell_single", 0.06),
        ("ui_move", 0.06),
        ("ui_back", 0.1),
        ("ui_confirm", 0.2),  # two and three notes: each has its own attack
    ],
)
def test_no_clicks_after_the_attack(
    built: dict[str, np.ndarray], name: str, attacks_end_s: float
) -> None:
    assert _click_times_s(built[name], attacks_end_s) == []


def test_punch_loudness_follows_their_weight(built: dict[str, np.ndarray]) -> None:
    loud = {n: dsp.loudness_db(_f(built[n])) for n in ("power", "body", "jab", "block", "whiff")}
    assert loud["power"] > loud["body"] > loud["jab"] > loud["block"] > loud["whiff"]


@pytest.mark.parametrize("name", list(bank.BUILD_ORDER))
def test_levels_meet_their_targets(built: dict[str, np.ndarray], name: str) -> None:
    """Within 1.5 dB of the designed loudness: the peak limiter did not have to crush it."""
    got = dsp.loudness_db(_f(built[name]))
    assert abs(got - bank.SOUND_DEFS[name].loudness_db) < 1.5


def test_intro_music_builds_up(built: dict[str, np.ndarray]) -> None:
    """The fight-intro music is tense and building: its last two bars are far louder than
    its first two."""
    x = _f(built["intro"])
    sc = score.load_score("intro")
    bar_n = len(x) // sc.bars

    def level_db(a: int, b: int) -> float:
        return float(10 * np.log10(np.mean(x[a * bar_n : b * bar_n] ** 2)))

    assert level_db(sc.bars - 2, sc.bars) - level_db(0, 2) > 6.0
