"""The pure retention rules: due dates, age bands, postcode areas, the anonymised form."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from noodpost.core.entities import SPECS
from noodpost.core.retention import (
    ANONYMISED_FIELDS,
    DEFAULT_RETENTION_DAYS,
    age_band,
    anonymised,
    due_at,
    is_due,
    needs_anonymising,
    postcode_area,
    scrub_event_data,
)

CLOSED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def test_due_thirty_days_after_closing_by_default() -> None:
    assert DEFAULT_RETENTION_DAYS == 30
    assert due_at(CLOSED, None) == CLOSED + timedelta(days=30)
    assert not is_due(CLOSED, None, CLOSED + timedelta(days=29, hours=23))
    assert is_due(CLOSED, None, CLOSED + timedelta(days=30))
    assert is_due(CLOSED, 7, CLOSED + timedelta(days=7))
    assert not is_due(None, 7, CLOSED + timedelta(days=700))  # open: never


@pytest.mark.parametrize(
    ("born", "band"),
    [
        (2026, "0-17"),
        (2009, "0-17"),
        (2008, "18-64"),
        (1962, "18-64"),
        (1961, "65+"),
        (1920, "65+"),
        (None, None),
    ],
)
def test_age_bands(born: int | None, band: str | None) -> None:
    assert age_band(born, 2026) == band


@pytest.mark.parametrize(
    ("postcode", "area"),
    [("9791 AB", "9791"), ("9791AB", "9791"), ("9791", "9791"), ("AB", None), (None, None)],
)
def test_postcode_keeps_its_digits(postcode: str | None, area: str | None) -> None:
    assert postcode_area(postcode) == area


def test_a_household_keeps_size_and_card_but_loses_what_points_to_a_person() -> None:
    row = {
        "post_code": "GR-0014",
        "card_code": "7K3Q9XW2",
        "size": 4,
        "name": "Jansen",
        "birth_year": 1950,
        "postcode": "9791 AB",
        "language": "nl",
        "flags": ["medication"],
        "consents": {"medication": "2026-11-27"},
        "anonymised": None,
    }
    values = anonymised("household", row, 2026)
    assert values == {
        "name": None,
        "birth_year": None,
        "age_band": "65+",
        "postcode": "9791",
        "flags": [],
        "consents": {},
        "anonymised": True,
    }
    assert needs_anonymising("household", row, 2026)
    assert not needs_anonymising("household", {**row, **values}, 2026)


def test_every_anonymised_field_is_a_field_of_its_entity_and_the_result_validates() -> None:
    for entity, fields in ANONYMISED_FIELDS.items():
        spec = SPECS[entity]
        assert set(fields) <= set(spec.fields), entity
        values = anonymised(entity, {"birth_year": 1980, "postcode": "1234 AB"}, 2026)
        assert set(values) == set(fields), entity
        spec.validate("update", values)


def test_scrubbing_an_old_event_touches_only_the_fields_it_carries() -> None:
    create = {
        "post_code": "GR-0014",
        "card_code": "X",
        "size": 2,
        "name": "Jansen",
        "birth_year": 1950,
        "flags": ["medication"],
        "consents": {"medication": "d"},
    }
    clean = scrub_event_data("household", create, 2026)
    assert clean == {
        "post_code": "GR-0014",
        "card_code": "X",
        "size": 2,
        "name": None,
        "birth_year": None,
        "flags": [],
        "consents": {},
    }
    SPECS["household"].validate("create", clean)
    assert scrub_event_data("household", clean, 2026) is None  # already clean
    assert scrub_event_data("household", {"size": 3}, 2026) is None
    assert scrub_event_data("visit", {"persons": 3}, 2026) is None
    message = {"post_code": "GR-0014", "name": "Piet", "consent": True, "contact": "06-1"}
    clean_message = scrub_event_data("safe_message", message, 2026)
    assert clean_message == {"post_code": "GR-0014", "name": "", "consent": True, "contact": None}
    SPECS["safe_message"].validate("create", clean_message)
