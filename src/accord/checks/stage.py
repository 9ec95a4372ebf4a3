"""The checks stage of one article: its claims, and the findings inside it."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..actors.kb import KnowledgeBase
from ..model import Analysis, Claim, Finding
from ..stances.extract import load_issues
from .article import ArticleChecks
from .claims import ClaimReader
from .roles import RoleCheck
from .values import fold
from .vocabulary import load as load_vocabulary


class CheckStage:
    def __init__(self, kb: KnowledgeBase, offices, locate):
        """`offices`: what the knowledge base says of titles (the `ActorResolver`): `tenures(person_id,
        title)`, the person's tenures of the offices a title names; `others_holding(person_id,
        title, day)`, who else held an office the title names that day; `names_an_office(title,
        country)`; `locate(name, span, countries)`: the gazetteer's Place for a name."""
        vocabulary = load_vocabulary()
        countries = {fold(n, vocabulary) for c in kb.countries.values() for n in (c.name, *c.aliases)}
        self.read_claims = ClaimReader(vocabulary, countries - {""}, locate)
        self.kb = kb
        self.offices = offices
        self.head_titles = vocabulary.head_titles
        self.check_roles = RoleCheck(kb, offices.tenures, vocabulary)
        self.check_article = ArticleChecks(kb, {i.id: i.name for i in load_issues()}, vocabulary)

    def __call__(self, doc: Doc, analysis: Analysis) -> tuple[tuple[Claim, ...], tuple[Finding, ...]]:
        """Claims and findings of one analysis that has run every stage before the checks."""
        a = analysis.article
        claims = self.read_claims(doc, analysis.dates, analysis.events, analysis.quotes, analysis.mentions, analysis.actors)
        claims = tuple(self._judge(c, analysis.as_of) if c.kind == "title" else c for c in claims)
        findings = [
            *self.check_roles(doc, a.id, a.source, analysis.mentions, analysis.actors, analysis.as_of, analysis.as_of_rule,
                             analysis.dates),
            *self.check_article(a.id, a.source, a.text, analysis.actors, analysis.stances, claims, analysis.as_of,
                               analysis.dates),
        ]
        return claims, tuple(findings)

    def _judge(self, title: Claim, day) -> Claim:
        """A title is wrong only when the office it names was someone else's that day, or when it
        names a head of state or government the country does not have, given to one of its
        office holders ("Malaysian President Anwar Ibrahim": Malaysia has a king and a prime
        minister); a title the knowledge base cannot place (a vaguer or unlisted one) is left
        undecided."""
        if title.valid or day is None:
            return title
        wrong = self.offices.others_holding(title.holder, title.value, day) or self._no_such_head(title, day)
        return replace(title, valid=False if wrong else None)

    def _no_such_head(self, title: Claim, day) -> bool:
        person = self.kb.people.get(title.holder)
        head = next((h for h in self.head_titles if title.value == h or title.value.endswith(" " + h)), None)
        if person is None or head is None or title.value.startswith("former "):
            return False  # a former title is a question of time, for the role check
        holds = any(self.kb.offices[t.office].country == person.country for t in self.kb.roles_on(person, day))
        return holds and not self.offices.names_an_office(head, person.country)
