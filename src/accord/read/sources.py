"""Paths, directories, globs and stdin to a stream of Articles and Rejected inputs."""

import dataclasses
import glob
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..errors import InputRejected
from ..model import Article, Rejected
from .decode import MAX_CORPUS_BYTES, bom_encoding, decode
from .feeds import read_feed
from .html import read_html
from .jsonl import read_jsonl
from .text import make_article
from .warc import is_warc, read_warc_bytes, read_warc_file

STDIN = "-"
_SUFFIX_KINDS = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}  # fmt: skip


def sniff(origin: str, data: bytes) -> str:
    """Return the input kind (warc, html, feed, jsonl, text) from the name, else from the content."""
    if is_warc(origin, data[:1024]):
        return "warc"
    kind = _SUFFIX_KINDS.get(Path(origin).suffix.lower())
    if kind:
        return kind
    encoding = bom_encoding(data)
    head = (data[:2048].decode(encoding, errors="ignore").encode() if encoding else data[:1024]).lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed")):
        return "feed" if (b"<rss" in head or b"<feed" in head or b"<rdf" in head) else "html"
    return "text"


def read_bytes(data: bytes, origin: str, skipped: Counter[str] | None = None) -> Iterator[Article | Rejected]:
    """Yield the articles one input holds, or a Rejected saying why it holds none; the WARC
    records skipped by design (requests, images, ...) are added to `skipped` by reason."""
    try:
        match sniff(origin, data):
            case "warc":
                yield from read_warc_bytes(data, origin, skipped)
            case "html":
                yield read_html(data, origin)
            case "feed":
                yield from read_feed(data, origin)
            case "jsonl":
                yield from read_jsonl(decode(data, MAX_CORPUS_BYTES), origin)
            case _:
                yield make_article(decode(data), origin)
    except InputRejected as err:
        yield Rejected(origin, err.reason)


def expand(paths: Iterable[str]) -> Iterator[Path | str | Rejected]:
    """Yield files (directories walked in sorted order, globs expanded), "-" for stdin."""
    for raw in paths:
        path = Path(raw)
        if raw == STDIN:
            yield STDIN
        elif path.is_dir():
            yield from sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )  # fmt: skip
        elif path.is_file():
            yield path
        elif glob.has_magic(raw):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            yield from matches or [Rejected(raw, "no files match this pattern")]
        else:
            yield Rejected(raw, "no such file or directory")


def read_sources(
    paths: Iterable[str], published: date | None = None, skipped: Counter[str] | None = None
) -> Iterator[Article | Rejected]:
    """Stream every article under `paths`; `published` dates those whose metadata gives none,
    and `skipped` counts, by reason, the WARC records that hold no page."""
    for item in expand(paths):
        if isinstance(item, Rejected):
            yield item
            continue
        origin = "<stdin>" if item == STDIN else str(item)
        try:
            if item != STDIN and is_warc(origin, _head(item)):
                results = read_warc_file(item, origin, skipped)  # a crawl is streamed, never read whole
            else:
                results = read_bytes(sys.stdin.buffer.read() if item == STDIN else Path(item).read_bytes(), origin, skipped)
        except OSError as err:
            yield Rejected(origin, f"cannot read: {err.strerror}")
            continue
        for result in results:
            if isinstance(result, Article) and result.published is None and published:
                result = dataclasses.replace(result, published=published)
            yield result


def _head(path: Path) -> bytes:
    with open(path, "rb") as stream:
        return stream.read(1024)
