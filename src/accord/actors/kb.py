"""The actor knowledge base: YAML files of countries, organisations, sectors, offices and people.

The bundled files live in `accord/actors/data/`; a user's own directory (``--kb DIR`` or
``ACCORD_KB``) is read after them, and an entry with the same code, id or name replaces
the bundled one. `docs/knowledge-base.md` documents the schema; `load()` checks it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import KnowledgeBaseError

DATA_DIR = Path(__file__).parent / "data"
ENV_VAR = "ACCORD_KB"
SECTIONS = ("countries", "regions", "organisations", "sectors", "offices", "people")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    seats: tuple[str, ...] = ()
    military_seats: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    region: str | None = None


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organisation:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "IGO"
    sector: str | None = None
    country: str | None = None
    parent: str | None = None
    qid: str | None = None


@dataclass(frozen=True)
class Office:
    id: str
    country: str
    sector: str
    name: str
    titles: tuple[str, ...] = ()
    unique: bool = True


@dataclass(frozen=True)
class Tenure:
    office: str
    start: date | None
    end: date | None = None
    acting: bool = False
    approx: bool = False

    def held_on(self, day: date) -> bool:
        """True when the office was held on `day` (the end date is the first day out)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    country: str
    qid: str | None = None
    gender: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Tenure, ...] = ()


@dataclass
class KnowledgeBase:
    """Every entry, indexed by code or id, with the date the bundled facts are current to."""

    countries: dict[str, Country] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    sectors: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code -> role words
    sector_names: dict[str, str] = field(default_factory=dict)  # code -> "government", "military"
    offices: dict[str, Office] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    current_to: date | None = None
    files: list[str] = field(default_factory=list)
    where: dict[str, tuple[str, int]] = field(default_factory=dict)  # person id -> (file, line)
    tenures: dict[str, list[tuple[Person, Tenure]]] = field(default_factory=dict)  # office id ->

    def roles_on(self, person: Person, day: date) -> list[Tenure]:
        """The tenures `person` held on `day`."""
        return [t for t in person.roles if t.held_on(day)]

    def holders(self, office: str, day: date) -> list[Person]:
        """The people who held `office` on `day`."""
        return [p for p, t in self.tenures.get(office, ()) if t.held_on(day)]

    def index(self) -> None:
        """Build the office -> (person, tenure) index; called once the files are read."""
        self.tenures = {}
        for person in self.people.values():
            for tenure in person.roles:
                self.tenures.setdefault(tenure.office, []).append((person, tenure))


