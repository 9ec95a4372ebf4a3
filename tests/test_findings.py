"""Findings inside one article: role and time, contradictions, two values for one detail,
one quote given to two speakers. The short articles are the team's own."""

import pytest

import accord

from .conftest import shared_path


def findings(text: str, published: str | None = "2025-04-15", kind: str | None = None):
    analysis = accord.analyze(text, published=published)
    return [f for f in analysis.findings if kind is None or f.kind == kind], analysis


def role_findings(text: str, published: str = "2025-04-15"):
    return findings(text, published, "role and time")[0]


def test_former_for_a_sitting_president_is_an_error():
    (f,) = role_findings("Former President Donald Trump met European leaders in Rome on Monday to discuss the war.")
    assert f.severity == "error"
    assert f.evidence[0].text.startswith("Former President Donald Trump")
    assert "held the office" in f.explanation and "2025-01-20" in f.explanation
    assert f.rule == "title: 'former' for a sitting office holder"


def test_former_for_a_sitting_adviser_is_an_error_though_adviser_names_the_office():
    (f,) = role_findings("Former national security adviser Mike Waltz told CNN that the talks had failed.", "2025-03-01")
    assert f.severity == "error" and f.rule == "title: 'former' for a sitting office holder"
    assert role_findings("Putin's adviser Yuri Ushakov told reporters the talks were useful.", "2025-03-01") == []


def test_a_title_joined_by_and_to_one_after_under_is_in_the_past_frame_too():
    (f,) = role_findings("Visits stalled under ousted President Yoon Suk Yeol and Prime Minister Han Duck-soo.", "2025-08-23")
    assert f.severity == "info" and "Han Duck-soo" in f.explanation


def test_a_deputy_title_of_its_own_is_checked_but_acting_is_not():
    analysis = accord.analyze("Deputy Foreign Minister Maria Zakharova called the arrests hostile actions.", published="2025-07-01")
    assert [c.value for c in analysis.claims if c.kind == "title"] == ["deputy foreign minister"]  # one of several: not judged
    analysis = accord.analyze("Acting President Han Duck-soo met the envoy in Seoul.", published="2025-08-23")
    assert [c for c in analysis.claims if c.kind == "title"] == []


def test_a_past_president_presented_as_current_is_a_warning_naming_the_holder():
    (f,) = role_findings("President Joe Biden told reporters in Washington on Tuesday that talks with Moscow would resume.")
    assert f.severity == "warning"
    assert "2025-01-20" in f.explanation and "Donald Trump" in f.explanation


def test_a_past_time_frame_is_an_info_note():
    (f,) = role_findings("Relations between the two capitals soured under President Joe Biden's leadership, the minister said.")
    assert f.severity == "info"
    assert "under President Joe Biden" in f.explanation


@pytest.mark.parametrize("text, holder", [
    ("When Joe Biden was president, Washington promoted a three-phase plan.", None),
    ("The truce was negotiated in November, when Amos Hochstein was Washington's envoy.", None),
    ("When Donald Trump was president, he met Kim Jong Un.", "no finding"),  # the office he holds again
])  # fmt: skip
def test_a_clause_of_past_time_that_names_a_title_is_an_info_note(text, holder):
    found = [f for f in accord.analyze(text, published="2025-10-15").findings if f.kind == "role and time"]
    if holder:
        assert found == []
    else:
        assert [f.severity for f in found] == ["info"] and "in the past" in found[0].explanation


def test_a_title_before_the_term_began_is_an_error():
    (f,) = role_findings("Secretary of State Marco Rubio said on Friday that Washington would keep its sanctions.", "2023-06-02")
    assert f.severity == "error"
    assert "took that office only on" in f.explanation


