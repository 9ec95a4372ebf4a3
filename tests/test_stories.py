"""Stories: reports of one event grouped across outlets, wire copies marked, findings across
outlets computed at ingest and listed by `accord stories` and `accord findings`. The articles
(tests/data/stories.jsonl) are the team's own, in news style: four reports of one drone
strike (one a wire copy, one later with a higher toll), two of one meeting that disagree on
its length, and one unrelated report."""

import json

import pytest
from click.testing import CliRunner

from accord.cli import main

from .conftest import ROOT

ARTICLES = ROOT / "tests" / "data" / "stories.jsonl"
LATER = {
    "url": "https://port-city-news.example/odesa-day-two", "source": "Port City News", "published": "2025-05-11T07:30:00",
    "title": "Odesa buries victims of port strike",
    "text": "The Russian drone strike on the Odesa port on Saturday killed nine people, governor Oleh Kiper said on "
            "Sunday, after two of the wounded dock workers died in hospital.\n\nThe city declared a day of mourning "
            "for the victims of the drone strike on the port of Odesa.",
}  # fmt: skip


def run(*args) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("stories") / "accord.db"
    run("ingest", ARTICLES, "--db", path)
    return path


def stories(db) -> list[dict]:
    return json.loads(run("stories", "--db", db, "--json"))


def findings(db, *options) -> list[dict]:
    return json.loads(run("findings", "--db", db, "--json", *options))


def by_title(db) -> dict[str, dict]:
    return {a["title"]: {**a, "story": s["story"]} for s in stories(db) for a in s["articles"]}


def test_reports_of_one_event_form_one_story_and_others_stay_apart(db):
    sizes = sorted(len(s["articles"]) for s in stories(db))
    assert sizes == [1, 2, 4]
    strike = next(s for s in stories(db) if len(s["articles"]) == 4)
    assert set(strike["outlets"]) == {"Harbour Post", "Black Sea Wire", "Evening Ledger", "Copy Desk"}


def test_a_wire_copy_is_marked_as_a_copy_of_its_original(db):
    articles = [a for s in stories(db) for a in s["articles"]]
    copies = [a for a in articles if a["copy_of"]]
    assert len(copies) == 1 and copies[0]["source"] == "Copy Desk"
    original = next(a for a in articles if a["id"] == copies[0]["copy_of"])
    assert original["source"] == "Harbour Post"


def test_different_lengths_of_one_meeting_are_a_warning_citing_both_outlets(db):
    (f,) = findings(db, "--kind", "durations differ")
    assert f["severity"] == "warning"
    assert {(e["source"], e["text"]) for e in f["evidence"]} == {("Alpine Times", "three-hour"), ("Caucasus Review", "five-hour")}
    assert "meeting" in f["explanation"] and len(f["groups"]) == 2


def test_a_toll_that_grew_in_later_reports_is_an_info_note_not_an_error(db):
    (f,) = findings(db, "--kind", "numbers differ")
    assert f["severity"] == "info" and f["rule"] == "numbers: a toll that rose between reports"
    assert "Later reports give a higher toll" in f["explanation"]
    assert {e["text"] for e in f["evidence"]} >= {"killed four", "killed seven"}


def test_the_findings_command_filters_by_severity_kind_and_story(db):
    everything = findings(db)
    assert {f["kind"] for f in everything} >= {"durations differ", "numbers differ"}
    assert all(f["severity"] in ("warning", "error") for f in findings(db, "--severity", "warning"))
    assert len(findings(db, "--severity", "warning")) < len(everything)
    meeting = by_title(db)["Armenian and Azerbaijani ministers meet in Geneva"]["story"]
    assert [f["kind"] for f in findings(db, "--story", meeting)] == ["durations differ"]
    text = run("findings", "--db", db, "--severity", "warning")
    assert "durations differ" in text and "“three-hour”" in text


def test_every_evidence_span_slices_its_article(db):
    import sqlite3

    texts = dict(sqlite3.connect(db).execute("SELECT id, text FROM articles"))
    for f in findings(db):
        for e in f["evidence"]:
            assert texts[e["article"]][e["start"] : e["end"]] == e["text"]


def test_ingesting_again_stores_nothing_twice_and_keeps_story_ids(tmp_path):
    path = tmp_path / "accord.db"
    run("ingest", ARTICLES, "--db", path)
    before = by_title(path)
    out = run("ingest", ARTICLES, "--db", path)
    assert "stored 0, already stored 7" in out
    assert by_title(path) == before
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(LATER) + "\n")
    run("ingest", later, "--db", path)
    after = by_title(path)
    strike = before["Drone strike on Odesa port kills four"]["story"]
    assert after[LATER["title"]]["story"] == strike  # joins the story, whose id stays
    assert {k: v["story"] for k, v in after.items() if k in before} == {k: v["story"] for k, v in before.items()}
    (toll,) = findings(path, "--kind", "numbers differ", "--story", strike)
    assert "Port City News" in {e["source"] for e in toll["evidence"]}  # recomputed with the new report


