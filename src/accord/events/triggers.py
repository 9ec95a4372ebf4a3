"""Finding trigger words in a parsed sentence: verbs, phrasal verbs and nominal triggers."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .codebook import Codebook, Trigger

# Verbs whose object (or "in" phrase) names the event: "held talks", "persist in attacks".
LIGHT_VERBS = {
    "have", "hold", "conduct", "launch", "stage", "carry", "begin", "start", "open", "mount", "make",
    "give", "declare", "announce", "impose", "continue", "persist", "resume", "step", "intensify",
    "order", "undertake", "lead", "engage", "wage", "reach", "seal", "broker", "join", "attend",
    "go", "initiate", "renew", "escalate", "unleash", "keep", "conclude", "agree", "reiterate", "repeat",
    "issue", "voice", "express", "complete", "extend", "tighten", "reimpose", "maintain", "enforce", "put",
    "organize", "organise", "carry out", "call", "set", "submit", "fly", "participate", "tender",
    "enact", "implement", "establish", "introduce", "remain", "stay", "speed", "accelerate", "hasten", "pay",
    "return", "travel", "arrive", "head",
}  # fmt: skip
# Events named in these adjuncts are the background of the news, not the news: "said during a visit".
BACKGROUND_PREPS = {"during", "after", "before", "following", "amid", "ahead", "since", "at"}
# Heads that carry the event of the noun before them: "mediation effort", "peace mission".
GENERIC_HEADS = {"effort", "mission", "bid", "campaign", "process", "initiative", "drive", "operation", "plan"}
# Nouns that count or time the event named after "of": "ten days of war games", "a wave of strikes".
MEASURES = {"day", "week", "month", "hour", "night", "round", "series", "wave", "spate", "string", "flurry", "barrage"}
MODALS_OF_DEMAND = {"must", "should"}
CONDITIONS = {"once", "if", "unless", "until", "when", "whether"}
ORDERS = {"order", "instruct", "command", "direct"}
PHRASAL_REACH = 8  # how far after a verb the rest of its phrase may stand
# "It is challenging to maintain a ceasefire": what follows these names no event.
HYPOTHETICAL_ADJECTIVES = {
    "challenging", "difficult", "hard", "easy", "impossible", "possible", "important", "necessary",
    "crucial", "vital", "essential", "unlikely", "likely", "tough", "complicated", "premature", "wise",
    "serious", "eager", "keen", "afraid", "reluctant",
}  # fmt: skip
# Heads of a gerund's preposition that aim at an act rather than report it: "aimed at ending".
AIMS = {
    "aim", "effort", "step", "way", "path", "plan", "goal", "intend", "design", "seek", "bid", "proposal",
    "chance", "opportunity", "hope", "commitment", "road", "approach", "key", "idea",
}  # fmt: skip
VERB_POS = {"VERB", "AUX", "ADJ"}
NAMED = {"DATE", "TIME", "PERSON", "GPE", "LOC", "NORP", "FAC"}  # "March 11" is no march
NOUN_POS = {"NOUN", "PROPN"}


@dataclass(frozen=True)
class Match:
    """A trigger found at a token; `nominal` when a noun carries the event."""

    token: Token
    trigger: Trigger
    words: tuple[str, ...]
    nominal: bool

    @property
    def depth(self) -> int:
        """How far the event sits from the root; a noun counts at the depth of the verb carrying it."""
        token = self.token
        if self.nominal:
            while token.dep_ in ("dobj", "pobj", "prep", "compound", "attr", "nsubjpass") and token.head != token:
                token = token.head
        depth = 0
        while token.head != token:
            depth, token = depth + 1, token.head
        return depth


def lemma(token: Token) -> str:
    """The token's lemma in lower case."""
    return token.lemma_.lower()


