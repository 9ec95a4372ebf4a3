"""The knowledge base: bundled files valid, malformed files named with their line, user overrides."""

import bz2
import gzip
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from accord.actors.kb import DATA_DIR, load_dirs
from accord.actors.wikidata import import_dump
from accord.cli import main
from accord.errors import KnowledgeBaseError

OFFICE = "offices:\n  - {id: XXA.chief, country: XXA, sector: GOV, name: Chief of Xa, titles: [chief]}\n"


def test_bundled_knowledge_base_is_valid_and_large_enough():
    kb = load_dirs((DATA_DIR,))
    assert kb.current_to is not None
    assert len(kb.people) >= 400
    dated = [p for p in kb.people.values() if p.roles and all(t.start for t in p.roles)]
    assert len(dated) >= 400
    assert len(kb.countries) >= 240
    for person in kb.people.values():
        for tenure in person.roles:
            assert tenure.office in kb.offices


@pytest.mark.parametrize(
    "body, line, problem",
    [
        ("people:\n  - name: A\n    country: USA\n    roles: [{office: XXA.chief, start: 2020-13-01}]\n", 6, "must be a date"),
        ("people:\n  - name: A\n    country: usa\n", 4, "upper-case code"),
        ("people:\n  - name: A\n    country: USA\n    nickname: B\n", 4, "unknown field(s) nickname"),
        ("people:\n  - {name: A, country: USA, roles: [{office: XXA.none, start: 2020-01-01}]}\n", 4, "unknown office"),
        ("people:\n  - {name: A, country: USA, roles: [{office: XXA.chief, start: 2021-01-01, end: 2020-01-01}]}\n", 4, "ends"),
        ("people: [\n  - broken\n", 4, "not valid YAML"),
        ("persons: []\n", 1, "unknown section"),
    ],
)
def test_malformed_files_name_file_line_and_problem(tmp_path, body, line, problem):
    (tmp_path / "a.yaml").write_text(OFFICE + body)
    with pytest.raises(KnowledgeBaseError) as err:
        load_dirs((tmp_path,))
    assert err.value.path.endswith("a.yaml")
    assert err.value.line == line
    assert problem in err.value.problem


def test_kb_check_fails_with_the_location(tmp_path):
    (tmp_path / "mine.yaml").write_text("people:\n  - {name: A, country: USA, gender: x}\n")
    result = CliRunner().invoke(main, ["kb", "check", "--kb", str(tmp_path)])
    assert result.exit_code == 1
    assert "mine.yaml:2: 'gender' must be m or f" in result.output


def test_user_files_add_and_later_directories_override(tmp_path):
    (tmp_path / "mine.yaml").write_text(
        OFFICE
        + "people:\n  - {name: Ann Example, qid: Q1, country: USA, gender: f, roles: [{office: XXA.chief, start: 2024-02-01}]}\n"
    )
    later = tmp_path / "later"
    later.mkdir()
    (later / "override.yaml").write_text(
        "people:\n  - {name: Ann Example, qid: Q1, country: USA, gender: f, roles: [{office: XXA.chief, start: 2023-01-01}]}\n"
    )
    kb = load_dirs((DATA_DIR, tmp_path, later))
    assert kb.people["Q1"].roles[0].start == date(2023, 1, 1)
    assert [p.name for p in kb.holders("XXA.chief", date(2024, 1, 1))] == ["Ann Example"]
    result = CliRunner().invoke(main, ["kb", "show", "Ann Example", "--kb", str(tmp_path), "--kb", str(later)])
    assert "2023-01-01 to now  Chief of Xa" in result.output


def test_kb_show_prints_roles_with_dates():
    result = CliRunner().invoke(main, ["kb", "show", "Hegseth"])
    assert result.exit_code == 0
    assert "2025-01-25 to now" in result.output
    assert CliRunner().invoke(main, ["kb", "show", "Nobody At All"]).exit_code == 1


def _claim(prop, value):
    return {"mainsnak": {"snaktype": "value", "property": prop, "datavalue": {"value": value, "type": "wikibase-entityid"}}}


def _time(value, precision=11):
    return [{"snaktype": "value", "datavalue": {"value": {"time": value, "precision": precision}, "type": "time"}}]


def write_dump(path: Path, opener) -> None:
    """A small dump in the official format: a JSON array, one entity a line, commas between."""
    entities = [
        {"type": "item", "id": "Q30", "labels": {"en": {"value": "United States"}},
         "claims": {"P298": [{"mainsnak": {"datavalue": {"value": "USA", "type": "string"}}}]}},
        {"type": "item", "id": "Q11696", "labels": {"en": {"value": "President of the United States"}},
         "claims": {"P1001": [_claim("P1001", {"id": "Q30"})]}},
        {"type": "item", "id": "Q6279", "labels": {"en": {"value": "Joe Biden"}},
         "aliases": {"en": [{"value": "Joseph Biden"}]},
         "claims": {
             "P21": [_claim("P21", {"id": "Q6581097"})],
             "P27": [_claim("P27", {"id": "Q30"})],
             "P39": [{**_claim("P39", {"id": "Q11696"}),
                      "qualifiers": {"P580": _time("+2021-01-20T00:00:00Z"), "P582": _time("+2025-01-20T00:00:00Z")}}],
         }},
        {"type": "item", "id": "Q42", "labels": {"en": {"value": "A writer"}}, "claims": {}},
    ]  # fmt: skip
    with opener(path, "wt", encoding="utf-8") as fh:
        fh.write("[\n" + ",\n".join(json.dumps(e) for e in entities) + "\n]\n")


@pytest.mark.parametrize("suffix, opener", [(".json", open), (".json.gz", gzip.open), (".json.bz2", bz2.open)])
def test_wikidata_import_writes_a_loadable_kb_file(tmp_path, suffix, opener):
    dump = tmp_path / f"dump{suffix}"
    write_dump(dump, opener)
    out_dir = tmp_path / "kb"
    out_dir.mkdir()
    summary = import_dump(dump, out_dir / "wikidata.yaml")
    assert (summary.entities, summary.people, summary.offices) == (4, 1, 1)
    kb = load_dirs((out_dir,))
    biden = kb.people["Q6279"]
    assert (biden.country, biden.gender, biden.aliases) == ("USA", "m", ("Joseph Biden",))
    assert [p.name for p in kb.holders("USA.wd-Q11696", date(2024, 6, 1))] == ["Joe Biden"]
    assert kb.holders("USA.wd-Q11696", date(2025, 6, 1)) == []


def test_wikidata_import_from_the_cli(tmp_path):
    dump = tmp_path / "dump.json"
    write_dump(dump, open)
    result = CliRunner().invoke(main, ["kb", "import-wikidata", str(dump), "-o", str(tmp_path / "out.yaml")])
    assert result.exit_code == 0 and "wrote 1 people and 1 offices" in result.output


def test_an_entry_defined_twice_in_one_directory_is_an_error(tmp_path):
    entry = "people:\n  - {name: Ann Example, country: USA}\n"
    (tmp_path / "a.yaml").write_text(entry)
    (tmp_path / "b.yaml").write_text(entry)
    with pytest.raises(KnowledgeBaseError, match="already defined at .*a.yaml:2"):
        load_dirs((tmp_path,))
