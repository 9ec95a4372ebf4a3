"""Event coding: every codebook example, the seed's events, modality, attributes and merging."""

import pytest

import accord
from accord.events import load_codebook
from accord.read import make_article

from .conftest import shared_path

BOOK = load_codebook()


def events_of(text, published="2025-04-14"):
    return accord.analyze(text, published=published).events


@pytest.fixture(scope="module")
def rules():
    """The triggers alone: a codebook example tests its pattern, not the classifier beside it."""
    return accord.Pipeline(rules_only=True)


def rule_events(rules, text, published="2025-04-14"):
    article = make_article(text, "<test>", published=published)
    return next(iter(rules.stream([article]))).events


@pytest.mark.parametrize("trigger", list(BOOK.triggers.values()), ids=lambda t: t.id)
def test_every_codebook_example_codes_to_its_type(rules, trigger):
    assert trigger.example, f"trigger {trigger.id} has no example sentence"
    wanted = trigger.plover or BOOK.code(trigger.cameo).plover
    types = [e.type for e in rule_events(rules, trigger.example) if not e.negated]
    assert wanted in types, f"{trigger.example!r} gave {types}, wanted {wanted}"


@pytest.mark.parametrize(
    "sentence, type_, source, target",
    [
        ("Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow on Monday.", "CONSULT", "RUS", "CHN"),
        ("Israeli warplanes struck targets in southern Lebanon overnight.", "ASSAULT", "ISR", "LBN"),
        ("The European Union imposed new sanctions on Iran on Monday.", "SANCTION", "IGO", "IRN"),
        ("Kyiv accused Moscow of violating the Easter truce.", "ACCUSE", "UKR", "RUS"),
        ("Qatar hosted a delegation of Hamas negotiators in Doha.", "CONSULT", "QAT", "PSE"),
        ("The Kremlin rejected a proposal for a 30-day ceasefire.", "REJECT", "RUS", None),
        ("Pakistan threatened to suspend the Simla Agreement with India.", "THREATEN", "PAK", None),
        ("Germany will send air defence systems to Ukraine.", "AGREE", "DEU", "UKR"),
        ("Sudanese paramilitaries shelled a camp for displaced people near El Fasher.", "ASSAULT", "SDN", None),
        ("Thousands of protesters rallied in Belgrade against the government.", "PROTEST", "SRB", None),
        ("Police arrested dozens of opposition supporters in Istanbul.", "COERCE", None, None),
        ("The UN Security Council called for an immediate ceasefire in Gaza.", "REQUEST", "IGO", None),
        ("Rwanda said the Congolese army must stop supporting the FDLR militia.", "REQUEST", "RWA", "COD"),
    ],
)
def test_table_of_sentences(sentence, type_, source, target):
    from accord.evaluate.actors import country_part
    from accord.pipeline import _pipeline

    result = accord.analyze(sentence, published="2025-04-14")
    coded = [e for e in result.events if e.type == type_]
    assert coded, f"{sentence!r}: {[e.type for e in result.events]}"
    codes = {a.id: country_part(a.code, _pipeline(())) for a in result.actors}
    event = coded[0]
    if source:
        assert source in {codes[a] for a in event.source}
    if target:
        assert target in {codes[a] for a in event.target}


@pytest.mark.parametrize(
    "sentence, negated, hedged",
    [
        ("Russian forces did not attack the city on Sunday.", True, False),
        ("Ukraine could strike targets deep inside Russia.", False, True),
        ("Russian forces attacked the city on Sunday.", False, False),
    ],
)
def test_negation_and_hedging(sentence, negated, hedged):
    [event] = [e for e in events_of(sentence) if e.type == "ASSAULT"]
    assert (event.negated, event.hedged) == (negated, hedged)


def test_casualties_and_duration():
    [attack] = [e for e in events_of("A Russian missile strike on Sumy killed at least 34 people on Sunday.") if e.type == "ASSAULT"]
    killed = [q for q in attack.casualties if q.unit == "killed"]
    assert killed and killed[0].low == 34 and killed[0].high is None
    [talks] = [e for e in events_of("Ukraine and US officials held talks in Jeddah that lasted about eight hours.") if e.type == "CONSULT"]
    assert talks.duration.low == 8


@pytest.fixture(scope="module")
def seed():
    return accord.analyze(shared_path("eval", "seed", "article.txt"), published="2025-04-14")


def _by_evidence(analysis, words):
    text = analysis.article.text
    return [e for e in analysis.events if any(words in s.text_in(text) for s in e.evidence)]


