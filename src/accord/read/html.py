"""HTML pages to Article with trafilatura: main text, title, date and site name."""

import lxml.html
import trafilatura

from ..errors import InputRejected
from ..model import Article
from .dates import parse_published
from .decode import check_size
from .text import make_article

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}


def read_html(data: bytes, origin: str) -> Article:
    """Extract the main text and metadata of a page, or raise InputRejected."""
    check_size(data)
    try:
        doc = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as err:  # trafilatura raises assorted lxml errors on broken pages
        raise InputRejected(f"unreadable HTML: {err}") from None
    if doc is None or not (doc.text or "").strip():
        raise InputRejected("no main text found in the HTML page (broken or empty markup)")
    return make_article(
        doc.text,
        origin,
        url=doc.url,
        source=doc.sitename,
        title=doc.title,
        published=parse_published(doc.date),
    )


def fragment_text(fragment: str) -> str:
    """Return the text of an HTML fragment (a feed summary), one line per block element."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml rejects some broken fragments; fall back to the raw string
        return fragment
    for element in root.iter():
        if element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return root.text_content()
