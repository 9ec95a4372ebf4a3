"""The words the checks read, from `data/checks.yaml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "checks.yaml"


@dataclass(frozen=True)
class Vocabulary:
    past_prepositions: frozenset[str]
    then_words: frozenset[str]
    death_words: frozenset[str]
    office_changes: frozenset[str]
    generic_titles: frozenset[str]
    head_titles: frozenset[str]
    past_clauses: frozenset[str]
    age_words: frozenset[str]
    time_offsets: frozenset[str]
    rising: frozenset[str]
    toll_phrases: tuple[str, ...]
    counts: dict[str, str]  # noun lemma -> what it counts
    measures: dict[str, str]  # noun lemma -> what a duration of it is
    casualty_whole: frozenset[str]
    abducted_whole: frozenset[str]
    currencies: dict[str, str]  # word or sign -> currency code
    scales: dict[str, float]
    dollar_rates: dict[str, tuple[float, float]]  # currency code -> lowest and highest worth in US dollars
    weak_keys: frozenset[str]
    region_words: frozenset[str]
    happenings: dict[str, str]  # lemma -> the kind of happening it names
    event_kinds: dict[str, str]  # PLOVER event type -> the kind of happening it is
    attacks: frozenset[str]  # the words of an attack
    away_prepositions: frozenset[str]
    area_words: frozenset[str]
    compass_words: frozenset[str]
    distance_words: frozenset[str]
    clock_words: frozenset[str]
    noun_only: frozenset[str]
    cumulative: re.Pattern  # words of a running total ("since", "so far")
    rose: re.Pattern  # words beside a toll that say it rose to it ("has climbed to 74")
    increments: frozenset[str]
    per_side: frozenset[str]
    plan_words: frozenset[str]
    place_prepositions: frozenset[str]
    site_words: frozenset[str]
    owned_places: frozenset[str]
    light_verbs: frozenset[str]
    party_prepositions: frozenset[str]
    offset_prepositions: frozenset[str]
    offset_units: frozenset[str]
    bound_prepositions: frozenset[str]
    times_of_day: dict[str, tuple[float, float]]  # words -> the first and last hour of the day they allow
    count_roles: dict[str, frozenset[str]]  # a part of a count -> the verb lemmas and particles that make it

    def counted(self, lemma: str) -> str | None:
        return self.counts.get(lemma)

    def counting(self, what: str) -> frozenset[str]:
        """The nouns that count `what` ("prisoner", "detainee", ... for "prisoners", and for
        a part of them, "prisoners: released")."""
        whole = what.split(":")[0]
        return frozenset(word for word, name in self.counts.items() if name == whole)

    def measure(self, what: str) -> str:
        """What a number claim measures for comparison: "money" for a sum in any currency."""
        return "money" if what in self.dollar_rates else what

    def happening(self, lemma: str) -> str | None:
        return self.happenings.get(lemma)

    def measured(self, lemma: str) -> str | None:
        return self.measures.get(lemma)

    def currency(self, words: str) -> str | None:
        """The currency a sum's words name ("$1.5 billion", "20 million euros"), or None."""
        for sign in ("us$", "$", "€", "£"):
            if sign in words:
                return self.currencies[sign]
        for word in words.split():
            if word in self.currencies:
                return self.currencies[word]
        return None

    @staticmethod
    def singular(noun: str) -> str:
        if noun.endswith("ren"):  # children
            return noun[:-3]
        return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


@lru_cache(maxsize=1)
def load(path: Path = DATA) -> Vocabulary:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def inverse(groups: dict[str, list[str]]) -> dict[str, str]:
        return {word: name for name, words in groups.items() for word in words}

    return Vocabulary(
        past_prepositions=frozenset(data["past_frame"]["prepositions"]),
        then_words=frozenset(data["past_frame"]["before_title"]),
        death_words=frozenset(data["past_frame"]["death"]),
        office_changes=frozenset(data["past_frame"]["office_change"]),
        generic_titles=frozenset(data["generic_titles"]),
        head_titles=frozenset(data["head_titles"]),
        past_clauses=frozenset(data["past_frame"]["clauses"]),
        age_words=frozenset(data["age_words"]),
        time_offsets=frozenset(data["time_offsets"]),
        rising=frozenset(data["rising"]),
        toll_phrases=tuple(data["toll_phrases"]),
        counts=inverse(data["count_nouns"]),
        measures=inverse(data["duration_nouns"]),
        casualty_whole=frozenset(data["casualty_whole"]),
        abducted_whole=frozenset(data["abducted_whole"]),
        currencies=inverse(data["currencies"]),
        scales={k: float(v) for k, v in data["scales"].items()},
        dollar_rates={code: (float(low), float(high)) for code, (low, high) in data["dollar_rates"].items()},
        weak_keys=frozenset(data["weak_keys"]),
        region_words=frozenset(data["region_words"]),
        happenings=inverse(data["happenings"]),
        event_kinds=inverse(data["event_kinds"]),
        attacks=frozenset(data["happenings"]["attack"]),
        away_prepositions=frozenset(data["away_prepositions"]),
        area_words=frozenset(data["area_words"]),
        compass_words=frozenset(data["compass_words"]),
        distance_words=frozenset(data["distance_words"]),
        clock_words=frozenset(data["clock_words"]),
        noun_only=frozenset(data["noun_only"]),
        cumulative=re.compile(r"\b(?:" + "|".join(map(re.escape, data["cumulative"])) + r")\b", re.I),
        rose=re.compile(r"\b(?:" + "|".join(map(re.escape, data["rose_words"])) + r")\b", re.I),
        increments=frozenset(data["increments"]),
        per_side=frozenset(data["per_side"]),
        plan_words=frozenset(data["plan_words"]),
        place_prepositions=frozenset(data["place_prepositions"]),
        site_words=frozenset(data["site_words"]),
        owned_places=frozenset(data["owned_places"]),
        light_verbs=frozenset(data["light_verbs"]),
        party_prepositions=frozenset(data["party_prepositions"]),
        offset_prepositions=frozenset(data["offset_prepositions"]),
        offset_units=frozenset(data["offset_units"]),
        bound_prepositions=frozenset(data["bound_prepositions"]),
        count_roles={role: frozenset(words) for role, words in data["count_roles"].items()},
        times_of_day={words: (float(first), float(last)) for words, (first, last) in data["times_of_day"].items()},
    )
