"""accord export: the examples ingested into a real store, every format written by the CLI,
read back with pandas and DuckDB and compared with the store."""

import json
import re
import sqlite3

import duckdb
import jsonschema
import pandas as pd
import pytest
from click.testing import CliRunner

from accord.cli import main
from accord.export.columns import gdelt_columns, table_columns
from accord.export.gdelt import gdelt_row
from accord.export.ids import event_id
from accord.export.select import Selection
from accord.serialize import analysis_to_dict
from accord.store import Store

from .conftest import EXAMPLES, ROOT

# An article whose title is out of date on its publication day: it gives a finding.
ANACHRONISM = (
    "US President Joe Biden met Ukrainian President Volodymyr Zelensky in Kyiv on Monday, officials said.\n\n"
    "Biden promised more air defence systems and said the talks were productive.\n"
)
# Two outlets giving different death tolls for one strike: a finding across outlets.
STRIKE = "A Russian drone strike hit a residential district of Kharkiv on Tuesday, killing {} people, Ukrainian officials said."
OUTLETS = [
    {"url": f"https://{name[-1].lower()}.example/strike", "source": name, "published": "2025-07-02", "title": "Strike on Kharkiv",
     "text": STRIKE.format(toll) + "\n\nMayor Ihor Terekhov said rescue teams were still searching the rubble."}
    for name, toll in (("Outlet A", 12), ("Outlet B", 15))
]  # fmt: skip
DUCK_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "float": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """A store holding the bundled examples, an article with a finding and a story with a finding across outlets."""
    folder = tmp_path_factory.mktemp("export")
    path = folder / "accord.db"
    (folder / "late.txt").write_text(ANACHRONISM)
    (folder / "strike.jsonl").write_text("".join(json.dumps(o) + "\n" for o in OUTLETS))
    runner = CliRunner()
    for args in (["ingest", str(EXAMPLES), "--db", str(path)],
                 ["ingest", str(folder / "late.txt"), str(folder / "strike.jsonl"), "--db", str(path),
                  "--published", "2025-06-04"]):  # fmt: skip
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def store(db):
    """(article id, n, record) of every stored record, by table, and the articles."""
    con = sqlite3.connect(db)
    found = {
        table: [(a, n, json.loads(r)) for a, n, r in con.execute(f"SELECT article_id, n, record FROM {table}")]
        for table in ("events", "quotes", "stances", "findings")
    }
    found["articles"] = {row[0]: row for row in con.execute("SELECT id, text, published, url, origin FROM articles")}
    actors = con.execute("SELECT article_id, actor_id, name, code FROM actors")
    found["actors"] = {(a, i): (name, code) for a, i, name, code in actors}
    found["story_findings"] = [story for (story,) in con.execute("SELECT story_id FROM story_findings")]
    found["stories"] = dict(con.execute("SELECT article_id, story_id FROM story_members"))
    con.close()
    assert all(found[t] for t in ("events", "quotes", "stances", "findings", "story_findings")), "every kind is stored"
    return found


def duck(sql: str) -> list[tuple]:
    """The rows DuckDB answers for `sql` (a fresh in-memory database)."""
    return duckdb.connect().execute(sql).fetchall()


def json_lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def run(*args):
    return CliRunner().invoke(main, ["export", *map(str, args)])


def exported(tmp_path, db, fmt, *filters, name="out"):
    out = tmp_path / name
    result = run("--format", fmt, "--db", db, "-o", out, *filters)
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output
    return out


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_read_back_with_pandas_and_duckdb_match_the_store(tmp_path, db, store, fmt):
    out = exported(tmp_path, db, fmt)
    reader = "read_csv" if fmt == "csv" else "read_parquet"
    expected = {t: len(store[t]) for t in ("articles", "actors", "events", "quotes", "stances", "findings", "story_findings")}
    frames = {}
    for table, columns in table_columns().items():
        path = out / f"{table}.{fmt}"
        if fmt == "csv":  # with the documented types: codes such as CAMEO "040" are strings
            strings = {name: str for name, kind in columns if kind == "string"}
            frame = pd.read_csv(path, dtype=strings, keep_default_na=False, na_values=[""])
        else:
            frame = pd.read_parquet(path)
        assert list(frame.columns) == [name for name, _ in columns]
        assert len(frame) == expected[table], table
        assert duck(f"SELECT COUNT(*) FROM {reader}('{path}')")[0][0] == expected[table]
        frames[table] = frame
    if fmt == "parquet":  # the column types of the column list, as DuckDB reads them
        for table, columns in table_columns().items():
            described = duck(f"DESCRIBE SELECT * FROM read_parquet('{out / (table + '.parquet')}')")
            assert [(row[0], row[1]) for row in described] == [(name, DUCK_TYPES[kind]) for name, kind in columns]
    events = {(a, n): e for a, n, e in store["events"]}
    for row in frames["events"].itertuples():
        e = events[(row.article_id, row.n)]
        assert (row.type, row.cameo, row.quad_class) == (e["type"], e["cameo"], e["quad_class"])
        assert row.trigger_text == e["trigger"]["text"]
        assert row.event_id == event_id(row.article_id, row.n)
        text = store["articles"][row.article_id][1]
        assert text[row.evidence_start : row.evidence_end] == row.evidence_text
    for row in frames["quotes"].itertuples():
        assert store["articles"][row.article_id][1][row.content_start : row.content_end] == row.content_text
    for row in frames["actors"].itertuples():
        assert store["actors"][(row.article_id, row.actor_id)][0] == row.name
        assert row.mentions >= 0
    for row in [*frames["findings"].itertuples(), *frames["story_findings"].itertuples()]:
        for e in json.loads(row.evidence):
            assert store["articles"][e["article"]][1][e["start"] : e["end"]] == e["text"]
    joined = duck(
        f"SELECT COUNT(*) FROM {reader}('{out / ('events.' + fmt)}') e JOIN {reader}('{out / ('articles.' + fmt)}') a "
        "USING (article_id)"
    )[0][0]  # fmt: skip
    assert joined == len(store["events"])


