"""The quotes stage: reported speech with its speaker, cue, content span and kind.

    quotation marks -> reports in the parse -> quotations claimed by reports -> relays folded
    -> records (content and kind) -> free-standing quotations continue the previous speaker

Works on the parsed doc it is given, with the actor stage's mentions; no second spaCy pass.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass

from spacy.tokens import Doc

from ..model import Actor, Article, Mention, Quote, Span
from .content import cut_background, has_verb, is_label, shape
from .cues import CueLexicon, load_cues
from .marks import Quoted, find_quoted
from .reports import Report, ReportFinder
from .speakers import GUESSED, Speaker, Speakers

UNBALANCED = 0.6  # confidence factor of a record whose quotation marks do not pair up
ATTRIBUTION_GAP = re.compile(r"[\s,;:—–-]*")
LEAD_GAP = re.compile(r"[\s,:—–-]*(?:that\s+)?", re.IGNORECASE)
CONTINUATION_REACH = 2  # paragraphs a free-standing quotation may look back for its speaker


class _Intervals:
    """Is an offset inside one of a set of half-open ranges?"""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self.starts = [r[0] for r in self.ranges]

    def __call__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ranges[i][1]


@dataclass
class _Record:
    quote: Quote
    speaker: Speaker


class QuoteExtractor:
    """Finds the quotes of parsed articles with one cue lexicon."""

    def __init__(self, lexicon: CueLexicon | None = None):
        self.lexicon = lexicon or load_cues()
        labels = "|".join(map(re.escape, sorted(self.lexicon.labels)))
        self.label = re.compile(rf"(?:{labels})(?:\s+from\s+(?P<who>[^:]+))?:\s*")

    def __call__(self, doc: Doc, article: Article, mentions: tuple[Mention, ...], actors: tuple[Actor, ...]) -> tuple[Quote, ...]:
        """The quotes of one parsed article, in text order."""
        text = article.text
        in_heading = _Intervals([(h.start, h.end) for h in article.headings])
        paragraphs = tuple(p for p in article.paragraphs or (Span(0, len(text)),) if not in_heading(p.start))
        quotations = find_quoted(text, paragraphs)
        quotations += self._unmarked_labels(text, paragraphs, quotations)
        in_quote = _Intervals([(q.start, q.end) for q in quotations])
        reports = ReportFinder(self.lexicon, doc, lambda i: in_quote(i) or in_heading(i))()
        for r in reports:
            r.pieces = [(s, cut_background(text, s, e, self.lexicon.background, quotations)) for s, e in r.pieces]
        self._claim_adjacent(text, reports, quotations)
        speakers = Speakers(article, mentions, actors, in_quote)
        records: list[_Record] = []
        quoting = [r for r in reports if not r.quoted_only or any(_touches(r, q) for q in quotations)]
        for report in sorted(self._fold(doc, quoting, speakers), key=lambda r: min(p[0] for p in r.pieces + r.extra)):
            self._add_report(doc, report, quotations, speakers, records)
        records.sort(key=lambda r: r.quote.content.start)
        taken = {q for r in records for q in _used(r.quote, quotations)}
        for q, after in reversed(list(zip(quotations, quotations[1:]))):
            if q not in taken and q.close is None and q.balanced and after in taken:
                self._add_opened(doc, q, after, records)  # an open paragraph whose quote is attributed later
                taken.add(q)
        for q in quotations:
            if q not in taken:
                self._add_free(doc, article, q, speakers, records)
        return tuple(r.quote for r in records)

    def _unmarked_labels(self, text: str, paragraphs: tuple[Span, ...], quotations: list[Quoted]) -> list[Quoted]:
        """ "Quote: We are ready ..." without marks: the rest of the paragraph is the quotation."""
        found = []
        for para in paragraphs:
            label = self.label.match(text, para.start, para.end)
            if label and not any(para.start <= q.outer.start < para.end for q in quotations) and label.end() < para.end:
                found.append(Quoted(label.end(), para.end, None, None))
        return found

    def _claim_adjacent(self, text: str, reports: list[Report], quotations: list[Quoted]) -> None:
        """Give a report the quotations that sit right before or after its attribution words."""
        clausal = [r for r in reports if r.stretch != (0, 0) and not r.source and not r.anaphor]
        for q in quotations:
            outer = q.outer
            if any(s < outer.end and e > outer.start for r in reports for s, e in r.pieces + r.extra):
                continue
            for r in clausal:
                start, end = r.stretch
                after = start >= outer.end and ATTRIBUTION_GAP.fullmatch(text, outer.end, start)
                before = end <= outer.start and LEAD_GAP.fullmatch(text, end, outer.start) and text[end - 1] not in ".!?"
                if before and "\n" in text[end : outer.start] and (r.pieces or ":" not in text[end : outer.start]):
                    before = None  # across a line break only after "X said:" with nothing else
                if after and "\n" in text[outer.end : start]:
                    after = None
                if after or before:
                    r.extra.append((outer.start, outer.end))
                    break

    def _fold(self, doc: Doc, reports: list[Report], speakers: Speakers) -> list[Report]:
        """One record per statement: an outer report wins, unless it only relays the inner one."""
        dropped = set()
        for outer in reports:
            for inner in reports:
                if inner is outer or not any(s <= inner.cue_token < e for s, e in outer.pieces + outer.extra):
                    continue
                if inner.participle:  # "said Moscow would respond, calling such plans “unacceptable”": two reports
                    outer.pieces = _cut(outer.pieces, inner.cue[0])
                    inner.speaker = outer.speaker
                    continue
                relay = outer.anaphor or outer.trailing or outer.source or outer.quoted_only or (
                    outer.speaker is not None and self.lexicon.is_channel(speakers.phrase(outer.speaker).text_in(doc.text))
                )  # fmt: skip
                dropped.add(id(outer) if relay else id(inner))
                if not relay and inner.trailing:  # "Ushakov said X, TASS reported": cut the relay off
                    outer.pieces = _cut(outer.pieces, inner.stretch[0])
        return [r for r in reports if id(r) not in dropped and (r.pieces or r.extra)]

    def _add_report(self, doc: Doc, report: Report, quotations: list[Quoted], speakers: Speakers, records: list[_Record]) -> None:
        pieces = shape(doc, report.pieces + report.extra, quotations, report.dash)
        if not pieces or report.quoted_only and all(is_label(doc, q) for p in pieces for q in p.quotations):
            return
        previous = records[-1].speaker if records else None
        if report.impersonal or report.speaker is None:
            speaker = Speaker(None, None, 1.0 if report.impersonal else 0.8)
        else:
            speaker = speakers.at(report.speaker, previous)
        if report.entry and report.entry.named and not speaker.named or report.frame == "object" and speaker.actor is None:
            return  # "the data indicates", "both sides reiterated their readiness": no speaker to hold to it
        for piece in pieces:
            if any(_overlaps(piece.content, r.quote.content) for r in records):
                continue
            balanced = all(q.balanced for q in piece.quotations)
            quote = Quote(
                content=piece.content, kind=piece.kind, speaker=speaker.actor, speaker_span=speaker.span,
                cue=Span(*report.cue), confidence=round(speaker.confidence * (1 if balanced else UNBALANCED), 2),
            )  # fmt: skip
            records.append(_Record(quote, speaker))

    def _add_free(self, doc: Doc, article: Article, q: Quoted, speakers: Speakers, records: list[_Record]) -> None:
        """A quotation no cue claims: a labelled quotation, or a free-standing continuation of the last speaker."""
        text = article.text
        para = next((p for p in article.paragraphs if p.start <= q.outer.start < p.end), None)
        if para is None or any(_overlaps(q.outer, r.quote.content) for r in records):
            return
        lead = text[para.start : q.outer.start]
        label = self.label.fullmatch(lead)
        if label:
            speaker = self._labelled(doc, para.start, label, q, speakers, records)
        elif _starts_sentence(lead):
            speaker = self._continued(article, q, speakers, records)
        else:
            return  # a term inside the narrative with no cue: a label or nobody's words
        if speaker is None:
            return  # a quotation with no source anywhere before it: pull-quote styling, not a report
        cue = Span(para.start, para.start + len(lead.split()[0].rstrip(":"))) if label else None
        _insert(records, _whole(doc, q, speaker, cue, speaker.confidence * (1 if q.balanced else UNBALANCED)))

    def _add_opened(self, doc: Doc, q: Quoted, after: Quoted, records: list[_Record]) -> None:
        """A paragraph of a quotation in the open-paragraph convention, spoken by whoever speaks the next one."""
        source = next(r for r in records if _overlaps(r.quote.content, after.outer))
        _insert(records, _whole(doc, q, source.speaker, None, source.quote.confidence))

    def _labelled(self, doc: Doc, at: int, label: re.Match, q: Quoted, speakers: Speakers, records: list[_Record]) -> Speaker:
        """ "Quote from X:" names X; a bare "Quote:" belongs to the last speaker, or the last person named."""
        if label.group("who"):
            who = doc.char_span(at + label.start("who"), at + label.end("who"), alignment_mode="expand")
            if who is not None:
                return speakers.at(who.root, None)
        earlier = [r for r in records if r.quote.content.start < q.start and r.speaker.actor]
        if earlier:
            return Speaker(earlier[-1].speaker.actor, speakers.latest(earlier[-1].speaker.actor, q.outer.start), GUESSED)
        person = speakers.person_before(q.outer.start)
        return Speaker(person.actor, person.span, GUESSED) if person else Speaker(None, None, GUESSED)

    def _continued(self, article: Article, q: Quoted, speakers: Speakers, records: list[_Record]) -> Speaker | None:
        """The speaker of the record before a free-standing quotation, if it is near and worth continuing."""
        earlier = [r for r in records if r.quote.content.start < q.start]
        reach = [p for p in article.paragraphs if p.end <= q.outer.start][-CONTINUATION_REACH:]
        if not earlier or not reach or earlier[-1].quote.content.start < reach[0].start:
            return None
        previous = earlier[-1]
        if previous.quote.kind not in ("direct", "mixed") and not speakers.is_person(previous.speaker.actor):
            return None  # only people and quotations are continued: "The war must end." after a report is a pull quote
        actor = previous.speaker.actor
        span = (speakers.latest(actor, q.outer.start) if actor else None) or previous.speaker.span
        return Speaker(actor, span, GUESSED)


def _whole(doc: Doc, q: Quoted, speaker: Speaker, cue: Span | None, confidence: float) -> _Record:
    """A record of a whole quotation: direct, or partial when it is a term."""
    kind = "direct" if has_verb(doc, q.start, q.end) else "partial"
    quote = Quote(Span(q.start, q.end), kind, speaker.actor, speaker.span, cue, round(confidence, 2))
    return _Record(quote, speaker)


def _insert(records: list[_Record], record: _Record) -> None:
    insort(records, record, key=lambda r: r.quote.content.start)


def _touches(report: Report, q: Quoted) -> bool:
    return any(s < q.outer.end and q.outer.start < e for s, e in report.pieces + report.extra)


def _cut(pieces: list[tuple[int, int]], at: int) -> list[tuple[int, int]]:
    """The pieces, the one holding offset `at` ending there."""
    return [(s, at) if s < at < e else (s, e) for s, e in pieces]


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _used(quote: Quote, quotations: list[Quoted]) -> list[Quoted]:
    return [q for q in quotations if _overlaps(q.outer, quote.content) or quote.content.start <= q.start < quote.content.end]


def _starts_sentence(lead: str) -> bool:
    """Does a quotation after `lead` (its paragraph's text before the mark) open a sentence?"""
    lead = lead.rstrip()
    return not lead or lead[-1] in ".!?:" or len(lead) > 1 and lead[-1] in "”\"’»" and lead[-2] in ".!?"
