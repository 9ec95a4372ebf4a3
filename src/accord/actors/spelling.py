"""Names the knowledge base holds under another spelling, and surnames that give a country.

Country names and demonyms are matched the same way ("Ethopia", "Afganistan").

Wire copy spells names many ways ("Mitterand", "Bouteflicka", "Habyariman"). A name the
lexicon did not match is compared with the base's people who share its surname's first
letter: one person whose surname is nearly the same, and whose first name (when the text
gives one) starts with the same letter, is taken to be meant. A surname alone that several
people share ("Bush") names no one, but when they all come from one country it gives that
country.
"""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher

from .kb import KnowledgeBase, Person

SIMILAR = 0.85  # difflib ratio between surnames
SHORTEST = 5  # surnames shorter than this are too easy to confuse


def fold(text: str) -> str:
    """Lower case without accents: "Erdoğan" -> "erdogan"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def _parts(name: str) -> list[str]:
    return fold(name).replace("-", " ").replace(".", " ").split()


class NameIndex:
    """The base's people by surname, and its country names, for names the lexicon did not find."""

    def __init__(self, kb: KnowledgeBase):
        self.places: dict[str, list[tuple[str, str, str]]] = {}  # letter -> (name, kind, code)
        for country in kb.countries.values():
            for kind, names in (("country", (country.name, *country.aliases)), ("demonym", country.demonyms)):
                for name in names:
                    if " " not in name and len(name) >= SHORTEST:
                        self.places.setdefault(fold(name)[0], []).append((fold(name), kind, country.code))
        self.by_letter: dict[str, list[tuple[str, str, Person]]] = {}  # letter -> (surname, first name, person)
        self.countries: dict[str, set[str]] = {}  # surname -> countries of the people with it
        for person in kb.people.values():
            for name in {person.name, *person.aliases}:
                parts = _parts(name)
                if not parts:
                    continue
                surname, first = parts[-1], parts[0] if len(parts) > 1 else ""
                self.by_letter.setdefault(surname[0], []).append((surname, first, person))
                self.countries.setdefault(surname, set()).add(person.country)

    def closest(self, name: str) -> Person | None:
        """The one person the name, misspelled, most likely means; None when unsure."""
        parts = _parts(name)
        if len(parts) < 2 or len(parts[-1]) < SHORTEST:
            return None
        surname, first = parts[-1], parts[0]
        found = {
            person.id: person
            for other, other_first, person in self.by_letter.get(surname[0], ())
            if other != surname and other_first[:1] == first[:1]
            and SequenceMatcher(None, surname, other).ratio() >= SIMILAR
        }  # fmt: skip
        return next(iter(found.values())) if len(found) == 1 else None

    def country_like(self, word: str) -> tuple[str, str] | None:
        """(kind, code) of the one country name or demonym the word misspells, if one."""
        word = fold(word)
        if len(word) < SHORTEST or " " in word:
            return None
        found = {
            (kind, code) for name, kind, code in self.places.get(word[0], ())
            if SequenceMatcher(None, word, name).ratio() >= SIMILAR
        }  # fmt: skip
        return found.pop() if len(found) == 1 else None

    def country_of_surname(self, name: str) -> str | None:
        """The country every person with this surname comes from ("Bush" -> USA), if one. Only
        for a surname alone: "Edmundo González" is not of the country of the Gonzálezes the
        base knows."""
        parts = _parts(name)
        countries = self.countries.get(parts[0], set()) if len(parts) == 1 else set()
        return next(iter(countries)) if len(countries) == 1 else None
