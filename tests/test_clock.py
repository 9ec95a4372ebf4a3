"""The time of day a date is given with, and when reports a day apart tell of one moment."""

from dataclasses import replace
from datetime import date

import pytest

import accord
from accord.checks.clock import Clock, same_moment
from accord.checks.values import same_date
from accord.checks.vocabulary import load
from accord.model import Claim, Span

CLOCK = Clock(load().times_of_day)


def hours(text: str, words: str):
    start = text.index(words)
    return CLOCK.hours(text, start, start + len(words), 0)


@pytest.mark.parametrize("text, words, expected", [
    ("The strike hit late on Thursday, officials said.", "Thursday", (18, 24)),
    ("It came in the early hours of Friday.", "Friday", (0, 6)),
    ("Talks ended on Sunday evening.", "Sunday", (17, 21)),
    ("A blast at 23:00 local time (20:00 GMT) on Monday shook the port.", "Monday", (23, 24)),
    ("Drones struck shortly before 2 a.m. on Wednesday.", "Wednesday", (2, 3)),
    ("The attack began overnight from Sunday to Monday.", "Sunday", (0, 24)),
    ("The cabinet met on Thursday to approve the plan.", "Thursday", None),
    ("Gunmen raided the school early Friday.", "early Friday", (0, 9)),  # the time of day inside the date's words
])  # fmt: skip
def test_the_hours_a_date_is_given_with(text, words, expected):
    assert hours(text, words) == expected


@pytest.mark.parametrize("earlier, later, expected", [
    ((18, 24), (0, 9), True),  # late on Tuesday, early on Wednesday
    ((22, 23), None, True),  # 2200 GMT on Monday, Tuesday local
    (None, (0, 7), True),  # Wednesday, overnight into Thursday
    ((18, 24), (18, 24), False),  # late on Thursday, late on Friday: a whole day apart
    ((2, 3), (0, 6), False),  # 2 a.m. Wednesday, the early hours of Thursday
    ((17, 21), None, False),  # Saturday evening, Sunday: nothing puts it near midnight
    (None, None, False),  # Wednesday, Thursday
])  # fmt: skip
def test_a_day_apart_is_one_moment_only_around_midnight(earlier, later, expected):
    assert same_moment(earlier, later) is expected


def test_dates_a_day_apart_with_and_without_a_clock():
    tuesday = Claim(kind="date", what="date", span=Span(0, 1), sentence=Span(0, 1), day=date(2025, 5, 6), granularity="day")
    wednesday = replace(tuesday, day=date(2025, 5, 7))
    assert not same_date(tuesday, wednesday)
    assert same_date(replace(tuesday, hours=(22.0, 23.0)), wednesday)
    assert same_date(wednesday, replace(tuesday, hours=(22.0, 23.0)))  # either order


def test_a_date_claim_keeps_its_hours():
    analysis = accord.analyze("Russian missiles struck Kyiv late on Thursday, killing 12 people.", published="2025-04-25")
    dates = [c for c in analysis.claims if c.kind == "date"]
    assert [(c.value, c.hours) for c in dates] == [("Thursday", (18.0, 24.0))]