def test_a_follow_up_days_later_joins_only_when_it_is_as_close_as_a_rewrite(tmp_path):
    path = tmp_path / "accord.db"
    run("ingest", ARTICLES, "--db", path)
    strike = by_title(path)["Drone strike on Odesa port kills four"]["story"]
    week = {**LATER, "published": "2025-05-17T09:00:00"}
    close = {**week, "url": "https://port-city-news.example/odesa-week", "title": "A week after the Odesa port strike",
             "text": LATER["text"].replace("on Saturday", "on May 10").replace("said on Sunday", "said")}
    loose = {**week, "url": "https://port-city-news.example/grain", "title": "Grain exports resume",
             "text": "Grain exports from Ukraine's Black Sea ports resumed on Saturday, traders said, as insurers "
                     "returned to the market after weeks of uncertainty over shipping."}  # fmt: skip
    later = tmp_path / "later.jsonl"
    later.write_text("".join(json.dumps(a) + "\n" for a in (close, loose)))
    run("ingest", later, "--db", path)
    after = by_title(path)
    assert after[close["title"]]["story"] == strike
    assert after[loose["title"]]["story"] != strike


def test_a_report_days_later_of_a_happening_on_its_own_day_is_a_story_of_its_own(tmp_path):
    """A second strike on the port a week later reads like the first, but happened on its own day."""
    path = tmp_path / "accord.db"
    run("ingest", ARTICLES, "--db", path)
    strike = by_title(path)["Drone strike on Odesa port kills four"]["story"]
    again = {**LATER, "published": "2025-05-17T09:00:00", "url": "https://port-city-news.example/odesa-again",
             "title": "Odesa port hit again"}  # "on Saturday" is now 17 May, the day it was published
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(again) + "\n")
    run("ingest", later, "--db", path)
    assert by_title(path)[again["title"]]["story"] != strike