@pytest.mark.parametrize("text", [
    "President Donald Trump spoke with President Vladimir Putin by phone on Tuesday.",
    "Then-President Joe Biden signed the aid package in April 2024, officials recalled.",
    "Former President Joe Biden gave a speech in Chicago on Sunday.",
])  # fmt: skip
def test_no_role_finding_for_a_title_right_on_the_date(text):
    assert role_findings(text) == []


@pytest.mark.parametrize("text", [
    "The late Iranian president Ebrahim Raisi died in a helicopter crash in 2024.",
    "Ousted President Bashar al-Assad fled to Moscow in December.",
])  # fmt: skip
def test_a_title_marked_as_ended_is_no_finding(text):
    assert role_findings(text) == []


@pytest.mark.parametrize("published, text", [
    ("2025-02-23", "Hezbollah leader Hassan Nasrallah was buried in Beirut on Sunday, five months after he was killed."),
    ("2025-03-10", "Hezbollah chief Hassan Nasrallah, killed in an Israeli strike last year, was remembered at a rally."),
    ("2025-03-10", "Hamas political leader Ismail Haniyeh's assassination in Tehran last year angered Iran."),
    ("2025-01-12", "Army commander Joseph Aoun was elected president by parliament on Thursday."),  # the change itself
    ("2025-05-10", "Previous Defence Secretary Lloyd Austin had approved the sale, the report said."),
    ("2025-05-07", "Syrian leader Ahmed al-Sharaa met the French president in Paris on Wednesday."),
])  # fmt: skip
def test_a_dead_holder_a_previous_title_and_a_generic_leader_are_no_finding(published, text):
    assert role_findings(text, published) == []


def test_a_death_in_another_clause_keeps_a_past_title_a_warning():
    (f,) = role_findings("President Joe Biden said the strike killed 12 people.", "2025-03-10")
    assert f.severity == "warning"


def test_ex_for_a_sitting_prime_minister_is_an_error():
    (f,) = role_findings("Ex-Prime Minister Shigeru Ishiba hosted the South Korean president in Tokyo.", "2025-08-23")
    assert f.severity == "error"


def test_a_title_in_a_sentence_dated_inside_the_term_is_an_info_note():
    (f,) = role_findings("In 2022, President Joe Biden sent the first Patriot batteries to Ukraine.")
    assert f.severity == "info" and "“2022”" in f.explanation
    (f,) = role_findings("President Joe Biden sent more Patriot batteries to Ukraine on Tuesday.")
    assert f.severity == "warning"


def test_a_term_that_ended_days_before_is_only_an_info_note():
    (f,) = role_findings("Army commander Joseph Aoun received the visiting envoy in Beirut on Saturday.", "2025-01-11")
    assert f.severity == "info" and "2 days before" in f.explanation


def test_two_death_tolls_for_one_strike_in_one_article():
    text = (
        "A Russian missile strike on the centre of Kharkiv killed nine people on Thursday, regional governor "
        "Oleh Syniehubov said.\n\n"
        "Rescuers searched the rubble of the apartment block through the night. The Russian missile strike on "
        "the centre of Kharkiv killed 14 people, Syniehubov said."
    )
    (f,) = findings(text, kind="event details")[0]
    assert {e.text for e in f.evidence} == {"killed nine", "killed 14"}
    assert "death tolls" in f.explanation


def test_a_toll_that_rose_is_no_contradiction():
    text = (
        "A Russian missile strike on the centre of Kharkiv killed nine people on Thursday, regional governor "
        "Oleh Syniehubov said.\n\n"
        "By evening the death toll from the missile strike on the centre of Kharkiv had risen to 14, Syniehubov said."
    )
    assert findings(text, kind="event details")[0] == []


def test_one_quote_given_to_two_speakers_cites_both_speakers():
    text = (
        '"We will not give up a single metre of our land to the occupiers," President Volodymyr Zelensky '
        "said on Monday in Kyiv.\n\n"
        'Later in the day, "we will not give up a single metre of our land to the occupiers," Foreign Minister '
        "Andrii Sybiha said in a statement."
    )
    (f,) = findings(text, kind="quote attribution")[0]
    assert f.severity == "warning"
    words = " | ".join(e.text for e in f.evidence)
    assert "Zelensky" in words and "Sybiha" in words
    assert "Volodymyr Zelensky" in f.explanation and "Andrii Sybiha" in f.explanation


