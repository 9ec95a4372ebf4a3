"""Across the outlets of one story: where their reports of the same event disagree.

Claims of different articles are about the same detail when they measure the same thing
("killed", "truce", a date) in sentences that share content words. Articles whose values
are compatible (rounding, "at least", a day apart, a place inside another) agree; when
they fall into two or more groups that do not, that is a finding naming every article
and the words in each. A death toll that is higher in later reports is an info note:
tolls rise as a day goes on.
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations

from ..checks.claims import YEAR
from ..checks.values import (ANOTHER_DAY, TOLLS, WHOLE, anchors_of, apart, one_happening, quote_numbers, quote_overlap, same_amount, same_date, same_place, settled,
                             several, slip, same_sum, shared_keys)
from ..checks.vocabulary import Vocabulary
from ..model import Claim, Evidence, Finding, Span
from .tolls import Member, later_is_higher, parts_of_other_tolls, published_order, said_to_rise, tolls_by_sentence

ALIGN = {"number": 2, "duration": 2, "date": 3, "place": 2}  # shared content lemmas to align two claims
ALIGN_COUNT = 3  # counted things (hostages, missiles) have several figures in one story: a total, a part, a day's
SAME_QUOTE = 0.6
OPEN_BOUND = 2.0  # across outlets, "at least 13" is not a figure more than twice as high (31)
ANCHORED = ("number", "duration")  # figures whose sentences' days and places may set them apart
DAYS_BEFORE = 2  # a place dated this many days before the other report may still be of its happening
ANCHORS = ("day", "month", "year", "place", "country", "area")  # the dates and places that may ("in October 2023")
KINDS = {"number": "numbers differ", "duration": "durations differ", "date": "dates differ",
         "place": "places differ", "quote": "quote differs", "title": "titles differ"}  # fmt: skip


class StoryComparer:
    def __init__(self, vocabulary: Vocabulary, names: dict[str, str] | None = None):
        self.vocab = vocabulary
        self.names = names or {}  # actor id -> name, for explanations
        self.kinds = frozenset(vocabulary.happenings.values())  # the kinds of happening

    def __call__(self, story: str, members: list[Member]) -> list[Finding]:
        if len({m.article for m in members}) < 2:
            return []
        found = []
        for kind in ("number", "duration", "date", "place"):
            found += self._values(story, members, kind)
        found += self._quotes(story, members)
        found += self._titles(story, members)
        return found

    # -- numbers, durations, dates, places -------------------------------------------------------

    def _compatible(self, a: Claim, am: Member, b: Claim, bm: Member) -> bool:
        if a.kind == "date":
            return same_date(a, b, min((d for d in (am.published, bm.published) if d), default=None))
        if a.kind == "place":
            return same_place(a, b, self.vocab)
        if a.what != b.what:  # sums in two currencies
            return same_sum(a, am.text, b, bm.text, self.vocab.dollar_rates)
        return same_amount(a, am.text, b, bm.text, open_bound=OPEN_BOUND if a.kind == "number" else math.inf)

    def _aligned(self, a: Claim, b: Claim) -> bool:
        if self.vocab.measure(a.what) != self.vocab.measure(b.what) or (a.kind == "date" and (a.holder != b.holder or a.holder == ANOTHER_DAY)):
            return False
        if a.kind == "place" and not one_happening(a, b):
            return False
        if a.kind == "date" and _year_apart(a, b):
            return True  # the same day of the year, another year: a year written wrong
        if a.kind == "date" and not (same_date(a, b) or slip(a, b)):
            return False  # months apart: another happening of the same kind
        if a.kind == "date" and not (a.explicit and b.explicit) and a.granularity != b.granularity:
            return False
        counted = a.kind == "number" and a.what not in TOLLS and not a.what.startswith(TOLLS)
        if counted:  # the counted noun itself ("hostages") says nothing about which count it is
            return shared_keys(a, b, without=self.vocab.counting(a.what)) >= ALIGN_COUNT
        return shared_keys(a, b) >= ALIGN[a.kind]

    def _anchors(self, c: Claim, days: dict) -> list[Claim]:
        """The places and dates of a figure's sentence that may set it apart; for the length of a
        happening, only those of a happening of its kind ("the talks lasted three hours ... since
        rebels seized Goma in January": the capture's place and month say nothing of the talks)."""
        found = days.get(c.sentence, ())
        if c.kind != "duration" or c.what not in self.kinds:
            return list(found)
        return [x for x in found if x.holder not in self.kinds or x.holder == c.what]

    def _values(self, story: str, members: list[Member], kind: str) -> list[Finding]:
        claims = [(c, m) for m in members for c in m.claims if c.kind == kind and not _shared_quote(c, m, members)]
        whats = sorted({self.vocab.measure(c.what) for c, _ in claims})
        days = {m.article: anchors_of(c for c in m.claims if c.granularity in ANCHORS) for m in members} if kind in ANCHORED else {}
        tolls = {m.article: tolls_by_sentence(m) for m in members} if kind == "number" else {}

        def related(x, y) -> bool:
            """Claims of two articles about one detail, unless their sentences name other days or places."""
            (a, am), (b, bm) = x, y
            if am.article == bm.article or not self._aligned(a, b):
                return False
            if kind == "number" and a.what.startswith(TOLLS) and several(a, am.text, self.vocab) != several(b, bm.text, self.vocab):
                return False  # "strikes across Gaza killed 50" and "a strike on a school killed 20": many and one
            if kind == "place" and ((_dated_before(a, bm) and not b.day) or (_dated_before(b, am) and not a.day)):
                return False
            if kind == "number" and parts_of_other_tolls(a, am, tolls[am.article], b, bm, tolls[bm.article]):
                return False
            return not days or not apart(self._anchors(a, days[am.article]), self._anchors(b, days[bm.article]),
                                         None, None, self.vocab)  # fmt: skip

        found = []
        for what in whats:
            mine = [(c, m) for c, m in claims if self.vocab.measure(c.what) == what]
            # one detail per slot: claims of different articles joined when aligned
            slots = _components(mine, related)
            for slot in slots:
                if kind == "place":
                    slot = _one_day(slot)
                finding = self._slot(story, kind, what, slot)
                if finding:
                    found.append(finding)
        return found

    def _slot(self, story: str, kind: str, what: str, slot: list[tuple[Claim, Member]]) -> Finding | None:
        by_article: dict[str, list[tuple[Claim, Member]]] = defaultdict(list)
        for c, m in slot:
            by_article[m.article].append((c, m))
        if len(by_article) < 2:
            return None
        every = {article: list(items) for article, items in by_article.items()}  # figures: a part may stand beside its whole
        for article, items in by_article.items():  # an article speaks of the detail once: in its own words, best aligned
            others = [c for c, m in slot if m.article != article]
            best = max(items, key=lambda x: (not _quotes_around(x[0], x[1]), sum(shared_keys(x[0], o) for o in others), -x[0].span.start))
            by_article[article] = [best]

        def agree(x: str, y: str) -> bool:
            """The articles' values fit; for figures, any of one article's fits any of the other's
            ("$500 million, part of a $2 billion package")."""
            pool = every if kind == "number" else by_article
            return any(self._compatible(a, am, b, bm) for a, am in pool[x] for b, bm in pool[y])

        groups = _components(list(by_article), agree) if kind != "place" else _points(by_article, agree)
        if len(groups) < 2 and what.startswith(TOLLS):  # "at least 21" then 34: compatible, yet the count grew
            members = {a: items[0][1] for a, items in by_article.items()}
            counted = _components(list(by_article), lambda x, y: same_amount(
                by_article[x][0][0], members[x].text, by_article[y][0][0], members[y].text, counted=True))  # fmt: skip
            if len(counted) >= 2 and later_is_higher(counted, by_article, members):
                groups = counted
        if len(groups) < 2 or (kind == "date" and _next_day(by_article) and not (_outvoted(groups, by_article) or _clocked(by_article))):
            return None
        if what.startswith(TOLLS) and said_to_rise(groups, by_article, self.vocab.rose):
            return None  # each later report says the toll rose ("has climbed to 74"): the outlets tell one story
        return self._finding(story, kind, what, by_article, groups)

    def _finding(self, story, kind, what, by_article, groups) -> Finding:
        members = {a: items[0][1] for a, items in by_article.items()}
        groups = sorted(groups, key=lambda g: min(published_order(members[a]) for a in g))
        evidence = tuple(_evidence(c, m) for a in (a for g in groups for a in g) for c, m in by_article[a][:1])
        outlier = _outlier(groups)
        values = [" / ".join(f"“{e.text}” ({e.source or 'unknown outlet'})" for e in evidence if e.article in g) for g in groups]
        detail = _detail_name(kind, what)
        severity, rule, note = "warning", f"{kind}s: incompatible values across outlets", ""
        if kind == "number" and what.startswith(TOLLS) and later_is_higher(groups, by_article, members):
            severity, rule = "info", "numbers: a toll that rose between reports"
            note = " Later reports give a higher toll, as is usual while casualties are still being counted."
        elif kind == "date" and _year_only(by_article):
            severity, rule = "error", "dates: the same day of a different year"
        if outlier and severity != "info":  # a later, higher toll is news, not an outlier
            note += f" {members[outlier].source or 'One outlet'} stands alone against the others."
        explanation = f"Outlets reporting this story give different {detail}: {'; against '.join(values)}.{note}"
        return Finding(
            KINDS[kind], severity, explanation, rule, evidence, about=detail, story=story,
            groups=tuple(tuple(g) for g in groups), outlier=outlier,
        )  # fmt: skip

    # -- quotes and titles -----------------------------------------------------------------------

    def _quotes(self, story: str, members: list[Member]) -> list[Finding]:
        quotes = [(c, m) for m in members for c in m.claims if c.kind == "quote" and c.holder]
        found = []
        for slot in _components(quotes, lambda x, y: x[1].article != y[1].article and quote_overlap(x[0].value, y[0].value) >= SAME_QUOTE):
            if len({m.article for _, m in slot}) < 2:
                continue
            # an article that gives the words to two speakers itself is a finding of its own
            torn = {m.article for c, m in slot if len({d.holder for d, n in slot if n.article == m.article}) > 1}
            speakers = {c.holder for c, m in slot if m.article not in torn}
            people = {s for s in speakers if s in self.names}
            numbers = {frozenset(quote_numbers(c.value)) for c, _ in slot}
            if len(people) >= 2 and people == speakers:
                who = " and ".join(sorted(self.names[s] for s in people))
                found.append(self._quote_finding(story, slot, f"Outlets give the same words to different speakers ({who})",
                                                 "quotes: one quote, different speakers", lambda c: c.holder))  # fmt: skip
            if len(numbers) >= 2 and all(numbers):  # another disagreement, whoever the speakers are
                found.append(self._quote_finding(story, slot, "Outlets quote the same words with different numbers in them",
                                                 "quotes: one quote, different numbers", lambda c: frozenset(quote_numbers(c.value))))  # fmt: skip
        return found

    def _quote_finding(self, story, slot, lead: str, rule: str, key) -> Finding:
        groups: dict = defaultdict(list)
        for c, m in slot:
            if m.article not in groups[key(c)]:
                groups[key(c)].append(m.article)
        groups_list = [tuple(g) for g in groups.values()]
        evidence = tuple(e for c, m in slot for e in _with_speaker(c, m))
        quoted = "; ".join(f"“{_short(c.value)}” ({m.source or 'unknown outlet'}, {self.names.get(c.holder, 'speaker unnamed')})"
                           for c, m in slot)  # fmt: skip
        return Finding("quote differs", "warning", f"{lead}: {quoted}.", rule, evidence, about=_short(slot[0][0].value),
                       story=story, groups=tuple(groups_list), outlier=_outlier(groups_list))  # fmt: skip

    def _titles(self, story: str, members: list[Member]) -> list[Finding]:
        by_person: dict[str, list[tuple[Claim, Member]]] = defaultdict(list)
        for m in members:
            for c in m.claims:
                if c.kind == "title":
                    by_person[c.holder].append((c, m))
        found = []
        for person, items in by_person.items():
            wrong = [(c, m) for c, m in items if c.valid is False]
            wrong_articles, wrong_heads = {m.article for _, m in wrong}, {c.value.split()[-1] for c, _ in wrong}
            # against a wrong title, one that was held, or another the base cannot place ("US envoy"
            # against "US Secretary of State"; not "transitional president" against "interim president")
            right = [(c, m) for c, m in items if m.article not in wrong_articles and (c.valid or c.value.split()[-1] not in wrong_heads)]
            right.sort(key=lambda x: not x[0].valid)
            if not right or not wrong:
                continue
            name = self.names.get(person, person)
            evidence = tuple(_evidence(c, m) for c, m in [*right[:1], *_first_per_article(wrong)])
            titles = "; ".join(f"“{e.text}” ({e.source or 'unknown outlet'})" for e in evidence)
            groups = (tuple(dict.fromkeys(m.article for _, m in right)), tuple(dict.fromkeys(m.article for _, m in wrong)))
            found.append(Finding(
                "titles differ", "warning",
                f"Outlets give {name} different titles, and not all were held on the date: {titles}.",
                "titles: a title the knowledge base says was not held, against another outlet's title", evidence,
                about=name, story=story, groups=groups, outlier=_outlier(list(groups)),
            ))  # fmt: skip
        return found


def _components(items: list, related) -> list[list]:
    """Connected components of `items` under the symmetric relation `related` (small inputs)."""
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(items)), 2):
        if root(i) != root(j) and related(items[i], items[j]):
            parent[root(i)] = root(j)
    groups: dict[int, list] = defaultdict(list)
    for i, item in enumerate(items):
        groups[root(i)].append(item)
    return list(groups.values())


