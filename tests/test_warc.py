"""WARC input: HTML responses become articles; other records are counted; damage is reported."""

import gzip
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
def test_html_responses_become_articles_and_other_records_are_counted(gz, name):
    items = list(read_bytes(warc(RECORDS, gz=gz), name))
    swap, talks, skipped = items
    assert isinstance(swap, Article) and isinstance(talks, Article) and isinstance(skipped, Rejected)
    assert swap.text == SWAP and swap.origin == f"{name}#record-3"
    assert swap.url == "https://news.example.org/swap"
    assert swap.source == "news.example.org"  # no site name in the page: its host
    # no date in the page: the record's WARC-Date, to the second
    assert swap.published == date(2025, 5, 24)
    assert swap.published_at == datetime(2025, 5, 24, 10, 0, tzinfo=timezone.utc)
    assert talks.published == date(2025, 5, 30)  # the page's own date wins
    assert skipped.origin == name
    assert skipped.reason == (
        "skipped 5 WARC records that hold no HTML page: "
        "1 warcinfo, 1 request, 1 response image/png, 1 revisit, 1 metadata"
    )


def test_a_warc_is_recognised_by_content_without_its_name():
    for data in (warc(RECORDS, gz=False), warc(RECORDS, gz=True)):
        assert [type(i) for i in read_bytes(data, "download.bin")] == [Article, Article, Rejected]


def test_an_error_status_is_counted_and_a_page_without_article_text_is_rejected():
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://x.example/gone", "response", payload=io.BytesIO(page(SWAP)), http_headers=missing))
    data = out.getvalue() + warc([("response", "https://x.example/thin", "text/html", page("Two words"))], gz=False)
    thin, skipped = read_bytes(data, "thin.warc")
    assert isinstance(thin, Rejected) and thin.origin == "thin.warc#record-2"
    assert thin.reason.startswith("no real article text in the HTML page")
    assert skipped.reason == "skipped 1 WARC records that hold no HTML page: 1 response HTTP 404"


def test_a_truncated_gzip_warc_keeps_the_records_before_the_cut():
    data = warc(RECORDS, gz=True)
    members = gzip.decompress(data).count(b"WARC/1.")
    assert members == len(RECORDS)
    cut = data[: len(data) - 40]  # inside the last record (metadata)
    items = list(read_bytes(cut, "cut.warc.gz"))
    assert [type(i) for i in items] == [Article, Article, Rejected, Rejected]
    broken = items[2]
    assert broken.origin == "cut.warc.gz#record-7"
    assert "broken or truncated WARC record" in broken.reason and "the 6 records before it were read" in broken.reason
    assert items[3].reason.startswith("skipped 4 WARC records")


@pytest.mark.parametrize("gz", [False, True])
def test_every_cut_of_a_warc_is_read_or_reported_and_a_cut_page_always_reported(gz):
    import io

    from warcio.archiveiterator import ArchiveIterator

    data = warc(RECORDS, gz=gz)
    archive = ArchiveIterator(io.BytesIO(data))
    bounds = [archive.get_record_offset() for _ in archive] + [len(data)]
    # inside the two HTML responses, short of the 8-byte gzip trailer and the blank lines that
    # end a record (cut there, the page is whole)
    inside = {end for i in (2, 4) for end in range(bounds[i] + 1, bounds[i + 1] - 12)}
    for end in range(1, len(data), 11):
        items = list(read_bytes(data[:end], "cut.warc.gz" if gz else "cut.warc"))
        assert items and all(isinstance(i, Article) or i.reason for i in items)
        if end in inside:
            assert any(isinstance(i, Rejected) and "broken or truncated" in i.reason for i in items), end


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
    assert result.exit_code == 1, result.output  # the skipped records are reported
    assert "stored 2" in result.output
    assert "skipped 5 WARC records" in result.output
    with Store(str(db)) as store:
        urls = sorted(row[0] for row in store.db.execute("SELECT url FROM articles"))
    assert urls == ["https://news.example.org/swap", "https://wire.example.com/talks"]
