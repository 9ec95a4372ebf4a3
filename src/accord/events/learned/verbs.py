"""The verb lexicon (data/verbs.yaml): the CAMEO codes a verb takes, alone or with a word of its phrase."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from ...datafiles import read_yaml
from ...errors import KnowledgeBaseError

PATH = Path(__file__).resolve().parent.parent / "data" / "verbs.yaml"
PHRASE_REACH = 2  # how deep below the verb a word of its phrase may stand ("appealed for food aid")


@dataclass
class VerbLexicon:
    alone: dict[str, set[str]] = field(default_factory=dict)  # lemma (or "lemma particle") -> codes
    words: dict[str, dict[str, str | None]] = field(default_factory=dict)  # lemma -> phrase word -> code

    def codes(self, token: Token) -> list[str]:
        """The codes the lexicon gives a verb token: by a word of its phrase if one fits, else alone."""
        lemma = token.lemma_.lower()
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        keys = [f"{lemma} {particle}", lemma] if particle else [lemma]
        for key in keys:
            table = self.words.get(key)
            if table:
                for word in _phrase_words(token):
                    if word in table:
                        return [table[word]] if table[word] else []
            if key in self.alone:
                return sorted(self.alone[key])
        return []


def _phrase_words(token: Token) -> list[str]:
    found, frontier = [], [token]
    for _ in range(PHRASE_REACH):
        frontier = [c for t in frontier for c in t.children if c.dep_ not in ("nsubj", "nsubjpass", "punct", "aux", "advcl", "ccomp")]
        found += [w for c in frontier for w in (c.lemma_.lower(), c.lower_)]
    return found


@lru_cache(maxsize=1)
def load(path: Path = PATH) -> VerbLexicon:
    """The bundled verb lexicon, loaded once and checked."""
    lexicon = VerbLexicon()
    for n, block in enumerate(read_yaml(path).get("blocks") or []):
        if not isinstance(block, dict) or not isinstance(block.get("verbs"), list):
            raise KnowledgeBaseError(str(path), None, f"block {n}: expected verbs, cameo and words")
        words = block.get("words") or {}
        for verb in block["verbs"]:
            if block.get("cameo"):
                lexicon.alone.setdefault(verb, set()).add(str(block["cameo"]))
            if words:
                lexicon.words.setdefault(verb, {}).update({str(w): (str(c) if c else None) for w, c in words.items()})
    return lexicon
