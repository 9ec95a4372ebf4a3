"""The CLI, run in-process with click's CliRunner on real spaCy and real SQLite."""

import json
import shutil

import jsonschema
import pytest
from click.testing import CliRunner

from accord.cli import main
from accord.serialize import SCHEMA_VERSION

from .conftest import EXAMPLES, ROOT

SCHEMA = json.loads((ROOT / "src" / "accord" / "schema" / "analysis.schema.json").read_text())
GOOD = (
    "Ukrainian President Volodymyr Zelensky met NATO Secretary General Mark Rutte in Kyiv on Tuesday. "
    "Rutte said the alliance would keep supporting Ukraine."
)


@pytest.fixture
def runner():
    return CliRunner()


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_version_and_help_on_every_command(runner):
    assert runner.invoke(main, ["--version"]).output.startswith("accord, version")
    for command in main.commands:
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def test_usage_errors_exit_2(runner):
    assert runner.invoke(main, ["analyze"]).exit_code == 2
    assert runner.invoke(main, ["analyze", "x.txt", "--published", "yesterday"]).exit_code == 2
    assert runner.invoke(main, ["no-such-command"]).exit_code == 2


def test_analyze_examples_prints_a_report_with_every_section(runner):
    result = runner.invoke(main, ["analyze", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    for section in ("Actors:", "Dates:", "Events:", "Quotes:", "Stances:", "Findings:"):
        assert result.output.count(section) == 6  # 1 text, 1 page, 2 JSON lines, 2 feed entries
    assert "Vladimir Putin" in result.output


def test_analyze_json_follows_the_schema_and_offsets_slice_the_text(runner, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    result = runner.invoke(main, ["analyze", str(tmp_path / "a.txt"), "--published", "2025-04-15", "--json"])
    assert result.exit_code == 0, result.output
    [record] = records(result.output)
    jsonschema.validate(record, SCHEMA)
    assert record["schema_version"] == SCHEMA_VERSION
    text = record["article"]["text"]
    for mention in record["mentions"]:
        assert text[mention["span"]["start"] : mention["span"]["end"]] == mention["text"] == mention["span"]["text"]
    assert {"2025-04-15"} >= {d["start"] for d in record["dates"]}


def test_analyze_with_rejections_exits_1_and_says_why(runner, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(main, ["analyze", str(tmp_path), "--json"])
    assert result.exit_code == 1
    assert len(records(result.output)) == 1
    assert "empty.txt: empty input" in result.output


@pytest.fixture
def messy_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for example in EXAMPLES.iterdir():
        shutil.copy(example, corpus / example.name)
    shutil.copy(EXAMPLES / "istanbul-talks.txt", corpus / "istanbul-copy.txt")  # a duplicate
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    (corpus / "broken.html").write_bytes(b"<html><head><title>x</title></head><body><div><p></div>")
    (corpus / "russian.txt").write_text(
        "Переговоры между делегациями России и Украины прошли в Стамбуле в пятницу. "
        "Стороны договорились об обмене пленными.",
        encoding="utf-8",
    )
    return corpus


def test_ingest_stores_good_articles_once_and_reports_each_rejection(runner, messy_corpus, tmp_path):
    db = str(tmp_path / "accord.db")
    first = runner.invoke(main, ["ingest", str(messy_corpus), "--db", db])
    assert first.exit_code == 1
    assert "stored 6," in first.output and "already stored 1," in first.output and "rejected 4" in first.output
    for name, reason in [
        ("empty.txt", "empty input"), ("photo.jpg", "JPEG"), ("broken.html", "no main text"),
        ("russian.txt", "not English"),
    ]:  # fmt: skip
        assert f"{name}: " in first.output and reason in first.output
    again = runner.invoke(main, ["ingest", str(messy_corpus), "--db", db])
    assert "stored 0," in again.output and "already stored 7," in again.output

    from accord import Store

    with Store(db) as store:
        assert store.count("articles") == 6


def test_analyze_reads_standard_input(runner):
    result = runner.invoke(main, ["analyze", "-", "--published", "2025-04-15", "--json"], input=GOOD)
    assert result.exit_code == 0, result.output
    [record] = records(result.output)
    assert record["article"]["origin"] == "<stdin>"
    assert any(a["name"] == "Mark Rutte" for a in record["actors"])


def test_ingest_stores_events_and_stances_as_records(runner, tmp_path):
    from accord import Store

    (tmp_path / "a.txt").write_text(
        "Russian troops attacked Ukrainian positions near Pokrovsk on Monday. "
        "Ukrainian President Volodymyr Zelensky rejected any territorial concessions to Russia."
    )
    db = str(tmp_path / "a.db")
    assert runner.invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--published", "2025-04-15"]).exit_code == 0
    with Store(db) as store:
        assert store.count("events") >= 1 and store.count("stances") >= 1
        [(record,)] = store.db.execute("SELECT record FROM stances").fetchall()
        assert json.loads(record)["polarity"] == "oppose"


def test_a_failing_stage_rejects_that_article_and_the_batch_goes_on(tmp_path, monkeypatch):
    from accord import Pipeline
    from accord.model import Analysis, Rejected
    from accord.read import make_article

    pipeline = Pipeline()
    real = pipeline.analyze_doc

    def flaky(doc, article):
        if "Pokrovsk" in article.text:
            raise RuntimeError("stage broke")
        return real(doc, article)

    monkeypatch.setattr(pipeline, "analyze_doc", flaky)
    articles = [make_article(GOOD, "a"), make_article("Russian troops attacked Pokrovsk on Monday.", "b"),
                make_article(GOOD + " More.", "c")]  # fmt: skip
    results = list(pipeline.stream(articles))
    assert [type(r) for r in results] == [Analysis, Rejected, Analysis]
    assert "analysis failed (RuntimeError: stage broke)" in results[1].reason
