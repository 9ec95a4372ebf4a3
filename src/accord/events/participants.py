"""Who acted on whom: the source and target actors of a trigger, read from spaCy's parse.

The target is read from the trigger's own slots (its `target` list, in that order); failing
those, it is the first actor the predicate names after the verb, leaving out the subject,
scene-setting adjuncts ("after ...", "according to ...") and a non-target object's own words.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Token

from ..actors.phrases import LOCATIVE
from ..model import Mention
from .triggers import BACKGROUND_PREPS, VERB_POS, Match, lemma

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
# Clauses that set the scene: "killed twelve people after rebels attacked the town".
BACKGROUND_MARKS = {"after", "before", "as", "while", "when", "since", "because", "though", "although"}
# Passives that describe the subject's own stance: "is opposed to", "is committed to",
# and passives of what a group does to itself: "the guerrillas have been demobilized".
STATIVE_PASSIVES = {
    "oppose", "commit", "prepare", "determine", "dedicate", "engage", "involve",
    "demobilize", "demobilise", "disarm", "disband", "withdraw", "pull", "ship",
}  # fmt: skip


def source_of(match: Match, mentions: list[Mention]) -> list[Mention]:
    """The actors that did it: the owner of a nominal trigger, else the subject's."""
    token, owned = match.token, []
    if match.nominal:  # "Russia's offensive", "Trump's call for", "the withdrawal of French troops"
        owners = [c for c in token.children if c.dep_ in ("poss", "amod")]  # "the Israeli blockade"
        owners += [
            g for c in token.children if c.dep_ == "prep" and lemma(c) in {"of", "by"} - set(match.trigger.target)
            for g in c.children if g.dep_ == "pobj"
        ]  # fmt: skip  # "the blockade of Serbia": Serbia is the target
        owned = next((found for owner in owners if (found := actors_in(owner, mentions, own_words=True))), [])
        if owned and not all(m.rule == "role word" for m in owned):
            return owned  # "the withdrawal of invasion forces": no country, so the subject's
    for head in subject_heads(token):
        found = actors_in(head, mentions)
        if found:
            return found
    return owned

def target_of(match: Match, complement: Match | None, mentions: list[Mention], source: list[Mention]) -> list[Mention]:
    """The actors in the trigger's target slots; failing those, the first actor the
    predicate names after the trigger ("lifted the state of emergency in West Darfur",
    "threatened to launch an offensive ... unless Baghdad accepted")."""
    taken, sources = {m.span for m in source}, {m.actor for m in source}

    def fresh(found: list[Mention]) -> list[Mention]:
        # "the UN rejected a call for its peacekeepers": a pronoun of the source is not the target
        return [x for x in found if x.span not in taken and not (x.kind == "pronoun" and x.actor in sources)]

    for m in (match, complement):
        if m is None:
            continue
        for slot in target_slots(m):
            found = fresh(actors_in(slot, mentions))
            if found:
                return found
    if len(source) > 1 and match.trigger.symmetric:  # "A and B met": each other's target
        return []
    if patient_of(match.token) is not None and lemma(match.token) not in STATIVE_PASSIVES:
        return []  # "Ksenia was detained in Russia": the patient is the target
    words = predicate_words(match)
    after = [x for x in mentions if x.kind != "pronoun" and any(x.span.start <= i < x.span.end for i in words)]
    # "against X" names a target before all ("warned North Korea would use them against South Korea");
    # names the base lacks may be no actor ("the Rhine"); a role word says little ("his forces");
    # a place names where, and is the target only when nothing else is named
    doc = match.token.doc
    after.sort(key=lambda x: (
        not object_of(x, doc, {"against"}), x.rule == "entity", x.rule.startswith("role word"), object_of(x, doc, LOCATIVE),
    ))  # fmt: skip
    return fresh(after)[:1]


def predicate_words(match: Match) -> set[int]:
    """Character offsets of the words after the verb in its predicate: the clause the trigger
    (or, for a noun, the verb carrying it) heads, less its subject, its background clauses and,
    when the trigger takes no direct object as target, its direct object ("mobilized reservists")."""
    token = match.token
    head = token
    if match.nominal and token.dep_ in ("dobj", "attr"):
        head = token.head
    elif match.nominal and token.dep_ == "pobj":
        head = token.head.head
    left_out = {
        t.i for c in head.children
        if c.dep_ in SUBJECTS + ("parataxis",) or (c.dep_ == "conj" and c.pos_ in VERB_POS) or background(c)
        for t in c.subtree
    }  # fmt: skip
    if not match.nominal and "dobj" not in match.trigger.target:  # the object's own words, not its "for Ukraine"
        for c in head.children:
            if c.dep_ == "dobj":
                left_out |= {t.i for t in c.subtree} - {t.i for p in c.children if p.dep_ == "prep" for t in p.subtree}
    return {t.idx for t in head.subtree if t.i > head.i and t.i not in left_out}


def object_of(mention: Mention, doc: Doc, prepositions: set[str]) -> bool:
    """True when the mention is the object of one of the prepositions ("against X", "in Kinshasa")."""
    words = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return bool(words) and words.root.dep_ == "pobj" and words.root.head.lower_ in prepositions