class _LineLoader(yaml.SafeLoader):
    """A SafeLoader that records each mapping's line as the key `__line__`."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


# Dates stay strings until the checker reads them, so a bad date is a KB error, not a crash.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class _Checker:
    """Reads one entry, raising KnowledgeBaseError with the file and line on any problem."""

    def __init__(self, path: str, entry: dict, allowed: set[str]):
        self.path, self.entry = path, entry
        self.line = entry.get("__line__")
        unknown = set(entry) - allowed - {"__line__"}
        if unknown:
            self.fail(f"unknown field(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(allowed))}")

    def fail(self, problem: str):
        raise KnowledgeBaseError(self.path, self.line, problem)

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.entry.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"'{key}' must be a non-empty string, got {value!r}")
        return value.strip()

    def code(self, key: str, required: bool = True) -> str | None:
        value = self.text(key, required)
        if value is not None and not _CODE.match(value):
            self.fail(f"'{key}' must be an upper-case code such as RUS or NATO, got {value!r}")
        return value

    def names(self, key: str) -> tuple[str, ...]:
        value = self.entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"'{key}' must be a list of strings")
        return tuple(v.strip() for v in value)

    def day(self, key: str) -> date | None:
        value = self.entry.get(key)
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"'{key}' must be a date YYYY-MM-DD, got {value!r}")

    def flag(self, key: str, default: bool) -> bool:
        value = self.entry.get(key, default)
        if not isinstance(value, bool):
            self.fail(f"'{key}' must be true or false, got {value!r}")
        return value


def _country(path, e) -> Country:
    c = _Checker(path, e, {"code", "name", "aliases", "demonyms", "capital", "seats", "military_seats", "places", "region"})
    return Country(
        code=c.code("code"), name=c.text("name"), aliases=c.names("aliases"), demonyms=c.names("demonyms"),
        capital=c.text("capital", False), seats=c.names("seats"), military_seats=c.names("military_seats"),
        places=c.names("places"), region=c.code("region", False),
    )  # fmt: skip


def _region(path, e) -> Region:
    c = _Checker(path, e, {"code", "name", "demonyms"})
    return Region(code=c.code("code"), name=c.text("name"), demonyms=c.names("demonyms"))


def _organisation(path, e) -> Organisation:
    c = _Checker(path, e, {"code", "name", "aliases", "kind", "sector", "country", "parent", "qid"})
    return Organisation(
        code=c.code("code"), name=c.text("name"), aliases=c.names("aliases"), kind=c.text("kind", False) or "IGO",
        sector=c.code("sector", False), country=c.code("country", False), parent=c.code("parent", False),
        qid=c.text("qid", False),
    )  # fmt: skip


def _sector(path, e) -> tuple[str, str, tuple[str, ...]]:
    c = _Checker(path, e, {"code", "name", "words"})
    return c.code("code"), c.text("name"), tuple(w.lower() for w in c.names("words"))


def _office(path, e) -> Office:
    c = _Checker(path, e, {"id", "country", "sector", "name", "titles", "unique"})
    return Office(
        id=c.text("id"), country=c.code("country"), sector=c.code("sector"), name=c.text("name"),
        titles=tuple(t.lower() for t in c.names("titles")), unique=c.flag("unique", True),
    )  # fmt: skip


def _tenure(path, e) -> Tenure:
    if not isinstance(e, dict):
        raise KnowledgeBaseError(path, None, f"a role must be a mapping, got {e!r}")
    c = _Checker(path, e, {"office", "start", "end", "acting", "approx"})
    tenure = Tenure(office=c.text("office"), start=c.day("start"), end=c.day("end"),
                    acting=c.flag("acting", False), approx=c.flag("approx", False))  # fmt: skip
    if tenure.start and tenure.end and tenure.end < tenure.start:
        c.fail(f"role {tenure.office} ends ({tenure.end}) before it starts ({tenure.start})")
    return tenure


def _person(path, e) -> Person:
    c = _Checker(path, e, {"name", "qid", "gender", "country", "aliases", "roles"})
    roles = e.get("roles", [])
    if not isinstance(roles, list):
        c.fail("'roles' must be a list")
    gender = c.text("gender", False)
    if gender not in (None, "m", "f"):
        c.fail(f"'gender' must be m or f, got {gender!r}")
    qid = c.text("qid", False)
    name = c.text("name")
    return Person(
        id=qid or "person:" + name.lower().replace(" ", "-"), name=name, country=c.code("country"), qid=qid,
        gender=gender, aliases=c.names("aliases"), roles=tuple(_tenure(path, r) for r in roles),
    )  # fmt: skip


def _read_file(path: Path, kb: KnowledgeBase, seen: dict) -> None:
    where = str(path)
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise KnowledgeBaseError(where, mark.line + 1 if mark else None, f"not valid YAML: {getattr(err, 'problem', err)}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise KnowledgeBaseError(where, None, f"cannot read: {err}") from None
    if doc is None:
        return
    if not isinstance(doc, dict):
        raise KnowledgeBaseError(where, 1, f"the file must be a mapping with any of: {', '.join(SECTIONS)}")
    unknown = set(doc) - set(SECTIONS) - {"current_to", "__line__"}
    if unknown:
        raise KnowledgeBaseError(where, 1, f"unknown section(s) {', '.join(sorted(unknown))}; allowed: {', '.join(SECTIONS)}")
    if doc.get("current_to"):
        current = _Checker(where, doc, set(doc)).day("current_to")
        kb.current_to = min(kb.current_to, current) if kb.current_to else current  # the most cautious
    readers = {
        "countries": (_country, kb.countries, "code"), "regions": (_region, kb.regions, "code"),
        "organisations": (_organisation, kb.organisations, "code"), "offices": (_office, kb.offices, "id"),
        "people": (_person, kb.people, "id"),
    }  # fmt: skip
    for section in SECTIONS:
        entries = doc.get(section) or []
        if not isinstance(entries, list):
            raise KnowledgeBaseError(where, doc["__line__"], f"'{section}' must be a list of entries")
        for entry in entries:
            if not isinstance(entry, dict):
                raise KnowledgeBaseError(where, None, f"an entry of '{section}' must be a mapping, got {entry!r}")
            if section == "sectors":
                code, name, words = _sector(where, entry)
                kb.sectors[code] = words
                kb.sector_names[code] = name
                continue
            read, table, key = readers[section]
            item = read(where, entry)
            idents = [(section, getattr(item, key))] + ([("name", item.name.lower())] if section == "people" else [])
            for ident in idents:
                if ident in seen:
                    raise KnowledgeBaseError(where, entry["__line__"], f"{ident[1]} is already defined at {seen[ident]}; "
                                             "define it once per directory (a later directory may override it)")
                seen[ident] = f"{where}:{entry['__line__']}"
            table[getattr(item, key)] = item
            if section == "people":
                kb.where[item.id] = (where, entry["__line__"])
    kb.files.append(where)


def _check_references(kb: KnowledgeBase) -> None:
    for person in kb.people.values():
        for tenure in person.roles:
            if tenure.office not in kb.offices:
                path, line = kb.where[person.id]
                raise KnowledgeBaseError(path, line, f"{person.name}: role names unknown office {tenure.office!r}")


def kb_dirs(extra: tuple[str, ...] = ()) -> tuple[Path, ...]:
    """The directories to read: the bundled data, then $ACCORD_KB, then `extra`."""
    from_env = tuple(p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p)
    return (DATA_DIR, *map(Path, from_env), *map(Path, extra))


def load_dirs(dirs: tuple[Path, ...]) -> KnowledgeBase:
    """Read and check every YAML file of `dirs`, later files overriding earlier entries."""
    kb = KnowledgeBase()
    for directory in dirs:
        if not directory.is_dir():
            raise KnowledgeBaseError(str(directory), None, "knowledge-base directory does not exist")
        seen: dict[tuple[str, str], str] = {}  # (section, key) -> where, within this directory
        for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")]):
            _read_file(path, kb, seen)
    _check_references(kb)
    kb.index()
    return kb


def load(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """Return the knowledge base (bundled + $ACCORD_KB + `extra`), loaded once per set of dirs."""
    return _load_cached(kb_dirs(extra))


@lru_cache(maxsize=4)
def _load_cached(dirs: tuple[Path, ...]) -> KnowledgeBase:
    return load_dirs(dirs)
