"""What the event classifier sees of a sentence: words, lemmas, word pairs and the parse.

The same function makes the features when the model is trained and when it codes, so the two
can never drift apart. Features are strings; the model weighs the ones it saw in training and
ignores the rest.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .verbs import VerbLexicon

DIGITS = re.compile(r"\d")
CLAUSE_DEPS = {"ROOT", "conj", "xcomp", "ccomp", "advcl", "relcl", "acl", "pcomp"}
ARGUMENT_DEPS = {"dobj", "nsubjpass", "pobj", "attr"}
PARSE_DEPS = CLAUSE_DEPS | ARGUMENT_DEPS | {"nsubj", "compound"}  # the verbs and nouns whose parse is read


def _word(token: Token) -> str:
    return DIGITS.sub("0", token.lower_)


def _lemma(token: Token) -> str:
    return DIGITS.sub("0", token.lemma_.lower())


def sentence_features(sentence: SpacySpan, verbs: VerbLexicon) -> list[str]:
    """The feature strings of one parsed sentence (repeats count)."""
    words = [t for t in sentence if not (t.is_punct or t.is_space)]
    lowered = [_word(t) for t in words]
    features = list(lowered)
    features += ["l:" + _lemma(t) for t in words if t.lemma_.lower() != t.lower_]
    features += [f"{a} {b}" for a, b in zip(lowered, lowered[1:])]
    for token in words:
        if token.pos_ not in ("VERB", "NOUN") or token.dep_ not in PARSE_DEPS:
            continue
        lemma = _lemma(token)
        if token.pos_ == "VERB":
            features.append("v:" + lemma)
            if token.dep_ == "ROOT":
                features.append("root:" + lemma)
            if any(c.dep_ == "auxpass" for c in token.children):
                features.append("passive:" + lemma)
            if any(c.dep_ == "neg" for c in token.children):
                features.append("not:" + lemma)
            for child in token.children:
                if child.dep_ in ARGUMENT_DEPS or child.dep_ == "prep":
                    features.append(f"vo:{lemma}>{_lemma(child)}")
        features += [f"cameo:{code[:2]}" for code in verbs.codes(token)]
    return features
