"""spaCy's attribute ruler without its general matcher.

The English model's attribute ruler maps tags to parts of speech and morphology, with
exceptions for some words ("'s", "gonna"). Its rules are one or two tokens long and test
only a token's tag, lower-case form, dependency label or whether it is a space; spaCy runs
them through its general Matcher, which costs about a tenth of the pipeline's time. Here the
same rules are indexed by the word or tag their first token needs and applied in the same
order (a later rule wins), through spaCy's own attribute setter. A rule of any other shape
makes `compile_rules` refuse, and the model's own ruler stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

FIELDS: dict[str, Callable[[Token], object]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
Test = Callable[[Token], bool]


@dataclass(frozen=True)
class Rule:
    order: int  # the rule's place in the ruler: later rules win
    tokens: tuple[tuple[Test, ...], ...]
    index: int  # which token of the match takes the attributes
    attrs: dict


def _test(field: str, value) -> Test:
    get = FIELDS[field]
    if not isinstance(value, dict):
        return lambda t: get(t) == value
    if set(value) == {"IN"}:
        allowed = frozenset(value["IN"])
        return lambda t: get(t) in allowed
    if set(value) == {"NOT_IN"}:
        barred = frozenset(value["NOT_IN"])
        return lambda t: get(t) not in barred
    if set(value) == {"REGEX"}:
        pattern = re.compile(value["REGEX"])
        return lambda t: bool(pattern.search(str(get(t))))
    raise ValueError(f"unsupported test {value!r}")


def _keys(spec: dict) -> tuple[str, tuple] | None:
    """The field and values a token must have for the rule to apply: the index the rule is filed under."""
    for field in ("LOWER", "TAG"):
        value = spec.get(field)
        if isinstance(value, str):
            return field, (value,)
        if isinstance(value, dict) and set(value) == {"IN"}:
            return field, tuple(value["IN"])
    return None


class AttributeRules:
    """The attribute ruler's rules, looked up by the first token's word or tag."""

    def __init__(self, nlp: Language, patterns: list[dict]):
        """`patterns` as `AttributeRuler.patterns` gives them; ValueError if one cannot be compiled."""
        self.by_lower: dict[str, list[Rule]] = {}
        self.by_tag: dict[str, list[Rule]] = {}
        self.anywhere: list[Rule] = []
        for order, entry in enumerate(patterns):
            attrs = normalize_token_attrs(nlp.vocab, entry["attrs"])
            for pattern in entry["patterns"]:
                if any(field not in FIELDS for spec in pattern for field in spec):
                    raise ValueError(f"unsupported pattern {pattern!r}")
                tokens = tuple(tuple(_test(field, value) for field, value in spec.items()) for spec in pattern)
                rule = Rule(order, tokens, entry.get("index", 0), attrs)
                keys = _keys(pattern[0])
                if keys is None:
                    self.anywhere.append(rule)
                else:
                    table = self.by_lower if keys[0] == "LOWER" else self.by_tag
                    for key in keys[1]:
                        table.setdefault(key, []).append(rule)

    def __call__(self, doc: Doc) -> Doc:
        matches = []
        n = len(doc)
        for token in doc:
            for rule in (*self.by_lower.get(token.lower_, ()), *self.by_tag.get(token.tag_, ()), *self.anywhere):
                end = token.i + len(rule.tokens)
                if end <= n and all(test(doc[i]) for i, tests in zip(range(token.i, end), rule.tokens) for test in tests):
                    matches.append((rule.order, token.i, end, rule))
        matches.sort(key=lambda m: m[:3])
        for _, start, end, rule in matches:
            set_token_attrs(doc[start:end][rule.index], rule.attrs)
        return doc


@Language.factory("accord_attributes", assigns=["token.pos", "token.morph", "token.lemma"])
def make_attribute_rules(nlp: Language, name: str, patterns: list[dict]) -> AttributeRules:
    return AttributeRules(nlp, patterns)


def compile_rules(nlp: Language) -> None:
    """Put the look-up rules in place of the pipeline's attribute ruler, when every rule compiles."""
    patterns = [dict(p) for p in nlp.get_pipe("attribute_ruler").patterns]
    try:
        AttributeRules(nlp, patterns)
    except ValueError:
        return
    nlp.add_pipe("accord_attributes", after="attribute_ruler", config={"patterns": patterns})
    nlp.remove_pipe("attribute_ruler")
