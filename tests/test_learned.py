"""The event classifier: its artifact, its training command, and how it decides beside the rules."""

import json

import numpy as np
import pytest

import accord
from accord import nlp
from accord.events import load_codebook
from accord.events.learned import classifier
from accord.events.learned.corpora import penta
from accord.events.learned.verbs import load as load_verbs

from .conftest import ROOT

BOOK = load_codebook()


@pytest.fixture(scope="module")
def model():
    return classifier.load()


def test_the_artifact_is_small_has_every_label_and_a_model_card(model):
    assert classifier.ARTIFACT.stat().st_size < 25_000_000
    assert (classifier.ARTIFACT.parent / "MODEL_CARD.md").read_text().startswith("# accord event classifier")
    assert set(model.heads["acled"][0]) == set(BOOK.acled.sub_events) | {"NONE"}
    assert set(model.heads["penta"][0]) == {"0", "1", "2", "3", "4"}
    assert set(model.heads["plover"][0]) == {c.plover for c in BOOK.cameo.values() if c.plover} | {"NONE"}
    assert model.meta["seed"] == 13 and model.meta["pattern_precision"]


def test_every_acled_sub_event_type_has_training_sentences():
    counts = {}
    for path in (ROOT / "train" / "acled").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            counts[record["sub_event_type"]] = counts.get(record["sub_event_type"], 0) + 1
    assert set(counts) == set(BOOK.acled.sub_events)
    assert min(counts.values()) >= 60, counts


def test_the_weights_give_probabilities_that_sum_to_one(model):
    doc = nlp.load()("Rebels shelled the airport overnight, killing two guards.")
    index, weights = model.vector(__import__("accord.events.learned.features", fromlist=["x"]).sentence_features(doc[:], model.verbs))
    assert len(index) and abs(float(np.linalg.norm(weights)) - 1.0) < 1e-5
    for head in classifier.HEADS:
        assert abs(sum(model.probabilities(head, index, weights).values()) - 1.0) < 1e-4


@pytest.mark.parametrize("root, cls", [("01", "0"), ("042", "1"), ("05", "1"), ("07", "2"), ("08", "2"), ("112", "3"), ("13", "3"), ("14", "4"), ("195", "4"), (None, None)])
def test_cameo_roots_fall_in_five_classes(root, cls):
    assert penta(root) == cls


@pytest.mark.parametrize(
    "sentence, root",
    [
        ("The ministry appealed for food aid.", "023"),
        ("The rebels pledged to cooperate with the inquiry.", "03"),
        ("The president lauded the mediators.", "051"),
        ("Tokyo extended a loan to Jakarta.", "071"),
        ("Prosecutors probed the minister.", "09"),
        ("The unions insisted on a pay rise.", "10"),
        ("The senator denounced the deal.", "111"),
        ("The council vetoed the resolution.", "129"),
        ("The general warned the rebels.", "13"),
        ("The government severed ties with Qatar.", "16"),
        ("Gunmen kidnapped two engineers.", "181"),
        ("The army shelled rebel positions.", "19"),
        ("The militia massacred villagers.", "20"),
    ],
)
def test_the_verb_lexicon_gives_each_root_its_code(sentence, root):
    verb = nlp.load()(sentence)[:].root
    assert any(code.startswith(root) for code in load_verbs().codes(verb)), load_verbs().codes(verb)


def test_a_classifier_event_takes_the_specific_code_the_verb_lexicon_gives():
    event = next(e for e in events_of("Tokyo extended a loan of two billion dollars to Jakarta.") if e.decided_by == "model")
    assert (event.type, event.cameo) == ("AID", "071")