def test_listing_needs_a_store(tmp_path):
    result = CliRunner().invoke(main, ["findings", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0 and "no store" in result.output


# -- places and dates compared across outlets (the comparer on analysed reports) -------------


def compared(*reports: tuple[str, str]) -> list:
    """Findings across outlets for (published, text) reports of one story."""
    from datetime import date

    import accord
    from accord.checks.vocabulary import load
    from accord.stories.compare import Member, StoryComparer

    members, names = [], {}
    for n, (published, text) in enumerate(reports):
        a = accord.analyze(text, published=published)
        members.append(Member(a.article.id, f"Outlet {n}", date.fromisoformat(published), None, a.article.text, a.claims))
        names.update({actor.id: actor.name for actor in a.actors if actor.kind == "person"})  # as the store gives them
    return StoryComparer(load(), names)("st-test", members)


def test_two_cities_for_one_round_of_talks_are_a_place_finding():
    (f,) = compared(
        ("2025-03-25", "Russian and Ukrainian officials ended two days of talks in Geneva on the Black Sea navigation deal."),
        ("2025-03-26", "Grain traders were cautious after the talks in Vienna on the Black Sea navigation deal."),
    )
    assert f.kind == "places differ" and {e.text for e in f.evidence} == {"Geneva", "Vienna"}


def test_a_town_and_the_region_around_it_are_no_place_finding():
    assert compared(
        ("2025-05-17", "A Russian drone attack on a bus in Bilopillia killed nine people, regional officials said."),
        ("2025-05-17", "A Russian drone attack on a bus in the Sumy region killed nine people, regional officials said."),
    ) == []


@pytest.mark.parametrize("other, found", [
    ("Gunmen killed 26 tourists at Pahalgam on April 23, officials recalled.", True),  # written, weeks before: settled
    ("Gunmen killed 26 tourists at Pahalgam on May 6, officials said.", False),  # yesterday: a time zone away
])  # fmt: skip
def test_written_dates_a_day_apart_differ_only_once_the_day_is_settled(other, found):
    first = "Gunmen killed 26 tourists at Pahalgam on April 22, officials recalled." if found else \
        "Gunmen killed 26 tourists at Pahalgam on May 5, officials said."  # fmt: skip
    kinds = [f.kind for f in compared(("2025-05-07", first), ("2025-05-07", other))]
    assert ("dates differ" in kinds) is found


@pytest.mark.parametrize("first, second", [
    ("Russia and Ukraine exchanged 175 prisoners each on Wednesday after talks in Abu Dhabi.",
     "Russia and Ukraine exchanged 350 prisoners in all on Wednesday after talks in Abu Dhabi."),  # each side
    ("Israel freed 90 Palestinian prisoners early on Monday under the Gaza ceasefire.",
     "Israel is to free about 1,900 Palestinian prisoners over the first phase of the Gaza ceasefire."),  # a plan
    ("Shelling killed five people in Kherson on Monday, the governor said.",
     "Shelling killed eight people in Kherson on Thursday, the governor said."),  # other days
    ("Russia launched 273 drones at Ukraine overnight, the Ukrainian air force said.",
     "Ukraine's air force said it shot down 88 Russian drones overnight."),  # a part of the whole
])  # fmt: skip
def test_counts_of_each_side_plans_parts_and_other_days_are_no_numbers_finding(first, second):
    assert compared(("2025-05-04", first), ("2025-05-04", second)) == []


def test_a_building_and_its_city_are_no_place_finding():
    assert compared(
        ("2025-08-08", "The leaders of Armenia and Azerbaijan signed a peace declaration at the White House on Friday."),
        ("2025-08-09", "Armenia and Azerbaijan signed a peace declaration in Washington on Friday, the leaders said."),
    ) == []


@pytest.mark.parametrize("other, found", [
    ("Donors at the Cairo conference on Gaza's recovery pledged £1.8 billion on Tuesday.", True),  # at least $1.9 billion
    ("Donors at the Cairo conference on Gaza's recovery pledged €1.1 billion on Tuesday.", False),  # one sum at some rate
])  # fmt: skip
def test_sums_in_two_currencies_differ_only_when_no_rate_of_the_years_makes_them_one(other, found):
    first = "Donors at the Cairo conference on Gaza's recovery pledged $1.2 billion on Tuesday."
    kinds = [f.kind for f in compared(("2025-11-18", first), ("2025-11-18", other))]
    assert ("numbers differ" in kinds) is found


def test_a_quote_with_other_numbers_and_another_speaker_is_two_findings_and_no_numbers_finding():
    quote = '"We expect Hamas to return all {} bodies of the deceased hostages, as the agreement requires," {} said.'
    found = compared(
        ("2025-10-14", quote.format(28, "military spokesman Effie Defrin")),
        ("2025-10-14", quote.format(24, "army spokesman Effie Defrin")),
        ("2025-10-14", quote.format(28, "Prime Minister Benjamin Netanyahu")),
    )
    assert sorted(f.rule for f in found) == ["quotes: one quote, different numbers", "quotes: one quote, different speakers"]


@pytest.mark.parametrize("first, second", [
    ("A Russian strike on Dnipro on Tuesday killed some two dozen people, officials said.",
     "A Russian strike on Dnipro on Tuesday killed 24 people, officials said."),  # a number in two words
    ("A Russian strike on Dnipro on Tuesday killed twenty-five people, officials said.",
     "A Russian strike on Dnipro on Tuesday killed 25 people, officials said."),
    ("Russian strikes killed 18 people across Ukraine on Tuesday, officials said.",
     "Russian strikes killed 15 people in Kharkiv on Tuesday, officials said."),  # a country's toll and a city's
    ("Russian strikes killed 12 people overnight in the Donetsk region, the governor said.",
     "A Russian strike on Kramatorsk killed 5 people overnight, the governor said."),  # a region's toll and a city's
    ("Israeli strikes killed at least 50 people across Gaza on Tuesday, the health ministry said.",
     "An Israeli strike on a school in Gaza City killed 20 people on Tuesday, the health ministry said."),  # many and one
    ("The US announced $500 million in new military aid for Ukraine on Tuesday, part of a $2 billion package.",
     "The US announced a $2 billion military aid package for Ukraine on Tuesday."),  # a part beside its whole
])  # fmt: skip
def test_numbers_in_words_a_country_against_a_city_and_a_part_beside_its_whole_are_no_finding(first, second):
    assert compared(("2025-05-06", first), ("2025-05-06", second)) == []


def test_different_counts_of_one_release_are_a_numbers_finding():
    (f,) = compared(
        ("2025-01-20", "Israel freed 90 Palestinian prisoners early on Monday under the Gaza ceasefire."),
        ("2025-01-20", "Israel freed 95 Palestinian prisoners early on Monday under the Gaza ceasefire."),
    )
    assert f.kind == "numbers differ"


def test_an_outlet_is_cited_in_its_own_words_before_the_words_it_quotes():
    own = "The rebels withdrew their fighters from the town of Goma on Saturday, residents said."
    quoted = '"We have withdrawn our fighters from the town of Goma to give the peace talks a chance," spokesman Lawrence Kanyuka said.'
    (f,) = compared(
        ("2025-03-23", f"{own}\n\n{quoted}"),
        ("2025-03-23", "The rebels withdrew their fighters from the town of Bukavu to give the peace talks a chance."),
    )
    goma = next(e for e in f.evidence if e.text == "Goma")
    assert f.kind == "places differ" and goma.start < len(own)


def test_tolls_of_reports_that_place_the_strike_apart_are_one_places_finding_not_two():
    found = compared(
        ("2025-05-04", "A Russian missile strike on Kharkiv killed four people on Sunday, the governor said."),
        ("2025-05-04", "A Russian missile strike on Kramatorsk killed seven people on Sunday, the governor said."),
    )
    assert [f.kind for f in found] == ["places differ"]


def test_a_head_title_the_country_lacks_against_the_right_one_is_a_title_finding():
    (f,) = compared(
        ("2025-07-28", "Malaysian Prime Minister Anwar Ibrahim said Thailand and Cambodia agreed to a ceasefire in Putrajaya."),
        ("2025-07-28", "Malaysian President Anwar Ibrahim said Thailand and Cambodia agreed to a ceasefire in Putrajaya."),
    )
    assert f.kind == "titles differ" and "Malaysian President Anwar Ibrahim" in {e.text for e in f.evidence}


def test_a_title_held_by_someone_else_against_a_vaguer_one_is_a_title_finding():
    (f,) = compared(
        ("2025-08-07", "The paper was presented to Lebanese leaders by US envoy Tom Barrack on Thursday."),
        ("2025-08-09", "The paper was carried to Beirut by US Secretary of State Tom Barrack on Thursday."),
    )
    assert f.kind == "titles differ" and {e.text for e in f.evidence} == {"US envoy Tom Barrack", "US Secretary of State Tom Barrack"}


def test_one_day_apart_is_a_date_finding_only_against_a_majority_and_away_from_midnight():
    told = "The Lebanese cabinet approved the army's plan on {} in Baabda, ministers said."
    assert [f.kind for f in compared(("2025-08-08", told.format("Thursday")), ("2025-08-08", told.format("Wednesday")))] == []
    three = [("2025-08-08", told.format("Thursday")), ("2025-08-08", told.format("Thursday") + " It was a long session."),
             ("2025-08-08", told.format("Wednesday"))]  # fmt: skip
    assert [f.kind for f in compared(*three)] == ["dates differ"]
    late = "Missiles struck the port late on {}, killing 12 people, officials said."
    early = "Missiles struck the port early on {}, killing 12 people, officials said."
    pairs = [("2025-08-08", late.format("Wednesday")), ("2025-08-08", late.format("Wednesday")), ("2025-08-08", early.format("Thursday"))]
    assert compared(*pairs) == []  # one night, told from either side of midnight


def test_an_area_that_fits_two_towns_does_not_join_them():
    (f,) = compared(
        ("2025-05-21", "An Israeli airstrike hit a school in the Zeitoun district on Wednesday, killing 15 people."),
        ("2025-05-21", "An Israeli airstrike hit a school in Jabalia on Wednesday, killing 15 people."),
        ("2025-05-21", "An Israeli airstrike hit a school in Gaza City on Wednesday, killing 15 people."),
    )
    assert f.kind == "places differ" and {e.text for e in f.evidence} >= {"Jabalia", "Gaza City"}


def test_a_toll_each_later_report_says_rose_is_no_finding_but_a_silent_rise_is_news():
    first = ("2025-04-18", "US strikes on the Ras Isa port killed at least 38 people, the health ministry said.")
    said = ("2025-04-19", "The number of people killed in the US strikes on the Ras Isa port has climbed to 74, the health ministry said.")
    silent = ("2025-04-19", "US strikes on the Ras Isa port killed 74 people, the health ministry said.")
    assert [f for f in compared(first, said) if f.kind == "numbers differ"] == []
    (f,) = [f for f in compared(first, silent) if f.kind == "numbers differ"]
    assert f.severity == "info" and "higher toll" in f.explanation


def test_a_part_of_a_toll_that_grew_with_it_is_no_finding_of_its_own():
    first = ("2025-08-28", "A Russian missile attack on Kyiv killed at least 14 people, including three children, officials said.")
    later = ("2025-08-29", "A Russian missile attack on Kyiv killed at least 19 people, including four children, officials said.")
    found = [f for f in compared(first, later) if f.kind == "numbers differ"]
    assert [{e.text for e in f.evidence} for f in found] == [{"killed at least 14", "killed at least 19"}]
    same = ("2025-08-29", "A Russian missile attack on Kyiv killed at least 14 people, including four children, officials said.")
    (f,) = [f for f in compared(first, same) if f.kind == "numbers differ"]  # one toll: the parts differ
    assert {e.text for e in f.evidence} == {"three children", "four children"}


def test_a_toll_in_a_sentence_dated_to_another_year_is_another_event():
    assert compared(
        ("2025-07-17", "An Israeli strike on the Holy Family Church in Gaza killed two people on Thursday."),
        ("2025-07-18", "In October 2023 an Israeli strike on a church compound in Gaza killed 18 people."),
    ) == []


def test_a_place_dated_days_before_the_other_report_is_another_happening():
    assert [f for f in compared(
        ("2025-02-28", "The meeting came ten days after US and Russian delegations met in Riyadh on Feb. 18."),
        ("2025-03-01", "Politicians backed Zelensky after his meeting with Trump in Washington ended in a row."),
    ) if f.kind == "places differ"] == []


def test_a_report_of_its_own_days_happening_far_from_the_storys_days_is_another_story():
    from datetime import date

    from accord.stories.index import StoryIndex
    from accord.stories.profile import profile

    def report(name, day, text, happened):
        return profile(name, len(index) + 1, text, name, date(2025, 5, day), None, [], [], ((date(2025, 5, happened), "ASSAULT"),))

    index = StoryIndex()
    first = index.add(report("a", 10, "Russian drones struck the Danube port of Izmail overnight, setting grain silos on "
                                      "fire and wounding two dock workers, governor Oleh Kiper said.", 10))  # fmt: skip
    later = index.add(report("b", 11, "Grain silos at the Danube port of Izmail were still smouldering after the Russian "
                                      "drone strike, and two dock workers remained in hospital, Kiper said.", 10))  # fmt: skip
    again = index.add(report("c", 12, "Russian drones struck the Danube port of Izmail again overnight, hitting grain "
                                      "silos and wounding three dock workers, governor Oleh Kiper said.", 12))  # fmt: skip
    assert later.story == first.story and again.story != first.story


def test_places_of_two_days_joined_through_an_undated_one_are_no_place_finding():
    found = compared(
        ("2025-07-16", "Israeli jets struck the army headquarters in Damascus on Wednesday, the military said."),
        ("2025-07-17", "Israeli jets struck the army headquarters in Damascus as the Druze fighting went on, the military said."),
        ("2025-07-17", "The strike on the army headquarters came as the Sweida fighting, which erupted on Sunday, turned "
                       "into a full-scale offensive."),
    )
    assert [f for f in found if f.kind == "places differ"] == []


def test_counts_of_people_abducted_are_compared_like_tolls():
    first = ("2025-11-17", "Gunmen abducted 52 schoolgirls from a boarding school in Kebbi State early on Monday, officials said.")
    later = ("2025-11-18", "Gunmen abducted 25 students from a boarding school in Kebbi State early on Monday, police said.")
    (f,) = [f for f in compared(first, later) if f.kind == "numbers differ"]
    assert f.severity == "warning" and "people abducted" in f.explanation  # the later count is the lower
    higher = ("2025-11-18", "Gunmen abducted 60 students from a boarding school in Kebbi State early on Monday, police said.")
    (f,) = [f for f in compared(first, higher) if f.kind == "numbers differ"]
    assert f.severity == "info"  # counts of the taken grow as reports come in, as tolls do


def test_a_day_apart_by_the_clock_is_a_finding_one_report_against_one():
    friday = ("2025-11-21", "Gunmen abducted 215 students from a Catholic boarding school in Papiri early Friday, officials said.")
    found = compared(friday, ("2025-11-23", "Gunmen abducted 215 pupils from the Catholic boarding school in Papiri early "
                                            "Thursday, lawmakers said."))  # fmt: skip
    assert [{e.text for e in f.evidence} for f in found if f.kind == "dates differ"] == [{"early Friday", "early Thursday"}]
    for other in ("on Thursday", "late on Thursday"):  # a whole day: a zone may move it; near midnight: one moment
        text = f"Gunmen abducted 215 pupils from the Catholic boarding school in Papiri {other}, lawmakers said."
        assert [f for f in compared(friday, ("2025-11-23", text)) if f.kind == "dates differ"] == []
