"""Mentions to actors, as of the article's date.

Knowledge-base phrases found by the lexicon are grouped into noun phrases
("US Defense Secretary Pete Hegseth", "Trump’s special envoy, Steve Witkoff",
"Kremlin officials") and each phrase is read by the first rule that fits:

    name         a person's name, with any title before it checked against the date
    name, spelled otherwise   a name the base holds with one letter or two different
                 ("Mitterand" -> François Mitterrand; see spelling.py)
    possessive   "Trump’s administration": the possessor's government
    role-holder  a title with its country ("the Russian president"): who held it then
    title-anaphor a bare title ("the president") after a holder was named in the article
    group        country/region/seat + role word ("Russian troops" -> RUSMIL)
    people + place  a people placed in another country ("the Albanians of southern Serbia" -> SRBCVL)
    role word    a role word alone ("rebels" -> REB): the sector, no country
    role word + place   ... in a sentence that happens in one country: after "in", "at",
                 "throughout"..., or the only country the sentence names ("protesters in Belgrade")
    role word + owner   ... owned by a pronoun: the pronoun's country ("their forces")
    seat         a seat of power alone ("the Kremlin" -> RUSGOV)
    country      a country name or demonym alone
    place        a town or region the base places in a country ("Darfur" -> SDN)
    organisation an international organisation or armed group
    entity       a spaCy PERSON or ORG the base lacks (surnames link back to it); coded
                 from the words before it ("Serbian President X"), a surname every bearer
                 of which shares a country ("President Bush" -> USAGOV), or, with a title or
                 role word, the sentence's country ("Judge Alejandro Rivera")
    entity + apposition  ... from the words set beside it ("X, Algeria's leading activist,")
    entity + words before it  ... or before it in its phrase ("jailed Iranian laureate X")
    pronoun      he/she/they to the nearest fitting actor in the paragraph
    surname      a surname alone after its bearer was named in full ("... Asif wrote")
    title shared with a name   a bare title joined by "and" to a titled name: one person
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Actor, Article, Mention, Span
from . import lexicon as lx
from .kb import KnowledgeBase, Person, Tenure
from .lexicon import Lexicon, Piece
from .sides import nearest_two
from .spelling import NameIndex
from .phrases import (
    NEW_ORG, NEW_PERSON, POSSESSIVE, QUALIFIERS, Phrase, find_phrases, locations,
    owns_country, residence, sentence_starts, stance_prefix, with_article, with_entities,
)  # fmt: skip
from .timing import describe_role, infer_window

PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "she": "f", "her": "f",
    "they": "group", "them": "group", "their": "group", "it": "thing", "its": "thing",
}  # fmt: skip


@dataclass
class _Draft:
    """A mention before the article's date is settled."""

    start: int  # char offsets
    end: int
    actor: str
    kind: str
    rule: str
    title: str | None = None
    former: bool = False
    person: Person | None = None
    actor_kind: str | None = None  # for entities the base lacks: person | organisation
    code: str | None = None  # for entities the base lacks, from the words around them
    claims: list = field(default_factory=list)  # tenures that would make the title true


@dataclass(frozen=True)
class ActorResult:
    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]
    as_of: date | None
    as_of_rule: str  # published | inferred from roles | unknown
    window: tuple[date, date | None] | None = None  # when inferred: first day, first day after


