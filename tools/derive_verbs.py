"""Derive accord's verb lexicon (src/accord/events/data/verbs.yaml) from PETRARCH2's CAMEO verb dictionary.

    python tools/derive_verbs.py [../shared/reference/petrarch2/CAMEO.2.0.txt]

What carries over are facts: which verbs share a block, the CAMEO code a block takes alone,
and the code a verb takes with a given word in its phrase. The output is accord's own format
(see the header it writes); run again to regenerate it after the dictionary changes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2" / "CAMEO.2.0.txt"
TARGET = ROOT / "src" / "accord" / "events" / "data" / "verbs.yaml"
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
FUNCTION_WORDS = {"to", "for", "with", "against", "on", "in", "of", "at", "by", "from", "the", "a", "an", "and", "as", "into", "over"}
HEADER = """\
# Verb lexicon: which CAMEO code a verb takes alone and with a word in its phrase.
#
# Derived by tools/derive_verbs.py from PETRARCH2's CAMEO verb dictionary, CAMEO.2.0.txt
# (openeventdata/petrarch2, commit 676801cd, MIT licence, Copyright (c) 2015 Open Event Data
# Alliance). Facts only: the verbs of one block (synonyms, many from WordNet), the code the
# block takes alone (null: none), and for a word that may stand in the verb's phrase the code
# the verb then takes (null: no event, e.g. "commit suicide"); a phrase is kept by its last word.
# Word sets (&MILITARY ...) are expanded. The event classifier reads these codes as features, and
# an event it finds takes its verb's code here when that code is of the event's type; no code here
# makes an event alone.
#
# blocks: a list of {verbs: [lemma or "lemma particle"], cameo: code or null, words: {word: code}}
"""


def _code(text: str) -> str | None:
    code = text.split(":")[0].strip()
    return code if re.fullmatch(r"\d{2,4}", code) else None


def _words(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    out = []
    for raw in re.sub(r"[(){}]", " ", phrase).split():
        if raw.startswith("&"):
            out += sets.get(raw.rstrip("_"), sets.get(raw, []))
        elif re.fullmatch(r"[A-Z][A-Z_'-]*", raw):
            out.append(raw.lower().replace("_", " ").split()[-1])
    return [w for w in out if w not in FUNCTION_WORDS]


def derive(source: Path) -> list[dict]:
    """The dictionary's verb blocks in accord's shape."""
    lines = source.read_text(encoding="latin-1").splitlines()
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            break
        if line.startswith("&"):
            current = sets.setdefault(line.split()[0], [])
        elif line.startswith("+") and current is not None:
            current.append(line[1:].split()[0].lower().replace("_", " ").split()[-1])
    blocks: list[dict] = []
    block = None
    for line in lines:
        line = line.split("#")[0].rstrip()
        if match := BLOCK.match(line):
            block = {"verbs": [], "cameo": _code(match.group(2)), "words": {}}
            blocks.append(block)
        elif block is None or not line.strip():
            continue
        elif match := PATTERN.match(line):
            phrase, code = match.group(1), _code(match.group(2))
            after = phrase.split("*", 1)[1] if "*" in phrase else ""
            words = _words(after, sets) or _words(phrase.split("*", 1)[0], sets)
            for word in dict.fromkeys(words[-1:] if "&" not in after else words):
                block["words"].setdefault(word, code)
        elif re.match(r"^\+?[A-Z]", line):
            verb = re.sub(r"\{.*", "", line).strip().lstrip("+").lower().replace("_", " ")
            if verb and " and " not in verb and verb not in block["verbs"]:
                block["verbs"].append(verb)
    return [b for b in blocks if b["verbs"] and (b["cameo"] or any(b["words"].values()))]


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    blocks = derive(source)
    body = yaml.safe_dump({"blocks": blocks}, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)
    TARGET.write_text(HEADER + body, encoding="utf-8")
    print(f"{TARGET}: {len(blocks)} blocks, {sum(len(b['verbs']) for b in blocks)} verbs, "
          f"{sum(len(b['words']) for b in blocks)} phrase words")  # fmt: skip


if __name__ == "__main__":
    main()
