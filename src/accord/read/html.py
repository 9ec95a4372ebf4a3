"""HTML pages to Article with trafilatura: main text, title, date and site name."""

import re
from datetime import date

import lxml.html
import trafilatura

from ..errors import InputRejected
from ..model import Article
from .decode import decode, html_charset
from .text import make_article

# The shortest real news item, a one-sentence wire brief ("Russia and Ukraine exchanged 84
# prisoners of war on Saturday, the defence ministry said."), runs to a dozen words or more;
# what a page or a feed entry yields below ten words, or without one finished sentence, is a
# menu, an error or cookie notice, a headline alone, or the debris of broken markup.
MIN_ARTICLE_WORDS = 10
_SENTENCE_END = re.compile(r"\w[.!?][\"'”’)\]]*(?:\s|$)")
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}


def read_html(
    data: bytes, origin: str, *, url: str | None = None, published: date | str | None = None, charset: str | None = None
) -> Article:
    """Extract the main text and metadata of a page, or raise InputRejected.

    `url` and `published` stand in where the page names none (a crawl record's address and
    date); `charset` is the one an HTTP header gave, used when the page declares none.
    """
    page = decode(data, declared=html_charset(data) or charset)
    try:
        doc = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as err:  # trafilatura raises assorted lxml errors on broken pages
        raise InputRejected(f"unreadable HTML: {err}") from None
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise InputRejected("no main text found in the HTML page (broken or empty markup)")
    require_article_text(text, "the HTML page")
    return make_article(
        text,
        origin,
        url=url or doc.url,
        source=doc.sitename,
        title=doc.title,
        published=doc.date or published,
    )


def require_article_text(text: str, where: str) -> None:
    """Raise InputRejected unless `text` holds real article text: MIN_ARTICLE_WORDS words and a
    finished sentence (`where` names the input in the message, e.g. "the HTML page")."""
    words = len(text.split())
    sentence = _SENTENCE_END.search(text)
    if words < MIN_ARTICLE_WORDS or not sentence:
        raise InputRejected(
            f"no real article text in {where}: {words} words{'' if sentence else ' and no finished sentence'} "
            f"(an article needs at least {MIN_ARTICLE_WORDS} words and one sentence)"
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
