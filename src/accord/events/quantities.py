"""Durations and casualty counts read from a sentence, as ranges with their words."""

from __future__ import annotations

import re

from ..model import Quantity, Span

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000,
}  # fmt: skip
# words that give a number only roughly: "dozens" is 24 to 99 (their value in NUMBER_WORDS is the least)
VAGUE = {"dozens": 99, "hundreds": 999, "thousands": 9999}
HOURS = {"minute": 1 / 60, "hour": 1, "day": 24, "week": 168}
# qualifier -> how it bounds the number: (low, high) multipliers, None for an open side
QUALIFIERS = {
    "more than": (1, None), "over": (1, None), "at least": (1, None), "upwards of": (1, None),
    "less than": (None, 1), "under": (None, 1), "fewer than": (None, 1), "up to": (None, 1),
    "nearly": (0.8, 1), "almost": (0.8, 1), "close to": (0.8, 1),
    "about": (1, 1), "around": (1, 1), "some": (1, 1), "roughly": (1, 1), "approximately": (1, 1),
}  # fmt: skip
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# numbers written in two words: "twenty-five", "two dozen", "half a dozen"
_COMPOUND = (r"(?P<tens>" + "|".join(TENS) + r")[\s-](?P<ones>" + "|".join(UNITS) + r")"
             r"|(?P<times>half\s+an?|an?|" + "|".join(UNITS) + r")\s+dozen")
COMPOUND = re.compile(_COMPOUND, re.I)
_NUM = (r"(?P<n>\d[\d,]*(?:\.\d+)?|" + re.sub(r"\?P<\w+>", "?:", _COMPOUND) + "|"
        + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")")
_QUAL = r"(?:(?P<q>" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+)?"
DURATION = re.compile(
    _QUAL + _NUM + r"(?P<half>-and-a-half|\s+and\s+a\s+half)?[\s-]+(?P<unit>minute|hour|day|week)s?\b(?:-long)?", re.I
)
ONE_UNIT = re.compile(r"\b(?P<unit>minute|hour|day|week)-long\b", re.I)  # "an hour-long meeting"


def _after(verbs: str) -> re.Pattern:
    """A count before its verb: "12 people were killed", "25 people, three of them children, are
    now known to have died" (not "one of the injured")."""
    return re.compile(
        r"\b" + _QUAL + _NUM + r"(?:\s+(?:(?!and\b|or\b|but\b|of\b)[a-z-]+\s+){0,3}?|(?:\s+[a-z-]+)?,[^,.;]{1,40},\s+)(?:(?:were|was|have been|had been|are|is|been)\s+)?"
        r"(?:(?:now\s+)?(?:known|believed|feared|thought|reported|confirmed|said)\s+to\s+have\s+(?:been\s+)?)?(?P<what>" + verbs + r")\b",
        re.I,
    )


def _before(verbs: str) -> re.Pattern:
    """A count after its verb: "killing five", "abducted 25 students"."""
    return re.compile(r"(?P<what>" + verbs + r")\s+" + _QUAL + _NUM + r"\b", re.I)


CASUALTIES = (_after("killed|dead|died|wounded|injured|hurt"), _before("killing|killed|wounding|wounded|injuring|injured"))
ABDUCTIONS = (_after("abducted|kidnapped"), _before("abducting|abducted|kidnapping|kidnapped"))
KIND = {"killed": "killed", "dead": "killed", "died": "killed", "killing": "killed",
        "wounded": "injured", "injured": "injured", "hurt": "injured", "wounding": "injured", "injuring": "injured",
        "abducted": "abducted", "abducting": "abducted", "kidnapped": "abducted", "kidnapping": "abducted"}  # fmt: skip


def number(text: str) -> float | None:
    """The value of a numeral in digits or words ("1,200", "twelve", "twenty-five", "two dozen"), or None."""
    key = text.lower().replace(",", "")
    compound = COMPOUND.fullmatch(key)
    if compound and compound["tens"]:
        return float(NUMBER_WORDS[compound["tens"].lower()] + NUMBER_WORDS[compound["ones"].lower()])
    if compound:
        times = " ".join(compound["times"].lower().split())
        return 12.0 * (0.5 if times.startswith("half") else NUMBER_WORDS[times])
    if key in NUMBER_WORDS:
        return float(NUMBER_WORDS[key])
    try:
        return float(key)
    except ValueError:
        return None


def bounds(n: float, qualifier: str | None, word: str = "") -> tuple[float | None, float | None]:
    """The range "more than", "nearly" or "about" allows around `n` (written `word`: "dozens"
    allows up to 99); None for an open side."""
    low, high = QUALIFIERS.get((qualifier or "").lower(), (1, 1))
    top = VAGUE.get(word.lower(), n)
    return (n * low if low else None, top * high if high else None)


def durations(text: str, offset: int) -> list[Quantity]:
    """Durations ("more than four-hour", "less than two hours") in hours."""
    found = []
    for m in DURATION.finditer(text):
        n = number(m["n"])
        if n is None:
            continue
        n += 0.5 if m["half"] else 0.0
        low, high = bounds(n * HOURS[m["unit"].lower()], m["q"])
        found.append(Quantity(Span(offset + m.start(), offset + m.end()), low, high, "hours"))
    taken = [(q.span.start - offset, q.span.end - offset) for q in found]
    for m in ONE_UNIT.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            hours = HOURS[m["unit"].lower()]
            found.append(Quantity(Span(offset + m.start(), offset + m.end()), hours, hours, "hours"))
    return found


def casualties(text: str, offset: int, patterns: tuple[re.Pattern, ...] = CASUALTIES) -> list[Quantity]:
    """Killed and injured counts ("at least 12 people were killed", "killing five"), or with
    `patterns` ABDUCTIONS, counts of people abducted ("abducted 25 students")."""
    found = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            n = number(m["n"])
            if n is None or m["n"].lower() in ("a", "an"):
                continue
            low, high = bounds(n, m["q"], m["n"])
            found.append(Quantity(Span(offset + m.start(), offset + m.end()), low, high, KIND[m["what"].lower()]))
    return found