def _quotes_around(c: Claim, m: Member) -> list[Claim]:
    """The direct quotes of its article that the claim's words lie inside."""
    return [q for q in m.claims if q.kind == "quote" and q.span.start <= c.span.start < q.span.end]


def _shared_quote(c: Claim, m: Member, members: list[Member]) -> bool:
    """Whether the claim's words lie inside a direct quote that another article also quotes:
    the quote check compares those words (and their numbers), so they make no second finding."""
    return any(quote_overlap(q.value, o.value) >= SAME_QUOTE for q in _quotes_around(c, m) for n in members if n.article != m.article
               for o in n.claims if o.kind == "quote")  # fmt: skip


def _dated_before(c: Claim, other: Member) -> bool:
    """Whether a place is written with a date days before the other report was published: the
    other report's undated place is of its own days ("met in Riyadh on Feb. 18" against "the
    meeting in Washington", reported on 1 March)."""
    return bool(c.day and c.explicit and other.published and (other.published - (c.day_end or c.day)).days > DAYS_BEFORE)


def _year_apart(a: Claim, b: Claim) -> bool:
    """One of two dates written with its year, the other the same day of another year."""
    written = any(YEAR.search(c.value or "") for c in (a, b))
    return written and a.granularity == b.granularity == "day" and a.day.year != b.day.year and (
        (a.day.month, a.day.day) == (b.day.month, b.day.day))