def test_gdelt_file_has_the_codebooks_columns_and_types(tmp_path, db, store):
    path = exported(tmp_path, db, "gdelt", name="events.tsv")
    columns = gdelt_columns()
    assert len(columns) == 61 and columns[0] == ("GLOBALEVENTID", "integer") and columns[-1] == ("SOURCEURL", "string")
    names = [name for name, _ in columns]
    lines = path.read_text().splitlines()
    assert len(lines) == len(store["events"]) and all(line.count("\t") == 60 for line in lines)
    strings = {name: str for name, kind in columns if kind == "string"}
    frame = pd.read_csv(path, sep="\t", header=None, names=names, dtype=strings, keep_default_na=False, na_values=[""])
    for name, kind in columns:
        values = frame[name].dropna()
        if kind == "integer":
            assert all(float(v).is_integer() for v in values), name
        elif kind == "float":
            assert pd.api.types.is_numeric_dtype(values), name
    types = {name: {"integer": "BIGINT", "float": "DOUBLE", "string": "VARCHAR"}[kind] for name, kind in columns}
    read = duckdb.connect().execute(f"SELECT * FROM read_csv('{path}', delim='\t', header=false, columns={types}, quote='')").df()
    assert len(read) == len(store["events"])
    by_id = {event_id(a, n): (a, e) for a, n, e in store["events"]}
    assert set(read["GLOBALEVENTID"]) == set(by_id)
    for row in read.itertuples():
        article, e = by_id[row.GLOBALEVENTID]
        assert (row.EventCode, row.EventRootCode, row.QuadClass) == (e["cameo"], e["cameo"][:2], e["quad_class"])
        day = e.get("when") or store["articles"][article][2]
        assert row.SQLDATE == int(day.replace("-", "")) if day else pd.isna(row.SQLDATE)
        assert row.SOURCEURL == (store["articles"][article][3] or store["articles"][article][4])
        if e.get("place") and e["place"].get("lat") is not None:
            assert (row.ActionGeo_Lat, row.ActionGeo_Long) == (e["place"]["lat"], e["place"]["lon"])
    assert read["ActionGeo_Lat"].notna().any(), "the examples hold geocoded events"


def test_gdelt_rows_only_name_codebook_columns(db):
    names = {name for name, _ in gdelt_columns()}
    with Store(db) as s:
        for bundle in Selection(s):
            for n, event in enumerate(bundle.records["events"]):
                assert set(gdelt_row(bundle, n, event, None)) <= names


def test_polecat_records_carry_plover_codes_actors_and_evidence(tmp_path, db, store):
    path = exported(tmp_path, db, "polecat", name="events.jsonl")
    records = json_lines(path)
    assert len(records) == len(store["events"])
    assert duck(f"SELECT COUNT(*) FROM read_json('{path}', format='newline_delimited')")[0][0] == len(records)
    assert len(pd.read_json(path, lines=True)) == len(records)
    events = {(a, n): e for a, n, e in store["events"]}
    for r in records:
        e = events[(r["article_id"], r["event_number"])]
        assert (r["event_type"], r["event_mode"], r["event_context"]) == (e["type"], e["mode"], e["context"])
        assert [a["id"] for a in r["source"]] == e["source"] and [a["id"] for a in r["target"]] == e["target"]
        for actor in r["source"] + r["target"]:
            assert actor["code"] == store["actors"][(r["article_id"], actor["id"])][1]
        text = store["articles"][r["article_id"]][1]
        assert all(text[s["start"] : s["end"]] == s["text"] for s in r["evidence"])
        assert r["event_text"] == e["evidence"][0]["text"]


