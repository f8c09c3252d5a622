"""The lines the supply, generator, regional and export services compose for a screen come
through the catalogue (issue 18), and what the SITREP prints stays in the post's language.

A marking catalogue wraps every text it is asked for in «…»: a text that reaches the screen
without the marks was written in Dutch in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from noodpost.core import i18n
from noodpost.core.clock import FixedClock
from noodpost.core.errors import NeedsConfirmation, NotFound, UserError
from noodpost.core.i18n import dutch
from noodpost.reports.exports import ExportService, personal_contents
from noodpost.reports.sitrep import SitrepService
from noodpost.services.base import ServiceContext
from noodpost.services.generator import GeneratorService
from noodpost.services.intake import IntakeService
from noodpost.services.regional import Shortage
from noodpost.services.supplies import SuppliesService

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)  # 10:00 Dutch time


@pytest.fixture
def marked() -> Iterator[None]:
    i18n.install(lambda context, text: "«" + text + "»")
    yield
    i18n.uninstall()


def _running_generator(ctx: ServiceContext, clock: FixedClock) -> None:
    """Runs at 6 l per hour; 50 l left at 17:00, an hour later: about 7 hours left."""
    generator = GeneratorService(ctx)
    for hours, left in ((0, 92), (7, 50)):
        clock.set(T0 + timedelta(hours=hours))
        generator.record(running=True, litres_left=left)
    clock.set(T0 + timedelta(hours=8))


def test_the_generator_line_on_screen_follows_the_catalogue(
    ctx: ServiceContext, clock: FixedClock, marked: None
) -> None:
    _running_generator(ctx, clock)
    state = GeneratorService(ctx).state()
    assert state is not None

    assert state.state_text == "«draait»"
    assert state.rate_text == "«{litres} l per uur»".replace("{litres}", "6")
    assert state.hours_text == "«nog {duration}»".replace("{duration}", "«± 7 uur»")
    assert state.summary(clock.now()) == (
        "«draait» · «50 l (om 17:00)» · «6 l per uur» · "
        "««nog «± 7 uur»» stroom, leeg rond 29-11 01:20»"
    )
    # The same words in the post's language, for a document.
    assert state.summary(clock.now(), dutch) == (
        "draait · 50 l (om 17:00) · 6 l per uur · nog ± 7 uur stroom, leeg rond 29-11 01:20"
    )


def test_a_stopped_generator_says_how_long_it_can_still_run(
    ctx: ServiceContext, clock: FixedClock, marked: None
) -> None:
    generator = GeneratorService(ctx)
    clock.set(T0)
    generator.record(running=True, litres_left=60)
    clock.set(T0 + timedelta(hours=2))
    generator.record(running=False, litres_left=48)  # 6 l per hour: 8 hours of running left
    state = generator.state()
    assert state is not None

    assert state.summary(clock.now()).endswith("«brandstof voor «± 8 uur» draaien»")
    assert state.summary(clock.now(), dutch).endswith("brandstof voor ± 8 uur draaien")


def test_the_sitrep_keeps_the_fuel_line_in_dutch(
    ctx: ServiceContext, clock: FixedClock, marked: None
) -> None:
    _running_generator(ctx, clock)
    (post,) = SitrepService(ctx).report().posts
    assert "Aggregaat: brandstof nog ± 7 uur (50 l in de tank)." in post.bottlenecks


def test_a_shortage_on_the_regio_page_follows_the_catalogue(marked: None) -> None:
    water = Shortage("water", "Drinkwater", "l", 40, 100, 6.0)
    assert water.text == "«{item} {amount} (minimum {minimum}), {left}»".format(
        item="Drinkwater", amount="40 l", minimum="100 l", left="«nog «± 6 uur»»"
    )
    unknown = Shortage("water", "Drinkwater", "l", 40, 100, None)
    assert unknown.text == "«Drinkwater 40 l (minimum 100 l)»"


def test_the_export_summary_and_its_warning_follow_the_catalogue(
    ctx: ServiceContext, tmp_path: Path, marked: None
) -> None:
    result = ExportService(ctx).export_csv(tmp_path / "export")
    assert result.summary.startswith("«Export «zonder persoonsgegevens» geschreven naar ")
    assert f"«tabellen», {result.rows} «regels»." in result.summary
    contents = personal_contents()
    assert contents[0] == "«namen en geboortejaren van huishoudens en gezinsleden»"
    assert all(line.startswith("«") for line in contents)


def test_a_hand_out_beyond_the_ration_asks_through_the_catalogue(
    ctx: ServiceContext, marked: None
) -> None:
    household = IntakeService(ctx).register(size=2).household_id  # 6 l of water a day
    supplies = SuppliesService(ctx)
    supplies.hand_out(household, "water", 6)
    with pytest.raises(NeedsConfirmation) as asked:
        supplies.hand_out(household, "water", 3)
    assert asked.value.message == (
        "«Met {amount} {item} gaat dit huishouden over het rantsoen van vandaag. "
        "Geef een reden als u toch {amount} uitgeeft.»"
    ).format(amount="3 l", item="drinkwater")


def test_refusals_come_through_the_catalogue(ctx: ServiceContext, marked: None) -> None:
    with pytest.raises(NotFound) as unknown:
        SuppliesService(ctx).item("kaviaar")
    assert unknown.value.message == "«Artikel 'kaviaar' staat niet in de voorraadlijst.»"
    with pytest.raises(UserError) as empty:
        GeneratorService(ctx).record(running=True, litres_left=-1)
    assert empty.value.message == "«Vul bij «'liter over'» een aantal liter in van 0 of meer.»"