def test_training_writes_an_artifact_that_codes_offline(tmp_path):
    pytest.importorskip("sklearn")
    from accord.events.learned.train import train

    team = tmp_path / "train"
    (team / "acled").mkdir(parents=True)
    (team / "plover").mkdir()
    acled = [
        ("Gunmen shot dead {} farmers in the village of Kadi.", "Attack"), ("Militants abducted {} pupils from a school near Kadi.", "Abduction/forced disappearance"),
    ]  # fmt: skip
    lines = [json.dumps({"text": t.format(n), "sub_event_type": s, "plover": "ASSAULT", "cameo": "18"}) for t, s in acled for n in range(2, 12)]
    (team / "acled" / "a.jsonl").write_text("\n".join(lines) + "\n")
    plover = [("The foreign ministers of {} countries met in Geneva.", "CONSULT", "04"), ("Heavy rain fell on {} provinces.", None, None)]
    lines = [json.dumps({"text": t.format(n), "plover": p, "cameo": c}) for t, p, c in plover for n in range(2, 12)]
    (team / "plover" / "p.jsonl").write_text("\n".join(lines) + "\n")
    out = tmp_path / "model" / "events.npz"
    meta = train(team, None, out, seed=13, folds=2)
    assert (out.parent / "MODEL_CARD.md").is_file()
    assert meta["heads"]["acled"]["examples"] == 40 and meta["heads"]["acled"]["cross_validated"]["all"]["accuracy"] > 0.5
    again = train(team, None, tmp_path / "again" / "events.npz", seed=13, folds=0)
    assert again["features"] == meta["features"]
    with np.load(out) as a, np.load(tmp_path / "again" / "events.npz") as b:
        assert np.array_equal(a["acled_coef"], b["acled_coef"])  # seeded: the same data give the same weights
    trained = classifier.load.__wrapped__(out)
    guess = trained.predict(nlp.load()("Gunmen shot dead 40 farmers in the village of Kadi.")[:])
    assert guess.acled.label == "Attack"


def test_a_missing_artifact_says_how_to_rebuild_it(tmp_path):
    with pytest.raises(accord.AccordError, match="accord train"):
        classifier.load.__wrapped__(tmp_path / "none.npz")


def events_of(text, published="2024-06-03"):
    return accord.analyze(text, published=published).events


def test_each_event_says_what_decided_it_and_how_sure():
    for event in events_of("Troops fired on the crowd. Later the two presidents spoke by telephone."):
        assert event.decided_by in ("pattern", "model")
        assert event.confidence is None or 0.0 < event.confidence <= 1.0


def test_every_sentence_gets_a_label():
    analysis = accord.analyze("Soldiers clashed with rebels near the border. The weather was mild.", published="2024-06-03")
    assert len(analysis.sentences) == 2
    assert analysis.sentences[0].event == "ASSAULT" and analysis.sentences[0].penta == 4
    assert analysis.sentences[1].event is None
    assert all(s.span.text_in(analysis.article.text) for s in analysis.sentences)


@pytest.mark.parametrize(
    "sentence, acled",
    [
        ("A suicide bomber blew himself up at an army checkpoint in the north, killing six soldiers.", "Suicide bomb"),
        ("Fighter jets bombed a market in the rebel-held town on Saturday, killing 14 people.", "Air/drone strike"),
        ("Unidentified gunmen kidnapped a priest and two nuns on the road to the mission.", "Abduction/forced disappearance"),
        ("Several thousand nurses marched peacefully to parliament to demand better pay.", "Peaceful protest"),
        ("Police fired tear gas and arrested dozens of students who had blocked the main road.", "Protest with intervention"),
        ("Insurgents seized control of the district headquarters after government forces fled.", "Non-state actor overtakes territory"),
        ("A roadside bomb struck a police patrol, wounding three officers.", "Remote explosive/landmine/IED"),
    ],
)
def test_acled_sub_event_types_follow_the_cues_that_decide_them(sentence, acled):
    found = [e.acled[1] for e in events_of(sentence) if e.acled]
    assert found and found[0] == acled, found


def test_an_event_with_no_resolvable_source_is_kept_with_an_empty_source():
    events = [e for e in events_of("Unidentified gunmen shot dead a village chief in his home overnight.") if e.acled]
    assert events and events[0].type == "ASSAULT" and events[0].acled[0] == "Violence against civilians"
