"""WARC crawl files (.warc, .warc.gz): every HTML page a crawler fetched becomes an Article.

A response record holding an HTML page (HTTP 2xx, Content-Type text/html or XHTML) is read
like any page (trafilatura via `read_html`), with the record's WARC-Target-URI as its url and
its WARC-Date as the date when the page gives none. Other records (requests, warcinfo,
metadata, revisits, images and other non-HTML responses, error statuses) hold no article: they
are skipped by design and counted by reason in the caller's `skipped` counter, not rejected.

A file that ends early (a truncated download) or is damaged ends with one Rejected naming the
record where it stops and how many records were read; the records before it are kept. A file
cut exactly between two records cannot be told from a whole one: WARC has no end marker.
"""

import io
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from ..errors import InputRejected
from ..model import Article, Rejected
from .decode import MAX_BYTES, charset_of
from .html import read_html

WARC_MAGIC = b"WARC/1."
SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def is_warc(origin: str, head: bytes) -> bool:
    """Whether an input is a WARC file, by its name or by its first bytes (gzipped or not)."""
    if origin.lower().endswith(SUFFIXES):
        return True
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(WARC_MAGIC))
        except zlib.error:
            return False
    return head.startswith(WARC_MAGIC)


def read_warc_file(path: Path, origin: str, skipped: Counter[str] | None = None) -> Iterator[Article | Rejected]:
    """Stream the articles of a WARC file on disk without reading it whole into memory."""
    try:
        stream = open(path, "rb")  # closed below, once the generator is drained
    except OSError as err:
        yield Rejected(origin, f"cannot read: {err.strerror}")
        return
    with stream:
        yield from read_warc(stream, origin, skipped)


def read_warc_bytes(data: bytes, origin: str, skipped: Counter[str] | None = None) -> Iterator[Article | Rejected]:
    """The articles of a WARC file held in memory (standard input)."""
    return read_warc(io.BytesIO(data), origin, skipped)


def read_warc(stream: BinaryIO, origin: str, skipped: Counter[str] | None = None) -> Iterator[Article | Rejected]:
    """Yield an Article or a Rejected for every HTML response record, and a Rejected when the
    file ends early; add each record that holds no page to `skipped`, under its reason."""
    skipped = Counter() if skipped is None else skipped
    archive = ArchiveIterator(stream)
    records = iter(archive)
    n = 0
    while True:
        try:
            record = next(records, None)
            if record is None:
                _check_tail(stream, sum(archive.member_info or (0, 0)))
                break
            why = _not_a_page(record)
            payload = _payload(record, keep=not why)
        except Exception:  # warcio raises assorted errors (its own, zlib's, None's) on damaged files
            yield Rejected(
                f"{origin}#record-{n + 1}",
                f"the WARC file ends early (cut short, as by an interrupted download) or is damaged "
                f"in record {n + 1}; the {n} records before it were read",
            )
            return
        n += 1
        if why:
            skipped[why] += 1
        else:
            yield _page(record, payload, f"{origin}#record-{n}")
    if not n:
        yield Rejected(origin, "not a readable WARC file: no records")
    elif not _ends_whole(stream, archive.member_info):
        yield Rejected(
            f"{origin}#record-{n}",
            f"the WARC file ends early, in the closing bytes of record {n}; its content was whole, "
            f"and all {n} records were read",
        )


def _check_tail(stream: BinaryIO, end: int) -> None:
    """Raise ValueError when more than blank lines follow the end of the last whole record:
    warcio ends quietly at a record whose header (or gzip member) was cut short."""
    stream.seek(end)
    if stream.read(64).strip():
        raise ValueError("a record cut short in its header")


def _ends_whole(stream: BinaryIO, last: tuple[int, int]) -> bool:
    """Whether the last record (warcio's offset and length of it) ends as WARC records end:
    its content followed by two line breaks, and in a gzipped file its gzip member's trailer
    (warcio reads a record cut in those last bytes without a word)."""
    stream.seek(0)
    if stream.read(2) != b"\x1f\x8b":
        stream.seek(sum(last))  # the end of the content: warcio leaves the line breaks out
        return stream.read(4).startswith(_CLOSING)
    stream.seek(last[0])
    member = zlib.decompressobj(16 + zlib.MAX_WBITS)
    tail = b""
    while not member.eof and (chunk := stream.read(1 << 16)):
        tail = (tail + member.decompress(chunk))[-4:]
    return member.eof and tail.endswith(_CLOSING)


_CLOSING = (b"\r\n\r\n", b"\n\n")  # the spec's CRLF CRLF, or a lax writer's LF LF


def _payload(record, keep: bool) -> bytes:
    """The record's content (up to one byte past the page limit, when `keep`), read to its end;
    raise ValueError when the record holds fewer bytes than its header promised."""
    if not record.rec_type or record.rec_headers.get_header("Content-Length") is None:
        raise ValueError("a record header without its WARC-Type or Content-Length")
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if record.rec_type == "response" and uri.startswith("http") and record.http_headers is None:
        raise ValueError("an HTTP response cut short in its headers")
    payload = record.content_stream().read(MAX_BYTES + 1) if keep else b""
    while record.raw_stream.read(1 << 16):  # the rest, undecoded: only its length matters
        pass
    if getattr(record.raw_stream, "limit", 0):  # warcio's LimitReader counts the bytes still owed
        raise ValueError("a record shorter than its Content-Length")
    return payload


def _not_a_page(record) -> str | None:
    """Why a record holds no page to read, or None when it holds one."""
    if record.rec_type != "response":
        return record.rec_type
    http = record.http_headers
    if http is None:
        return "response without HTTP headers"
    status = http.get_statuscode() or "?"
    if not status.startswith("2"):
        return f"response HTTP {status}"
    mime = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if mime not in _HTML_TYPES:
        return f"response {mime or 'without a content type'}"
    return None


def _page(record, payload: bytes, where: str) -> Article | Rejected:
    try:
        return read_html(
            payload,
            where,
            url=record.rec_headers.get_header("WARC-Target-URI"),
            published=record.rec_headers.get_header("WARC-Date"),
            charset=charset_of(record.http_headers.get_header("Content-Type")),
        )
    except InputRejected as err:
        return Rejected(where, err.reason)
