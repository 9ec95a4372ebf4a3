"""RSS and Atom feeds: one article per entry."""

from collections.abc import Iterator

import feedparser
from lxml import etree

from ..errors import InputRejected
from ..model import Article, Rejected
from .decode import MAX_CORPUS_BYTES, check_size
from .html import fragment_text, require_article_text
from .text import make_article


def read_feed(data: bytes, origin: str) -> Iterator[Article | Rejected]:
    """Yield an Article (or a Rejected with its reason) for every entry of the feed."""
    check_size(data, MAX_CORPUS_BYTES)
    if b"<!ENTITY" in data:  # no feed needs its own entities; expanding them is an attack ("billion laughs")
        raise InputRejected("the feed declares XML entities (<!ENTITY> in a DOCTYPE), which accord does not expand")
    _refuse_excess(data)
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = feed.get("bozo_exception")
        raise InputRejected(f"not a readable feed{f': {problem}' if problem else ' (no entries)'}")
    outlet = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, 1):
        where = f"{origin}#entry-{n}"
        body = entry.get("content", [{}])[0].get("value") or entry.get("summary", "")
        try:
            article = make_article(
                fragment_text(body),
                where,
                url=entry.get("link"),
                source=outlet,
                title=entry.get("title"),
                published=entry.get("published_parsed") or entry.get("updated_parsed"),
            )
            require_article_text(article.text, "the feed entry")
            yield article
        except InputRejected as err:
            yield Rejected(where, err.reason)


def _refuse_excess(data: bytes) -> None:
    """Refuse a feed past libxml2's resource limits (nesting deeper than 256 levels, a text node
    over 10 MB), which feedparser would read in time quadratic in the depth. Other XML errors
    are left to feedparser, which reads many broken feeds."""
    try:
        etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as err:
        if err.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
            raise InputRejected(f"the feed is beyond what an XML parser should read: {err.msg.split(',')[0]}") from None
