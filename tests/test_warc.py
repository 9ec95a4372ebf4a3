"""WARC input: HTML responses become articles; other records are counted; damage is reported."""

from collections import Counter
from datetime import date, datetime, timezone

import pytest

from accord.model import Article, Rejected
from accord.read import read_bytes, read_sources
from tests.fuzzing import warc

SWAP = (
    "Ukraine and Russia exchanged hundreds of prisoners on Saturday, officials in Kyiv said. "
    "The swap followed talks in Istanbul, where both delegations agreed to continue contacts."
)
TALKS = (
    "Delegations from Qatar and Egypt met in Cairo on Friday to discuss a ceasefire in Gaza. "
    "Officials said the talks lasted six hours and ended without a joint statement."
)


def page(text: str, head: str = "") -> bytes:
    return f"<html><head><title>Report</title>{head}</head><body><nav>Home World</nav><article><p>{text}</p></article></body></html>".encode()


RECORDS = [
    ("warcinfo", None, None, b"software: accord tests\r\n"),
    ("request", "https://news.example.org/swap", None, b"GET /swap HTTP/1.1\r\nHost: news.example.org\r\n\r\n"),
    ("response", "https://news.example.org/swap", "text/html; charset=utf-8", page(SWAP)),
    ("response", "https://news.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    ("response", "https://wire.example.com/talks", "text/html",
     page(TALKS, '<meta property="article:published_time" content="2025-05-30T08:00:00Z">')),
    ("revisit", "https://news.example.org/swap", None, b""),
    ("metadata", "https://news.example.org/swap", None, b"via: https://news.example.org/\r\n"),
]  # fmt: skip