class ActorResolver:
    """Resolves the actors of parsed docs against one knowledge base."""

    def __init__(self, kb: KnowledgeBase, nlp: Language):
        self.kb = kb
        self.lexicon = Lexicon(kb, nlp)
        self.names = NameIndex(kb)
        self._fitting: dict[str, list] = {}  # title -> the offices it names, filled as titles are met
        self._demonym_of = {n: c.demonyms[0] for c in kb.countries.values() if c.demonyms for n in (c.name, *c.aliases)}
        self._home_words = {  # code -> one-word names of it: "russian", "kremlin", "nato" (not "chinese" of "Chinese Taipei")
            c.code: {n.lower() for n in (c.name, *c.aliases, *c.demonyms, *c.seats) if " " not in n}
            for c in kb.countries.values()
        } | {o.code: {n.lower() for n in (o.name, *o.aliases) if " " not in n} for o in kb.organisations.values()}

    def __call__(self, doc: Doc, article: Article) -> ActorResult:
        """Return the actors and mentions of one article, with the date they hold for."""
        pieces = self._respelled(doc, with_entities(doc, self.lexicon.pieces(doc)))
        phrases = find_phrases(doc, pieces)
        sentence_of = sentence_starts(doc)
        where = locations(doc, pieces, sentence_of, self._home_of)
        named = [d for ph in phrases for d in self._named(doc, ph, where.get(sentence_of(ph.start)))]
        as_of, as_of_rule, window = article.published, "published", None
        if as_of is None:
            window = infer_window([d.claims for d in named if d.claims])
            as_of, as_of_rule = (self._latest_in(window), "inferred from roles") if window else (None, "unknown")
        drafts = named + [
            d for ph in phrases
            for d in self._residents(doc, ph, pieces)
            or self._unnamed(doc, ph, as_of, named, None if owns_country(doc, ph, pieces) else where.get(sentence_of(ph.start)))
        ]  # fmt: skip
        self._appositions(doc, drafts)
        pronouns = self._pronouns(doc, article, drafts)
        if self._owned(doc, drafts, pronouns):  # pronouns that stood for the owned words follow them
            pronouns = self._pronouns(doc, article, drafts)
        drafts += pronouns
        drafts += _surnames(doc, drafts)
        drafts += self._joint(doc, article, drafts)
        drafts.sort(key=lambda d: (d.start, d.end))
        return self._finish(doc, drafts, as_of, as_of_rule, window)

    def _respelled(self, doc: Doc, pieces: list[Piece]) -> list[Piece]:
        """Add places spaCy found that the lexicon did not, when they misspell a country ("Ethopia")."""
        covered = {i for p in pieces for i in range(p.start, p.end)}
        extra = []
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP") and len(ent) == 1 and ent.start not in covered:
                found = self.names.country_like(ent.text)
                if found:
                    kind, code = found
                    extra.append(Piece(ent.start, ent.end, lx.COUNTRY if kind == "country" else lx.DEMONYM, code))
        return sorted(pieces + extra, key=lambda p: p.start) if extra else pieces

    def _latest_in(self, window: tuple[date, date | None]) -> date:
        """The latest day of the window the knowledge base can speak for."""
        last = window[1] - timedelta(days=1) if window[1] else self.kb.current_to or window[0]
        return max(window[0], min(last, self.kb.current_to or last))

    # -- finding phrases ---------------------------------------------------------------

    # -- reading phrases ---------------------------------------------------------------

    def _named(self, doc: Doc, ph: Phrase, place: str | None) -> list[_Draft]:
        """Mentions of people by name: the name with the titles before it. Someone the base
        lacks is coded from the words before the name, else, when a title or role word says
        what they are, by the country their sentence happens in ("Judge Alejandro Rivera")."""
        drafts = []
        for i, piece in enumerate(ph.pieces):
            if piece.kind not in (lx.PERSON, NEW_PERSON):
                continue
            lead = ph.pieces[:i]
            start = lead[0].start if lead and all(p.kind in QUALIFIERS | {lx.TITLE, lx.PERSON} for p in lead) else piece.start
            end, kind = piece.end, "name"
            if piece.end < ph.end and doc[piece.end].text in POSSESSIVE:
                rest = ph.pieces[i + 1 :]
                if len(rest) == 1 and rest[0].kind == lx.SECTOR and rest[0].key == "GOV":
                    end, kind = rest[0].end, "possessive"  # "Trump’s administration"
                elif not lead:
                    drafts.append(self._person_draft(doc, piece, doc[piece.start : piece.end], "name", "name"))
                    continue
            draft = self._person_draft(doc, piece, doc[with_article(doc, start) : end], kind, kind)
            titles = [p for p in lead if p.kind == lx.TITLE]
            if draft.person is None:
                said = titles or any(p.kind == lx.SECTOR for p in lead)  # "Judge Alejandro Rivera"
                draft.code = self._code_from(lead, titles, self.names.country_of_surname(piece.key) or (place if said else None))
            if titles and draft.person and not ph.not_office:
                draft.title = titles[-1].key
                draft.former = ph.former
                if not ph.former:
                    draft.claims = [t for t in draft.person.roles if self._fits(self.kb.offices[t.office], draft.title)]
            drafts.append(draft)
        return drafts

    def _code_from(self, lead: list[Piece], titles: list[Piece], surname_home: str | None) -> str | None:
        """A code for someone the base lacks, from the words before the name ("Serbian President")
        or, failing those, from the surname when all who bear it share a country ("President Bush")."""
        quals = [p for p in lead if p.kind in QUALIFIERS]
        home = (self._title_home(titles[-1].key) if titles else None) or surname_home
        if not quals:
            if not home:
                return None
            if not titles:
                return home
            offices = self._offices(titles[-1].key, [home])
            return _code(self._home(home), offices[0].sector if offices else "GOV")
        place = self._country_of(quals[-1])
        if place in self.kb.organisations:
            return place  # an international organisation's official: its code
        offices = self._offices(titles[-1].key, [place]) if titles else []
        sector = offices[0].sector if offices else ("GOV" if titles else None)
        return _code(place, sector) if sector else place

    def _person_draft(self, doc: Doc, piece: Piece, span, kind: str, rule: str) -> _Draft:
        person = self.kb.people[piece.key] if piece.kind == lx.PERSON else self.names.closest(piece.key)
        if person:
            rule = rule if piece.kind == lx.PERSON else f"{rule}, spelled otherwise"
            return _Draft(span.start_char, span.end_char, person.id, kind, rule, person=person)
        return _Draft(span.start_char, span.end_char, "name:" + piece.key, "name", "entity", actor_kind="person")

    def _unnamed(self, doc: Doc, ph: Phrase, as_of: date | None, named: list[_Draft], place: str | None) -> list[_Draft]:
        """Mentions with no name: roles, groups, seats, countries and organisations."""
        if any(p.kind in (lx.PERSON, NEW_PERSON) for p in ph.pieces):
            return []
        # "pro-Palestinian demonstrators", "anti-EU protesters": sympathies, not nationality
        pieces = [p for p in ph.pieces if not (p.kind in QUALIFIERS and stance_prefix(doc, p.start, p.end))]
        if not pieces:  # "ethnic Albanians demonstrated in Serbia": civilians of the place
            span = doc[ph.start : ph.end]
            ethnic = ph.start > 0 and doc[ph.start - 1].lower_ == "ethnic"
            return [_Draft(span.start_char, span.end_char, f"group:{place}CVL", "group", "ethnic group + place")] if ethnic and place else []
        start = with_article(doc, ph.start)
        span = doc[start : ph.end]
        codes = [self._country_of(p) for p in pieces if p.kind in QUALIFIERS]
        titles = [p for p in pieces if p.kind == lx.TITLE]
        sectors = [p for p in pieces if p.kind == lx.SECTOR]
        home = self._title_home(titles[-1].key) if titles and not codes else None
        codes = codes or ([home] if home else []) or (self._only_country(titles[-1].key) if titles else [])
        body = self._body_sector(pieces)  # "a Gazprom spokesman" speaks for Gazprom, not the Kremlin
        shared = _shares_name(doc, ph, named) if titles and len(pieces) == len(titles) else None
        if shared is not None:  # "Deputy Prime Minister and Foreign Minister Ishaq Dar": both titles are his
            title = None if ph.not_office else titles[-1].key
            return [_Draft(span.start_char, span.end_char, shared.actor, "role", "title shared with a name", title=title,
                           person=shared.person)]  # fmt: skip
        if titles and not ph.not_office:
            holder = self._holder(titles[-1].key, codes, as_of, named, span.start_char, body)
            if holder:
                person, rule = holder
                return [_Draft(span.start_char, span.end_char, person.id, "role", rule, title=titles[-1].key, person=person)]
        sector = None
        if titles:
            offices = self._offices(titles[-1].key, codes, body)
            sector = offices[0].sector if offices else body or "GOV"
        elif sectors:
            sector = sectors[-1].key
        seat_sector = next((("GOV" if p.kind == lx.SEAT else "MIL") for p in pieces if p.kind in (lx.SEAT, lx.MILSEAT)), None)
        sector = sector or seat_sector
        orgs = [p for p in pieces if p.kind in (lx.ORG, NEW_ORG)]
        stateless = [p for p in orgs if p.kind == lx.ORG and not self.kb.organisations[p.key].country]
        only_stateless = stateless and set(codes) == {self._country_of(stateless[-1])}
        if orgs and (not sector or only_stateless):
            org = orgs[-1]
            tokens = doc[with_article(doc, org.start) : org.end]
            if org.kind == lx.ORG:
                return [_Draft(tokens.start_char, tokens.end_char, "org:" + org.key, "organisation", "organisation")]
            return [_Draft(tokens.start_char, tokens.end_char, "name:" + org.key, "name", "entity", actor_kind="organisation")]
        if codes and sector:
            seat = next((p for p in pieces if p.kind in (lx.SEAT, lx.MILSEAT)), None)
            if seat is not None and not (titles or sectors):  # "the Kremlin said": the seat speaks
                actor = f"group:{codes[-1]}{sector}|{_seat_name(self.kb, codes[-1], doc[seat.start : seat.end].text)}"
                return [_Draft(span.start_char, span.end_char, actor, "group", "seat")]
            if seat is not None:  # "Kremlin officials": named as written
                actor = f"group:{codes[-1]}{sector}|{self._as_written(doc[ph.start : ph.end])}"
                return [_Draft(span.start_char, span.end_char, actor, "group", "group")]
            return [_Draft(span.start_char, span.end_char, f"group:{codes[-1]}{sector}", "group", "group")]
        if sector and not codes:
            # "protesters rallied in Belgrade": a role word takes the country where its sentence happens;
            # "rebels", "the minister" with no place stay a sector with no country
            actor = f"group:{place}{sector}" if place else f"group:{sector}"
            return [_Draft(span.start_char, span.end_char, actor, "group", "role word" + (" + place" if place else ""))]
        drafts = []
        for p in pieces:
            if p.kind in (lx.COUNTRY, lx.DEMONYM, lx.REGION, lx.PLACE):
                tokens = doc[p.start : p.end]
                kind = {lx.DEMONYM: "demonym", lx.PLACE: "place"}.get(p.kind, "country")
                drafts.append(_Draft(tokens.start_char, tokens.end_char, f"country:{p.key}", kind, kind))
        return drafts

    def _residents(self, doc: Doc, ph: Phrase, pieces: list[Piece]) -> list[_Draft]:
        """ "The Albanians of southern Serbia", "Serbs in Kosovo": people coded by where they live."""
        home = residence(doc, ph, pieces)
        if home is None:
            return []
        span = doc[with_article(doc, ph.start) : ph.end]
        return [_Draft(span.start_char, span.end_char, f"group:{home}CVL", "group", "people + place")]

    def _as_written(self, words) -> str:
        """A group's name from its words: "Russia’s government" -> "Russian government"."""
        out = []
        for token in words:
            if token.text in POSSESSIVE:
                continue
            country = self._demonym_of.get(token.text) if token.i + 1 < len(token.doc) and token.nbor().text in POSSESSIVE else None
            out.append(country or token.text)
        return " ".join(out).removeprefix("the ").removeprefix("The ")

    def _home(self, code: str) -> str:
        """An armed group's or party's country for its officials (Hamas -> PSE); else the code."""
        org = self.kb.organisations.get(code)
        return org.country if org and org.country else code

    def _home_of(self, piece: Piece) -> str | None:
        """The country a title or an organisation belongs to ("Algerian President", UNITA), if one."""
        if piece.kind == lx.ORG:
            return self.kb.organisations[piece.key].country
        return self._title_home(piece.key)

    def _country_of(self, piece: Piece) -> str:
        if piece.kind == lx.ORG:
            org = self.kb.organisations[piece.key]
            return org.country or org.code
        return piece.key

    def _fits(self, office, title: str) -> bool:
        """True when `title` names the office: the same words, or the first words of one of its
        titles ("special envoy" of "special envoy for peace missions"), country words aside
        ("us president" is "president" of the USA, never "us vice president")."""
        home = self._home_words.get(office.country, set()) | self._home_words.get(self._home(office.country), set())
        words = _without_country(title.split(), home)
        return any(_without_country(t.split(), home)[: len(words)] == words for t in office.titles)

    def _title_home(self, title: str) -> str | None:
        """The country a title names in its own words ("russian president", "kremlin spokesman")."""
        words = set(title.replace("'s", "").replace("’s", "").split())
        homes = {o.country for o in self._offices(title, []) if words & self._home_words.get(o.country, set())}
        return homes.pop() if len(homes) == 1 else None

    def _offices(self, title: str, codes: list[str], sector: str | None = None) -> list:
        """Offices the title names, in the given countries (any country when none is given) and,
        when given, of that sector."""
        if title not in self._fitting:
            self._fitting[title] = [o for o in self.kb.offices.values() if self._fits(o, title)]
        return [o for o in self._fitting[title] if (not codes or o.country in codes) and (not sector or o.sector == sector)]

    def _only_country(self, title: str) -> list[str]:
        """The country of a title that only one country's offices bear ("IDF spokesman"), as a list."""
        countries = {o.country for o in self._offices(title, [])}
        return list(countries) if len(countries) == 1 else []

    def _body_sector(self, pieces: list[Piece]) -> str | None:
        """The sector of a national body qualifying a title (Gazprom BUS, Mossad SPY), if any."""
        for p in pieces:
            org = self.kb.organisations.get(p.key) if p.kind == lx.ORG else None
            if org and org.country and org.sector and org.sector != "GOV":
                return org.sector
        return None

    def _holder(self, title: str, codes: list[str], as_of: date | None, named: list[_Draft], at: int, sector: str | None):
        """The person a title refers to: the sole holder then, or the last named fitting holder."""
        offices = self._offices(title, codes, sector)
        if as_of is None or not offices:
            return None
        holders = {p.id: p for o in offices for p in self.kb.holders(o.id, as_of)}
        earlier = [d.person for d in named if d.person and d.person.id in holders and d.start < at]
        if earlier:
            return earlier[-1], "title-anaphor" if not codes else "role-holder"
        if codes and len(holders) == 1:
            return next(iter(holders.values())), "role-holder"
        return None

    def _pronouns(self, doc: Doc, article: Article, drafts: list[_Draft]) -> list[_Draft]:
        """Link he/she/they to the nearest earlier fitting mention in the same paragraph,
        and it/its to a country or organisation earlier in the same sentence."""
        starts = [p.start for p in article.paragraphs]
        ordered = sorted(drafts, key=lambda d: d.start)
        found = []
        for token in doc:
            want = PRONOUNS.get(token.lower_)
            if not want or token.pos_ != "PRON" and token.tag_ != "PRP$":
                continue
            para = starts[bisect_right(starts, token.idx) - 1] if starts and starts[0] <= token.idx else 0
            if want == "thing":
                para = token.sent.start_char
            for d in reversed([d for d in ordered if para <= d.start < token.idx]):
                if _pronoun_fits(doc, d, want):
                    found.append(_Draft(token.idx, token.idx + len(token), d.actor, "pronoun", "pronoun", person=d.person))
                    break
        return found

    def _owned(self, doc: Doc, drafts: list[_Draft], found: list[_Draft]) -> bool:
        """A role word owned by a pronoun takes the pronoun's country: "Bosnian Serbs said their
        forces ..." -> BIHMIL. True when any did."""
        pronouns = {d.start: d for d in found}
        changed = False
        for d in drafts:
            if d.rule != "role word":
                continue
            head = doc.char_span(d.start, d.end, alignment_mode="expand").root
            owner = next((pronouns[c.idx] for c in head.children if c.dep_ == "poss" and c.idx in pronouns), None)
            country = self._country_code(owner) if owner else None
            if country:
                d.actor, d.rule = f"group:{country}{_id_code(d.actor)}", "role word + owner"
                changed = True
        return changed

    def _appositions(self, doc: Doc, drafts: list[_Draft]) -> None:
        """Someone the base lacks takes the code of the words set beside their name ("Salaheddine
        Sidhoum, Algeria's leading human rights activist," -> DZAHRI) or standing before it in
        its phrase ("jailed Iranian laureate Narges Mohammadi" -> IRN)."""
        for d in drafts:
            if d.rule != "entity" or d.code or d.actor_kind != "person":
                continue
            name = doc.char_span(d.start, d.end, alignment_mode="expand")
            stretches = [(a.left_edge.idx, a.right_edge.idx + len(a.right_edge), "apposition")
                         for a in name.root.children if a.dep_ == "appos"]  # fmt: skip
            stretches.append((name.root.left_edge.idx, d.start, "words before it"))
            for left, right, how in stretches:
                beside = [o for o in drafts if left <= o.start and o.end <= right and o.actor.startswith(("group:", "country:"))]
                if beside:
                    d.code, d.rule = _id_code(beside[-1].actor), f"entity + {how}"
                    break

    def _joint(self, doc: Doc, article: Article, drafts: list[_Draft]) -> list[_Draft]:
        """ "Each side", "both sides": the two countries named nearest in the paragraph, as one actor."""
        starts = [p.start for p in article.paragraphs] or [0]
        found = []
        for token in doc:
            if token.lower_ not in ("side", "sides", "countries", "parties") or token.i == 0:
                continue
            first = doc[token.i - 1]
            if first.lower_ == "two" and token.i > 1 and doc[token.i - 2].lower_ == "the":
                first = doc[token.i - 2]
            if first.lower_ not in ("both", "each", "the"):
                continue
            para = starts[bisect_right(starts, token.idx) - 1] if starts[0] <= token.idx else 0
            near = (d for d in drafts if para <= d.start and d.kind != "pronoun")
            sides = nearest_two(near, token.idx, self._country_code, lambda d: d.start)
            if len(sides) == 2:
                codes = [self._country_code(d) for d in sorted(sides, key=lambda d: d.start)]
                name = " and ".join(_with_the(self.kb.countries[c].name) for c in codes)
                actor = f"joint:{'+'.join(sorted(codes))}|{name}"
                found.append(_Draft(first.idx, token.idx + len(token), actor, "joint", "reciprocal"))
        return found

    def _country_code(self, d: _Draft) -> str | None:
        """The country a draft's actor belongs to, if any."""
        if d.person:
            return d.person.country
        code = _id_code(d.actor)[:3]
        return code if d.actor.startswith(("country:", "group:")) and code in self.kb.countries else None

    # -- actors ------------------------------------------------------------------------

    def _finish(self, doc: Doc, drafts: list[_Draft], as_of: date | None, as_of_rule: str, window) -> ActorResult:
        actors: dict[str, Actor] = {}
        mentions = []
        text = doc.text  # built anew on every access: read it once
        surnames: dict[str, str] = {}  # "Smith" -> the actor "John Smith" named earlier
        for d in drafts:
            actor_id = d.actor
            if actor_id.startswith("org:"):  # "the Security Council" ... "this Council"
                org = self.kb.organisations[actor_id[4:]]
                for name in (org.name, *org.aliases):
                    if " " in name:
                        surnames.setdefault(name.split()[-1], actor_id)
            if actor_id.startswith("name:"):
                name = actor_id[5:]
                actor_id = surnames.get(name, actor_id)
                if actor_id == d.actor and " " in name:
                    surnames.setdefault(name.split()[-1], actor_id)
            if actor_id not in actors:
                actors[actor_id] = self._actor(actor_id, d, doc, text, as_of)
            mentions.append(
                Mention(
                    span=Span(d.start, d.end), text=text[d.start : d.end], actor=actor_id, kind=d.kind,
                    rule=d.rule, role=("former " if d.former else "") + d.title if d.title else None,
                    role_valid=self._title_valid(d, as_of),
                )
            )  # fmt: skip
        return ActorResult(tuple(actors.values()), tuple(mentions), as_of, as_of_rule, window)

    def tenures(self, person_id: str, title: str) -> list[Tenure]:
        """The person's tenures of the offices `title` names ("president", "us defense secretary")."""
        person = self.kb.people[person_id]
        return [t for t in person.roles if self._fits(self.kb.offices[t.office], title)]

    def names_an_office(self, title: str, country: str) -> bool:
        """Whether any office of the country, past or present, bears the title."""
        return bool(self._offices(title, [country]))

    def others_holding(self, person_id: str, title: str, day: date) -> list[str]:
        """Who else, on `day`, held the one office that `title` names in the person's country
        (a title that names several offices held that day, like a bare "envoy", names nobody's;
        offices nobody held that day, such as the same title's earlier incarnations, do not count)."""
        if self.tenures(person_id, title):
            return []
        person = self.kb.people[person_id]
        home = self._title_home(title) or person.country
        held = [(o, people) for o in self._offices(title, [home] if home else []) if (people := self.kb.holders(o.id, day))]
        if len(held) != 1 or not held[0][0].unique:
            return []
        return sorted({p.name for p in held[0][1] if p.id != person_id})

    def _title_valid(self, d: _Draft, as_of: date | None) -> bool | None:
        if not d.title or not d.person or as_of is None:
            return None
        fitting = self.tenures(d.person.id, d.title)
        if d.former:
            return any(t.end and t.end <= as_of for t in fitting)
        return any(t.held_on(as_of) for t in fitting)

    def _actor(self, actor_id: str, d: _Draft, doc: Doc, text: str, as_of: date | None) -> Actor:
        kb = self.kb
        if d.person:
            p = d.person
            current = kb.roles_on(p, as_of) if as_of else []
            tenure = (current or sorted(p.roles, key=lambda t: t.start or date.min))[-1:] or None
            office = kb.offices[tenure[0].office] if tenure else None
            code = _code(self._home(office.country), office.sector) if office else p.country
            return Actor(actor_id, p.name, "person", code, p.country, office.sector if office else None,
                         role=describe_role(kb, p, as_of))  # fmt: skip
        kind, _, key = actor_id.partition(":")
        if kind == "joint":  # "both sides": the pair, named "Russia and Ukraine"
            return Actor(actor_id, key.partition("|")[2], "group", None, None, None)
        if kind == "country":
            place = kb.countries.get(key) or kb.regions.get(key)
            return Actor(actor_id, place.name, "country", key, key if key in kb.countries else None, None)
        if kind == "org":
            org = kb.organisations[key]
            code = _code(org.country, org.sector) if org.country and org.sector else org.code
            return Actor(actor_id, org.name, "organisation", code, org.country, org.sector)
        if kind == "group":
            code, _, name = key.partition("|")
            country, sector = code[:-3], code[-3:]
            if not name:
                name = self._as_written(doc.char_span(d.start, d.end, alignment_mode="expand"))
            return Actor(actor_id, name, "group", code, country if country in kb.countries else None, sector)
        country = d.code[:3] if d.code and d.code[:3] in kb.countries else None
        return Actor(actor_id, key, d.actor_kind or "organisation", d.code, country, d.code[3:] or None if country else None)


