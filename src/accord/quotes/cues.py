"""The cue lexicon (data/cues.yaml): reporting words by class, loaded once and checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import read_yaml
from ..errors import KnowledgeBaseError

DATA_FILE = Path(__file__).parent / "data" / "cues.yaml"
FRAMES = ("clause", "object", "to", "addressee", "prep", "as", "predicate", "of", "for")
LISTS = ("nouns", "wrappers", "sources", "labels", "anaphors", "channels", "background")
EXCLUSIONS = ("cognition", "inference", "topic")


@dataclass(frozen=True)
class Cue:
    """A reporting word or phrase and the complements that make it a report."""

    words: tuple[str, ...]  # ("call", "for"): the lemma, then the word that must be its child
    classes: tuple[str, ...]
    frames: frozenset[str]
    quoted: frozenset[str]  # frames that report only when the complement holds quoted words
    named: bool = False  # the speaker must be a resolved actor ("data indicates" is no report)

    def allows(self, frame: str, has_quote: bool) -> bool:
        """Is `frame` a report for this cue, given whether its complement holds quoted words?"""
        return frame in self.frames or (has_quote and frame in self.quoted)


@dataclass(frozen=True)
class CueLexicon:
    """Everything the quotes stage knows about words, indexed for lookup by lemma."""

    verbs: dict[str, tuple[Cue, ...]]  # first lemma -> its cues, phrases before the bare word
    nouns: frozenset[str]
    wrappers: frozenset[str]
    sources: dict[str, tuple[str, ...]]  # first word -> the whole phrase
    labels: frozenset[str]
    anaphors: frozenset[str]
    channels: re.Pattern
    excluded: frozenset[str]
    background: re.Pattern  # where trailing background starts: ", which ...", "— a ..."

    def is_channel(self, words: str) -> bool:
        """Do `words` name an outlet, press service or document that relays others' words?"""
        return bool(self.channels.search(words))


def _strings(value, path: Path, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeBaseError(str(path), None, f"{where}: expected a list of words")
    return value


def _frames(value, path: Path, where: str) -> frozenset[str]:
    frames = _strings(value or [], path, where) if value is not None else []
    unknown = set(frames) - set(FRAMES)
    if unknown:
        raise KnowledgeBaseError(str(path), None, f"{where}: unknown frame(s) {', '.join(sorted(unknown))}; use {', '.join(FRAMES)}")
    return frozenset(frames)


def _cues(classes, path: Path) -> dict[str, tuple[Cue, ...]]:
    if not isinstance(classes, dict) or not classes:
        raise KnowledgeBaseError(str(path), None, "cues: expected a mapping of classes")
    merged: dict[tuple[str, ...], Cue] = {}
    for name, entry in classes.items():
        where = f"cues.{name}"
        if not isinstance(entry, dict) or set(entry) - {"words", "frames", "quoted", "named"}:
            raise KnowledgeBaseError(str(path), None, f"{where}: expected words, frames, quoted and named only")
        named = entry.get("named", False)
        if not isinstance(named, bool):
            raise KnowledgeBaseError(str(path), None, f"{where}.named: expected true or false")
        frames = _frames(entry.get("frames"), path, f"{where}.frames")
        quoted = _frames(entry.get("quoted"), path, f"{where}.quoted")
        if not frames | quoted:
            raise KnowledgeBaseError(str(path), None, f"{where}: give frames or quoted frames")
        for phrase in _strings(entry.get("words"), path, f"{where}.words"):
            words = tuple(phrase.lower().split())
            if len(words) > 3:
                raise KnowledgeBaseError(str(path), None, f"{where}: {phrase!r} has more than three words")
            old = merged.get(words)
            if old:
                merged[words] = Cue(words, (*old.classes, name), old.frames | frames, old.quoted | quoted, old.named or named)
            else:
                merged[words] = Cue(words, (name,), frames, quoted, named)
    verbs: dict[str, list[Cue]] = {}
    for cue in merged.values():
        verbs.setdefault(cue.words[0], []).append(cue)
    return {lemma: tuple(sorted(cues, key=lambda c: -len(c.words))) for lemma, cues in verbs.items()}


def _excluded(value, path: Path, cues: dict[str, tuple[Cue, ...]]) -> frozenset[str]:
    if not isinstance(value, dict) or set(value) != set(EXCLUSIONS):
        raise KnowledgeBaseError(str(path), None, f"exclusions: expected {', '.join(EXCLUSIONS)}")
    words = {w.lower() for key in EXCLUSIONS for w in _strings(value[key], path, f"exclusions.{key}")}
    both = sorted(w for w in words if any(c.words == (w,) for c in cues.get(w, ())))
    if both:
        raise KnowledgeBaseError(str(path), None, f"exclusions: {', '.join(both)} also listed as cue(s)")
    return frozenset(words)


def _background(openers: list[str]) -> re.Pattern:
    """After a comma (or a comma and a closing mark), an opener from the list; after a dash, an appositive."""
    words = "|".join(r"\s+".join(map(re.escape, o.split())) for o in sorted(openers, key=len, reverse=True))
    return re.compile(rf",(?P<mark>[”\"’»])?\s+(?:{words})\b|\s*[—–]\s*(?:a|an|the)\s", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_cues(path: Path = DATA_FILE) -> CueLexicon:
    """The bundled cue lexicon, loaded once; raises KnowledgeBaseError naming what is malformed."""
    doc = read_yaml(path)
    unknown = set(doc) - {"cues", "exclusions", *LISTS}
    if unknown:
        raise KnowledgeBaseError(str(path), None, f"unknown section(s) {', '.join(sorted(unknown))}")
    cues = _cues(doc.get("cues"), path)
    lists = {key: _strings(doc.get(key), path, key) for key in LISTS}
    channels = sorted(lists["channels"], key=len, reverse=True)
    return CueLexicon(
        verbs=cues,
        nouns=frozenset(w.lower() for w in lists["nouns"]),
        wrappers=frozenset(w.lower() for w in lists["wrappers"]),
        sources={p.lower().split()[0]: tuple(p.lower().split()) for p in lists["sources"]},
        labels=frozenset(lists["labels"]),
        anaphors=frozenset(w.lower() for w in lists["anaphors"]),
        channels=re.compile(r"\b(?:" + "|".join(re.escape(c) for c in channels) + r")\b", re.IGNORECASE),
        excluded=_excluded(doc.get("exclusions"), path, cues),
        background=_background(lists["background"]),
    )
