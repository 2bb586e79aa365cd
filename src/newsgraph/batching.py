"""Cutting a stream into lists of a fixed size, for worker pools that take work by the chunk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter); reads the stream lazily."""
    if size < 1:
        raise ValueError("chunk size must be 1 or more")
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
