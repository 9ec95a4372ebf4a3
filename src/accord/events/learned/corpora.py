"""The training sentences: the team's own (train/ in the repository) and the research sets in ../shared/train.

Each source labels some heads and leaves the others unlabelled: the ACLED head learns only from
sentences whose ACLED type is known, the five-way head from those with a CAMEO root. What each
source gives, and why, is written beside its reader. Texts are read where they lie; none is
copied into the package.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from ...datafiles import read_jsonl
from ..codebook import Codebook

NONE = "NONE"
# PLOVER types whose events ACLED does not record: a sentence of one of these is no ACLED event.
NOT_ACLED = {"CONSULT", "SUPPORT", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "COOPERATE", NONE}
PENTA_OF_TYPE = {
    "AGREE": "1", "CONSULT": "1", "SUPPORT": "1", "CONCEDE": "2", "COOPERATE": "2", "AID": "2", "RETREAT": "2",
    "ACCUSE": "3", "REJECT": "3", "THREATEN": "3", "PROTEST": "4", "SANCTION": "4", "MOBILIZE": "4", "COERCE": "4",
    "ASSAULT": "4",
}  # fmt: skip
INDIA_NEGATIVES = 1500  # flagless police-events sentences kept as "no event" (a sample: most of the set)


@dataclass(frozen=True)
class Example:
    text: str
    source: str
    labels: dict[str, str] = field(default_factory=dict)  # head -> label; a head missing is unlabelled
    weight: float = 1.0


def penta(root: str | None) -> str | None:
    """CAMEO's five-way class of a root code: 0 statement, 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    if not root or not root[:2].isdigit():
        return None
    n = int(root[:2])
    return "0" if n == 1 else "1" if n <= 5 else "2" if n <= 8 else "3" if n <= 13 else "4"


def _labels(**heads: str | None) -> dict[str, str]:
    return {k: v for k, v in heads.items() if v}


def team(root: Path) -> Iterator[Example]:
    """The team's sentences: train/acled (ACLED sub-event, PLOVER, CAMEO root) and train/plover."""
    for path in sorted((root / "acled").glob("*.jsonl")):
        for r in read_jsonl(path):
            yield Example(r["text"], f"team/{path.stem}", _labels(plover=r.get("plover"), penta=penta(r.get("cameo")), acled=r["sub_event_type"]))
    for path in sorted((root / "plover").glob("*.jsonl")):
        for r in read_jsonl(path):
            kind = r.get("plover") or NONE
            yield Example(r["text"], f"team/{path.stem}", _labels(plover=kind, penta=penta(r.get("cameo")), acled=NONE if kind in NOT_ACLED else None))


def conflibert(shared: Path) -> Iterator[Example]:
    """ConfliBERT's CAMEO five-way sentences: the five-way head only."""
    with open(shared / "conflibert_cameo" / "cameo_class_train.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) == 2 and row[1].strip() in "01234":
                yield Example(row[0], "conflibert", {"penta": row[1].strip()})


def ngec(shared: Path) -> Iterator[Example]:
    """NGEC's synthetic stories: the lead sentence, with the story's PLOVER type, weighed down (synthetic text)."""
    with open(shared / "ngec_synthetic" / "synthetic_stories.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lead = re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", row["text"].strip(), maxsplit=1)[0]
            kind = row["label"].strip().upper()
            if lead and kind in PENTA_OF_TYPE:
                yield Example(lead, "ngec", _labels(plover=kind, penta=PENTA_OF_TYPE[kind]), weight=0.3)


def petrarch(shared: Path, book: Codebook) -> Iterator[Example]:
    """PETRARCH's unit-test sentences: the first event code's PLOVER type and root (no code: no event)."""
    tree = ElementTree.parse(shared / "petrarch_unit_tests" / "PETR.UnitTest.records.xml")
    for sentence in tree.iter("Sentence"):
        text = " ".join((sentence.findtext("Text") or "").split())
        codes = [e.get("eventcode", "") for e in sentence.iter("EventCoding")]
        code = next((c for c in codes if c[:2].isdigit()), None)
        if not text:
            continue
        if code is None:
            if any(e.get("noevents") == "True" for e in sentence.iter("EventCoding")):
                yield Example(text, "petrarch", {"plover": NONE})
            continue
        try:
            kind = book.code(code).plover or NONE
        except KeyError:
            continue
        yield Example(text, "petrarch", _labels(plover=kind, penta=penta(code)))


def india_police(shared: Path, seed: int) -> Iterator[Example]:
    """IndiaPoliceEvents: arrests (ACLED Arrests, COERCE); police killings (ASSAULT); a sample of
    flagless sentences as no event."""
    negatives = []
    with open(shared / "india_police_events" / "train.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) != 6 or len(row[0].split()) < 6:
                continue
            kill, arrest = row[1] == "1", row[2] == "1"
            if arrest and not kill:
                yield Example(row[0], "india_police", {"plover": "COERCE", "penta": "4", "acled": "Arrests"})
            elif kill and not arrest:
                yield Example(row[0], "india_police", {"plover": "ASSAULT", "penta": "4"})
            elif not any(v == "1" for v in row[1:]):
                negatives.append(row[0])
    for text in random.Random(seed).sample(negatives, min(INDIA_NEGATIVES, len(negatives))):
        yield Example(text, "india_police", {"plover": NONE, "acled": NONE}, weight=0.5)


def satp(shared: Path) -> Iterator[Example]:
    """SATP incident sentences: kidnappings are abductions; bombings and armed assaults are ASSAULT."""
    with open(shared / "satp" / "satp_actions.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            text = " ".join((row.get("news ") or row.get("news") or "").split())
            flags = {k for k in ("Kidnapping", "Bombing", "ArmedAssault") if row.get(k) == "TRUE"}
            if not text or not flags:
                continue
            acled = "Abduction/forced disappearance" if flags == {"Kidnapping"} else None
            yield Example(text, "satp", _labels(plover="ASSAULT", penta="4", acled=acled))


def all_examples(repo_train: Path, shared: Path | None, book: Codebook, seed: int) -> list[Example]:
    """Every training example, the team's first; the shared sets only when `shared` exists."""
    examples = list(team(repo_train))
    if shared is not None and shared.is_dir():
        examples += [*conflibert(shared), *ngec(shared), *petrarch(shared, book), *india_police(shared, seed), *satp(shared)]
    return examples