def test_seed_meeting_is_one_consult_with_date_place_and_duration(seed):
    names = {a.id: a.name for a in seed.actors}
    [meeting] = _by_evidence(seed, "had a crucial meeting with President Putin in St. Petersburg on Friday")
    assert meeting.type == "CONSULT" and meeting.cameo.startswith("04")
    assert [names[a] for a in meeting.source] == ["Steve Witkoff"]
    assert [names[a] for a in meeting.target] == ["Vladimir Putin"]
    assert str(meeting.when) == "2025-04-11"
    assert meeting.place.country == "RUS"
    assert abs(meeting.place.lat - 59.94) < 0.1 and abs(meeting.place.lon - 30.31) < 0.1
    assert meeting.duration.low == 4 and meeting.duration.high is None
    assert any("met to discuss peace negotiations" in s.text_in(seed.article.text) for s in meeting.evidence)


def test_seed_accusations_strikes_and_call_for_talks(seed):
    codes = {a.id: a.code for a in seed.actors}
    [accuse] = _by_evidence(seed, "Each side has accused the other of ceasefire breaches")
    assert accuse.type == "ACCUSE" and accuse.reciprocal
    assert {codes[a][:3] for a in accuse.source + accuse.target} == {"RUS", "UKR"}
    strikes = [e for e in _by_evidence(seed, "Russian troops persist in missile and drone attacks") if e.type == "ASSAULT"]
    assert strikes and codes[strikes[0].source[0]] == "RUSMIL" and codes[strikes[0].target[0]][:3] == "UKR"
    assert strikes[0].cameo.startswith("19")
    calls = [e for e in _by_evidence(seed, "calling for peace talks") if e.type == "REQUEST"]
    assert calls and codes[calls[0].source[0]] == "USAGOV"


def test_seed_nothing_from_headings_and_no_forecast_coded(seed):
    text = seed.article.text
    for event in seed.events:
        for span in event.evidence:
            assert not any(h.start <= span.start < h.end for h in seed.article.headings)
        assert "rapid outcomes are not expected" not in event.evidence[0].text_in(text) or event.hedged or event.negated


@pytest.mark.parametrize(
    "sentence",
    [
        "It is challenging to maintain a lasting ceasefire.",
        "The talks showed how difficult it is to end the conflict.",
        "Restoring relations would take time, the Kremlin said.",
        "This disregard for human life does not demonstrate a desire for peace.",
        "Secretary Rubio delivered President Trump's message to Lavrov.",
    ],
)
def test_no_event_from_words_that_assert_none(sentence):
    assert [e.type for e in events_of(sentence) if not e.hedged] == []


def coded(sentence, published="2000-04-14"):
    """The events of a sentence, with each actor id's country part ("IGO" for organisations)."""
    from accord.evaluate.actors import country_part
    from accord.pipeline import _pipeline

    result = accord.analyze(sentence, published=published)
    return result.events, {a.id: country_part(a.code, _pipeline(())) for a in result.actors}


@pytest.mark.parametrize(
    "sentence, type_, target",
    [
        ("Al-Shabaab threatened to step up attacks in Kenya.", "THREATEN", "KEN"),
        ("The army lifted a state of emergency in Tigray, the Ethiopian government said.", "CONCEDE", "ETH"),
        ("Kenya's government lifted a curfew in the coastal city of Mombasa on Monday.", "CONCEDE", "KEN"),
    ],
)
def test_with_no_slot_target_the_first_actor_after_the_verb_is_the_target(sentence, type_, target):
    events, codes = coded(sentence)
    [event] = [e for e in events if e.type == type_]
    assert [codes[a] for a in event.target] == [target]


@pytest.mark.parametrize(
    "sentence, reporter",
    [
        ("Al-Shabaab threatened to step up attacks in Kenya, Somalia's government said.", "SOM"),
        ("The rebels threatened to resume fighting, Mozambique's government said.", "MOZ"),
    ],
)
def test_the_reporting_clause_is_not_the_target(sentence, reporter):
    events, codes = coded(sentence)
    [event] = [e for e in events if e.type == "THREATEN"]
    assert reporter not in {codes[a] for a in event.target}
    assert not set(event.target) & set(event.source)


@pytest.mark.parametrize(
    "sentence, target",
    [
        ("The European Union rejected calls for its monitors to be withdrawn from Georgia.", "GEO"),
        ("The United Nations turned down a request for its observers to be sent to Kashmir.", None),
    ],
)
def test_a_target_is_never_the_sources_own_pronoun(sentence, target):
    events, codes = coded(sentence)
    [event] = [e for e in events if e.type == "REJECT"]
    assert codes[event.source[0]] == "IGO"
    assert not set(event.target) & set(event.source)
    if target:
        assert [codes[a] for a in event.target] == [target]


@pytest.mark.parametrize(
    "sentence, target",
    [
        ("Russia is supplying fighter jets to Syria.", "SYR"),
        ("The United States is sending military advisers to Colombia.", "COL"),
    ],
)
def test_target_slots_follow_the_triggers_order(sentence, target):
    # aid takes "to" before the object: the recipient, not the jets' or advisers' role word
    events, codes = coded(sentence)
    [event] = [e for e in events if e.type == "AID"]
    assert [codes[a] for a in event.target] == [target]