def _year_only(by_article) -> bool:
    days = {(c.day.month, c.day.day) for items in by_article.values() for c, _ in items if c.granularity == "day"}
    years = {c.day.year for items in by_article.values() for c, _ in items}
    return len(days) == 1 and len(years) > 1


def _one_day(slot: list) -> list:
    """A slot of places without the places dated to another day than most of its dated ones:
    undated places bridge two happenings ("the Sweida fighting, which erupted on Sunday" and
    "the strike in Damascus on Wednesday"), and the story's is the one most reports date.
    With no such majority the slot holds no one happening."""
    dated = [x for x in slot if x[0].day]
    days = _components(dated, lambda x, y: one_happening(x[0], y[0]))
    if len(days) < 2:
        return slot
    sizes = sorted((len(d) for d in days), reverse=True)
    if sizes[0] == sizes[1]:
        return []
    other = {id(x) for d in days if len(d) < sizes[0] for x in d}
    return [x for x in slot if id(x) not in other]


def _points(by_article, agree) -> list[list[str]]:
    """The articles grouped by the towns or sites they give, each area joining the one group
    it fits: an area fits places that cannot be one ("the Zeitoun district" fits Jabalia and
    Gaza City), so it must not join them into one."""
    points = [a for a, items in by_article.items() if items[0][0].granularity not in WHOLE]
    groups = _components(points, agree)
    for area in (a for a in by_article if a not in points):
        fits = [g for g in groups if any(agree(area, a) for a in g)]
        if len(fits) == 1:
            fits[0].append(area)
        elif not fits:
            groups.append([area])
    return groups