def test_every_finding_explains_itself_in_plain_words_and_cites_its_article():
    text = "Former President Donald Trump met European leaders in Rome on Monday to discuss the war."
    found, analysis = findings(text)
    for f in found:
        assert f.rule and f.explanation and f.evidence
        assert not any(code in f.explanation for code in ("USAGOV", "RUSGOV", "PLOVER", "CAMEO"))
        for e in f.evidence:
            assert e.article == analysis.article.id
            assert analysis.article.text[e.start : e.end] == e.text


# -- the founding article (../shared/eval/seed) ---------------------------------------------


# what ../shared/eval/seed/expected.yaml asks of the findings (that file is notes, not strict YAML)
MUST = [
    ("internal contradiction", ("warning", "error"), ["could be “unrealistic”", "has the same commitment as European allies"]),
    ("role and time", ("info",), ["President Biden’s leadership"]),
]


def seed(published):
    return accord.analyze(shared_path("eval", "seed", "article.txt"), published=published)


@pytest.mark.parametrize("published", ["2025-04-14", None])
def test_the_seed_article_gives_both_must_findings_with_their_evidence(published):
    analysis = seed(published)
    text = analysis.article.text
    for kind, severities, evidence in MUST:
        fits = [f for f in analysis.findings if f.kind == kind and f.severity in severities]
        assert fits, f"missing {kind}"
        spans = [(e.start, e.end) for f in fits for e in f.evidence]
        for words in evidence:
            at = text.index(words)
            assert any(s < at + len(words) and at < e for s, e in spans), f"no evidence overlaps {words!r}"
    if published is None:
        assert analysis.as_of_rule == "inferred from roles" and str(analysis.window[0]) == "2025-01-25"


@pytest.mark.parametrize("published", ["2025-04-14", None])
def test_the_seed_article_gives_none_of_the_must_not_findings(published):
    analysis = seed(published)
    roles = [f for f in analysis.findings if f.kind == "role and time"]
    for name in ("Trump", "Witkoff", "Putin", "Peskov", "Hegseth"):
        assert not any(name in f.evidence[0].text for f in roles), name
    assert not any("Biden" in f.evidence[0].text and f.severity == "error" for f in roles)


# -- two values for one event inside an article, read without shared words -----------------


def details(text: str, published: str = "2025-06-10"):
    return findings(text, published, "event details")[0]


def test_a_second_toll_with_no_place_or_date_of_its_own_is_of_the_same_attack():
    text = (
        "A Russian drone attack on Odesa overnight killed eight people, officials said on Tuesday.\n\n"
        "Mayor Hennadiy Trukhanov said five people had been killed and that rescuers were still at work."
    )
    (f,) = details(text)
    assert {e.text for e in f.evidence} == {"killed eight", "five people had been killed"}


@pytest.mark.parametrize("second", [
    "In an earlier strike on the city on 3 March, 14 people were killed.",  # another day
    "Since the full-scale invasion began, 300 people have been killed in the region.",  # a running total
    "Russian attacks have killed 19 people across the region in the past 24 hours.",  # a day's total
    "Officials later said 11 people had been killed.",  # the toll changed
])  # fmt: skip
def test_a_toll_set_apart_by_its_date_a_running_total_or_a_change_is_no_finding(second):
    text = f"A Russian drone attack on Odesa overnight killed eight people, officials said on Tuesday.\n\n{second}"
    assert details(text) == []


