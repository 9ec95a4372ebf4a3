"""What the claims stage reads as the place, the date or the toll of a happening, in sentences
written for these tests: the phrasings of conflict news it must read, and the look-alikes
it must leave alone."""

from datetime import date

import pytest

import accord
from accord.checks.values import ANOTHER_DAY, slip
from accord.model import Claim, Span


def claimed(text: str, kind: str, published: str = "2025-06-10"):
    analysis = accord.analyze(text, published=published)
    return [(analysis.article.text[c.span.start : c.span.end], c.holder) for c in analysis.claims if c.kind == kind]


@pytest.mark.parametrize("text, expected", [
    ("Heavy clashes broke out in Tripoli late on Monday.", [("Tripoli", "attack")]),  # a light verb's subject
    ("A suicide bomber detonated explosives at a market in Baidoa.", [("Baidoa", "attack")]),
    ("An Iranian missile struck Soroka Medical Center in Beersheba.", [("Beersheba", "attack")]),  # through a building's name
    ("Russian forces shelled Nikopol overnight.", [("Nikopol", "attack")]),  # the object of the attack
    ("The town, roughly 120 kilometres from Goma, was seized on March 19.", []),  # a distance's landmark
    ("Delegates of Kinshasa signed the declaration on Saturday.", []),  # a capital for its government
    ("A car bomb exploded near a military convoy in Mogadishu on Sunday.", [("Mogadishu", "attack")]),  # near the convoy, in the city
])  # fmt: skip
def test_the_place_of_a_happening(text, expected):
    assert claimed(text, "place") == expected


@pytest.mark.parametrize("text, expected", [
    ("Sagaing, a stronghold of resistance to the 2021 coup, has been hit by more airstrikes than any other region.", []),
    ("YANGON, March 14 (Wire) — A military airstrike on a monastery killed 19 people on Thursday.", [("Thursday", "attack")]),
    ("Nine days earlier, on 4 April, a missile killed 20 people in Kryvyi Rih.", [("4 April", "another day")]),
    ("Lawmakers elected army chief Joseph Aoun as president on Thursday.", [("Thursday", "election")]),
])  # fmt: skip
def test_the_date_of_a_happening(text, expected):
    assert claimed(text, "date", "2025-03-14") == expected


def test_a_toll_said_to_have_risen_states_its_highest_figure():
    text = "Volunteers say the death toll from Friday's drone strike on a mosque has risen to 75, after a first count listed 43 dead."
    analysis = accord.analyze(text, published="2025-09-20")
    assert [(c.what, c.low) for c in analysis.claims if c.kind == "number"] == [("killed", 75.0)]


def test_a_toll_of_strikes_across_an_area_and_one_strike_s_toll_are_no_contradiction():
    text = (
        "Israeli strikes killed at least 40 Palestinians across Gaza on Sunday, health officials said.\n\n"
        "An airstrike on a school sheltering displaced families in Gaza City killed 15 people, the civil defence agency said."
    )
    assert accord.analyze(text, published="2025-06-10").findings == ()


def test_a_known_name_that_runs_on_into_another_is_not_that_person():
    analysis = accord.analyze("Abdul Hamid Dbeibah met the envoy in Tripoli.", published="2025-05-14")
    assert "Abdul Hamid" not in {a.name for a in analysis.actors}


def day(value: str, granularity: str = "day", explicit: bool = True) -> Claim:
    return Claim(kind="date", what="date", span=Span(0, 1), sentence=Span(0, 1), day=date.fromisoformat(value),
                 granularity=granularity, explicit=explicit)  # fmt: skip


@pytest.mark.parametrize("a, b, expected", [
    (day("2025-03-12"), day("2025-03-14"), True),  # a date mistaken
    (day("2025-03-12", explicit=False), day("2025-03-13"), True),  # a weekday mistaken for the next
    (day("2025-03-12", explicit=False), day("2025-03-14"), False),  # the next-but-one day of a campaign
    (day("2025-02-16"), day("2025-01-16"), True),  # the same day of another month
    (day("2024-08-08"), day("2025-08-08"), True),  # another year
    (day("2025-03-12"), day("2025-01-01", "month"), False),  # a month of another happening
    (day("2025-03-12"), day("2025-05-30"), False),  # months apart
])  # fmt: skip
def test_a_slip_is_a_date_written_wrong_not_another_happening(a, b, expected):
    assert slip(a, b) is expected


@pytest.mark.parametrize("text, words", [
    ("The two sides would exchange 175 prisoners each on Wednesday, officials said.", "Wednesday"),  # a plan
    ("Drones have pounded Port Sudan since Sunday, the army said.", "Sunday"),  # a stretch's bound
    ("Sumy began three days of mourning on Monday after a missile attack killed 34 people.", "Monday"),  # another verb's
    ("The 74 killed make it the deadliest raid of the campaign that began on 15 March.", "15 March"),  # the campaign's
])  # fmt: skip
def test_a_date_that_is_not_the_day_of_its_happening_only_sets_its_sentence_apart(text, words):
    dates = {c.value: c.holder for c in accord.analyze(text, published="2025-04-15").claims if c.kind == "date"}
    assert dates.get(words) in (None, ANOTHER_DAY)


def test_delegations_that_sat_down_met():
    text = "When the delegations sat down in Doha on 18 October 2024, the gap looked wide."
    dates = [c for c in accord.analyze(text, published="2025-10-21").claims if c.kind == "date"]
    assert [(c.value, c.holder) for c in dates] == [("18 October 2024", "meeting")]


def test_an_organisation_the_base_knows_is_no_place():
    text = "The army said it targeted a centre of Hamas inside the school in Gaza City on Wednesday."
    places = {c.value for c in accord.analyze(text, published="2025-05-21").claims if c.kind == "place"}
    assert not any("Hamm" in p for p in places)


@pytest.mark.parametrize("text, words, kind", [
    ("Thailand and Cambodia agreed on Monday to an immediate ceasefire.", "Monday", "truce"),  # what was agreed to
    ("The Lebanese cabinet approved the army's plan on Thursday.", "Thursday", "decision"),
    ("The two leaders initialled a peace agreement on August 8, 2025.", "August 8, 2025", "agreement"),
])  # fmt: skip
def test_the_happening_a_date_belongs_to(text, words, kind):
    dates = {c.value: c.holder for c in accord.analyze(text, published="2025-08-09").claims if c.kind == "date"}
    assert dates.get(words) == kind
