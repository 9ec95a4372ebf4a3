"""Role and time: is each title in the article right for the article's date?

"former President Trump" in April 2025 is an error, "President Biden" presented as the
current president in 2025 a warning, "relations strained under President Biden's
leadership" an info note, and a title given before its term began an error. A term that
ended a few days before the article's date is an info note: reports of those days often
name people as they were for the events they tell. A title the person never held at all is
not a question of time: across outlets it shows up as "titles differ".
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..actors.kb import KnowledgeBase, Tenure
from ..model import Actor, Evidence, Finding, Mention, TimeExpression
from ..timex import COUNTED
from .vocabulary import Vocabulary

KIND = "role and time"
RECENT_DAYS = 7  # a term that ended this close to the article's date is named as it was, for the events of those days


class RoleCheck:
    def __init__(self, kb: KnowledgeBase, tenures, vocabulary: Vocabulary):
        """`tenures(person_id, title)` gives the person's tenures of the offices a title names."""
        self.kb = kb
        self.tenures = tenures
        self.vocab = vocabulary

    def __call__(self, doc: Doc, article_id: str, source: str | None, mentions: tuple[Mention, ...],
                 actors: tuple[Actor, ...], as_of: date | None, as_of_rule: str,
                 dates: tuple[TimeExpression, ...] = ()) -> list[Finding]:  # fmt: skip
        if as_of is None:
            return []
        names = {a.id: a.name for a in actors}
        found, seen = [], set()
        for m in mentions:
            if not m.role or m.actor not in self.kb.people or (m.actor, m.role) in seen:
                continue
            finding = self._check(doc, m, names[m.actor], as_of, as_of_rule, dates)
            if finding:
                seen.add((m.actor, m.role))
                severity, explanation, rule = finding
                about = f"“{m.text}” on {as_of}"
                start = _with_former(doc.text, m)
                evidence = (Evidence(article_id, start, m.span.end, doc.text[start : m.span.end], source),)
                found.append(Finding(KIND, severity, explanation, rule, evidence, about=about))
        done = {actor for actor, _ in seen}
        for m in mentions:
            said = self._was(doc, m) if not m.role and m.actor in self.kb.people and m.actor not in done else None
            if said is None:
                continue
            title, words = said
            fitting = self.tenures(m.actor, title)
            past = [t for t in fitting if t.end and t.end <= as_of]
            if past and not any(t.held_on(as_of) for t in fitting):
                done.add(m.actor)
                last = max(past, key=lambda t: t.end)
                severity, explanation, rule = _in_the_past(names[m.actor], self.kb.offices[last.office].name, last, "", words)
                evidence = (Evidence(article_id, m.span.start, m.span.start + len(words), words, source),)
                found.append(Finding(KIND, severity, explanation, rule, evidence, about=f"“{words}” on {as_of}"))
        return found


    def _was(self, doc: Doc, m: Mention) -> tuple[str, str] | None:
        """The title a clause of past time gives a person ("when Joe Biden was president", "when
        Amos Hochstein was Washington's envoy"), and the words from the name to the title."""
        tokens = self._tokens(doc, m)
        if not tokens or tokens[-1].dep_ != "nsubj" or tokens[-1].head.lemma_ != "be" or tokens[-1].head.tag_ != "VBD":
            return None
        verb = tokens[-1].head
        if not any(c.dep_ == "advmod" and c.lower_ in self.vocab.past_clauses for c in verb.children):
            return None
        title = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if title is None:
            return None
        words = [t.lower_ for t in title.subtree if t.i <= title.i and t.dep_ not in ("det", "poss", "case") and t.pos_ != "PROPN"]
        return " ".join(words), doc.text[m.span.start : title.idx + len(title)]

    def _check(self, doc: Doc, m: Mention, name: str, day: date, as_of_rule: str, dates) -> tuple[str, str, str] | None:
        former = m.role.startswith("former ")
        title = m.role.removeprefix("former ")
        fitting = self.tenures(m.actor, title)
        if not fitting:
            return None
        when = f"the article's date ({day})" if as_of_rule == "published" else f"the article's inferred date ({day})"
        office = self.kb.offices[fitting[0].office].name
        held = [t for t in fitting if t.held_on(day)]
        if former:
            if not held:
                return None
            return ("error", f"The article calls {name} a former {title}, but {name} held the office of {office} on "
                             f"{when}: {_term(held[0])}.", "title: 'former' for a sitting office holder")  # fmt: skip
        if held or self._then(doc, m):
            return None
        person = self.kb.people[m.actor]
        if title.split()[-1] in self.vocab.generic_titles and self.kb.roles_on(person, day):
            return None  # "Syrian leader": a word for whoever leads, and the person holds an office that day
        past = [t for t in fitting if t.end and t.end <= day]
        if past and self._dead(doc, m, person, day, max(t.end for t in past)):
            return None
        if not past:
            first = min(t.start for t in fitting if t.start)
            return ("error", f"The article calls {name} {title} on {when}, but {name} took that office only on "
                             f"{first}.", "title: given before the term began")  # fmt: skip
        last = max(past, key=lambda t: t.end)
        holders = [p.name for p in self.kb.holders(last.office, day)]
        then = f"; {' and '.join(holders)} held the office on {when}" if holders else ""
        if (day - last.end).days <= RECENT_DAYS:
            if self._tells_of_change(doc, m):
                return None  # "Army commander Joseph Aoun was elected president on Thursday"
            return ("info", f"{name}'s term as {office} ended on {last.end}, {(day - last.end).days} days before "
                            f"{when}{then}. Reports of the days around a change of office often keep the old title "
                            "for the events they tell; check whether this one speaks of the present.",
                    "title: a term that ended days before")  # fmt: skip
        frame = self._past_frame(doc, m) or self._dated(doc, m, dates, last)
        if frame:
            return _in_the_past(name, office, last, then, frame)
        return ("warning", f"The article calls {name} {title} as if in office, but {name}'s term as {office} ended "
                           f"on {last.end}{then}. Nothing in the sentence places it in the past.",
                "title: a past holder presented as current")  # fmt: skip

    def _tokens(self, doc: Doc, m: Mention):
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        return list(span) if span is not None else []

    def _then(self, doc: Doc, m: Mention) -> bool:
        """"then-President Biden", "the then president": right for the time it names."""
        before = doc.text[max(0, m.span.start - 16) : m.span.start].lower().split()
        first = m.text.lower().split()[0] if m.text.split() else ""
        return bool((before and before[-1] in self.vocab.then_words) or first in self.vocab.then_words
                    or first.startswith("then-"))  # fmt: skip

    def _dead(self, doc: Doc, m: Mention, person, day: date, ended: date) -> bool:
        """Whether the sentence tells of the person's death and the title names the last office
        they held ("Hezbollah leader Hassan Nasrallah, killed last year"): right, as "the late" is."""
        if self.kb.roles_on(person, day) or any(t.end is None or t.end > ended for t in person.roles):
            return False
        tokens = self._tokens(doc, m)
        if not tokens:
            return False
        root = min(tokens, key=lambda t: len(list(t.ancestors)))
        near = [*root.subtree, *list(root.ancestors)[:3]]  # "X, killed last year", "X was buried", "the funeral of X"
        return any(t.lemma_.lower() in self.vocab.death_words for t in near)

    def _tells_of_change(self, doc: Doc, m: Mention) -> bool:
        """Whether the mention's sentence tells of a change of office ("was elected", "resigned",
        "was replaced"): the old title is then the one the event was about."""
        tokens = self._tokens(doc, m)
        return bool(tokens) and any(t.lemma_.lower() in self.vocab.office_changes for t in tokens[0].sent)

    def _dated(self, doc: Doc, m: Mention, dates, term: Tenure) -> str | None:
        """A date written in the mention's sentence that falls inside the term ("In 2022, President
        Biden sent ..."): the sentence tells of that time, and the title was right then."""
        tokens = self._tokens(doc, m)
        if not tokens:
            return None
        sent = tokens[0].sent
        for d in dates:
            inside = sent.start_char <= d.span.start < sent.end_char and d.start and d.end and d.rule not in COUNTED
            if inside and (term.start is None or term.start <= d.start) and d.end <= term.end:
                return d.text
        return None

    def _past_frame(self, doc: Doc, m: Mention) -> str | None:
        """The words that put a title in the past: "under ... leadership", "during ... term"."""
        tokens = self._tokens(doc, m)
        for token in tokens:
            node = token
            for _ in range(3):
                if node.lower_ in self.vocab.past_prepositions and node.dep_ == "prep":
                    return doc[node.i : max(t.i for t in tokens) + 1].text
                if node.head.i == node.i:
                    break
                node = node.head
        if not tokens:
            return None
        first = min(tokens, key=lambda t: len(list(t.ancestors)))
        while first.dep_ == "conj" and first.head.i != first.i:  # "under ousted President Yoon and acting President Han"
            first = first.head
        before = first.left_edge.i - 1
        if before >= 0 and doc[before].lower_ in self.vocab.past_prepositions:
            return doc[before : max(t.i for t in tokens) + 1].text
        return None


def _in_the_past(name: str, office: str, last: Tenure, then: str, frame: str) -> tuple[str, str, str]:
    """The info note for a past holder whose title the text puts in the past (`frame`: the
    words that do); `then`: who held the office on the article's date, if said."""
    return ("info", f"{name}'s term as {office} ended on {last.end}{then}. The text speaks of that term "
                    f"in the past (“{frame}”), so the title is right for the time it refers to.",
            "title: a past holder in a past-time frame")  # fmt: skip


def _with_former(text: str, m: Mention) -> int:
    """Where the words of a "former" title begin: "former" may stand before the mention."""
    before = text[max(0, m.span.start - 8) : m.span.start]
    at = before.lower().rfind("former")
    return m.span.start - len(before) + at if m.role.startswith("former ") and at >= 0 and not before[at + 6 :].strip() else m.span.start


def _term(t: Tenure) -> str:
    return f"in office since {t.start}" if t.end is None else f"in office from {t.start} to {t.end}"