def test_more_than_a_figure_is_not_twice_that_figure_in_one_article():
    text = (
        "More than 20 soldiers were killed on Sunday when fighters overran an army post near the border.\n\n"
        "The roughly 50 soldiers killed in Sunday's raid make it the army's worst loss this season."
    )
    (f,) = details(text)
    assert "More than 20 soldiers" in f.evidence[0].text


def test_two_lengths_of_one_operation_in_the_same_unit_are_a_finding_but_a_day_of_a_longer_round_is_not():
    operation = "The raid lasted 40 minutes, the army said.\n\nThe 45-minute operation was planned for weeks."
    (f,) = details(operation)
    assert {e.text for e in f.evidence} == {"40 minutes", "45-minute"}
    rounds = "The envoys ended two days of talks in Geneva.\n\nThe talks on Monday lasted about six hours."
    assert details(rounds) == []


@pytest.mark.parametrize("text", [
    "A drone hit a minibus on Saturday, killing two people. The driver and a woman aged 64 were killed at the scene.",
    "A drone hit a minibus on Saturday, killing two people. A 64-year-old woman was killed at the scene.",
    "Russia fired 48 missiles overnight, the air force said. Air defences shot down 442 drones and 41 missiles.",
])  # fmt: skip
def test_an_age_and_a_part_of_a_count_joined_by_and_are_no_second_value(text):
    assert details(text) == []


@pytest.mark.parametrize("text", [
    "The talks, held three days after the cabinet reshuffle, lasted three hours.",
    "In the four days since the fighting began, the talks lasted three hours.",  # time gone by, not a length
])  # fmt: skip
def test_a_time_after_another_event_is_no_length(text):
    analysis = accord.analyze(text, published="2025-07-21")
    assert [analysis.article.text[c.span.start : c.span.end] for c in analysis.claims if c.kind == "duration"] == ["three hours"]


def test_a_toll_after_the_number_of_people_killed_is_read():
    analysis = accord.analyze("The number of people killed in Ternopil rose to 22 by midday, officials said.", published="2025-11-19")
    assert [(c.what, c.low) for c in analysis.claims if c.kind == "number"] == [("killed", 22.0)]


def test_a_number_that_counts_an_addition_is_no_claim():
    analysis = accord.analyze("Hamas is expected to free four more hostages on Saturday.", published="2025-01-20")
    assert [c for c in analysis.claims if c.kind == "number"] == []


# -- places and dates of what happened, read from the parse ---------------------------------


def claimed(text: str, kind: str, published: str = "2025-03-25"):
    analysis = accord.analyze(text, published=published)
    return [(analysis.article.text[c.span.start : c.span.end], c.holder) for c in analysis.claims if c.kind == kind]


@pytest.mark.parametrize("text, expected", [
    ("The two delegations held talks in Riyadh on Monday.", [("Riyadh", "meeting")]),
    ("The rebels said they would withdraw from the town of Walikale.", [("Walikale", "withdrawal")]),
    ("No one was killed in the Port Sudan attack, the army said.", [("Port Sudan", "attack")]),
    ("Gunmen killed 26 people at Pahalgam in Kashmir.", [("Pahalgam", "attack")]),  # the outer place holds the inner
    ("Russian drones hit the port of Reni overnight, damaging grain silos.", [("Reni", "attack")]),
    ("Israeli troops raided the Tulkarm refugee camp on Tuesday.", [("Tulkarm", "attack")]),
    ("The summit between the two leaders was held in Anchorage on Friday.", [("Anchorage", "meeting")]),
    ("In Washington, the president said the talks had gone well.", []),  # where a speaker was
    ("The truce began at 6 p.m. Moscow time on Saturday.", []),  # a clock
    ("Buses left the prison near Ramallah after midnight.", []),  # a landmark
    ("Jets bombed the city's airport a day after hitting the port of Hodeidah.", []),  # another day's happening
    ("A Russian missile strike on Kharkiv killed four people on Sunday.", [("Kharkiv", "attack")]),
    ("In Washington, the president criticised the strikes in a post.", []),  # the scene of the criticism
    ("Diplomats said Qatar had been quietly talking to Kigali for weeks.", []),  # a capital for its government
    ("Iran and the US held talks on Tehran's nuclear programme in Rome.", [("Rome", "meeting")]),  # a capital's thing
    ("An Israeli strike hit Gaza's Holy Family Church on Thursday.", [("Gaza", "attack")]),  # a place's building
    ("The delegations met again in Riyadh three days later.", []),  # counted from another happening
    ("The call on Feb. 12 and the talks in Riyadh six days later worried Kyiv.", [("Riyadh", "another day")]),
    ("Expert teams will meet in Muscat on Wednesday.", [("Muscat", "another day")]),  # a dated plan
    ("The rebels said on Saturday they would withdraw from the town of Walikale.", [("Walikale", "withdrawal")]),  # the saying's day
])  # fmt: skip
def test_a_place_is_claimed_for_the_happening_it_hangs_from(text, expected):
    assert claimed(text, "place") == expected


