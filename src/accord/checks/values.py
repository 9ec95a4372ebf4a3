"""When two claims can both be true: ranges with rounding, dates a day apart around
midnight, places one inside the other. Whatever these functions call compatible is never a finding."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
import re
import unicodedata

from ..events.quantities import NUMBER_WORDS
from ..model import Claim
from .clock import same_moment
from .vocabulary import Vocabulary

APPROXIMATE = re.compile(r"\b(?:about|around|roughly|approximately|some|nearly|almost|close to|an estimated|up to)\b", re.I)
ROUNDING = 0.12  # "about 1,000" allows 880 to 1,120
ROUND_NUMBER = 0.05  # a bare round number ("1,500") allows 5%
TOLLS = ("killed", "injured", "abducted")  # what a casualty figure counts: a toll may rise as reports come in
WHOLE = ("country", "area")  # places that hold others: a figure for one counts more than a figure for a place
QUOTED_WORDS = {w: n for w, n in NUMBER_WORDS.items() if 1 < n < 100}  # "two" to "ninety": not "a", "one of them", "hundreds"
SETTLED_DAYS = 2  # a date this many days before a report is no longer a matter of time zones
ANOTHER_DAY = "another day"  # the holder of a date not of the happening reported: it only sets its sentence apart
SLIP_DAYS = 7  # two dates this close may be one written wrong (a weekday mistaken)


def _tolerance(claim: Claim, text: str) -> float:
    if APPROXIMATE.search(text[max(0, claim.span.start - 20) : claim.span.end]):
        return ROUNDING
    value = claim.low if claim.low is not None else claim.high
    if value and value >= 100 and value % 10 ** int(math.log10(value) - 1 if value >= 1000 else 1) == 0:
        return ROUND_NUMBER
    return 0.0


def interval(claim: Claim, text: str, counted: bool = False, open_bound: float = math.inf) -> tuple[float, float]:
    """The values the claim's words allow, widened by rounding. `counted`: an open bound is
    the figure counted so far ("at least 21 killed" is 21, until a report counts more);
    `open_bound`: how far above its figure "more than N" may reach (N times it)."""
    tol = _tolerance(claim, text)
    low = claim.low if claim.low is not None else (claim.high if counted else 0.0)
    high = claim.high if claim.high is not None else (claim.low if counted else claim.low * open_bound)
    return low * (1 - tol), high * (1 + tol)


def same_amount(a: Claim, a_text: str, b: Claim, b_text: str, counted: bool = False, open_bound: float = math.inf) -> bool:
    (a_low, a_high), (b_low, b_high) = interval(a, a_text, counted, open_bound), interval(b, b_text, counted, open_bound)
    return a_low <= b_high and b_low <= a_high


def same_sum(a: Claim, a_text: str, b: Claim, b_text: str, rates: dict[str, tuple[float, float]]) -> bool:
    """Two sums of money in different currencies that can be one at some rate of the years
    `rates` spans (each currency's lowest and highest worth in dollars)."""
    (a_low, a_high), (b_low, b_high) = interval(a, a_text), interval(b, b_text)
    (a_min, a_max), (b_min, b_max) = rates[a.what], rates[b.what]
    return a_low * a_min <= b_high * b_max and b_low * b_min <= a_high * a_max


def same_date(a: Claim, b: Claim, published: date | None = None) -> bool:
    """Periods must overlap; two days a day apart are one moment only around midnight, in
    another time zone or a night told from either side ("late on Tuesday", "early on
    Wednesday"), and only while the news is fresh: a date written out for a happening days
    before `published` (the earlier report's date) is settled, the outlets have had time to
    learn it."""
    if a.granularity == "day" and b.granularity == "day":
        apart = (b.day - a.day).days
        if apart == 0 or abs(apart) > 1:
            return apart == 0
        earlier, later = (a, b) if apart > 0 else (b, a)
        return not settled((a, b), published) and same_moment(earlier.hours, later.hours)
    return a.day <= (b.day_end or b.day) and b.day <= (a.day_end or a.day)


def settled(dates, published: date | None) -> bool:
    """Whether days written out for a happening lie more than SETTLED_DAYS before `published`
    (the first report's date): the outlets have had time to learn the day, so time zones no
    longer explain a day's difference."""
    return bool(published) and all(c.explicit for c in dates) and (published - max(c.day for c in dates)).days > SETTLED_DAYS


def slip(a: Claim, b: Claim) -> bool:
    """Whether two dates that disagree could be one date written wrong: days written out a week
    or less apart or on the same day of another month, a weekday next to the other day (a
    weekday mistaken; weekdays further apart tell of the days of a campaign), the same day of
    another year, the same month of another year, or neighbouring months or years. Dates further apart tell of other happenings ("In
    January, an airstrike on ..." beside the strike of 12 March)."""
    if a.granularity == b.granularity == "day":
        written = a.explicit and b.explicit
        close = abs((a.day - b.day).days) <= (SLIP_DAYS if written else 1)
        return close or (written and a.day.day == b.day.day) or (a.day.month, a.day.day) == (b.day.month, b.day.day)
    if a.granularity == b.granularity == "month":
        months = abs((a.day.year - b.day.year) * 12 + a.day.month - b.day.month)
        return months <= 1 or a.day.month == b.day.month
    if a.granularity == b.granularity == "year":
        return abs(a.day.year - b.day.year) <= 1
    return False


def several(claim: Claim, text: str, vocabulary: Vocabulary) -> bool:
    """Whether a claim's sentence tells of several attacks ("strikes across Gaza") and of no one attack."""
    words = re.findall(r"[a-z]+", text[claim.sentence.start : claim.sentence.end].lower())
    attacks = vocabulary.attacks
    return any(w.endswith("s") and w[:-1] in attacks for w in words) and not any(w in attacks for w in words)


def one_happening(a: Claim, b: Claim) -> bool:
    """Whether two place claims can be of one happening: events of one type, on days that
    agree, and neither place a whole country (which holds the other place, or names another
    side's territory)."""
    other_day = a.day and b.day and not same_date(a, b)
    return a.holder == b.holder and not other_day and "country" not in (a.granularity, b.granularity)


def fold(name: str, vocabulary: Vocabulary) -> str:
    """A place name without accents, case, "the" or region words: "Sumy Oblast" -> "sumy"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.findall(r"[a-z]+", plain) if w not in vocabulary.region_words and w != "the"]
    return " ".join(words)


def same_place(a: Claim, b: Claim, vocabulary: Vocabulary) -> bool:
    """The same place, one named inside the other ("Gaza City" and "Gaza"), an area ("the
    Sumy region") and a place that may lie in it (one of its country, or of no known country),
    or a building and a town."""
    x, y = fold(a.value or "", vocabulary), fold(b.value or "", vocabulary)
    if not x or not y or x == y or x in y or y in x:
        return True
    if "site" in (a.granularity, b.granularity) and a.granularity != b.granularity:
        return True  # a building ("the White House") lies in some town the text need not name
    return "area" in (a.granularity, b.granularity) and not (a.country and b.country and a.country != b.country)


def shared_keys(a: Claim, b: Claim, without: frozenset[str] = frozenset()) -> int:
    """How many content lemmas the sentences of two claims share (`without` those)."""
    return len((set(a.keys) & set(b.keys)) - without)


def quote_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}


def quote_overlap(a: str, b: str) -> float:
    """How much of the shorter quote the longer one repeats."""
    x, y = quote_words(a), quote_words(b)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def quote_numbers(text: str) -> set[str]:
    """The figures in a quote's words, digits or words ("three classrooms" is "3")."""
    digits = {n.replace(",", "") for n in re.findall(r"\d[\d,.]*\d|\d", text)}
    words = {str(QUOTED_WORDS[w]) for w in re.findall(r"[a-z]+", text.lower()) if w in QUOTED_WORDS}
    return digits | words


def anchors_of(claims) -> dict:
    """Each sentence's places (countries too) and dates: what may set a figure apart from another's event."""
    found: dict = defaultdict(list)
    for c in claims:
        if c.kind in ("date", "place"):
            found[c.sentence].append(c)
    return found


def apart(x, y, x_day: date | None, y_day: date | None, vocabulary: Vocabulary) -> bool:
    """Whether two sentences' places or dates set them at different happenings: places that
    cannot be one, a whole country or area against a place, or dates that cannot be one. A sentence without a date speaks of the days
    of its report (`x_day`, `y_day`), so a date written out weeks before sets the other
    sentence apart (a weekday, counted from the report's date, does not)."""
    places = [[c for c in side if c.kind == "place" and c.granularity != "country"] for side in (x, y)]
    if all(places) and not any(same_place(p, q, vocabulary) for p in places[0] for q in places[1]):
        return True
    wholes = [[c for c in side if c.kind == "place" and c.granularity in WHOLE] for side in (x, y)]
    points = [[c for c in side if c.kind == "place" and c.granularity not in WHOLE] for side in (x, y)]
    if (wholes[0] and not points[0] and points[1]) or (wholes[1] and not points[1] and points[0]):
        return True  # "killed 12 in the Donetsk region" and "killed 5 in Kramatorsk": a whole and a place in it
    dates = [c for c in x if c.kind == "date"], [c for c in y if c.kind == "date"]
    if not all(dates):  # one side has no date of its own: only a written date can set it apart
        written = [[c for c in side if c.explicit] for side in dates]
        report = [[(day - timedelta(days=1), day)] if day else [] for day in (x_day, y_day)]
        days = [[(c.day, c.day_end or c.day) for c in w] or r for w, r in zip(written, report)]
    else:
        days = [[(c.day, c.day_end or c.day) for c in side] for side in dates]
    if not all(days):
        return False
    one = timedelta(days=1)
    return not any(p0 <= q1 + one and q0 <= p1 + one for p0, p1 in days[0] for q0, q1 in days[1])
