"""Bytes to text, refusing what is not text: empty, binary, oversized or undecodable input.

Text is read as UTF-8 (or as the byte-order mark says); other encodings (Latin-1, Windows-1252,
a charset declared by the page or its HTTP header) are decoded as declared, else as
charset-normalizer detects them. Only what no detector reads with confidence is rejected.
"""

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import InputRejected

MAX_BYTES = 5_000_000  # one article as a file (text or HTML page)
MAX_CORPUS_BYTES = 500_000_000  # a file of many articles (JSON Lines, a feed)
# charset-normalizer's own default: a decoding whose "mess" (odd characters, broken words) is
# above 20% of the text is no reading of it.
MAX_MESS = 0.2
# English news in a legacy 8-bit encoding is almost always Windows-1252 (browsers read Latin-1 as
# it too); when the detector finds several 8-bit code pages equally clean, this one is chosen.
_WESTERN = {"cp1252", "latin_1", "iso8859_1", "iso8859_15"}
_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (codecs.BOM_UTF8, "utf-8-sig"),
)  # fmt: skip
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
}
_PAGE_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.\-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w:.\-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)


def check_size(data: bytes, limit: int = MAX_BYTES) -> None:
    """Refuse input that is empty or larger than `limit` bytes."""
    if not data.strip():
        raise InputRejected("empty input: there is no text to analyse")
    if len(data) > limit:
        raise InputRejected(
            f"too large: {len(data):,} bytes, the limit for one input is {limit:,}; "
            "split it into articles (JSON Lines takes one article a line)"
        )


def charset_of(content_type: str | None) -> str | None:
    """Return the charset named in an HTTP Content-Type header value, or None."""
    found = _HEADER_CHARSET.search(content_type or "")
    return found.group(1) if found else None


def html_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares near its top (a <meta> tag or an XML
    declaration), or None."""
    found = _PAGE_CHARSET.search(data[:4096])
    return (found.group(1) or found.group(2)).decode("ascii") if found else None


def bom_encoding(data: bytes) -> str | None:
    """Return the encoding a byte-order mark at the start of `data` names, or None."""
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def decode(data: bytes, limit: int = MAX_BYTES, declared: str | None = None) -> str:
    """Return `data` as text, or raise InputRejected saying why it is not text.

    A byte-order mark decides first; then UTF-8 (bytes that are valid UTF-8 are almost never
    meant as anything else, whatever a page declares); then the `declared` charset (from the
    page or its HTTP header) when the bytes fit it; then the detector.
    """
    check_size(data, limit)
    encoding = bom_encoding(data)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as err:
            raise InputRejected(f"broken {encoding.upper()} text ({err.reason} at byte {err.start})") from None
    _refuse_binary(data)
    for encoding in ("utf-8", _known(declared)):
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass
    return _detect(data)


def _refuse_binary(data: bytes) -> None:
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputRejected(f"binary input: this looks like {kind}, not text")
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f")
    if b"\x00" in head or controls > len(head) * 0.05:
        raise InputRejected("binary input: it holds control bytes that text does not")


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None  # an unknown declared charset is ignored; detection decides


def _detect(data: bytes) -> str:
    found = from_bytes(data, threshold=MAX_MESS)
    best = found.best()
    if best is None:
        raise InputRejected(
            "not valid UTF-8 and no encoding reads it cleanly (a mix of encodings, or not text); "
            "convert the file to UTF-8 and try again"
        )
    tied = [m for m in found if m.chaos == best.chaos and _WESTERN & set(m.could_be_from_charset)]
    return str(tied[0]) if tied else str(best)