@pytest.mark.parametrize("gz, name", [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_html_responses_become_articles_and_other_records_are_counted_not_rejected(gz, name):
    skipped = Counter()
    swap, talks = read_bytes(warc(RECORDS, gz=gz), name, skipped)
    assert isinstance(swap, Article) and isinstance(talks, Article)
    assert swap.text == SWAP and swap.origin == f"{name}#record-3"
    assert swap.url == "https://news.example.org/swap"
    assert swap.source == "news.example.org"  # no site name in the page: its host
    # no date in the page: the record's WARC-Date, to the second
    assert swap.published == date(2025, 5, 24)
    assert swap.published_at == datetime(2025, 5, 24, 10, 0, tzinfo=timezone.utc)
    assert talks.published == date(2025, 5, 30)  # the page's own date wins
    assert skipped == {"warcinfo": 1, "request": 1, "response image/png": 1, "revisit": 1, "metadata": 1}


def test_a_warc_is_recognised_by_content_without_its_name():
    for data in (warc(RECORDS, gz=False), warc(RECORDS, gz=True)):
        assert [type(i) for i in read_bytes(data, "download.bin")] == [Article, Article]


def test_an_error_status_is_counted_and_a_page_without_article_text_is_rejected():
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://x.example/gone", "response", payload=io.BytesIO(page(SWAP)), http_headers=missing))
    data = out.getvalue() + warc([("response", "https://x.example/thin", "text/html", page("Two words"))], gz=False)
    skipped = Counter()
    (thin,) = read_bytes(data, "thin.warc", skipped)
    assert isinstance(thin, Rejected) and thin.origin == "thin.warc#record-2"
    assert thin.reason.startswith("no real article text in the HTML page")
    assert skipped == {"response HTTP 404": 1}


def bounds(data: bytes) -> list[int]:
    """Where each record of a WARC file starts, and the file's length."""
    import io

    from warcio.archiveiterator import ArchiveIterator

    archive = ArchiveIterator(io.BytesIO(data))
    return [archive.get_record_offset() for _ in archive] + [len(data)]


# Cuts in the last record of RECORDS (metadata, after the two pages): the records before the cut
# are read, and the reason says where the file ends and how many records were read.
CUTS = {
    "a few bytes into its header": (lambda b, gz: b[6] + 6, "in record 7; the 6 records before it were read", 4),
    "inside its content": (lambda b, gz: (b[6] + b[7]) // 2 if gz else b[7] - 20, "in record 7; the 6 records before it were read", 4),
    "in its closing bytes": (lambda b, gz: b[7] - 2, "in the closing bytes of record 7; its content was whole, and all 7 records were read", 5),
}  # fmt: skip


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("where", list(CUTS))
def test_a_warc_cut_short_is_reported_and_the_records_before_the_cut_are_ingested(gz, where, tmp_path):
    from click.testing import CliRunner

    from accord.cli import main
    from accord.store import Store

    data = warc(RECORDS, gz=gz)
    cut, says, skipped = CUTS[where]
    name = "cut.warc.gz" if gz else "cut.warc"
    (tmp_path / name).write_bytes(data[: cut(bounds(data), gz)])
    db = tmp_path / "a.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / name), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "stored 2," in result.output and "rejected 1;" in result.output
    assert f"rejected {tmp_path / name}#record-7: the WARC file ends early" in result.output
    assert says in result.output
    assert f"skipped {skipped} WARC records that hold no page" in result.output
    with Store(str(db)) as store:
        assert store.count() == 2


@pytest.mark.parametrize("gz", [False, True])
def test_a_warc_cut_exactly_between_two_records_reads_as_a_whole_shorter_file(gz):
    # WARC has no end marker: a cut on a record boundary leaves a valid file, read in full
    data = warc(RECORDS, gz=gz)
    skipped = Counter()
    items = list(read_bytes(data[: bounds(data)[5]], "cut.warc", skipped))
    assert [type(i) for i in items] == [Article, Article]
    assert skipped.total() == 3


@pytest.mark.parametrize("gz", [False, True])
def test_every_cut_of_a_warc_is_read_or_reported_and_a_cut_page_always_reported(gz):
    data = warc(RECORDS, gz=gz)
    ends = bounds(data)
    for end in range(1, len(data), 7):
        items = list(read_bytes(data[:end], "cut.warc.gz" if gz else "cut.warc"))
        assert all(isinstance(i, Article) or i.reason for i in items)
        if end not in ends:  # anywhere but a record boundary: the file is said to end early
            assert any(isinstance(i, Rejected) and "ends early" in i.reason for i in items), end


def test_a_warc_file_is_streamed_from_disk_and_dated_by_published_only_where_undated(tmp_path):
    (tmp_path / "crawl.warc.gz").write_bytes(warc(RECORDS, gz=True))
    (tmp_path / "noname").write_bytes(warc(RECORDS[:3], gz=False))
    items = list(read_sources([str(tmp_path)], published=date(2020, 1, 1)))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.origin for a in articles] == [
        f"{tmp_path}/crawl.warc.gz#record-3", f"{tmp_path}/crawl.warc.gz#record-5", f"{tmp_path}/noname#record-3",
    ]  # fmt: skip
    assert all(a.published != date(2020, 1, 1) for a in articles)  # every record had its WARC-Date


def test_the_cli_ingests_a_warc(tmp_path):
    from click.testing import CliRunner

    from accord.cli import main
    from accord.store import Store

    (tmp_path / "crawl.warc.gz").write_bytes(warc(RECORDS, gz=True))
    db = tmp_path / "a.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "crawl.warc.gz"), "--db", str(db)])
    assert result.exit_code == 0, result.output  # records skipped by design are counted, not failures
    assert "stored 2, already stored 0, rejected 0;" in result.output
    assert "skipped 5 WARC records that hold no page: 1 warcinfo, 1 request, 1 response image/png, 1 revisit, 1 metadata" in result.output
    assert "rejected " not in result.output.replace("rejected 0", "")
    with Store(str(db)) as store:
        urls = sorted(row[0] for row in store.db.execute("SELECT url FROM articles"))
    assert urls == ["https://news.example.org/swap", "https://wire.example.com/talks"]