def base_forms(token: Token) -> tuple[str, ...]:
    """The lemma and, for the lemmatizer's misses ("staged" -> "stag"), the word less its ending."""
    word = token.lower_
    forms = [lemma(token), word]
    for ending, cut in (("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.append(word[: -len(ending)] + cut)
    return tuple(dict.fromkeys(forms))


def is_light(token: Token) -> bool:
    """A verb that carries an event noun ("held talks"); "take part in" counts as one."""
    if token.lower_ == "part" and token.head.lemma_ == "take":
        return True
    if token.lemma_ == "take" and any(c.lower_ == "part" and c.dep_ == "dobj" for c in token.children):
        return True  # "took part in the exercises", with "in" on the verb
    return token.pos_ in ("VERB", "AUX") and any(f in LIGHT_VERBS for f in base_forms(token))


def _verb_words_fit(token: Token, words: tuple[str, ...]) -> bool:
    """The rest of a phrasal verb ("for" in "call for") among its children and grandchildren,
    or close after it further down ("declared the attaches persona non grata")."""
    children = [c for c in token.children if c.dep_ not in ("aux", "auxpass", "nsubj", "nsubjpass")]
    nearby = [*children, *(g for c in children for g in c.children)]
    nearby += [t for t in token.subtree if token.i < t.i <= token.i + PHRASAL_REACH]
    near = {form for t in nearby for form in (lemma(t), t.lower_)}
    return all(w in near for w in words[1:])


def _has_object(token: Token, clauses: bool = True) -> bool:
    """True when the verb has an object; a reported clause ("concluded that ...") counts only with `clauses`."""
    return any(
        c.dep_ in ("dobj", "nsubjpass", "dative", "xcomp")
        or c.dep_ == "ccomp" and (clauses or not any(m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in c.children))
        for c in token.children
    )  # fmt: skip


def word_forms(tokens) -> set[str]:
    """Lemmas and lower-case words, with hyphened words joined back ("peace-keeping", "peacekeeping")."""
    tokens = list(tokens)
    forms = {form for t in tokens for form in (lemma(t), t.lower_)}
    for t in tokens:
        if t.text == "-" and 0 < t.i < len(t.doc) - 1 and not t.doc[t.i - 1].whitespace_ and not t.whitespace_:
            before, after = t.doc[t.i - 1].lower_, t.doc[t.i + 1].lower_
            forms |= {f"{before}-{after}", before + after}
    return forms


def object_lemmas(token: Token, nominal: bool) -> set[str]:
    """The lemmas of what the trigger acts on: its object phrase, or the noun's own words; with
    a clause for object, its subject ("allowed candidate Ouattara to run")."""
    if nominal:
        return word_forms(token.subtree)
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in token.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
    return word_forms(t for c in objects for t in _own_words(c))


def _own_words(token: Token):
    """A phrase's words without its relative clauses ("troops in Congo, where they operate alongside ...")."""
    clauses = {t.i for c in token.subtree if c.dep_ == "relcl" for t in c.subtree}
    return [t for t in token.subtree if t.i not in clauses]


def subject_lemmas(token: Token, nominal: bool) -> set[str]:
    """The lemmas of a verbal trigger's subject phrase ("peacekeeping troops arrived")."""
    if nominal:
        return set()
    return word_forms(t for c in token.children if c.dep_ == "nsubj" for t in c.subtree)


def _noun_words_fit(token: Token, words: tuple[str, ...]) -> bool:
    """The modifiers of a multiword noun ("drone" in "drone attacks") to its left in the phrase."""
    left = {form for t in token.doc[token.left_edge.i : token.i] for form in (lemma(t), t.lower_)}
    return all(w in left for w in words[:-1])


def _nominal_counts(token: Token, trigger: Trigger, frames: set[int]) -> bool:
    """A noun codes an event when a light verb, a frame or its own actor phrase carries it."""
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass", "attr") and is_light(head):
        return True
    if token.dep_ == "pobj" and (is_light(head.head) or head.head.i in frames):
        return True
    if token.dep_ == "pobj" and head.dep_ == "agent":  # "was knocked offline by a cyberattack"
        return True
    if token.dep_ in ("dobj", "pobj", "xcomp") and (head.i in frames or head.head.i in frames):
        return True
    preps = {lemma(c) for c in token.children if c.dep_ == "prep"}
    if preps & set(trigger.target) - {"dobj", "dative"}:
        return True
    return any(c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") for c in token.children)  # "the group's disarmament"


def infinitive(token: Token) -> bool:
    """True for a verb with "to" before it ("to end", "to investigate")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _not_asserted(token: Token) -> bool:
    """Verb forms that name an event without asserting it: "the talks required", "restoring
    relations would be a long process", "challenging to maintain a ceasefire"."""
    if token.tag_ == "VBN" and token.dep_ in ("amod", "acl"):
        return True
    if token.tag_ == "VBG" and token.dep_ in ("csubj", "nsubj", "nsubjpass"):
        return True
    to = infinitive(token)
    if token.dep_ == "acl" and to and lemma(token.head) not in ("attempt", "bid"):
        return True  # "the need to end the war", "efforts to stop the fighting": not done (an attempt is)
    if to and any(c.tag_ in ("WRB", "WDT", "WP") or c.lower_ == "whether" for c in token.children):
        return True  # "talks about how to end the war"
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and lemma(token.head.head) in AIMS:
        return True  # "efforts aimed at ending the war", "the only path to ending it"
    if lemma(token) == "go" and any(c.dep_ == "xcomp" for c in token.children):
        return True  # "is going to end": a future, not a journey
    before = "." if token.is_sent_start or token.i == 0 else token.doc[token.i - 1].lower_
    if token.tag_ == "VBG" and before in ("that", ".", ",") and not any(c.dep_ == "nsubj" for c in token.children):
        return True  # a gerund opening its clause is its subject: "(that) restoring relations would take time"
    if token.dep_ in ("xcomp", "advcl", "ccomp") and (
        token.head.lower_ in HYPOTHETICAL_ADJECTIVES  # "challenging to maintain a ceasefire"
        or any(c.dep_ == "acomp" and c.lower_ in HYPOTHETICAL_ADJECTIVES for c in token.head.children)
    ):  # "how challenging it is to end the conflict"
        return True
    return token.dep_ == "xcomp" and token.head != token and _not_asserted(token.head)  # "the time required to restore"


def find(sentence: SpacySpan, book: Codebook) -> list[Match]:
    """Every trigger in the sentence, verbs before nouns, most specific words first."""
    verbal: list[Match] = []
    for token in sentence:
        if token.pos_ not in VERB_POS:
            continue
        options = next((book.verbs[f] for f in base_forms(token) if f in book.verbs), ())
        if options and not _not_asserted(token):
            for words, trigger in options:
                if token.pos_ == "ADJ" and trigger.frame is None:
                    continue  # adjectives code only as frames: "willing to", "ready to"
                if words[0] in trigger.intransitive and _has_object(token):
                    continue  # "does not demonstrate a desire for peace": not a demonstration
                if _verb_words_fit(token, words) and (words[0] not in trigger.transitive or _has_object(token, clauses=False)):
                    verbal.append(Match(token, trigger, words, nominal=False))
                    break
    frames = {m.token.i for m in verbal if m.trigger.frame}
    nominal: list[Match] = []
    for token in sentence:
        if token.pos_ in NOUN_POS and token.ent_type_ not in NAMED:
            options = book.nouns.get(token.lower_) or book.nouns.get(lemma(token), ())
            if not options:
                continue
            carrier = token.head if token.dep_ == "compound" and lemma(token.head) in GENERIC_HEADS else token
            if carrier.dep_ == "pobj" and carrier.head.lower_ == "of" and lemma(carrier.head.head) in MEASURES:
                carrier = carrier.head.head
            if carrier.dep_ in ("dobj", "pobj") and _not_asserted(carrier.head if carrier.dep_ == "dobj" else carrier.head.head):
                continue
            if carrier.dep_ == "pobj" and lemma(carrier.head) in BACKGROUND_PREPS:
                continue
            if carrier.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ == "mark" and c.lower_ in CONDITIONS for c in carrier.head.children
            ):  # "once a ceasefire is in place": a condition, not an event
                continue
            for words, trigger in options:
                if _noun_words_fit(token, words) and _nominal_counts(carrier, trigger, frames):
                    nominal.append(Match(carrier, trigger, words, nominal=True))
                    break
    # "gave a warm welcome": a light verb whose object is an event noun yields to the noun
    carried = {m.token.head.i for m in nominal if m.token.dep_ == "dobj"}
    verbal = [m for m in verbal if not (m.token.i in carried and len(m.words) == 1 and is_light(m.token))]
    taken = {m.token.i for m in verbal + nominal}
    demands = [
        Match(token, book.triggers["demand"], ("demand",), nominal=False)
        for token in sentence
        if token.i not in taken and token.pos_ == "VERB" and token.dep_ in ("ccomp", "acl")
        and any(c.lower_ in MODALS_OF_DEMAND and c.dep_ == "aux" for c in token.children)
    ]  # fmt: skip  # "X said China must drop its barriers": a demand whatever the verb
    demands += [
        Match(token, book.triggers["demand"], ("demand",), nominal=False)
        for token in sentence
        if token.i not in taken and lemma(token) in ORDERS and any(c.dep_ == "dobj" for c in token.children)
        and any(c.dep_ in ("xcomp", "ccomp") and c.i not in taken and c.pos_ == "VERB" for c in token.children)
    ]  # fmt: skip  # "a judge ordered Menem to appear": an order whose action codes nothing is a demand
    ultimatums = [
        Match(token, book.triggers["threaten"], ("threaten",), nominal=False)
        for token in sentence
        if token.i not in taken and lemma(token) == "face" and token.i > 0 and token.nbor(-1).lower_ == "or"
        and token.dep_ == "conj"
    ]  # fmt: skip  # "gave the junta a week to reinstate Bazoum or face intervention": an ultimatum
    return verbal + nominal + demands + ultimatums
