"""Import office holders from a Wikidata JSON dump into a knowledge-base YAML file.

The dump is the official format: a JSON array with one entity per line (`.json`,
`.json.gz` or `.json.bz2`). Two streaming passes keep memory bounded by the number of
people kept, not the size of the dump:

1. people with "position held" (P39): name, aliases, gender (P21), citizenship (P27)
   and each position with its start (P580) and end (P582) qualifiers;
2. the labels and jurisdictions (P1001, else P17) of those positions, and the ISO 3166-1
   alpha-3 codes (P298) of every country involved.
"""

from __future__ import annotations

import bz2
import gzip
import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import AccordError

GENDERS = {"Q6581097": "m", "Q6581072": "f"}


@dataclass
class ImportSummary:
    entities: int = 0
    people: int = 0
    offices: int = 0
    skipped_no_country: int = 0


def _open(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def entities(path: Path) -> Iterator[dict]:
    """Yield each entity of a dump, one line at a time."""
    with _open(path) as lines:
        for n, line in enumerate(lines, 1):
            line = line.strip().rstrip(",")
            if line in ("[", "]", ""):
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                raise AccordError(f"{path}:{n}: not a Wikidata JSON entity ({err.msg})") from None


def _ids(entity: dict, prop: str) -> list[str]:
    out = []
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and "id" in value:
            out.append(value["id"])
    return out


def _string(entity: dict, prop: str) -> str | None:
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, str):
            return value
    return None


def _day(qualifiers: dict, prop: str) -> tuple[str | None, bool]:
    """The qualifier's date as YYYY-MM-DD, and whether it is known only to the month or year."""
    for snak in qualifiers.get(prop, []):
        value = snak.get("datavalue", {}).get("value", {})
        time = value.get("time") if isinstance(value, dict) else None
        precision = value.get("precision", 11) if isinstance(value, dict) else 0
        if time and time.startswith("+") and len(time) >= 11 and precision >= 9:
            year, month, day = time[1:5], time[6:8], time[9:11]
            return f"{year}-{month if month != '00' else '01'}-{day if day != '00' else '01'}", precision < 11
    return None, False


def _label(entity: dict) -> str | None:
    return entity.get("labels", {}).get("en", {}).get("value")


def _person(entity: dict) -> dict | None:
    name = _label(entity)
    positions = entity.get("claims", {}).get("P39", [])
    if not name or not positions:
        return None
    roles = []
    for claim in positions:
        office = claim.get("mainsnak", {}).get("datavalue", {}).get("value", {}).get("id")
        if office:
            qualifiers = claim.get("qualifiers", {})
            (start, rough_start), (end, rough_end) = _day(qualifiers, "P580"), _day(qualifiers, "P582")
            role = {"office": office, "start": start, "end": end, "approx": rough_start or rough_end}
            roles.append({k: v for k, v in role.items() if v})
    return {
        "qid": entity["id"], "name": name, "gender": next((GENDERS[g] for g in _ids(entity, "P21") if g in GENDERS), None),
        "aliases": [a["value"] for a in entity.get("aliases", {}).get("en", [])], "citizenship": _ids(entity, "P27"),
        "roles": roles,
    }  # fmt: skip


def import_dump(dump: Path, out: Path) -> ImportSummary:
    """Write the people of `dump` who held positions, with those offices, to `out` (YAML)."""
    summary = ImportSummary()
    positions: set[str] = set()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as people:
        for entity in entities(dump):
            summary.entities += 1
            person = _person(entity)
            if person:
                positions.update(r["office"] for r in person["roles"])
                people.write(json.dumps(person) + "\n")
        offices: dict[str, dict] = {}
        iso3: dict[str, str] = {}
        for entity in entities(dump):
            code = _string(entity, "P298")
            if code:
                iso3[entity["id"]] = code
            if entity["id"] in positions:
                jurisdiction = (_ids(entity, "P1001") or _ids(entity, "P17") or [None])[0]
                offices[entity["id"]] = {"label": _label(entity) or entity["id"], "where": jurisdiction}
        people.seek(0)
        kept_people, used = [], set()
        for line in people:
            person = json.loads(line)
            country = next((iso3[c] for c in person.pop("citizenship") if c in iso3), None)
            roles = [r for r in person["roles"] if r["office"] in offices and offices[r["office"]]["where"] in iso3]
            country = country or (iso3[offices[roles[0]["office"]]["where"]] if roles else None)
            if not country:
                summary.skipped_no_country += 1
                continue
            for role in roles:
                role["office"] = f"{iso3[offices[role['office']]['where']]}.wd-{role['office']}"
            used.update(r["office"] for r in roles)
            kept_people.append({k: v for k, v in {**person, "country": country, "roles": roles}.items() if v})
    office_entries = []
    for qid, office in offices.items():
        if office["where"] in iso3 and f"{iso3[office['where']]}.wd-{qid}" in used:
            country = iso3[office["where"]]
            office_entries.append({"id": f"{country}.wd-{qid}", "country": country, "sector": "GOV",
                                   "name": office["label"], "titles": [office["label"].lower()], "unique": False})  # fmt: skip
    summary.people, summary.offices = len(kept_people), len(office_entries)
    header = f"# Imported from the Wikidata dump {dump.name}: {summary.people} people, {summary.offices} offices.\n"
    with out.open("w", encoding="utf-8") as fh:
        fh.write(header)
        yaml.safe_dump({"offices": office_entries, "people": kept_people}, fh, allow_unicode=True, sort_keys=False)
    return summary
