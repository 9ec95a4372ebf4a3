"""Acceptance on the founding article (../shared/eval/seed), analysed with published 2025-04-14."""

import pytest

import accord

from .conftest import shared_path

HEADINGS = [
    "Diplomatic meetings continue, but with complications",
    "Ukraine’s ongoing military actions",
    "NATO expansion and territorial matters",
    "A long and uncertain journey",
]
# name, code, words of a mention, what the role must say on 2025-04-14
ACTORS = [
    ("Donald Trump", "USAGOV", "US President Donald Trump", "President of the United States (since 2025-01-20)"),
    ("Steve Witkoff", "USAGOV", "US special envoy Steve Witkoff", "Special Envoy"),
    ("Steve Witkoff", "USAGOV", "Trump’s special envoy, Steve Witkoff", "Special Envoy"),
    ("Vladimir Putin", "RUSGOV", "President Vladimir Putin", "President of Russia"),
    ("Vladimir Putin", "RUSGOV", "President Putin", "President of Russia"),
    ("Dmitry Peskov", "RUSGOV", "Kremlin spokesman Dmitry Peskov", "Press Secretary"),
    ("Pete Hegseth", "USAGOV", "US Defense Secretary Pete Hegseth", "Secretary of Defense (since 2025-01-25)"),
    ("Joe Biden", "USAGOV", "President Biden", "former President of the United States (2021-01-20 to 2025-01-20)"),
]
GROUPS = [
    ("Kremlin officials", "RUSGOV"),
    ("the Kremlin", "RUSGOV"),
    ("Russia’s government", "RUSGOV"),
    ("Russian troops", "RUSMIL"),
    ("Ukrainian troops", "UKRMIL"),
    ("European leaders", "EURGOV"),
    ("Trump’s administration", "USAGOV"),
    ("NATO", "NATO"),
]


def mentions_of(analysis, words):
    text = analysis.article.text
    start = text.index(words)
    actors = {a.id: a for a in analysis.actors}
    return [(m, actors[m.actor]) for m in analysis.mentions if m.span.start <= start < m.span.end or start <= m.span.start < start + len(words)]


def test_headings_are_headings(seed_analysis):
    a = seed_analysis.article
    assert [h.text_in(a.text) for h in a.headings] == HEADINGS


def test_every_span_slices_to_its_text(seed_analysis):
    text = seed_analysis.article.text
    for m in seed_analysis.mentions:
        assert text[m.span.start : m.span.end] == m.text
    for d in seed_analysis.dates:
        assert text[d.span.start : d.span.end] == d.text


def test_friday_resolves_to_the_meeting_day(seed_analysis):
    friday = [d for d in seed_analysis.dates if d.text == "Friday"]
    assert [str(d.start) for d in friday] == ["2025-04-11"]


@pytest.mark.parametrize("name, code, words, role", ACTORS)
def test_people_resolve_with_their_role_on_the_date(seed_analysis, name, code, words, role):
    found = [(m, a) for m, a in mentions_of(seed_analysis, words) if a.name == name]
    assert found, f"no mention of {name} at {words!r}"
    mention, actor = found[0]
    assert actor.code == code
    assert role in actor.role


@pytest.mark.parametrize("words, code", GROUPS)
def test_groups_seats_and_possessives_resolve(seed_analysis, words, code):
    codes = {a.code for _, a in mentions_of(seed_analysis, words)}
    assert code in codes


def test_titles_checked_against_the_date(seed_analysis):
    flags = {m.text: m.role_valid for m in seed_analysis.mentions if m.role}
    assert flags["President Biden’s leadership"] is False
    for words in ("US President Donald Trump", "US special envoy Steve Witkoff", "President Putin",
                  "Kremlin spokesman Dmitry Peskov", "US Defense Secretary Pete Hegseth"):  # fmt: skip
        assert flags[words] is True


def test_without_a_date_the_window_is_inferred_from_the_roles():
    result = accord.analyze(shared_path("eval", "seed", "article.txt"))
    assert result.article.published is None
    assert result.as_of_rule == "inferred from roles"
    assert str(result.window[0]) == "2025-01-25"
    flags = {m.text: m.role_valid for m in result.mentions if m.role}
    assert flags["President Biden’s leadership"] is False and flags["US Defense Secretary Pete Hegseth"] is True
