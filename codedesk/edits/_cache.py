"""A bounded least-recently-used cache for facts a batch of claims re-reads."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LruCache(OrderedDict[K, V]):
    """A mapping that drops its least recently used entry past ``limit``.

    A subclass of ``OrderedDict``, so ``key in cache`` stays a C call: the
    checker asks it several hundred times a claim.
    """

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def __getitem__(self, key: K) -> V:
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key: K, value: V) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        if len(self) > self.limit:
            self.popitem(last=False)

    def update_from(self, items: Mapping[K, V]) -> None:
        """Store several entries, evicting as each goes in."""
        for key, value in items.items():
            self[key] = value
