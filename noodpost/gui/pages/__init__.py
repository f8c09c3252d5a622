"""The screens of the main window, one module each; :func:`build_pages` puts them in order."""

from __future__ import annotations

from noodpost.gui.context import AppContext
from noodpost.gui.pages.alarms import AlarmsPage
from noodpost.gui.pages.base import Page
from noodpost.gui.pages.bulletins import BulletinsPage
from noodpost.gui.pages.charging import ChargingPage
from noodpost.gui.pages.desk import DeskPage
from noodpost.gui.pages.logbook import LogbookPage
from noodpost.gui.pages.messages import MessagesPage
from noodpost.gui.pages.needs import NeedsPage
from noodpost.gui.pages.overview import OverviewPage
from noodpost.gui.pages.presence import PresencePage
from noodpost.gui.pages.regional import RegionalPage
from noodpost.gui.pages.reports import ReportsPage
from noodpost.gui.pages.supplies import SuppliesPage
from noodpost.gui.pages.supply_notices import SupplyNoticesPage
from noodpost.gui.pages.sync import SyncPage
from noodpost.gui.pages.volunteers import VolunteersPage
from noodpost.gui.printing.cards import print_registered_card


def build_pages(app: AppContext) -> list[Page]:
    """The pages for this node, in navigation order (DESIGN §5; a hub has no desk)."""
    alarms = AlarmsPage(app)
    if app.node.is_hub:
        return [
            RegionalPage(app),
            OverviewPage(app),
            NeedsPage(app),
            alarms,
            SupplyNoticesPage(app),
            MessagesPage(app),
            VolunteersPage(app),
            LogbookPage(app),
            BulletinsPage(app),
            SyncPage(app),
            ReportsPage(app),
        ]
    common = [alarms, VolunteersPage(app), LogbookPage(app), BulletinsPage(app), SyncPage(app)]
    desk = DeskPage(app)
    desk.print_card = lambda registered: print_registered_card(
        registered, app.node.name, None, app.node.training, desk.window()
    )
    desk.alarm_requested.connect(alarms.open_form)
    return [
        desk,
        PresencePage(app),
        NeedsPage(app),
        SuppliesPage(app),
        SupplyNoticesPage(app),
        ChargingPage(app),
        MessagesPage(app),
        *common,
        OverviewPage(app),
        ReportsPage(app),
    ]
