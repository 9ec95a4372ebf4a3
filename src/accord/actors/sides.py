"""The two sides of a reciprocal phrase ("both sides", "each other"): the two distinct
countries named nearest it. The resolver names the pair actor with them; the event coder
takes them as source and target."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def nearest_two(items: Iterable[T], at: float, country_of: Callable[[T], str | None], where: Callable[[T], float]) -> list[T]:
    """The nearest item of each of the two distinct countries named nearest `at`, nearest first
    (fewer when the items name fewer countries)."""
    sides: dict[str, T] = {}
    for item in sorted((i for i in items if country_of(i)), key=lambda i: abs(where(i) - at)):
        sides.setdefault(country_of(item), item)
        if len(sides) == 2:
            break
    return list(sides.values())
