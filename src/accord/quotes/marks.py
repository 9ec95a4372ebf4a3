"""Quotation marks: where quoted words start and end, paragraph by paragraph, tolerating errors.

Double marks (" “ ” « ») and single marks (‘ ’ ') are paired inside a paragraph; marks of the
other kind inside a quotation are nested quotes and ignored. A quotation left open at the end of
a paragraph runs to the line break: the open-paragraph convention when the next paragraph opens
with a mark again; otherwise a text cut off inside a quote or an unbalanced mark, which lowers
the confidence of the record.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Span

OPENERS = {"“": "double", "«": "double", "‘": "single"}
CLOSERS = {"”": "double", "»": "double", "’": "single"}
STRAIGHT = {'"': "double", "'": "single"}
BEFORE_OPENING = " \t([{—–-/:"


@dataclass(frozen=True)
class Quoted:
    """Words between quotation marks; `start`/`end` exclude the marks themselves."""

    start: int
    end: int
    open: int | None  # offset of the opening mark, None when it is missing
    close: int | None  # offset of the closing mark, None when the quotation runs to the line break
    balanced: bool = True

    @property
    def outer(self) -> Span:
        """The quotation with its marks."""
        return Span(self.open if self.open is not None else self.start, self.close + 1 if self.close is not None else self.end)


def _role(text: str, i: int, lo: int, hi: int) -> tuple[str, str] | None:
    """(role, kind) of a quotation mark at `i`, None for an apostrophe.

    The role is open, close, either (a straight mark its neighbours do not decide), or soft: a
    mark that closes an open single quotation and is otherwise an apostrophe.
    """
    ch = text[i]
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if ch in OPENERS:
        return ("open", OPENERS[ch]) if not (ch == "‘" and after.isdigit()) else None
    kind = CLOSERS.get(ch) or STRAIGHT.get(ch)
    if kind is None:
        return None
    if before.isalnum() and after.isalnum() and ch != "”":
        return None  # Trump's, don't, and the typo Ukraine"s
    if kind == "single" and before in "sS" and after.isspace():
        return ("soft", kind)  # leaders' summit, unless a single quotation is open
    opening = before in BEFORE_OPENING or before in OPENERS or before in '"'
    closing = not before.isspace() and (after.isspace() or not after.isalnum())
    if ch in CLOSERS and not opening:
        return ("close", kind)
    if opening and not after.isspace():
        return ("open", kind)
    return ("close", kind) if closing else ("either", kind)


def _marks(text: str, lo: int, hi: int) -> list[tuple[int, str, str]]:
    marks = []
    for i in range(lo, hi):
        if text[i] in OPENERS or text[i] in CLOSERS or text[i] in STRAIGHT:
            role = _role(text, i, lo, hi)
            if role:
                marks.append((i, *role))
    return marks


def _pairs(text: str, lo: int, hi: int) -> tuple[list[tuple[int | None, int | None]], bool]:
    """Pairs of (open, close) offsets in one paragraph, and whether every mark found a partner."""
    marks = _marks(text, lo, hi)
    pairs: list[tuple[int | None, int | None]] = []
    balanced = True
    current: tuple[int, str] | None = None
    for n, (i, role, kind) in enumerate(marks):
        if current is None:
            if role in ("open", "either"):
                if kind == "single" and not any(r != "open" and k == "single" for _, r, k in marks[n + 1 :]):
                    continue  # a single opener that never closes is an apostrophe (’90s, ’em)
                current = (i, kind)
            elif kind == "double" and not pairs:
                pairs.append((None, i))  # the paragraph's first mark closes: its opening mark is missing
                balanced = False
        elif kind == current[1] and role in ("close", "either", "soft"):
            pairs.append((current[0], i))
            current = None
        elif kind == current[1] and role == "open" and kind == "double":
            balanced = False  # an opening mark while one is open: the first never closed
            pairs.append((current[0], None))
            current = (i, kind)
    if current is not None:
        pairs.append((current[0], None))
    return pairs, balanced


def find_quoted(text: str, paragraphs: tuple[Span, ...]) -> list[Quoted]:
    """Every quotation in the paragraphs, in text order."""
    found: list[Quoted] = []
    for n, para in enumerate(paragraphs):
        pairs, balanced = _pairs(text, para.start, para.end)
        nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        for open_, close in pairs:
            if open_ is None:
                found.append(Quoted(para.start, close, None, close, balanced=False))
            elif close is not None:
                found.append(Quoted(open_ + 1, close, open_, close, balanced))
            else:
                reopened = nxt is not None and (text[nxt.start] in OPENERS or text[nxt.start] in STRAIGHT)
                found.append(Quoted(open_ + 1, para.end, open_, None, balanced and reopened))
    return found
