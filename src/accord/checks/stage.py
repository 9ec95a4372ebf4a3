"""The checks stage of one article: its claims, and the findings inside it."""

from __future__ import annotations

from spacy.tokens import Doc

from ..actors.kb import KnowledgeBase
from ..model import Analysis, Claim, Finding
from ..stances.extract import load_issues
from .article import ArticleChecks
from .claims import ClaimReader
from .roles import RoleCheck
from .vocabulary import load as load_vocabulary


class CheckStage:
    def __init__(self, kb: KnowledgeBase, tenures):
        """`tenures(person_id, title)`: the person's tenures of the offices a title names."""
        vocabulary = load_vocabulary()
        self.read_claims = ClaimReader(vocabulary)
        self.check_roles = RoleCheck(kb, tenures, vocabulary)
        self.check_article = ArticleChecks(kb, {i.id: i.name for i in load_issues()}, vocabulary)

    def __call__(self, doc: Doc, analysis: Analysis) -> tuple[tuple[Claim, ...], tuple[Finding, ...]]:
        """Claims and findings of one analysis that has run every stage before the checks."""
        a = analysis.article
        claims = self.read_claims(doc, analysis.dates, analysis.events, analysis.quotes, analysis.mentions, analysis.actors)
        findings = [
            *self.check_roles(doc, a.id, a.source, analysis.mentions, analysis.actors, analysis.as_of, analysis.as_of_rule),
            *self.check_article(a.id, a.source, a.text, analysis.actors, analysis.stances, claims),
        ]
        return claims, tuple(findings)
