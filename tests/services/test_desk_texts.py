"""The desk's lines come through the interface's catalogue (issue 18: no Dutch in English).

A marking lookup stands in for the English catalogue: every text that went through
:func:`noodpost.core.i18n.translate` comes back between « and ». The stored words inside a
line (a need's kind and urgency, a health flag) are looked up too; the device, as the
volunteer typed it, is not.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from noodpost.core import i18n
from noodpost.core.errors import NotFound
from noodpost.core.vocabulary import HealthFlag
from noodpost.services.base import ServiceContext
from noodpost.services.charging import ChargingService
from noodpost.services.desk import DeskService
from noodpost.services.intake import IntakeService
from noodpost.services.messages import MessagesService
from noodpost.services.needs import NeedsService
from noodpost.services.visits import VisitsService


@pytest.fixture
def marked() -> Iterator[None]:
    i18n.install(lambda context, text: "«" + text + "»")
    yield
    i18n.uninstall()


def _household(ctx: ServiceContext) -> str:
    registered = IntakeService(ctx).register(
        size=3, flags=[HealthFlag.NEEDS_MEDICATION], consent=True
    )
    household = registered.household_id
    VisitsService(ctx).check_in(household)  # 10:00
    NeedsService(ctx).open_need("medical", "high", household)
    ChargingService(ctx).check_in("telefoon", household)
    return household


def test_the_panel_lines_are_looked_up(ctx: ServiceContext, marked: None) -> None:
    panel = DeskService(ctx).panel(_household(ctx))

    assert panel.size_text == "3 «personen»"
    assert [f.text for f in panel.flags] == ["««medicatie nodig» (toestemming 28-11)»"]
    assert [v.text for v in panel.visits_today] == ["««sinds 10:00» (3 pers.)»"]
    assert [n.text for n in panel.open_needs] == ["««medische zorg» («hoog») sinds 10:00»"]
    assert [t.text for t in panel.charging] == ["«bon 1 · telefoon, sinds 10:00»"]


def test_the_recent_actions_are_looked_up(ctx: ServiceContext, marked: None) -> None:
    household = _household(ctx)
    MessagesService(ctx).record("Piet Jansen", "Ik ben veilig", True, household_id=household)
    VisitsService(ctx).check_out(household)

    whats = [a.what for a in DeskService(ctx).recent_actions(limit=20)]

    assert whats == [
        "«afgemeld»",
        "«veilig-en-welbericht»",
        "«oplaadbon 1»",
        "«hulpvraag «medische zorg»»",
        "«aangemeld (3 pers.)»",
        "«ingeschreven (3 pers.)»",
    ]


def test_an_unknown_household_is_refused_through_the_catalogue(
    ctx: ServiceContext, marked: None
) -> None:
    with pytest.raises(NotFound) as refused:
        DeskService(ctx).panel("no-such-household")
    assert refused.value.message.startswith("«Dit huishouden is niet (meer) bekend.")
