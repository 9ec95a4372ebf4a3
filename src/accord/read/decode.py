"""Bytes to text, refusing what is not text: empty, binary, oversized or undecodable input."""

import codecs

from ..errors import InputRejected

MAX_BYTES = 5_000_000  # one article as a file (text or HTML page)
MAX_CORPUS_BYTES = 500_000_000  # a file of many articles (JSON Lines, a feed)
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
}


def check_size(data: bytes, limit: int = MAX_BYTES) -> None:
    """Refuse input that is empty or larger than `limit` bytes."""
    if not data.strip():
        raise InputRejected("empty input: there is no text to analyse")
    if len(data) > limit:
        raise InputRejected(
            f"too large: {len(data):,} bytes, the limit for one input is {limit:,}; "
            "split it into articles (JSON Lines takes one article a line)"
        )


def decode(data: bytes, limit: int = MAX_BYTES) -> str:
    """Return `data` as text (UTF-8, or UTF-16 with a byte-order mark), or raise InputRejected."""
    check_size(data, limit)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputRejected(f"broken UTF-16 text ({err.reason} at byte {err.start})") from None
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputRejected(f"binary input: this looks like {kind}, not text")
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f")
    if b"\x00" in head or controls > len(head) * 0.05:
        raise InputRejected("binary input: it holds control bytes that text does not")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputRejected(
            f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert the file to UTF-8 and try again"
        ) from None