@pytest.mark.parametrize(
    "sentence, country",
    [
        ("A Brazilian judge ordered former president Fernando Collor to appear in court.", "BRA"),
        ("A Chilean judge ordered former dictator Augusto Pinochet to stand trial.", "CHL"),
    ],
)
def test_an_order_whose_action_codes_nothing_is_a_demand(sentence, country):
    events, codes = coded(sentence)
    [event] = [e for e in events if e.type == "REQUEST"]
    assert codes[event.source[0]] == country and codes[event.target[0]] == country


@pytest.mark.parametrize(
    "sentence",
    [
        "The Constitutional Council decided to allow opposition candidate Alassane Ouattara to run in the presidential election.",
        "The electoral commission decided to allow opposition leader Morgan Tsvangirai to contest the election.",
    ],
)
def test_deciding_to_allow_a_candidate_codes_the_act(sentence):
    events, _ = coded(sentence)
    assert [(e.type, e.cameo) for e in events] == [("CONCEDE", "0811")]


@pytest.mark.parametrize(
    "sentence, type_, cameo, source, target",
    [
        ("Nigerian peacekeeping troops arrived in Liberia on Thursday.", "AID", "074", "NGA", "LBR"),
        ("Indian peacekeepers arrived in Sri Lanka on Wednesday.", "AID", "074", "IND", "LKA"),
        ("Sudan received a team of UN investigators in Khartoum.", "RETREAT", "0862", "SDN", "IGO"),
        ("Iraq received UN investigators on Monday.", "RETREAT", "0862", "IRQ", "IGO"),
    ],
)
def test_peacekeepers_arriving_and_investigators_received(sentence, type_, cameo, source, target):
    events, codes = coded(sentence)
    [event] = events
    assert (event.type, event.cameo) == (type_, cameo)
    assert [codes[a] for a in event.source] == [source] and [codes[a] for a in event.target] == [target]


@pytest.mark.parametrize(
    "sentence, type_",
    [
        ("Indian and Russian warships began two weeks of naval exercises in the Bay of Bengal.", "MOBILIZE"),
        ("Chinese and Russian troops started a week of joint drills near the border.", "COOPERATE"),
    ],
)
def test_a_measure_noun_carries_the_event_after_of(sentence, type_):
    events, codes = coded(sentence)
    [event] = [e for e in events if e.type == type_]
    assert codes[event.source[0]] == "RUS"


@pytest.mark.parametrize(
    "sentence, source, target",
    [
        ("The Turkish president said NATO must be ready to defend its members.", "TUR", "IGO"),
        ("Iran's foreign minister said Europe must be ready to negotiate with Tehran.", "IRN", None),
    ],
)
def test_must_be_ready_to_is_the_speakers_demand(sentence, source, target):
    events, codes = coded(sentence)
    assert [e.type for e in events] == ["REQUEST"]
    assert [codes[a] for a in events[0].source] == [source]
    if target:
        assert [codes[a] for a in events[0].target] == [target]


@pytest.mark.parametrize(
    "sentence, source, target",
    [
        ("Moscow declared two British diplomats persona non grata.", "RUS", "GBR"),
        ("Ankara declared the Dutch ambassador persona non grata on Saturday.", "TUR", "NLD"),
        ("Kenya declared Somalia's deputy ambassador persona non grata.", "KEN", "SOM"),
    ],
)
def test_a_phrasal_verb_whose_words_stand_after_the_object(sentence, source, target):
    events, codes = coded(sentence)
    [event] = [e for e in events if e.type == "SANCTION"]
    assert event.cameo == "166"
    assert [codes[a] for a in event.source] == [source] and [codes[a] for a in event.target] == [target]


@pytest.mark.parametrize(
    "sentence, source, target",
    [
        ("Greek warships enforced a blockade of Macedonia's ports.", "GRC", "MKD"),
        ("Israeli troops tightened the siege of Jenin on Tuesday.", "ISR", "PSE"),
        ("Saudi Arabia announced a blockade of Qatar on Monday.", "SAU", "QAT"),
    ],
)
def test_a_nominals_of_phrase_is_its_target_when_the_trigger_takes_of(sentence, source, target):
    events, codes = coded(sentence)
    [event] = [e for e in events if e.type == "COERCE"]
    assert [codes[a] for a in event.source] == [source] and [codes[a] for a in event.target] == [target]


def test_a_passive_without_agent_takes_no_target_from_its_place():
    [event] = [e for e in events_of("An American journalist was detained in Russia on Friday.") if e.type == "COERCE"]
    assert "country:RUS" not in event.target


