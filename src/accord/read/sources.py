"""Paths, directories, globs and stdin to a stream of Articles and Rejected inputs."""

import dataclasses
import glob
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..errors import InputRejected
from ..model import Article, Rejected
from .decode import MAX_CORPUS_BYTES, decode
from .feeds import read_feed
from .html import read_html
from .jsonl import read_jsonl
from .text import make_article

STDIN = "-"
_SUFFIX_KINDS = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}  # fmt: skip


def sniff(origin: str, data: bytes) -> str:
    """Return the input kind (html, feed, jsonl, text) from the name, else from the content."""
    kind = _SUFFIX_KINDS.get(Path(origin).suffix.lower())
    if kind:
        return kind
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed")):
        return "feed" if (b"<rss" in head or b"<feed" in head or b"<rdf" in head) else "html"
    return "text"


def read_bytes(data: bytes, origin: str) -> Iterator[Article | Rejected]:
    """Yield the articles one input holds, or a Rejected saying why it holds none."""
    try:
        match sniff(origin, data):
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


def read_sources(paths: Iterable[str], published: date | None = None) -> Iterator[Article | Rejected]:
    """Stream every article under `paths`; `published` dates those whose metadata gives none."""
    for item in expand(paths):
        if isinstance(item, Rejected):
            yield item
            continue
        origin = "<stdin>" if item == STDIN else str(item)
        try:
            data = sys.stdin.buffer.read() if item == STDIN else Path(item).read_bytes()
        except OSError as err:
            yield Rejected(origin, f"cannot read: {err.strerror}")
            continue
        for result in read_bytes(data, origin):
            if isinstance(result, Article) and result.published is None and published:
                result = dataclasses.replace(result, published=published)
            yield result