def background(clause: Token) -> bool:
    """An adjunct that sets the scene or cites the news rather than naming the target: "after a
    court cleared him", "according to officials"."""
    if clause.dep_ == "prep":  # "... according to Mozambique's government": the source of the news
        return clause.lower_ in BACKGROUND_PREPS | {"according", "per"}
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in BACKGROUND_MARKS for m in clause.children)


def patient_of(token: Token) -> Token | None:
    """The (noun) subject of a passive trigger with no "by" agent; for a noun, of the passive verb
    carrying it ("a US national was put under investigation")."""
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.head.pos_ == "VERB":
        token = token.head.head
    if any(c.dep_ == "agent" for c in token.children):
        return None
    return next((c for c in token.children if c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN")), None)


def subject_heads(token: Token) -> list[Token]:
    """Subjects of the trigger, else of the verbs it is the complement of (xcomp, light verbs)."""
    heads = []
    current = token
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECTS and c.dep_ != "expl"]
        agents = [g for c in current.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if any(s.dep_ == "nsubjpass" for s in subjects) and agents:
            return agents
        if subjects:
            return [s for s in subjects if s.dep_ != "nsubjpass"] or []
        before = current.doc[current.left_edge.i - 1] if current.left_edge.i > 0 else None
        if current.tag_ == "VBG" and before is not None and before.pos_ in ("PROPN", "NOUN"):
            return [before]  # "with Trump calling for talks": the noun before the participle
        if current.head == current:
            break
        if current.dep_ in ("relcl", "acl") and current.head.pos_ in ("NOUN", "PROPN"):
            return [current.head]
        current = current.head
    return heads


def target_slots(match: Match) -> list[Token]:
    """Tokens that may hold the target: objects, datives, the trigger's prepositions."""
    token, trigger = match.token, match.trigger
    owners = [token]
    if match.nominal and token.dep_ in ("dobj", "pobj", "nsubjpass"):  # the verb carrying the noun
        owners.append(token.head.head if token.dep_ == "pobj" else token.head)  # "sanctions were imposed on X"
    # "India was accused by Pakistan": the passive subject is the target, where the active object would be
    passive = any(c.dep_ == "agent" for c in token.children) and "dobj" in trigger.target
    patients = [c for c in token.children if c.dep_ == "nsubjpass"] if passive else []
    rank = trigger.target.index("dobj") if passive else 0
    if match.nominal and token.dep_ == "pobj" and token.head.dep_ == "agent":  # "X was hit by an airstrike"
        patients = [c for c in token.head.head.children if c.dep_ == "nsubjpass"]
    if not match.nominal:  # "shared evidence with the U.S.": the object's own prepositions
        owners += [c for c in token.children if c.dep_ == "dobj"] + patients
    ranked = [(rank, p.i, p) for p in patients]  # (the slot's place in the trigger's `target` list, position, token)
    for owner in owners:
        for child in owner.children:
            if child.dep_ == "dobj" and "dobj" in trigger.target and not match.nominal and owner == token:
                ranked.append((trigger.target.index("dobj"), child.i, child))
            elif child.dep_ == "dative" and ("dative" in trigger.target or "to" in trigger.target):
                ranked.append((trigger.target.index("dative" if "dative" in trigger.target else "to"), child.i, child))
            elif child.dep_ == "prep" and lemma(child) in trigger.target:
                ranked += [(trigger.target.index(lemma(child)), g.i, g) for g in child.children if g.dep_ == "pobj"]
    # the slots in the trigger's order ("provided intelligence to Macedonia": "to" before the
    # object; "a system was handed over to Ukraine": "to" before the passive subject)
    slots = [t for _, _, t in sorted(ranked, key=lambda r: r[:2])]
    # "demanded that the US cancel plans": the subject of the clause a request governs (not of a
    # warning: "warned that North Korea would strike" names the threatener's side)
    if trigger.frame == "request":
        slots += [g for c in token.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
    return slots


def actors_in(token: Token, mentions: list[Mention], own_words: bool = False) -> list[Mention]:
    """The mentions inside a token's phrase; coordinated phrases give several. With `own_words`
    the phrase stops at its first preposition ("air links" of "air links with Serbia")."""
    heads = [token] + [
        c for c in token.subtree
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON") and c.head.i in {token.i} | {t.i for t in token.subtree}
    ]  # fmt: skip
    found = []
    for head in heads:
        start, end = head.idx, head.idx + len(head)
        containing = [m for m in mentions if m.span.start <= start and end <= m.span.end]
        last = head.right_edge
        if own_words:
            last = min((c.left_edge for c in head.children if c.dep_ == "prep" and c.i > head.i), key=lambda t: t.i, default=head.right_edge)
        left, right = head.left_edge.idx, last.idx + len(last)
        inside = [m for m in mentions if left <= m.span.start and m.span.end <= right and m not in containing]
        # "workers of the United Bus Company of Tehran": a mention that names a country first
        inside.sort(key=lambda m: m.rule == "role word")
        if containing:
            best = max(containing, key=lambda m: m.span.end - m.span.start)
            # "a delegation of Hamas negotiators": a role word with no country defers to what follows
            found.append(inside[0] if inside and countryless(best) else best)
        elif inside:
            found.append(inside[0])
    return list(dict.fromkeys(found))


def countryless(mention: Mention) -> bool:
    """A bare role word ("delegation"), whose own words name no country."""
    return mention.rule.startswith("role word")
