"""Age curves: how each rating moves away from its peak.

Speed falls first and fastest, power holds longest, recovery and chin fall steadily, heart never
falls. Plain polynomial arithmetic (no exp/pow), so every machine computes the same ratings.
"""
from __future__ import annotations

ATTRIBUTES = ("power", "hand_speed", "foot_speed", "stamina", "recovery", "chin", "defense", "heart")

# attribute -> (peak_age, rise per year before the peak, decline per year after it,
#               extra decline per year squared after it); rates are fractions of the peak value.
AGE_CURVES: dict[str, tuple[float, float, float, float]] = {
    "power": (31.0, 0.012, 0.0015, 0.00005),
    "hand_speed": (26.0, 0.010, 0.005, 0.00007),
    "foot_speed": (25.0, 0.008, 0.007, 0.00012),
    "stamina": (28.0, 0.012, 0.004, 0.00013),
    "recovery": (27.0, 0.008, 0.007, 0.00008),
    "chin": (29.0, 0.006, 0.005, 0.00005),
    "defense": (32.0, 0.020, 0.003, 0.00010),  # ring sense keeps growing, then slowly fades
    "heart": (0.0, 0.0, 0.0, 0.0),  # never declines
}
MIN_AGE, MAX_AGE = 20, 65  # the one age range: fighter data, Versus, sim, the command lines
MAX_GAIN = 12  # training can add at most this many rating points per attribute


def curve(attribute: str, age: float, aging: float = 1.0) -> float:
    """Relative level of an attribute at an age (1.0 at its peak). `aging` scales the decline
    (a fighter who never stopped training ages slower: < 1)."""
    peak, rise, fall, fall2 = AGE_CURVES[attribute]
    if attribute == "heart":
        return 1.0
    if age <= peak:
        return max(0.3, 1.0 - rise * (peak - age))
    years = age - peak
    return max(0.15, 1.0 - aging * (fall * years + fall2 * years * years))


def rating_at(attribute: str, prime_value: int, prime_age: float, age: float,
              aging: float = 1.0) -> int:
    """A rating at `age` for a fighter whose `prime_value` was measured at `prime_age`."""
    value = (prime_value * curve(attribute, age, aging)
             / curve(attribute, prime_age, aging))
    return int(min(100, max(1, round(value))))
