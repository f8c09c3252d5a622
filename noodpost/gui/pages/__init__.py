"""The screens of the main window, one module each; :func:`build_pages` puts them in order."""

from __future__ import annotations

from noodpost.gui.context import AppContext
from noodpost.gui.pages.base import Page


def build_pages(app: AppContext) -> list[Page]:
    """The pages for this node, in navigation order (a hub has no desk)."""
    from noodpost.gui.pages.overview import OverviewPage  # noqa: PLC0415

    return [OverviewPage(app)]