def _next_day(by_article) -> bool:
    """Whether the articles' dates are all on two days next to each other, and not yet settled
    (written out, days before the first report): while they are fresh, a time zone or a
    clock may set them a day apart."""
    items = [(c, m) for pairs in by_article.values() for c, m in pairs]
    days = [c.day for c, _ in items if c.granularity == "day"]
    if len(days) != len(items) or (max(days) - min(days)).days != 1:
        return False
    first = min((m.published for _, m in items if m.published), default=None)
    return not settled([c for c, _ in items], first)


def _clocked(by_article) -> bool:
    """Whether every report gives the hours of its day ("early on Friday", "late on Thursday"):
    then the clock, not a zone, sets the days apart, and one report against one is a finding."""
    return all(c.hours is not None for items in by_article.values() for c, _ in items)


def _outvoted(groups, by_article) -> bool:
    """Whether one article stands alone against two or more that are not copies of each other:
    a day's difference is the slightest a date can differ by, read wrong from a clock or a
    time zone as easily as written wrong, so it is a finding only against a majority."""
    outlier = _outlier(groups)
    if outlier is None:
        return False
    others = [a for g in groups if outlier not in g for a in g]
    copied = {by_article[a][0][1].copy_of for a in others}
    return len([a for a in others if a not in copied]) >= 2


def _outlier(groups) -> str | None:
    if len(groups) == 2 and sum(len(g) for g in groups) >= 3:
        small = min(groups, key=len)
        if len(small) == 1:
            return small[0]
    return None


def _first_per_article(items):
    seen = set()
    for c, m in items:
        if m.article not in seen:
            seen.add(m.article)
            yield c, m


def _evidence(c: Claim, m: Member, span: Span | None = None) -> Evidence:
    """The words of a claim (or of `span`, other words of its article) as evidence."""
    span = span or c.span
    return Evidence(m.article, span.start, span.end, m.text[span.start : span.end], m.source)


def _with_speaker(c: Claim, m: Member) -> list[Evidence]:
    """A quote's words, and the words naming its speaker when the text names one."""
    return [_evidence(c, m, span) for span in (c.span, c.speaker) if span]


def _detail_name(kind: str, what: str) -> str:
    if kind == "duration":
        return f"lengths for the {what}"
    if kind == "date":
        return "dates"
    if kind == "place":
        return "places"
    return {"killed": "death tolls", "injured": "numbers of injured", "abducted": "numbers of people abducted",
            "money": "sums of money"}.get(what, f"figures ({what})")


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
