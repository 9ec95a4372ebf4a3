"""The event codebook: triggers (triggers.yaml) and the CAMEO table (cameo.yaml), checked at load."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..datafiles import read_yaml
from ..errors import KnowledgeBaseError
from .acled import AcledTable, load_acled

DATA_DIR = Path(__file__).parent / "data"
FRAMES = ("intent", "reject", "threaten", "request")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    plover: str | None
    quad_class: int
    goldstein: float | None
    mode: str | None = None
    context: tuple[str, ...] = ()
    acled: tuple[str, str] | None = None


@dataclass(frozen=True)
class Trigger:
    id: str
    cameo: str
    verbs: tuple[tuple[str, ...], ...] = ()
    nouns: tuple[tuple[str, ...], ...] = ()
    target: tuple[str, ...] = ()
    intent: str | None = None
    frame: str | None = None
    symmetric: bool = False
    when_conflict: str | None = None  # for intent frames: the code when the intended action is conflict
    purpose: tuple[str, ...] = ()  # PLOVER types a "to" clause may give ("sent inspectors to monitor")
    plover: str | None = None  # a PLOVER type that overrides the CAMEO table's for this trigger's own code
    transitive: tuple[str, ...] = ()  # verbs that code only with a direct object
    intransitive: tuple[str, ...] = ()  # verbs that code only without one
    objects: tuple[tuple[tuple[str, ...], str], ...] = ()  # (object lemmas, CAMEO code)
    agents: tuple[tuple[tuple[str, ...], str], ...] = ()  # (subject lemmas, CAMEO code)
    example: str = ""

    def code_for(self, object_lemmas: set[str], subject_lemmas: set[str] = frozenset()) -> str:
        """The code for this trigger given the lemmas of its object phrase, then of its subject."""
        for words, rules in ((object_lemmas, self.objects), (subject_lemmas, self.agents)):
            for lemmas, cameo in rules:
                if words & set(lemmas):
                    return cameo
        return self.cameo


@dataclass
class Codebook:
    cameo: dict[str, CameoCode] = field(default_factory=dict)
    triggers: dict[str, Trigger] = field(default_factory=dict)
    verbs: dict[str, list[tuple[tuple[str, ...], Trigger]]] = field(default_factory=dict)  # head lemma ->
    nouns: dict[str, list[tuple[tuple[str, ...], Trigger]]] = field(default_factory=dict)
    acled: AcledTable | None = None

    def code(self, cameo: str) -> CameoCode:
        """The CAMEO entry for a code, falling back to its parent (0871 -> 087 -> 08)."""
        for n in range(len(cameo), 1, -1):
            if cameo[:n] in self.cameo:
                return self.cameo[cameo[:n]]
        raise KeyError(cameo)


def _words(items, path: Path, where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise KnowledgeBaseError(str(path), None, f"{where}: expected a list of words")
    return tuple(tuple(i.lower().split()) for i in items)


def _known(code: str, cameo: dict[str, CameoCode]) -> bool:
    return any(code[:n] in cameo for n in (4, 3, 2))


def load_cameo(path: Path) -> dict[str, CameoCode]:
    """CAMEO code -> entry, with QuadClass from the root code."""
    doc = read_yaml(path)
    quads = {root: q["quad_class"] for q in doc.get("quad_classes", []) for root in q["roots"]}
    table = {}
    for entry in doc.get("codes", []):
        code = str(entry["code"])
        plover = entry.get("plover")
        if plover is not None and plover not in PLOVER_TYPES:
            raise KnowledgeBaseError(str(path), None, f"code {code}: unknown PLOVER type {plover!r}")
        acled = entry.get("acled")
        table[code] = CameoCode(
            code=code, name=entry["name"], plover=plover, quad_class=quads[code[:2]],
            goldstein=entry.get("goldstein"), mode=entry.get("mode"), context=tuple(entry.get("context") or ()),
            acled=(acled["event_type"], acled["sub_event_type"]) if acled else None,
        )  # fmt: skip
    return table


def load_triggers(path: Path, cameo: dict[str, CameoCode]) -> dict[str, Trigger]:
    """Trigger id -> trigger; every code must be in the CAMEO table."""
    doc = read_yaml(path)
    allowed = {"id", "cameo", "verbs", "nouns", "target", "intent", "frame", "symmetric", "transitive", "intransitive", "objects", "agents", "purpose", "when_conflict", "plover", "example"}
    triggers = {}
    for entry in doc.get("triggers", []):
        where = f"trigger {entry.get('id')!r}"
        unknown = set(entry) - allowed
        if unknown:
            raise KnowledgeBaseError(str(path), None, f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        for key in ("cameo", "intent", "when_conflict"):
            if entry.get(key) is not None and not _known(str(entry[key]), cameo):
                raise KnowledgeBaseError(str(path), None, f"{where}: {key} {entry[key]!r} is not a CAMEO code")
        if not all(isinstance(t, str) for t in entry.get("target") or ()):
            raise KnowledgeBaseError(str(path), None, f"{where}: every target must be a string (quote on/off/yes/no)")
        if entry.get("plover") not in (None, *PLOVER_TYPES):
            raise KnowledgeBaseError(str(path), None, f"{where}: plover must be one of {', '.join(PLOVER_TYPES)}")
        if not set(entry.get("purpose") or ()) <= set(PLOVER_TYPES):
            raise KnowledgeBaseError(str(path), None, f"{where}: purpose lists PLOVER types")
        if entry.get("frame") not in (None, *FRAMES):
            raise KnowledgeBaseError(str(path), None, f"{where}: frame must be one of {', '.join(FRAMES)}")
        rules = {}
        for field_name in ("objects", "agents"):
            rules[field_name] = []
            for rule in entry.get(field_name) or []:
                if not isinstance(rule, dict) or set(rule) != {"nouns", "cameo"} or not _known(str(rule["cameo"]), cameo):
                    raise KnowledgeBaseError(str(path), None, f"{where}: each of '{field_name}' needs nouns and a known cameo")
                rules[field_name].append((tuple(" ".join(w) for w in _words(rule["nouns"], path, where)), str(rule["cameo"])))
        if entry["id"] in triggers:
            raise KnowledgeBaseError(str(path), None, f"{where}: defined twice")
        triggers[entry["id"]] = Trigger(
            id=entry["id"], cameo=str(entry["cameo"]), verbs=_words(entry.get("verbs", []), path, where),
            nouns=_words(entry.get("nouns", []), path, where), target=tuple(entry.get("target") or ()),
            intent=str(entry["intent"]) if entry.get("intent") else None, frame=entry.get("frame"),
            symmetric=bool(entry.get("symmetric", False)), purpose=tuple(entry.get("purpose") or ()),
            when_conflict=str(entry["when_conflict"]) if entry.get("when_conflict") else None, transitive=tuple(entry.get("transitive") or ()),
            plover=entry.get("plover"), intransitive=tuple(entry.get("intransitive") or ()),
            objects=tuple(rules["objects"]), agents=tuple(rules["agents"]), example=entry.get("example", ""),
        )  # fmt: skip
    return triggers


@lru_cache(maxsize=1)
def load(data_dir: Path = DATA_DIR) -> Codebook:
    """The bundled codebook, loaded once; words are indexed by their first lemma (verbs) or last (nouns)."""
    book = Codebook()
    book.cameo = load_cameo(data_dir / "cameo.yaml")
    book.triggers = load_triggers(data_dir / "triggers.yaml", book.cameo)
    book.acled = load_acled(data_dir / "acled.yaml", book.cameo)
    for trigger in book.triggers.values():
        for words in trigger.verbs:
            book.verbs.setdefault(words[0], []).append((words, trigger))
        for words in trigger.nouns:
            book.nouns.setdefault(words[-1], []).append((words, trigger))
    for table in (book.verbs, book.nouns):
        for options in table.values():
            options.sort(key=lambda o: -len(o[0]))  # the most specific words first
    return book
