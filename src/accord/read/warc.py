"""WARC crawl files (.warc, .warc.gz): every HTML page a crawler fetched becomes an Article.

A response record holding an HTML page (HTTP 2xx, Content-Type text/html or XHTML) is read
like any page (trafilatura via `read_html`), with the record's WARC-Target-URI as its url and
its WARC-Date as the date when the page gives none. Other records (requests, warcinfo,
metadata, revisits, images and other non-HTML responses, error statuses) hold no article: they
are skipped and counted, and the counts come out as one Rejected per file with the reasons.
A broken or truncated record ends the file with a Rejected; the records before it are kept.
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


def read_warc_file(path: Path, origin: str) -> Iterator[Article | Rejected]:
    """Stream the articles of a WARC file on disk without reading it whole into memory."""
    try:
        stream = open(path, "rb")  # closed below, once the generator is drained
    except OSError as err:
        yield Rejected(origin, f"cannot read: {err.strerror}")
        return
    with stream:
        yield from read_warc(stream, origin)


def read_warc_bytes(data: bytes, origin: str) -> Iterator[Article | Rejected]:
    """The articles of a WARC file held in memory (standard input)."""
    return read_warc(io.BytesIO(data), origin)


def read_warc(stream: BinaryIO, origin: str) -> Iterator[Article | Rejected]:
    """Yield an Article or a Rejected for every HTML response record, then the skipped counts."""
    skipped: Counter[str] = Counter()
    archive = ArchiveIterator(stream)
    records = iter(archive)
    n, broken = 0, False
    while True:
        at = n + 1
        try:
            record = next(records, None)
            if record is None:
                _check_tail(stream, sum(archive.member_info or (0, 0)))
                break
            why = _not_a_page(record)
            payload = _payload(record, keep=not why)
        except Exception:  # warcio raises assorted errors (its own, zlib's, None's) on damaged files
            yield Rejected(
                f"{origin}#record-{at}",
                f"broken or truncated WARC record: the file is cut short or damaged here; "
                f"the {at - 1} records before it were read",
            )
            broken = True
            break
        n = at
        if why:
            skipped[why] += 1
        else:
            yield _page(record, payload, f"{origin}#record-{n}")
    if not n and not broken:
        yield Rejected(origin, "not a readable WARC file: no records")
    elif skipped:
        counts = ", ".join(f"{count} {why}" for why, count in skipped.most_common())
        yield Rejected(origin, f"skipped {sum(skipped.values())} WARC records that hold no HTML page: {counts}")


def _check_tail(stream: BinaryIO, end: int) -> None:
    """Raise ValueError when more than blank lines follow the end of the last whole record:
    warcio ends quietly at a record whose header (or gzip member) was cut short."""
    stream.seek(end)
    if stream.read(64).strip():
        raise ValueError("a record cut short in its header")


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
