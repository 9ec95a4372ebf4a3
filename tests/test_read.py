"""The read stage: every input kind, and every kind of bad input rejected with a reason."""

import gzip
import json
from datetime import date

import pytest

from accord.errors import InputRejected
from accord.model import Article, Rejected
from accord.read import read_bytes, read_sources
from accord.read.decode import MAX_BYTES
from accord.read.text import layout, make_article

ENGLISH = (
    "Ukraine and Russia exchanged hundreds of prisoners on Saturday, officials in Kyiv said. "
    "The swap followed talks in Istanbul, where both delegations agreed to continue contacts."
)
GERMAN = (
    "Die Ukraine und Russland haben am Samstag Hunderte Gefangene ausgetauscht, teilten Beamte "
    "in Kiew mit. Der Austausch folgte auf Gespräche in Istanbul."
)


def one(data: bytes, origin: str):
    items = list(read_bytes(data, origin))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    "text, headings",
    [
        ("Talks resume\nDelegations met in Istanbul on Friday. They agreed a swap.", ["Talks resume"]),
        ("Delegations met in Istanbul. They agreed a swap.\nWhat comes next\nMore talks are planned.", ["What comes next"]),
        ("A line that ends with a full stop.\nAnother sentence follows here.", []),
        ("Where does Russia stand?\nThe Kremlin said little.", []),  # a question is not a heading
        ("Last line without punctuation is text not heading\nStill text at the end", ["Last line without punctuation is text not heading"]),
    ],
)
def test_headings_are_short_lines_without_final_punctuation(text, headings):
    paragraphs, found = layout(text)
    assert [text[s.start : s.end] for s in found] == headings
    assert len(paragraphs) + len(found) == len([line for line in text.split("\n") if line.strip()])


def test_plain_text_keeps_offsets_and_ids_are_content_hashes():
    a = make_article("  " + ENGLISH + "\r\n", "x.txt")
    b = make_article(ENGLISH.replace(". ", ".  "), "y.txt")
    assert a.text == ENGLISH
    assert a.id == b.id  # whitespace does not make a new article
    assert a.paragraphs[0].text_in(a.text) == ENGLISH


def test_html_page_gives_main_text_and_metadata():
    html = f"""<html><head><title>Prisoner swap | Example</title>
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2025-05-24T10:00:00Z"></head>
    <body><nav>Home World Sport</nav><article><h1>Prisoner swap</h1><p>{ENGLISH}</p></article></body></html>"""
    a = one(html.encode(), "page.html")
    assert isinstance(a, Article)
    assert a.source == "Example News"
    assert str(a.published) == "2025-05-24"
    assert "exchanged hundreds of prisoners" in a.text
    assert "Home World Sport" not in a.text


def test_feed_gives_one_article_per_entry_and_rejects_bad_entries():
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
    <item><title>One</title><link>https://example.org/1</link><pubDate>Sat, 24 May 2025 10:00:00 GMT</pubDate>
    <description><![CDATA[<p>{ENGLISH}</p>]]></description></item>
    <item><title>Zwei</title><description>{GERMAN}</description></item>
    <item><title>Empty</title><description></description></item>
    </channel></rss>"""
    items = list(read_bytes(feed.encode(), "desk.xml"))
    assert [type(i) for i in items] == [Article, Rejected, Rejected]
    assert items[0].source == "Desk" and items[0].url == "https://example.org/1"
    assert str(items[0].published) == "2025-05-24"
    assert "not English" in items[1].reason and items[1].origin == "desk.xml#entry-2"
    assert "empty" in items[2].reason


def test_jsonl_reads_each_line_and_rejects_broken_lines():
    lines = [
        json.dumps({"text": ENGLISH, "url": "https://example.org/a", "published": "2025-05-24", "source": "Wire"}),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": ENGLISH + " A second report.", "published": "24 May"}),
    ]
    items = list(read_bytes("\n".join(lines).encode(), "wire.jsonl"))
    assert [type(i) for i in items] == [Article, Rejected, Rejected, Rejected]
    assert items[0].source == "Wire" and str(items[0].published) == "2025-05-24"
    assert "not valid JSON" in items[1].reason and items[1].origin == "wire.jsonl:2"
    assert '"text"' in items[2].reason
    assert "not an ISO date" in items[3].reason


@pytest.mark.parametrize(
    "data, origin, reason",
    [
        (b"", "empty.txt", "empty"),
        (b"   \n\t\n", "blank.txt", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image.txt", "binary"),
        (gzip.compress(ENGLISH.encode()), "article.txt", "binary"),
        (bytes(range(0, 256)) * 4, "noise.bin", "binary"),
        ("Zelensky’s “peace” — naïve café. ".encode() * 3 + "Zelensky’s “peace” — naïve café. ".encode("cp1252") * 3
         + ENGLISH.encode(), "mixed.txt", "no encoding reads it cleanly"),  # UTF-8 and Windows-1252 mixed
        (GERMAN.encode(), "de.txt", "not English"),
        (b"<html><body><div><p></div></body>", "broken.html", "no main text"),
        (b"<?xml version='1.0'?><rss version='2.0'><chan", "broken.xml", "not a readable feed"),
        (b"a" * (MAX_BYTES + 1), "huge.txt", "too large"),
    ],
)
def test_bad_input_is_rejected_with_a_reason(data, origin, reason):
    item = one(data, origin)
    assert isinstance(item, Rejected)
    assert reason in item.reason
    assert item.origin == origin


def test_an_article_longer_than_spacy_takes_is_rejected_and_a_big_corpus_file_is_not():
    from accord.read.text import MAX_ARTICLE_CHARS

    long_text = (ENGLISH + " ") * (MAX_ARTICLE_CHARS // len(ENGLISH) + 1)
    [item] = read_bytes(json.dumps({"text": long_text}).encode(), "big.jsonl")
    assert isinstance(item, Rejected) and "too long" in item.reason
    corpus = "\n".join(json.dumps({"text": ENGLISH + f" Report {n}."}) for n in range(60_000)).encode()
    assert len(corpus) > MAX_BYTES
    first = next(iter(read_bytes(corpus, "many.jsonl")))
    assert isinstance(first, Article)


def test_utf16_with_bom_is_read():
    item = one(ENGLISH.encode("utf-16"), "wide.txt")
    assert isinstance(item, Article) and item.text == ENGLISH


def test_directories_globs_and_missing_paths(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(ENGLISH + " Extra words make it new.")
    (tmp_path / ".hidden").write_text(ENGLISH)
    from_dir = list(read_sources([str(tmp_path)]))
    assert [i.origin for i in from_dir] == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]
    from_glob = list(read_sources([str(tmp_path / "**" / "*.txt")]))
    assert len(from_glob) == 2
    missing = list(read_sources([str(tmp_path / "nope.txt"), str(tmp_path / "*.md")]))
    assert [i.reason for i in missing] == ["no such file or directory", "no files match this pattern"]


def test_published_fills_only_missing_dates(tmp_path):
    from datetime import date

    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": ENGLISH + " More.", "published": "2025-01-02"}))
    items = list(read_sources([str(tmp_path)], published=date(2025, 5, 24)))
    assert [str(i.published) for i in items] == ["2025-05-24", "2025-01-02"]


def test_make_article_takes_an_iso_date_string_and_rejects_a_bad_one():
    assert make_article("Russia attacked Ukraine on Monday.", "x", published="2025-05-01").published == date(2025, 5, 1)
    with pytest.raises(InputRejected, match="not an ISO date"):
        make_article("Russia attacked Ukraine on Monday.", "x", published="yesterday")
