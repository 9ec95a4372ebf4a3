"""Time expressions resolved against the publication date (2025-04-14 is a Monday)."""

from datetime import date

import pytest

from accord.timex import resolve

MONDAY = date(2025, 4, 14)


@pytest.mark.parametrize(
    "text, start, end, rule",
    [
        ("Friday", "2025-04-11", "2025-04-11", "weekday"),
        ("on Friday", "2025-04-11", "2025-04-11", "weekday"),
        ("early Friday", "2025-04-11", "2025-04-11", "weekday"),  # a time of day before the weekday
        ("late on Friday", "2025-04-11", "2025-04-11", "weekday"),
        ("Monday", "2025-04-14", "2025-04-14", "weekday"),
        ("last Monday", "2025-04-07", "2025-04-07", "weekday"),
        ("next Tuesday", "2025-04-15", "2025-04-15", "weekday"),
        ("Sunday night", "2025-04-13", "2025-04-13", "weekday"),
        ("yesterday", "2025-04-13", "2025-04-13", "deictic"),
        ("today", "2025-04-14", "2025-04-14", "deictic"),
        ("two days ago", "2025-04-12", "2025-04-12", "ago"),
        ("3 weeks ago", "2025-03-24", "2025-03-24", "ago"),
        ("a year ago", "2024-01-01", "2024-12-31", "ago"),
        ("last month", "2025-03-01", "2025-03-31", "relative-period"),
        ("this month", "2025-04-01", "2025-04-30", "relative-period"),
        ("last week", "2025-04-07", "2025-04-13", "relative-period"),
        ("next year", "2026-01-01", "2026-12-31", "relative-period"),
        ("March 3", "2025-03-03", "2025-03-03", "month-day"),
        ("on March 3", "2025-03-03", "2025-03-03", "month-day"),
        ("3 March", "2025-03-03", "2025-03-03", "day-month"),
        ("the 3rd of March", "2025-03-03", "2025-03-03", "day-month"),
        ("Monday, March 3", "2025-03-03", "2025-03-03", "month-day"),  # the weekday restates the date
        ("on Monday 3 March", "2025-03-03", "2025-03-03", "day-month"),
        ("December 24", "2024-12-24", "2024-12-24", "month-day"),  # far ahead: last year's
        ("May 16", "2025-05-16", "2025-05-16", "month-day"),  # a month ahead: this year's
        ("Feb. 28, 2022", "2022-02-28", "2022-02-28", "month-day"),
        ("September 2024", "2024-09-01", "2024-09-30", "month"),
        ("in January", "2025-01-01", "2025-01-31", "month"),
        ("2014", "2014-01-01", "2014-12-31", "year"),
        ("2025-02-18", "2025-02-18", "2025-02-18", "iso-date"),
    ],
)
def test_resolves_against_publication_date(text, start, end, rule):
    (got_start, got_end, _), got_rule = resolve(text, MONDAY)
    assert (got_start.isoformat(), got_end.isoformat(), got_rule) == (start, end, rule)


@pytest.mark.parametrize("text", ["recent years", "the spring of", "four-hour", "February 30", "decades"])
def test_unresolvable_expressions_stay_unresolved(text):
    resolved, _ = resolve(text, MONDAY)
    assert resolved is None


@pytest.mark.parametrize("text", ["Friday", "yesterday", "last month", "two days ago", "March 3"])
def test_relative_dates_need_a_publication_date(text):
    resolved, rule = resolve(text, None)
    assert resolved is None


def test_absolute_dates_resolve_without_publication_date():
    (start, _, _), _ = resolve("March 3, 2025", None)
    assert start == date(2025, 3, 3)


def test_an_entity_run_on_into_words_is_read_up_to_its_date_and_clock_times_date_nothing(pipeline):
    from accord.read import make_article

    text = "Officials said the talks ended on 27 November after months of delay. A second wave hit at 10 a.m. on Friday."
    article = make_article(text, "<test>", published="2025-12-02")
    (analysis,) = [r for r in pipeline.stream([article])]
    dates = {d.text: (d.start, d.rule) for d in analysis.dates}
    assert dates["27 November"] == (date(2025, 11, 27), "day-month")
    assert not any("a.m." in t for t in dates)  # a clock time is no date
    assert all(d.start for d in analysis.dates)


@pytest.mark.parametrize("text", ["March 23-25", "2014 and 2015 talks"])
def test_a_numbered_tail_is_not_cut_to_fit_a_rule(text):
    from accord import nlp
    from accord.timex import _resolved

    whole = nlp.load().make_doc(text)[:]
    span, (resolved, _) = _resolved(whole, MONDAY)
    assert span.text == text and resolved is None
