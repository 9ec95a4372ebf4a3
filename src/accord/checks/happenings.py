"""What a place or a date in a sentence belongs to: the word of the happening it is the place
or the date of ("talks in Riyadh", "withdraw from the town of Walikale", "the truce, which
took effect on 19 January"), found by walking up the parse from the place's or the date's
words. A place or a date that leads to no happening word (the place a speaker stood in, the
date of a statement) is not a claim about what happened."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .vocabulary import Vocabulary

STEPS = 6  # parse links walked from the words up to their happening
CLAUSES = ("relcl", "acl")
PLACES = ("GPE", "LOC", "FAC")  # the entity labels of places
MODIFIERS = ("compound", "nmod", "amod", "poss", "nummod")  # a word that modifies its noun
ARGUMENTS = ("dobj", "nsubj", "nsubjpass")  # a light verb's happening: "carried out strikes", "the summit was held"
NOT_NAMES = ("NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT")  # "on March 19"  # "the truce, which took effect on ...": the clause speaks of its noun


def happening(span: Span, vocabulary: Vocabulary, date: bool = False) -> tuple[Token, str] | None:
    """The happening word the words of `span` are the place or the date of, and the kind
    of happening it names ("attack", "meeting", ...); None when they lead to none. A verb that
    names no happening passes to its object or subject when it is a light verb ("held talks in
    Riyadh"), or for a `date` any verb's ("used to plan the attack ... on April 22", which
    the parser hangs from "plan"): a date so placed seldom dates the plan, a place ("In
    Washington, Trump criticised the strikes") often is the scene of the verb."""
    start, end = span.start_char, span.end_char
    node = span.root
    if node.dep_ == "nsubj" or (node.dep_ == "pobj" and node.head.lower_ in vocabulary.party_prepositions):
        return None  # "Qatar had been talking to Kigali": a country or a capital for its government, a party
    head = node.head
    if node.dep_ == "poss" and not _a_place(head, vocabulary):
        return None  # "talks on Tehran's nuclear programme": the capital for its government
    if head.lower_ in vocabulary.away_prepositions and head.dep_ == "prep":
        return None  # "near Ramallah", "towards Kisangani": a landmark or a direction, not the place
    if node.dep_ == "pobj" and head.lower_ in ("from", "of") and head.head.lower_ in vocabulary.distance_words:
        return None  # "roughly 120 kilometres from Goma": a landmark the distance runs from
    if head.lower_ in vocabulary.clock_words:
        return None  # "6 p.m. Moscow time": a clock, not a place
    if head.dep_ == "ROOT" and head.pos_ == "ADP":
        return _fronted(head, vocabulary)
    for _ in range(STEPS):
        if node.head.i == node.i:
            return None
        clause, node = node.dep_ in CLAUSES and node.pos_ in ("VERB", "AUX"), node.head
        if _holds_place(node) and not start <= node.idx < end:
            return None  # "Pahalgam in Kashmir": the named place holds the place, the place holds no happening
        kind = _kind(node, vocabulary)
        if date and clause and not kind:
            return None  # "the campaign that began on 15 March": the clause dates its noun, no happening
        if node.dep_ == "nsubj" and not kind:
            return None  # "delegates of Kinshasa signed", "forces in Kursk attacked": the doer's place, not the deed's
        if kind:
            return None if _another_day(node, vocabulary) else (node, kind)
        if node.pos_ in ("VERB", "AUX"):
            light = date or node.lemma_.lower() in vocabulary.light_verbs
            done = next((c for c in _arguments(node) if light and _kind(c, vocabulary)), None)
            if done is not None:  # "held talks in Riyadh", "the summit was held in Anchorage"
                return done, _kind(done, vocabulary)
            if node.dep_ not in CLAUSES:
                return None  # the words belong to another verb's clause ("said in Washington")
    return None


def _a_place(noun: Token, vocabulary: Vocabulary) -> bool:
    """Whether a noun a place owns is a place itself: a name, a site, an area, a building."""
    lemma = noun.lemma_.lower()
    return (noun.pos_ == "PROPN" or noun.ent_type_ in ("GPE", "LOC", "FAC") or _kind(noun, vocabulary) is not None
            or lemma in vocabulary.owned_places | vocabulary.site_words | vocabulary.area_words | vocabulary.region_words)  # fmt: skip


def thing_dated(span: Span, vocabulary: Vocabulary) -> bool:
    """Whether the date in `span` modifies a thing that is no happening ("a stronghold of
    resistance to the 2021 coup", "Monday's statement"): it is that thing's date."""
    node = span.root
    thing = node.head.pos_ == "NOUN" and node.head.ent_type_ not in ("DATE", "TIME")  # not "Thursday morning"
    return node.dep_ in MODIFIERS and thing and not _kind(node.head, vocabulary)


def place_names(doc: Doc, vocabulary: Vocabulary, people: set[int] = frozenset(), known: tuple = ()) -> list[Span]:
    """The names of places in a parsed text: the tagger's places, the places the knowledge
    base names (`known`: their character spans), whatever the tagger called them ("Odesa",
    tagged a nationality), and a proper noun left untagged or mislabelled where a place name
    stands ("at Pahalgam", "a strike on Kharkiv", "the port of Reni", "the Tulkarm camp"),
    which the gazetteer must then know; `people`: the character offsets where the article
    names a person or an organisation of the knowledge base, which are never places."""
    found = [ent for ent in doc.ents if ent.label_ in PLACES and _name(ent.root)]
    tagged = {t.i for ent in found for t in ent}
    for start, end in known:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and not tagged & set(range(span.start, span.end)):
            found.append(span)
            tagged.update(range(span.start, span.end))
    sites = vocabulary.region_words | vocabulary.area_words | vocabulary.site_words
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ in PLACES or token.ent_type_ in NOT_NAMES or token.i in tagged:
            continue
        head = token.head
        site = (token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in sites) or (
            token.dep_ == "compound" and head.lower_ in sites and head.i == token.i + 1)  # "the town of Goma" is a place whatever the tagger says
        if token.idx in people:
            continue
        struck = token.dep_ == "dobj" and vocabulary.happening(head.lemma_.lower())  # "shelled Kherson", "entered Bukavu"
        if site or struck or (token.dep_ == "pobj" and head.lower_ in vocabulary.place_prepositions):
            first = token.left_edge if all(t.pos_ == "PROPN" for t in doc[token.left_edge.i : token.i]) else token
            found.append(doc[first.i : token.i + 1])
    return found


def _arguments(verb: Token) -> list[Token]:
    """A verb's subject and object, and what it is agreed or committed "to" ("agreed on Monday
    to a ceasefire"): the words that may name the happening a light verb carries."""
    found = [c for c in verb.children if c.dep_ in ARGUMENTS]
    return found + [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]


def _fronted(prep: Token, vocabulary: Vocabulary) -> tuple[Token, str] | None:
    """The happening of a sentence that opens with its place ("In Khan Younis, a strike on a
    camp killed eight"), where the parser made the preposition the root: the first happening
    word after it, unless a verb that names none comes first ("In Washington, Trump
    criticised the strikes")."""
    for token in prep.doc[prep.i + 1 : prep.sent.end]:
        kind = _kind(token, vocabulary)
        if kind:
            return token, kind
        if token.pos_ == "VERB":
            return None
    return None


def _name(token: Token) -> bool:
    """Whether a word can be a place's name: a proper noun, or a capitalised word the tagger
    took for another part of speech ("Sagaing region", tagged a verb)."""
    return token.pos_ == "PROPN" or (token.pos_ in ("NOUN", "VERB") and token.text[:1].isupper() and not token.is_sent_start)


def _holds_place(node: Token) -> bool:
    """Whether a word the walk passes is itself a place (a place name, or a name the tagger
    gave no kind): a place in it places that place, not a happening. A building, a group or a
    person the tagger named passes the place on ("struck Soroka Medical Center in Beersheba",
    "the strike on Hamas leaders in Doha")."""
    return node.ent_type_ in PLACES or (node.pos_ == "PROPN" and not node.ent_type_)


def _another_day(node: Token, vocabulary: Vocabulary) -> bool:
    """"a day after hitting the port of Hodeidah", "two days before the talks in Doha", "met
    again three days later": a happening told as the day before or after another is not the
    one the sentence reports."""
    if any(c.dep_ == "advmod" and c.lower_ in vocabulary.time_offsets and _counts_days(c, vocabulary) for c in node.children):
        return True  # "met again in Riyadh three days later"
    words = vocabulary.offset_prepositions
    prep = node.head if node.dep_ in ("pcomp", "pobj") and node.head.lower_ in words else None
    mark = any(c.dep_ == "mark" and c.lower_ in words for c in node.children)
    if prep is None and not mark:
        return False
    anchors = [node, *((prep, prep.head) if prep is not None else ())]
    return any(_counts_days(a, vocabulary) for a in anchors)


def _counts_days(token: Token, vocabulary: Vocabulary) -> bool:
    """Whether a word is counted in days or weeks ("two days after", "three days later")."""
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in vocabulary.offset_units for c in token.children)


def _kind(token: Token, vocabulary: Vocabulary) -> str | None:
    lemma = token.lemma_.lower()
    if lemma in vocabulary.noun_only and token.pos_ != "NOUN":
        return None  # "what it called a response" is no phone call
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return (particle and vocabulary.happening(f"{lemma} {particle}")) or vocabulary.happening(lemma)  # "sat down in Doha"


def planned(token: Token, vocabulary: Vocabulary) -> bool:
    """Whether the verb that governs a word (a number, a date) speaks of a plan: a modal ("will free") or an
    infinitive after a word of intent ("is to free", "is due to release", "agreed to swap")."""
    verb = token
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() in vocabulary.plan_words for c in verb.children):
        return True
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return to and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in vocabulary.plan_words | {"be"}
