"""The radio line of an alarm (DESIGN §3.4)."""

from __future__ import annotations

from datetime import UTC, datetime

from noodpost.core.alarms import radio_line


def test_radio_line_exactly_as_designed() -> None:
    line = radio_line(
        post_code="GR-0014",
        alarm_type="ambulance",
        urgency="immediate",
        location="Kerkstraat 5 zaal 2",
        raised_at=datetime(2026, 11, 28, 13, 32, tzinfo=UTC),  # 14:32 in winter
        persons=2,
    )
    assert line == "NSP GR-0014 | AMBULANCE | SPOED | 2 pers | Kerkstraat 5 zaal 2 | 14:32"


def test_radio_line_without_persons_and_in_summer_time() -> None:
    line = radio_line(
        post_code="GR-0014",
        alarm_type="fire",
        urgency="high",
        location="Dorpsstraat 1",
        raised_at=datetime(2026, 7, 1, 12, 32, tzinfo=UTC),  # 14:32 in summer
    )
    assert line == "NSP GR-0014 | BRANDWEER | HOOG | Dorpsstraat 1 | 14:32"


def test_radio_line_keeps_the_location_on_one_readable_line() -> None:
    line = radio_line(
        post_code="UT-0002",
        alarm_type="police",
        urgency="normal",
        location="Markt 3 |\n  achteringang",
        raised_at=datetime(2026, 11, 28, 23, 5, tzinfo=UTC),
        persons=1,
    )
    assert line == "NSP UT-0002 | POLITIE | NORMAAL | 1 pers | Markt 3 achteringang | 00:05"


def test_radio_line_leaves_out_an_unknown_location() -> None:
    line = radio_line(
        post_code="GR-0014",
        alarm_type="other",
        urgency="normal",
        location="  ",
        raised_at=datetime(2026, 11, 28, 9, 0, tzinfo=UTC),
    )
    assert line == "NSP GR-0014 | OVERIG | NORMAAL | 10:00"
