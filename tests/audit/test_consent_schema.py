"""Consent (DESIGN §3.6): health only as fixed flags, each with a dated consent; every
safe-and-well message records consent; no free-text health field anywhere in the schema."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from sqlalchemy import String, Text

from noodpost.core.entities import SPECS
from noodpost.core.errors import Refused, UserError
from noodpost.core.vocabulary import HealthFlag
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.messages import MessagesService
from noodpost.storage.models import STATE_MODELS

HEALTH_WORDS = re.compile(
    r"health|medic|medisch|diagnos|ziekte|gezondheid|condition|allerg|symptom|illness|kwaal",
    re.IGNORECASE,
)


def test_no_free_text_health_field_in_the_events_or_the_tables() -> None:
    for entity, spec in SPECS.items():
        for name, field in spec.fields.items():
            if HEALTH_WORDS.search(name):
                assert field.type != "str" or field.choices, f"{entity}.{name} is free text"
    for table, model in STATE_MODELS.items():
        for column in model.__table__.columns:
            if HEALTH_WORDS.search(column.name):
                assert not isinstance(column.type, String | Text), f"{table}.{column.name}"
    # The one place health is kept: the household's fixed flags, with their consents beside.
    assert SPECS["household"].fields["flags"].type == "list"
    assert SPECS["household"].fields["consents"].type == "dict"


def test_every_safe_and_well_message_records_consent() -> None:
    consent = SPECS["safe_message"].fields["consent"]
    assert consent.type == "bool"
    assert not consent.optional


def test_each_flag_gets_a_dated_consent(ctx: ServiceContext) -> None:
    intake = IntakeService(ctx)
    flags = [HealthFlag.NEEDS_MEDICATION.value, HealthFlag.POWER_DEPENDENT.value]
    household = intake.register(size=1, flags=flags, consent=True).household_id
    with ctx.read() as session:
        from noodpost.storage.models import Household

        row = session.get(Household, household)
        assert row is not None
        assert sorted(row.flags or []) == sorted(flags)
        assert set((row.consents or {}).keys()) == set(flags)
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in (row.consents or {}).values())


def test_a_flag_without_consent_is_refused_and_nothing_written(
    ctx: ServiceContext, event_count: Callable[[], int]
) -> None:
    intake = IntakeService(ctx)
    before = event_count()
    with pytest.raises(Refused, match="alleen vastgelegd met toestemming"):
        intake.register(size=2, flags=[HealthFlag.LESS_SELF_RELIANT.value], consent=False)
    assert event_count() == before
    household = intake.register(size=2).household_id
    before = event_count()
    with pytest.raises(Refused, match="alleen vastgelegd met toestemming"):
        intake.set_flags(household, [HealthFlag.NEEDS_MEDICATION.value], consent=False)
    assert event_count() == before


def test_a_free_text_flag_is_not_taken(ctx: ServiceContext, event_count: Callable[[], int]) -> None:
    before = event_count()
    with pytest.raises(UserError, match="geen bekende aandachtsvlag"):
        IntakeService(ctx).register(size=1, flags=["suikerziekte, insuline 3x"], consent=True)
    assert event_count() == before


def test_a_message_without_consent_is_kept_but_not_found_by_a_search(
    ctx: ServiceContext,
) -> None:
    messages = MessagesService(ctx)
    messages.record("Wybrecht Zonderja", "Wil niet gezocht worden", False)
    assert messages.search("Wybrecht") == []
