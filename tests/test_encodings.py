"""Text that is not UTF-8 is decoded, as declared or as detected; only what nothing reads is rejected."""

import json

import pytest

from accord.model import Article, Rejected
from accord.read import read_bytes
from accord.read.decode import charset_of, decode, html_charset
from tests.fuzzing import warc

TEXT = (
    "The café on Rue de Genève hosted the “quiet” talks — naïve hopes, officials said. "
    "Ukraine and Russia exchanged hundreds of prisoners on Saturday, and both delegations agreed to meet again."
)
LATIN = TEXT.replace("“", '"').replace("”", '"').replace("—", "-")  # what Latin-1 can hold


def page(text: str, head: str = "") -> str:
    return f"<html><head>{head}<title>Talks</title></head><body><article><p>{text}</p></article></body></html>"


def one(data: bytes, origin: str):
    [item] = read_bytes(data, origin)
    return item


@pytest.mark.parametrize(
    "data, origin, expected",
    [
        (LATIN.encode("latin-1"), "latin1.txt", LATIN),
        (TEXT.encode("cp1252"), "windows.txt", TEXT),
        (TEXT.encode("utf-16"), "utf16.txt", TEXT),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf16be.txt", TEXT),
        (TEXT.encode("utf-8-sig"), "bom.txt", TEXT),
        (TEXT.encode("utf-32"), "utf32.txt", TEXT),
    ],
)
def test_plain_text_in_other_encodings_is_decoded(data, origin, expected):
    item = one(data, origin)
    assert isinstance(item, Article), item
    assert item.text == expected


@pytest.mark.parametrize(
    "html, encoding",
    [
        (page(LATIN, '<meta charset="iso-8859-1">'), "latin-1"),
        (page(TEXT, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'), "cp1252"),
        (page(TEXT), "cp1252"),  # nothing declared: detected
        (page(TEXT, '<meta charset="utf-8">'), "utf-16"),  # the byte-order mark outranks the page
        (page(TEXT, '<meta charset="x-no-such-charset">'), "cp1252"),  # an unknown name is ignored
        ('<?xml version="1.0" encoding="iso-8859-1"?>' + page(LATIN), "latin-1"),  # XHTML's declaration
        (page(TEXT, '<meta charset="iso-8859-1">'), "utf-8"),  # valid UTF-8 wins over a wrong declaration
    ],
)
def test_html_pages_are_decoded_as_declared_or_detected(html, encoding):
    item = one(html.encode(encoding), "page.html")
    assert isinstance(item, Article), item
    assert item.text == (LATIN if encoding == "latin-1" else TEXT)


def test_a_utf16_page_is_recognised_as_html_by_content():
    item = one(page(TEXT).encode("utf-16"), "download")
    assert isinstance(item, Article) and item.title == "Talks" and item.text == TEXT


def test_the_charset_of_a_warc_records_http_header_decodes_its_page():
    data = warc([("response", "https://x.example/a", "text/html; charset=ISO-8859-1", page(LATIN).encode("latin-1"))], gz=True)
    item = one(data, "crawl.warc.gz")
    assert isinstance(item, Article) and item.text == LATIN


def test_json_lines_and_feeds_in_legacy_encodings():
    lines = json.dumps({"text": TEXT}, ensure_ascii=False).encode("cp1252")
    assert one(lines, "wire.jsonl").text == TEXT
    feed = f'<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><item><description>{TEXT}</description></item></channel></rss>'
    assert one(feed.encode("cp1252"), "desk.xml").text == TEXT


@pytest.mark.parametrize(
    "data, reason",
    [
        ("Zelensky’s “peace” — naïve café. ".encode() * 3 + "Zelensky’s “peace” — naïve café. ".encode("cp1252") * 3,
         "no encoding reads it cleanly"),  # UTF-8 and Windows-1252 in one file
        (b"\xff\xfe" + b"\x00\xd8" * 50, "broken UTF-16"),  # a byte-order mark, then unpaired surrogates
        (b"\x89PNG\r\n\x1a\n" + bytes(300), "binary"),
        (bytes(range(256)) * 8, "binary"),
    ],
)  # fmt: skip
def test_what_no_detector_reads_is_rejected_with_the_reason(data, reason):
    item = one(data, "input.txt")
    assert isinstance(item, Rejected) and reason in item.reason


def test_declared_charsets_are_found_in_headers_and_pages():
    assert charset_of('text/html; charset="Windows-1252"') == "Windows-1252"
    assert charset_of("text/html") is None and charset_of(None) is None
    assert html_charset(b"<html><head><meta charset='koi8-r'>") == "koi8-r"
    assert html_charset(b'<meta http-equiv="content-type" content="text/html; charset=Shift_JIS">') == "Shift_JIS"
    assert html_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?><html>') == "ISO-8859-1"
    assert html_charset(b"<html><head><title>none</title>") is None
    assert decode("Привет, мир. Переговоры продолжаются.".encode("koi8-r"), declared="koi8-r") == "Привет, мир. Переговоры продолжаются."
