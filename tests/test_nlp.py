"""The spaCy stage: the attribute ruler's rules as look-ups, and entities only where needed."""

import numpy
import pytest
import spacy
from spacy.attrs import LEMMA, MORPH, POS, TAG

from accord import nlp
from accord.read import make_article
from tests.conftest import EXAMPLES

TRICKY = [
    "They ain't gonna sign it, and he's sure the envoy's plan won't hold.",
    "Kyiv's forces said they'd withdraw; the U.S. didn't.  Talks resume at 10 a.m.",
    "\n\nHeadline in Capitals\n\nShe wanna meet them, y'all know it's true.",
]


def _example_texts() -> list[str]:
    return [make_article(path.read_text(encoding="utf-8"), path.name).text for path in EXAMPLES.glob("*.txt")]


def test_looked_up_attributes_equal_the_model_attribute_ruler():
    ours = nlp.load()
    assert "accord_attributes" in ours.pipe_names and "attribute_ruler" not in ours.pipe_names
    model = spacy.load(nlp.MODEL)
    texts = TRICKY + _example_texts()
    fields = [TAG, POS, MORPH, LEMMA]
    for theirs, mine in zip(model.pipe(texts, disable=["ner"]), ours.pipe(texts, disable=["ner"])):
        assert [t.text for t in theirs] == [t.text for t in mine]
        assert numpy.array_equal(theirs.to_array(fields), mine.to_array(fields)), theirs.text[:60]


def test_attribute_rules_refuse_a_rule_they_cannot_look_up():
    from accord.nlp.attributes import AttributeRules

    with pytest.raises(ValueError):
        AttributeRules(nlp.load(), [{"patterns": [[{"LEMMA": "be", "OP": "+"}]], "attrs": {"POS": "AUX"}}])


def _parse(pipeline, text: str):
    (doc, _), = pipeline.parse([make_article(text, "<test>")])
    return doc


@pytest.mark.parametrize("sentence, entities", [
    ("Zelensky met Erdogan in Ankara.", {("Zelensky", "PERSON"), ("Erdogan", "PERSON"), ("Ankara", "GPE")}),
    ("Russian drones hit Kharkiv, killing 4 people.", {("Russian", "NORP"), ("Kharkiv", "GPE")}),  # a count needs no recogniser
])  # fmt: skip
def test_a_sentence_of_known_names_takes_its_entities_from_the_knowledge_base(pipeline, sentence, entities):
    doc = _parse(pipeline, sentence)
    unknown, _ = pipeline.names.split(doc)
    assert unknown == []  # every proper noun is a knowledge-base name: the recogniser is not run
    assert {(e.text, e.label_) for e in doc.ents} == entities


@pytest.mark.parametrize("sentence, entity, label", [
    ("Zelensky met Tomas Varkonyi in Kyiv.", "Tomas Varkonyi", "PERSON"),  # a name the base lacks
    ("Zelensky met Erdogan in Ankara last week.", "last week", "DATE"),  # a time word
    ("Zelensky asked Erdogan for $300 million.", "$300 million", "MONEY"),  # a sum of money
    ("Zelensky said Crimea was annexed by Russia in 2014.", "2014", "DATE"),  # a year
    ("Zelensky met Erdogan in Ankara in May.", "May", "DATE"),  # a month, though "May" is also a name
])  # fmt: skip
def test_a_sentence_with_something_unnamed_goes_to_the_recogniser(pipeline, sentence, entity, label):
    doc = _parse(pipeline, sentence)
    unknown, _ = pipeline.names.split(doc)
    assert [s.text for s in unknown] == [sentence]
    assert (entity, label) in {(e.text, e.label_) for e in doc.ents}


def test_gated_entities_are_spacys_where_the_recogniser_ran(pipeline):
    text = "Putin spoke to Trump. Trump then phoned Mette Frederiksen on Tuesday about 40 drones."
    gated = _parse(pipeline, text)
    (full, _), = nlp.parse([make_article(text, "<test>")])
    second = list(full.sents)[1]
    assert [(e.start, e.end, e.label_) for e in full.ents if e.start >= second.start] == [
        (e.start, e.end, e.label_) for e in gated.ents if e.start >= second.start
    ]
    assert all(t.ent_iob_ for t in gated)  # every token is inside or outside an entity, none unset
