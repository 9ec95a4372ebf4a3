"""Stances: holder, issue and polarity, the seed's positions, and the matrix."""

import pytest

import accord
from accord.stances import load_issues, stance_matrix

from .conftest import shared_path


def stances_of(text):
    result = accord.analyze(text, published="2025-04-14")
    actors = {a.id: a for a in result.actors}
    return [(actors[s.holder].name, actors[s.holder].code, s.issue, s.polarity) for s in result.stances]


@pytest.mark.parametrize(
    "sentence, holder_code, issue, polarity",
    [
        ("US Defense Secretary Pete Hegseth said Ukraine's borders before 2014 were unrealistic.", "USAGOV", "territory", "oppose"),
        ("President Volodymyr Zelensky rejected any territorial concessions to Russia.", "UKRGOV", "territory", "oppose"),
        ("French President Emmanuel Macron called for a 30-day ceasefire in Ukraine.", "FRAGOV", "ceasefire", "support"),
        ("Kremlin spokesman Dmitry Peskov said Ukraine's NATO membership was unacceptable to Moscow.", "RUSGOV", "nato", "oppose"),
        ("European leaders voiced strong support for security guarantees for Kyiv.", "EURGOV", "security-guarantees", "support"),
        ("Hungarian Prime Minister Viktor Orban opposes new sanctions on Russia.", "HUNGOV", "sanctions", "oppose"),
        ("Israeli Prime Minister Benjamin Netanyahu ruled out a Palestinian state.", "ISRGOV", "two-state", "oppose"),
        ("Egypt backs a two-state solution, its foreign minister said.", "EGY", "two-state", "support"),
        ("Russian President Vladimir Putin said Moscow would agree to a ceasefire only if Western arms deliveries stopped.", "RUSGOV", "ceasefire", "conditional"),
        ("Russian President Vladimir Putin replied with an offer of talks, without agreeing to the truce.", "RUSGOV", "ceasefire", "oppose"),
        ("The Lebanese cabinet approved a timetable for the disarmament of armed groups.", "LBNGOV", "disarmament", "support"),
        ("Kinshasa is not demanding the withdrawal of the rebels before a final deal.", "CODGOV", "withdrawal", "oppose"),
        ("Thai Prime Minister Anutin Charnvirakul said Thailand would free the prisoners.", "THA", "prisoners", "support"),
        ("Thai Defence Minister Nattaphon Narkphanit said Thailand had made no commitment to release the prisoners.",
         "THA", "prisoners", "oppose"),  # "no" before the cue that governs the nearer one
        ("The Sudanese army welcomed the call for a humanitarian pause in El Fasher.", "SDNMIL", "ceasefire", "support"),
    ],
)
def test_table_of_stances(sentence, holder_code, issue, polarity):
    found = {(code, i, p) for _, code, i, p in stances_of(sentence)}
    assert (holder_code, issue, polarity) in found, f"{sentence!r} gave {found}"


@pytest.mark.parametrize(
    "sentence",
    [
        "The fate of the peace talks is uncertain.",  # no holder
        "Hegseth spoke in peace negotiations on Friday.",  # the issue is only an adjunct
        "Peace talks continue in Istanbul.",  # no polarity
    ],
)
def test_no_stance_without_holder_cue_or_object(sentence):
    assert stances_of(sentence) == []


def test_issue_codebook_covers_the_negotiation_agenda():
    ids = {i.id for i in load_issues()}
    assert {"territory", "nato", "ceasefire", "peace-talks", "sanctions", "security-guarantees", "military-aid",
            "prisoners", "elections", "energy", "hostages", "humanitarian-access", "two-state"} <= ids  # fmt: skip


def test_seed_stances_and_their_matrix():
    seed = accord.analyze(shared_path("eval", "seed", "article.txt"), published="2025-04-14")
    actors = {a.id: a for a in seed.actors}
    text = seed.article.text
    got = {(actors[s.holder].code, s.issue, s.polarity, s.evidence[0].text_in(text)[:40]) for s in seed.stances}
    codes = {(c, i, p) for c, i, p, _ in got}
    assert ("USAGOV", "territory", "oppose") in codes  # Hegseth: pre-2014 borders "unrealistic"
    assert ("EURGOV", "territory", "support") in codes  # European leaders: support of sovereignty
    assert ("USAGOV", "territory", "support") in codes  # Trump's administration: commitment
    assert ("USAGOV", "peace-talks", "support") in codes  # Trump calling for peace talks
    hegseth = [s for s in seed.stances if actors[s.holder].name == "Pete Hegseth"]
    assert "unrealistic" in hegseth[0].cue.text_in(text)
    matrix = stance_matrix([seed])
    assert matrix["USAGOV"]["territory"] == {"oppose": 1, "support": 1}


def test_a_country_and_its_government_on_both_sides_of_an_issue_contradict():
    text = ("Officials in New Delhi said the Indian government had agreed to begin talks with Pakistan on other issues. "
            "But India had not agreed to hold talks on any other issue, other officials insisted.")  # fmt: skip
    found = [f for f in accord.analyze(text, published="2025-05-10").findings if f.kind == "internal contradiction"]
    assert len(found) == 1 and "peace talks" in found[0].explanation.lower()