def _shares_name(doc: Doc, ph: Phrase, named: list[_Draft]) -> _Draft | None:
    """The titled name a bare title is joined to by "and" ("Deputy Prime Minister and Foreign
    Minister Ishaq Dar"): one person holding two offices, not two people."""
    if ph.end + 1 >= len(doc) or doc[ph.end].lower_ != "and" or not doc[ph.start].is_title:
        return None  # "the president and Foreign Minister Ishaq Dar" are two people
    after = doc[ph.end + 1].idx
    return next((d for d in named if d.start == after and d.person is not None and d.title), None)


def _surnames(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """A person of the base named in full, then by surname alone, which the tagger often
    leaves untagged ("Defence Minister Khawaja Asif ... Asif wrote on X"): the surname is that
    person, when one person named before it bears it."""
    taken = {i for d in drafts for i in range(d.start, d.end)}
    bearers: dict[str, set[str]] = {}
    first: dict[str, _Draft] = {}
    for d in sorted(drafts, key=lambda d: d.start):
        if d.person is not None and d.kind == "name":
            surname = d.person.name.split()[-1]
            bearers.setdefault(surname, set()).add(d.person.id)
            first.setdefault(surname, d)
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or token.idx in taken or token.ent_type_ not in ("", "PERSON"):
            continue
        owner = first.get(token.text)
        alone = not (token.i > 0 and doc[token.i - 1].pos_ == "PROPN") and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")
        if owner and len(bearers[token.text]) == 1 and owner.end <= token.idx and alone:
            found.append(_Draft(token.idx, token.idx + len(token), owner.actor, "name", "surname", person=owner.person))
    return found


def _seat_name(kb, code: str, seat: str) -> str:
    """ "Kremlin" -> "the Kremlin"; a capital city keeps its bare name."""
    country = kb.countries.get(code)
    return seat if country and seat == country.capital else f"the {seat}"


def _with_the(name: str) -> str:
    """ "United States" -> "the United States"; plural and "United ..." names take "the"."""
    return f"the {name}" if name.startswith("United ") or name.endswith(("lands", "ines", "mas")) else name


def _code(country: str, sector: str) -> str:
    return country if sector == "IGO" else f"{country}{sector}"


def _without_country(words: list[str], home: set[str]) -> list[str]:
    """Title words less the country words before them: ["us", "defense", "secretary"] -> [...]."""
    while len(words) > 1 and words[0].removesuffix("'s").removesuffix("’s") in home:
        words = words[1:]
    return words


def _id_code(actor_id: str) -> str:
    """The code in a group or country actor id: "group:DZAHRI|activists" -> DZAHRI, "country:DZA" -> DZA."""
    return actor_id.partition(":")[2].partition("|")[0]


def _pronoun_fits(doc: Doc, d: _Draft, want: str) -> bool:
    if want == "thing":
        return d.kind in ("country", "organisation", "group") and d.rule != "possessive"
    if want == "group":  # also a people ("Bosnian Serbs") and countries named together ("Britain and France")
        if d.kind in ("group", "organisation") or d.actor.startswith("group:"):
            return True
        words = doc.char_span(d.start, d.end, alignment_mode="expand")
        if not words or d.kind not in ("demonym", "country"):
            return False
        if d.kind == "demonym":
            return words[-1].tag_ in ("NNS", "NNPS")
        return words.root.dep_ == "conj" or any(c.dep_ == "conj" for c in words.root.children)
    if d.person:
        return d.person.gender in (None, want)
    return d.actor_kind == "person"
