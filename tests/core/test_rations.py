"""Ration rules and the Dutch calendar day they count in (pure, no database)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from noodpost.core import dutch, localtime, rations
from noodpost.core.clock import iso
from noodpost.core.rations import RationRule

WATER = RationRule("Drinkwater", "l", per_person_per_day=3)
FOOD = RationRule("Voedselpakket", "pakket", per_household_per_day=1, min_interval_minutes=240)
BLANKET = RationRule("Deken", "stuk", per_person_per_day=1, min_interval_minutes=1440)
#: Saturday 28 November 2026, 10:00 in the Netherlands.
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


# ---------------------------------------------------------------- the rule


def test_daily_limit_per_person_per_household_both_or_none() -> None:
    assert WATER.daily_limit(4) == 12
    assert FOOD.daily_limit(4) == 1
    both = RationRule("Luiers", "stuk", per_person_per_day=4, per_household_per_day=10)
    assert both.daily_limit(2) == 8
    assert both.daily_limit(5) == 10  # the stricter counts
    assert RationRule("Informatie", "folder").daily_limit(3) is None


def test_within_the_ration_is_allowed_without_warnings() -> None:
    verdict = rations.check(WATER, 2, 3, NOW - timedelta(minutes=5), NOW, 3)

    assert verdict.allowed
    assert verdict.warnings == ()
    assert verdict.allowance.remaining == 3
    assert verdict.allowance.text == "3 l van 6 l"


def test_exceeding_todays_ration_warns_with_the_amounts() -> None:
    verdict = rations.check(WATER, 4, 6, None, NOW, 9)

    assert not verdict.allowed
    assert verdict.over_limit
    assert not verdict.too_soon
    assert verdict.warnings == (
        "Drinkwater: vandaag al 6 van 12 l ontvangen.",
        "Met 9 l erbij wordt het 15 l: 3 l meer dan het rantsoen.",
    )


def test_a_first_hand_out_above_the_ration_names_the_ration() -> None:
    verdict = rations.check(WATER, 2, 0, None, NOW, 7.5)

    assert verdict.over_limit
    assert verdict.warnings[0] == "Drinkwater: het rantsoen is 6 l per dag voor dit huishouden."
    assert verdict.warnings[1] == "Met 7,5 l erbij wordt het 7,5 l: 1,5 l meer dan het rantsoen."


def test_exactly_the_ration_is_allowed_despite_float_sums() -> None:
    rule = RationRule("Melk", "l", per_household_per_day=0.3)

    assert rations.check(rule, 1, 0.1 + 0.1, None, NOW, 0.1).allowed


def test_minimum_interval_warns_with_the_time_it_is_possible_again() -> None:
    last = NOW - timedelta(minutes=30)  # 09:30 in the Netherlands

    verdict = rations.check(FOOD, 3, 0, last, NOW, 1)

    assert verdict.too_soon
    assert not verdict.over_limit
    assert verdict.warnings == (
        "Vorige uitgifte voedselpakket om 09:30 (30 minuten geleden); tussen twee uitgiftes "
        "zit minstens 4 uur. Weer mogelijk vanaf 13:30.",
    )
    assert verdict.allowance.next_allowed_at == last + timedelta(minutes=240)
    assert verdict.allowance.text == "0 pakketten van 1 pakket · weer vanaf 13:30"


def test_interval_that_has_passed_is_no_warning() -> None:
    assert rations.check(FOOD, 3, 0, NOW - timedelta(minutes=240), NOW, 1).allowed


def test_interval_and_ration_both_reported() -> None:
    verdict = rations.check(BLANKET, 1, 1, NOW - timedelta(hours=2), NOW, 1)

    assert verdict.over_limit
    assert verdict.too_soon
    assert len(verdict.warnings) == 3
    assert "minstens 1 dag" in verdict.warnings[2]


def test_received_never_counts_below_zero() -> None:
    state = rations.allowance(WATER, 1, -3, None, NOW)
    assert state.received == 0
    assert state.remaining == 3


def test_item_without_ration_has_no_limit() -> None:
    rule = RationRule("Informatie", "folder")
    verdict = rations.check(rule, 1, 50, None, NOW, 10)

    assert verdict.allowed
    assert verdict.allowance.remaining is None
    assert verdict.allowance.text == "50 folder (geen rantsoen)"


@given(
    size=st.integers(min_value=1, max_value=30),
    received=st.integers(min_value=0, max_value=200),
    quantity=st.integers(min_value=1, max_value=200),
)
def test_warns_exactly_when_the_total_exceeds_the_ration(
    size: int, received: int, quantity: int
) -> None:
    verdict = rations.check(WATER, size, received, None, NOW, quantity)
    assert verdict.allowed == (received + quantity <= 3 * size)
    assert bool(verdict.warnings) != verdict.allowed


# ---------------------------------------------------------------- Dutch text


@pytest.mark.parametrize(
    ("quantity", "text"),
    [(3, "3"), (3.0, "3"), (1.5, "1,5"), (0.25, "0,25"), (-2, "-2"), (1 / 3, "0,333")],
)
def test_amounts_use_a_decimal_comma(quantity: float, text: str) -> None:
    assert dutch.format_amount(quantity) == text


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, "0 minuten"),
        (1, "1 minuut"),
        (30, "30 minuten"),
        (60, "1 uur"),
        (90, "1 uur en 30 minuten"),
        (240, "4 uur"),
        (1440, "1 dag"),
        (10080, "7 dagen"),
        (1500, "25 uur"),
    ],
)
def test_durations_in_dutch(minutes: int, text: str) -> None:
    assert dutch.format_duration(minutes) == text


def test_clock_time_shows_the_date_only_on_another_day() -> None:
    assert dutch.format_clock(NOW, NOW) == "10:00"
    assert dutch.format_clock(NOW + timedelta(days=7), NOW) == "5-12 10:00"


# ---------------------------------------------------------------- the Dutch day


def test_day_bounds_in_winter_and_summer() -> None:
    assert localtime.day_bounds(NOW) == (
        "2026-11-27T23:00:00.000+00:00",
        "2026-11-28T23:00:00.000+00:00",
    )
    assert localtime.day_bounds(datetime(2026, 7, 1, 12, 0, tzinfo=UTC)) == (
        "2026-06-30T22:00:00.000+00:00",
        "2026-07-01T22:00:00.000+00:00",
    )


def test_late_evening_utc_is_already_tomorrow_in_the_netherlands() -> None:
    moment = datetime(2026, 11, 28, 23, 30, tzinfo=UTC)  # 00:30 on Sunday the 29th

    assert localtime.local_day(moment).isoformat() == "2026-11-29"
    assert localtime.day_bounds(moment)[0] == "2026-11-28T23:00:00.000+00:00"


def test_days_when_the_clocks_change_are_23_and_25_hours() -> None:
    spring = localtime.day_bounds(datetime(2026, 3, 29, 12, 0, tzinfo=UTC))
    autumn = localtime.day_bounds(datetime(2026, 10, 25, 12, 0, tzinfo=UTC))

    assert spring == ("2026-03-28T23:00:00.000+00:00", "2026-03-29T22:00:00.000+00:00")
    assert autumn == ("2026-10-24T22:00:00.000+00:00", "2026-10-25T23:00:00.000+00:00")


moments = st.datetimes(
    min_value=datetime(1997, 1, 1), max_value=datetime(2037, 12, 31), timezones=st.just(UTC)
)


@given(moment=moments)
def test_a_moment_lies_within_its_own_day(moment: datetime) -> None:
    start, end = localtime.day_bounds(moment)
    length = datetime.fromisoformat(end) - datetime.fromisoformat(start)

    assert start <= iso(moment) < end
    assert length in {timedelta(hours=23), timedelta(hours=24), timedelta(hours=25)}


def test_the_dutch_day_needs_no_time_zone_database_of_the_system() -> None:
    """As on Windows: no system zoneinfo at all, and still Dutch summer and winter time."""
    script = (
        "from datetime import datetime, UTC\n"
        "from noodpost.core.localtime import local_time\n"
        "print(local_time(datetime(2026, 7, 1, 12, tzinfo=UTC)).hour,"
        " local_time(datetime(2026, 12, 1, 12, tzinfo=UTC)).hour)\n"
    )
    env = {**os.environ, "PYTHONTZPATH": ""}  # zoneinfo then reads only the tzdata package
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )

    assert out.stdout.split() == ["14", "13"]


@pytest.mark.parametrize(
    ("quantity", "unit", "text"),
    [
        (0, "maaltijd", "0 maaltijden"),
        (1, "maaltijd", "1 maaltijd"),
        (2, "maaltijd", "2 maaltijden"),
        (0, "stuk", "0 stuks"),
        (1, "stuk", "1 stuk"),
        (2, "portie", "2 porties"),
        (1.5, "pakket", "1,5 pakketten"),
        (2, "l", "2 l"),
        (2, "krat", "2 krat"),
    ],
)
def test_a_count_unit_follows_the_number(quantity: float, unit: str, text: str) -> None:
    """'0 maaltijd van 8 maaltijd' was shown at the desk (issue 18, item 12)."""
    assert dutch.format_quantity(quantity, unit) == text