def test_jsonl_rebuilds_the_analyses_of_the_json_schema(tmp_path, db, store, pipeline):
    path = exported(tmp_path, db, "jsonl", name="analyses.jsonl")
    records = json_lines(path)
    assert len(records) == len(store["articles"]) == len(pd.read_json(path, lines=True))
    assert duck(f"SELECT COUNT(*) FROM read_json('{path}', format='newline_delimited')")[0][0] == len(records)
    schema = json.loads((ROOT / "src" / "accord" / "schema" / "analysis.schema.json").read_text())
    for record in records:
        jsonschema.validate(record, schema)
    by_id = {r["article"]["id"]: r for r in records}
    for analysis in pipeline.analyze_paths([str(EXAMPLES)]):  # what `accord analyze --json` prints
        fresh = analysis_to_dict(analysis)
        fresh["window"] = None  # the store does not keep the role window
        assert by_id[analysis.article.id] == json.loads(json.dumps(fresh))


def test_filters_keep_what_they_name(tmp_path, db, store):
    published = {a: row[2] for a, row in store["articles"].items()}
    kept = json_lines(exported(tmp_path, db, "jsonl", "--since", "2025-03-01", "--until", "2025-07-01", name="a"))
    in_range = [a for a, day in published.items() if day and "2025-03-01" <= day <= "2025-07-01"]
    assert sorted(r["article"]["id"] for r in kept) == sorted(in_range)
    assert 0 < len(kept) < len(published)

    story = store["story_findings"][0]  # a story of two outlets, with its findings across them
    members = {a for a, s in store["stories"].items() if s == story}
    kept = exported(tmp_path, db, "gdelt", "--story", story, name="b").read_text().splitlines()
    assert len(kept) == sum(1 for a, _, _ in store["events"] if a in members) > 0
    tables = exported(tmp_path, db, "csv", "--story", story, name="b2")
    assert set(pd.read_csv(tables / "articles.csv", dtype=str)["article_id"]) == members and len(members) == 2
    found = pd.read_csv(tables / "story_findings.csv", dtype=str)["story_id"]
    assert list(found) == [s for s in store["story_findings"] if s == story]
    other = next(s for s in store["stories"].values() if s != story)
    assert pd.read_csv(exported(tmp_path, db, "csv", "--story", other, name="b3") / "story_findings.csv").empty

    records = json_lines(exported(tmp_path, db, "polecat", "--actor", "RUSGOV", name="c"))
    codes = {key: code for key, (_, code) in store["actors"].items()}
    takes_part = [e for a, _, e in store["events"] if "RUSGOV" in {codes[(a, i)] for i in e["source"] + e["target"]}]
    assert len(records) == len(takes_part) > 0
    tables = exported(tmp_path, db, "csv", "--actor", "RUSGOV", name="d")
    actors = pd.read_csv(tables / "actors.csv", dtype=str)
    assert len(actors) == sum(1 for (_, i), (_, code) in store["actors"].items() if "RUSGOV" in (i, code)) > 0
    assert set(actors["code"]) == {"RUSGOV"}


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["--format", "xml"], 2, "Invalid value for '--format'"),
        (["--format", "csv"], 2, "give a directory with -o"),
        (["--format", "gdelt", "--since", "2025-31-01"], 2, "Invalid value for '--since'"),
        (["--format", "gdelt", "--actor", "NOBODY"], 1, "no actor with the id or code 'NOBODY'"),
        (["--format", "gdelt", "--story", "st-none"], 1, "no story 'st-none'"),
        (["--format", "gdelt", "--since", "2025-09-01", "--until", "2025-01-01"], 1, "is after --until"),
    ],
)
def test_bad_requests_are_clear_errors(db, args, code, message):
    result = run("--db", db, *args)
    assert result.exit_code == code and message in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback


def test_outputs_that_cannot_be_written_are_clear_errors(tmp_path, db):
    (tmp_path / "file").write_text("")
    for fmt, output, message in [
        ("gdelt", tmp_path / "missing" / "events.tsv", "cannot write"),
        ("gdelt", tmp_path, "is a directory"),
        ("parquet", tmp_path / "file", "is a file"),
    ]:
        result = run("--format", fmt, "--db", db, "-o", output)
        assert result.exit_code == 1 and message in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_missing_store_is_a_clear_error_and_is_not_created(tmp_path):
    result = run("--format", "gdelt", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "no store at" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "none.db").exists()


def test_docs_list_every_column():
    doc = (ROOT / "docs" / "export.md").read_text()
    for table, columns in table_columns().items():
        section = doc.split(f"### {table}\n", 1)[1].split("###", 1)[0]
        assert re.findall(r"^\| `(\w+)` \|", section, re.M) == [name for name, _ in columns], table
    gdelt = doc.split("## GDELT", 1)[1].split("\n## ", 1)[0]
    for name, _ in gdelt_columns():
        assert f"`{name}`" in gdelt, name
