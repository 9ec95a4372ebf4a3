"""The time of day a date is given with ("late on Thursday", "in the early hours of Friday",
"shortly before 2 a.m. on Wednesday", "Sunday evening"): the hours of that day the words
allow. Two reports a day apart can tell of one moment only around midnight, where another
time zone or a night counted on either side moves the date; the hours say whether they can."""

from __future__ import annotations

import re

CLOCK = r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>[ap])\.?\s?m\b\.?|(?P<hh>[01]?\d|2[0-3]):?(?P<mm>[0-5]\d)\b(?:\s*(?:GMT|UTC|hours|hrs))?"
NEAR = 3.0  # hours from midnight that count as around it
ZONES = 12.0  # the most two reports of one moment may be apart on the clock (time zones, a night's two days)


class Clock:
    """Reads the hours a date's surrounding words allow, from the `times_of_day` word list."""

    def __init__(self, times_of_day: dict[str, tuple[float, float]]):
        self.times = times_of_day
        words = "|".join(re.escape(w) for w in sorted(times_of_day, key=len, reverse=True))
        self.before = re.compile(  # "in the early hours of ", "late on ", "at 23:00 local time (20:00 GMT) on "
            rf"\b(?:(?P<word>{words})|{CLOCK})(?:\s+local|\s+[a-z]+\s+time)?(?:\s*\([^()]*\))?(?:\s+(?:on|of|into|to|the))*\s*$", re.I)  # fmt: skip
        self.after = re.compile(rf"^\s*(?P<word>{words})\b", re.I)  # "Thursday morning", "Wednesday night"

    def hours(self, text: str, start: int, end: int, sentence_start: int) -> tuple[float, float] | None:
        """The hours of its day the date at `start:end` is given with, or None when its words say none."""
        words = text[start:end].strip()
        inside = (self.after.search(words.split(None, 1)[-1]) or self.after.search(words)) if " " in words else None  # "Thursday night", "early Friday"
        found = inside or self.before.search(text[max(sentence_start, start - 60) : start]) or self.after.search(text[end : end + 15])
        if found is None:
            return None
        if found.group("word"):
            low, high = self.times[found.group("word").lower()]
            return float(low), float(high)
        return _clock(found)


def same_moment(earlier: tuple[float, float] | None, later: tuple[float, float] | None) -> bool:
    """Whether a report of one day at hours `earlier` and a report of the next day at hours
    `later` can tell of one moment: one of them puts it around midnight ("late on Tuesday",
    "early on Wednesday"), and the hours lie no more than a time zone's span apart."""
    near = (earlier is not None and earlier[1] > 24 - NEAR) or (later is not None and later[0] < NEAR)
    first, second = earlier or (0.0, 24.0), later or (0.0, 24.0)
    return near and 24 + second[0] - first[1] <= ZONES


def _clock(found: re.Match) -> tuple[float, float]:
    if found.group("hour"):
        hour = int(found.group("hour")) % 12 + (12 if found.group("half").lower() == "p" else 0)
        minute = int(found.group("minute") or 0)
    else:
        hour, minute = int(found.group("hh")), int(found.group("mm"))
    at = hour + minute / 60
    return at, min(at + 1.0, 24.0)