@pytest.mark.parametrize(
    "sentence, type_",
    [
        ("The ministry's servers were knocked offline by a cyberattack on Monday.", "COERCE"),  # a noun as passive agent
        ("The first tanks donated by Poland have arrived in Ukraine.", "AID"),  # arriving arms are aid
        ("Rwanda has deployed troops in eastern Congo, where they operate alongside the rebels.", "MOBILIZE"),  # not joint
        ("Britain and France said they were ready to send troops to Ukraine once a ceasefire is in place.", "AGREE"),
    ],
)
def test_more_codings(sentence, type_):
    types = [e.type for e in events_of(sentence) if not e.negated]
    assert types and types[0] == type_, types


def test_a_condition_names_no_event():
    assert "RETREAT" not in [e.type for e in events_of("Germany will send engineers once a ceasefire with Russia is in place.")]


@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("The Secretary stressed the need to end the war now.", "RETREAT"),  # a need, not an act
        ("The Secretary reiterated President Trump’s calls for dialogue with Ukraine.", "CONSULT"),  # a call, not talks
    ],
)
def test_what_is_needed_or_called_for_did_not_happen(sentence, absent):
    assert absent not in [e.type for e in events_of(sentence) if not e.negated]


@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("The talks can now begin about how to end this war.", "RETREAT"),  # how to do it, not done
        ("Kyiv thanked Washington for its efforts aimed at ending the war.", "RETREAT"),
        ("Everyone wonders whether the war is going to end soon.", "CONSULT"),  # "going to" is no journey
        ("Russia ended the blockade of the port on Monday.", "COERCE"),  # an ended blockade is not imposed
    ],
)
def test_aims_futures_and_undone_acts_are_not_events(sentence, absent):
    assert absent not in [e.type for e in events_of(sentence) if not e.negated]


@pytest.mark.parametrize(
    "sentence, target",
    [
        ("Venezuela's government issued a sharp condemnation of the U.S. naval build-up.", "USA"),  # condemnation of X
        ("Lebanon's president called on Washington to press Israel to withdraw.", "USA"),  # "call on" names whom
        ("Russia condemned the invasion of Iraq.", "IRQ"),  # the invasion of X: X is attacked
    ],
)
def test_of_and_on_phrases_name_the_target(sentence, target):
    events, codes = coded(sentence, "2025-04-14")
    assert codes[events[0].target[0]] == target


def test_against_names_the_target_before_other_actors():
    events, codes = coded("Kim Jong Un warned that North Korea would not hesitate to use nuclear weapons against South Korea.", "2025-04-14")
    [threat] = [e for e in events if e.type == "THREATEN"]
    assert [codes[t] for t in threat.target] == ["KOR"]


@pytest.mark.parametrize(
    "sentence, target",
    [
        ("Sweeping sanctions were imposed on Russia's biggest oil companies by the U.S. Treasury.", "RUS"),
        ("A third air defence system has been handed over to Ukraine by Germany.", "UKR"),
    ],
)
def test_passive_sentences_keep_their_slots_in_order(sentence, target):
    events, codes = coded(sentence, "2025-04-14")
    assert [codes[t] for t in events[0].target] == [target]


def test_a_place_is_the_target_only_when_nothing_else_is_named():
    a = accord.analyze("Protesters rioted in Kinshasa on Tuesday, setting fire to part of the French embassy.", published="2025-01-28")
    codes = {x.id: x.code for x in a.actors}
    [riot] = [e for e in a.events if e.type == "PROTEST"]
    assert [codes[t] for t in riot.target] == ["FRAGOV"]
    [lifted] = accord.analyze("Sudan's government lifted a state of emergency in West Darfur.", published="2025-01-28").events
    assert lifted.target  # alone, the place is the target


def test_actions_coordinated_with_an_agreement_are_part_of_it():
    types = [e.type for e in events_of("The two countries agreed to ensure safe navigation and prevent the use of force in the Black Sea.")]
    assert types == ["AGREE"]
    assert "ASSAULT" in [e.type for e in events_of("Russia refused to talk and launched an attack on Kyiv.")]


@pytest.mark.parametrize("text, low", [
    ("Twenty-five people, three of them children, are now known to have died in the strike.", 25),  # an aside, a hedge
    ("At least 30, including two children, were killed on Sunday.", 30),
    ("Five soldiers are believed to have been killed in the ambush.", 5),
])  # fmt: skip
def test_casualty_counts_read_past_an_aside_and_a_hedge(text, low):
    from accord.events.quantities import casualties

    assert [q.low for q in casualties(text, 0)] == [low]


def test_no_count_inside_another_word():
    from accord.events.quantities import casualties

    assert casualties("Of the 40 people on board, none died.", 0) == []  # "none" is not "one"
