"""Time expressions: spaCy's DATE entities resolved against the publication date.

Rules are tried in order; the first that matches the whole expression names the
resolution in `TimeExpression.rule`. An expression no rule explains, or a relative
one in an article without a date, is kept with `start=None` rather than guessed.
"""

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from spacy.tokens import Doc

from .model import Article, Span, TimeExpression

WEEKDAYS = [d.lower() for d in calendar.day_name]
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# How far ahead of publication a date without a year may lie before it is read as last year's.
FUTURE_WINDOW = timedelta(days=60)

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_LEAD = r"^(?:on |in |since |from |by |until |the |this past |early |late )*"  # "late on Tuesday", "early Friday"
_NAMED_DAY = r"(?:(?:" + "|".join(WEEKDAYS) + r"),? )?"  # "Tuesday, May 13": the weekday only restates the date

Resolved = tuple[date, date, str] | None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _infer_year(month: int, day: int, published: date) -> int:
    year = published.year
    try:
        if date(year, month, day) > published + FUTURE_WINDOW:
            year -= 1
    except ValueError:
        pass
    return year


def _weekday(m: re.Match, published: date) -> Resolved:
    target = WEEKDAYS.index(m["day"])
    back = (published.weekday() - target) % 7
    if m["which"] == "next":
        day = published + timedelta(days=(target - published.weekday()) % 7 or 7)
    elif m["which"] == "last":
        day = published - timedelta(days=back or 7)
    else:
        day = published - timedelta(days=back)
    return day, day, "day"


def _deictic(m: re.Match, published: date) -> Resolved:
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["word"]]
    day = published + timedelta(days=shift)
    return day, day, "day"


def _ago(m: re.Match, published: date) -> Resolved:
    n = int(m["n"]) if m["n"].isdigit() else NUMBERS[m["n"]]
    unit = m["unit"]
    if unit == "day":
        day = published - timedelta(days=n)
        return day, day, "day"
    if unit == "week":
        day = published - timedelta(weeks=n)
        return day, day, "week"
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 - n, 12)
        return date(year, month + 1, 1), _month_end(year, month + 1), "month"
    return date(published.year - n, 1, 1), date(published.year - n, 12, 31), "year"


def _relative_period(m: re.Match, published: date) -> Resolved:
    shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[m["which"]]
    if m["unit"] == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6), "week"
    if m["unit"] == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + shift, 12)
        return date(year, month + 1, 1), _month_end(year, month + 1), "month"
    year = published.year + shift
    return date(year, 1, 1), date(year, 12, 31), "year"


def _month_day(m: re.Match, published: date | None) -> Resolved:
    month, day = MONTHS[m["month"]], int(m["day"])
    if m["year"]:
        year = int(m["year"])
    elif published:
        year = _infer_year(month, day, published)
    else:
        return None
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return when, when, "day"


def _month_only(m: re.Match, published: date | None) -> Resolved:
    month = MONTHS[m["month"]]
    if m["year"]:
        year = int(m["year"])
    elif published:
        year = _infer_year(month, 1, published)
    else:
        return None
    return date(year, month, 1), _month_end(year, month), "month"


def _year(m: re.Match, published: date | None) -> Resolved:
    year = int(m["year"])
    return date(year, 1, 1), date(year, 12, 31), "year"


def _iso(m: re.Match, published: date | None) -> Resolved:
    try:
        when = date(int(m["year"]), int(m["month"]), int(m["day"]))
    except ValueError:
        return None
    return when, when, "day"


# (rule name, pattern over the lowercased expression, resolver, needs a publication date)
RULES: list[tuple[str, re.Pattern, Callable, bool]] = [
    ("iso-date", re.compile(_LEAD + r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)$"), _iso, False),
    ("weekday", re.compile(_LEAD + r"(?:(?P<which>last|next|this) )?(?P<day>" + "|".join(WEEKDAYS) + r")(?: (?:morning|afternoon|evening|night))?$"), _weekday, True),
    ("deictic", re.compile(_LEAD + r"(?P<word>today|tonight|yesterday|tomorrow)$"), _deictic, True),
    ("ago", re.compile(_LEAD + r"(?P<n>\d+|" + "|".join(NUMBERS) + r") (?P<unit>day|week|month|year)s? ago$"), _ago, True),
    ("relative-period", re.compile(_LEAD + r"(?P<which>last|past|previous|this|next) (?P<unit>week|month|year)$"), _relative_period, True),
    ("month-day", re.compile(_LEAD + _NAMED_DAY + _MONTH + r" (?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<year>\d{4}))?$"), _month_day, False),
    ("day-month", re.compile(_LEAD + _NAMED_DAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH + r"(?:,? (?P<year>\d{4}))?$"), _month_day, False),
    ("month", re.compile(_LEAD + _MONTH + r"(?:,? (?P<year>\d{4}))?$"), _month_only, False),
    ("year", re.compile(_LEAD + r"(?P<year>(?:19|20)\d\d)$"), _year, False),
]  # fmt: skip


COUNTED = {name for name, _, _, relative in RULES if relative}  # rules that count from the publication date
ONE_DAY = frozenset({"iso-date", "weekday", "deictic", "month-day", "day-month"})  # rules that name one day


def resolve(text: str, published: date | None) -> tuple[Resolved, str]:
    """Return ((start, end, granularity) or None, rule name) for one time expression."""
    key = " ".join(text.lower().replace("’", "'").split())
    for name, pattern, resolver, relative in RULES:
        m = pattern.match(key)
        if m:
            if relative and published is None:
                return None, f"{name} (no publication date)"
            return resolver(m, published), name
    return None, "unresolved"


def find_dates(doc: Doc, article: Article) -> tuple[TimeExpression, ...]:
    """Return every DATE entity in the doc, and every TIME entity that names a day ("Sunday
    morning"), resolved against the article's publication date. An entity spaCy ran on into
    words without a number ("27 November after months") is read up to where a rule fits."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        span, (resolved, rule) = _resolved(ent, article.published)
        if ent.label_ == "TIME" and resolved is None:
            continue  # a clock time ("10 a.m.") dates nothing
        start, end, granularity = resolved or (None, None, "unknown")
        found.append(
            TimeExpression(
                span=Span(span.start_char, span.end_char),
                text=span.text,
                start=start,
                end=end,
                granularity=granularity,
                rule=rule,
            )
        )
    return tuple(found)


def _resolved(ent, published: date | None):
    """The entity, or its longest start that a rule resolves when only words without a number follow."""
    first = resolve(ent.text, published)
    if first[0] is not None:
        return ent, first
    for cut in range(len(ent) - 1, 0, -1):
        if any(t.like_num for t in ent[cut:]):
            break
        found = resolve(ent[:cut].text, published)
        if found[0] is not None:
            return ent[:cut], found
    return ent, first
