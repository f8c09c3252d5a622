"""Callables for a table model that do not keep their page alive.

A :class:`~noodpost.gui.models.lazy.LazyTableModel` holds its ``load_ids`` and ``fetch``
callables. When those are bound methods of the page that owns the model, page and model form
a reference cycle, and a page that is garbage-collected while it is still alive (a page built
outside a main window, as tests do) crashed PySide6 6.11.2 inside the cyclic collector for the
Synchronisatie page. Passing weak callables instead keeps the page freed by reference counting,
as every other widget is; once the page is gone they answer "no rows".
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping, Sequence
from typing import Any

Row = Sequence[Any]


def weak_ids(method: Callable[[], Sequence[str]]) -> Callable[[], Sequence[str]]:
    """``load_ids`` for a model, from a bound method, without a strong reference to its object."""
    ref = weakref.WeakMethod(method)

    def load_ids() -> Sequence[str]:
        bound = ref()
        return bound() if bound is not None else []

    return load_ids


def weak_rows(
    method: Callable[[Sequence[str]], Mapping[str, Row]],
) -> Callable[[Sequence[str]], Mapping[str, Row]]:
    """``fetch`` for a model, from a bound method, without a strong reference to its object."""
    ref = weakref.WeakMethod(method)

    def fetch(ids: Sequence[str]) -> Mapping[str, Row]:
        bound = ref()
        return bound(ids) if bound is not None else {}

    return fetch