def test_a_date_is_claimed_for_the_happening_it_hangs_from_even_across_a_plain_verb():
    text = "India said it had targeted camps used to plan the attack on tourists in Pahalgam on April 22."
    assert claimed(text, "date", "2025-05-07") == [("April 22", "attack")]
    assert claimed("The minister said on April 22 that the border would stay shut.", "date", "2025-05-07") == []


def test_places_in_sentences_that_each_tell_of_their_own_day_are_two_events():
    text = (
        "On 3 June, Russian missiles struck a power station in Kherson, plunging the city into darkness.\n\n"
        "On 9 June, Russian missiles struck a power station in Odesa, plunging the city into darkness."
    )
    assert findings(text, None, "event details")[0] == []
    assert details(text) == []


@pytest.mark.parametrize("first, second, names", [
    ('"Taking out cartel gunmen who poison Americans is exactly what our military is for," Vice President JD Vance wrote '
     "on X. When a critic objected, Vance replied that he did not care.",  # "on X." ends its sentence
     'Defense Secretary Pete Hegseth spoke on Wednesday. "Taking out cartel gunmen who poison Americans is exactly what '
     'our military is for," Hegseth said.', ("JD Vance", "Pete Hegseth")),
    ('"The envoy must condemn what happened, and he must condemn it strongly," Prime Minister Irakli Kobakhidze said.',
     'Parliament Speaker Shalva Papuashvili went further. "The envoy must condemn what happened, and he must condemn it '
     'strongly," Papuashvili said.', ("Irakli Kobakhidze", "Papuashvili")),  # a name the base lacks
])  # fmt: skip
def test_one_quote_given_to_two_speakers_named_or_not(first, second, names):
    (f,) = findings(f"{first}\n\n{second}", "2025-10-05", "quote attribution")[0]
    assert all(name in f.explanation for name in names)


def test_a_quote_given_again_to_a_pronoun_or_a_role_is_no_second_speaker():
    text = (
        '"We will not rest until every girl is home," Governor Nasir Idris told the parents.\n\n'
        'Police said they were tracking the gang. "We will not rest until every girl is home," the police spokesman said.'
    )
    assert findings(text, "2025-11-17", "quote attribution")[0] == []


def test_a_quote_given_to_a_speaker_the_quote_stage_named_but_left_unresolved_is_still_attributed():
    text = (
        '"Armed groups must not use this pause to regroup or attack," junta spokesman Zaw Min Tun said on Wednesday.\n\n'
        "Senior General Min Aung Hlaing has faced criticism for continuing air strikes after the earthquake.\n\n"
        '"Armed groups must not use this pause to regroup or attack," Min Aung Hlaing said, according to state media.'
    )
    (f,) = findings(text, "2025-04-03", "quote attribution")[0]
    assert "Zaw Min Tun" in f.explanation and "Min Aung Hlaing" in f.explanation
