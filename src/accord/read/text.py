"""Plain text to Article: normalised line breaks, paragraphs and section headings kept."""

import hashlib
import re
import unicodedata
import time
from datetime import date, datetime

from ..errors import InputRejected
from ..model import Article, Span
from .dates import parse_moment, parse_published
from .language import require_english

_FINAL_PUNCTUATION = tuple(".!?:;,\"'”’»…)]")
HEADING_MAX_WORDS = 14
MAX_ARTICLE_CHARS = 1_000_000  # spaCy's own limit for one text
HEADING_MAX_CHARS = 120


# Line and page breaks of every kind become "\n"; other control characters (C0, DEL, C1: never
# text, often debris of a bad conversion) are dropped.
_BREAKS = {ord(c): "\n" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}
_CONTROLS = {c: None for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(c) not in "\t\n"}


def normalise(text: str) -> str:
    """Return text with Unix line breaks, NFC, no byte-order mark, no control characters and no
    trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS | _BREAKS)
    text = unicodedata.normalize("NFC", text).lstrip("\ufeff")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def article_id(text: str) -> str:
    """The content hash that makes ingestion idempotent: same words, same id."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:20]


def is_heading(line: str, is_last: bool) -> bool:
    """A short line without final punctuation, followed by more text, is a section heading."""
    words = line.split()
    return (
        not is_last
        and 0 < len(words) <= HEADING_MAX_WORDS
        and len(line) <= HEADING_MAX_CHARS
        and not line.endswith(_FINAL_PUNCTUATION)
        and line[0].isupper()
    )


def layout(text: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Split text into (paragraphs, headings): each non-blank line is one or the other."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    paragraphs, headings = [], []
    for i, (start, end) in enumerate(lines):
        line = text[start:end].strip()
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        span = Span(start + lead, end)
        (headings if is_heading(line, i == len(lines) - 1) else paragraphs).append(span)
    return tuple(paragraphs), tuple(headings)


def make_article(
    text: str,
    origin: str,
    *,
    url: str | None = None,
    source: str | None = None,
    title: str | None = None,
    published: date | datetime | str | time.struct_time | None = None,
) -> Article:
    """Return an Article for English text, or raise InputRejected with the reason (a publication
    date may be given as a date, a datetime, a struct_time or an ISO string, with or without a time)."""
    text = normalise(text)
    if not text:
        raise InputRejected("empty input: there is no text to analyse")
    if not any(c.isalpha() for c in text):
        raise InputRejected("no words: the input holds no letters to analyse")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputRejected(
            f"too long: {len(text):,} characters, the limit for one article is {MAX_ARTICLE_CHARS:,}; "
            "split it into articles"
        )
    language = require_english(text)
    paragraphs, headings = layout(text)
    return Article(
        id=article_id(text),
        text=text,
        origin=origin,
        url=url,
        source=source,
        title=title,
        published=parse_published(published),
        published_at=parse_moment(published),
        language=language,
        headings=headings,
        paragraphs=paragraphs,
    )
