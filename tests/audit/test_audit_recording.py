"""Each audited action leaves one entry with its actor and result, and no personal data."""

from __future__ import annotations

from pathlib import Path

import pytest
from auditkit import COORDINATOR_PIN, VOLUNTEER_PIN, audit_rows, audit_text, cheap_hasher
from sync.sitekit import HUB_CODE, build_site

from noodpost.core.clock import FixedClock
from noodpost.core.errors import NotFound, Refused
from noodpost.services.audit import AuditService
from noodpost.services.base import ServiceContext
from noodpost.services.privacy import PersonalList, PrivacyService
from noodpost.services.volunteers import VolunteersService
from noodpost.setup_node import FirstCoordinator, NodeRequest, initialise_node
from noodpost.storage.engine import open_database
from noodpost.storage.node import database_path
from noodpost.sync.service import SyncService

NAME = "Zyxwvutsma Qorbelt"


def test_init_is_the_first_entry_by_the_first_coordinator(
    tmp_path: Path, clock: FixedClock
) -> None:
    created = initialise_node(
        tmp_path / "node",
        NodeRequest(
            role="post",
            name="Dorpshuis Ten Boer",
            code="GR-0014",
            coordinator=FirstCoordinator(NAME, COORDINATOR_PIN),
        ),
        clock=clock,
        hasher=cheap_hasher(),
    )
    db = open_database(database_path(tmp_path / "node"))
    try:
        rows = audit_rows(db)
        text = audit_text(db)
    finally:
        db.close()
    assert created.coordinator is not None
    assert rows == [(created.coordinator.id, "init", "post GR-0014", "ok")]
    assert NAME not in text


def test_sign_ins_accepted_and_refused(
    ctx: ServiceContext, vols: VolunteersService, coordinator: str, volunteer: str
) -> None:
    vols.sign_out()
    with pytest.raises(Refused, match="Pincode onjuist"):
        vols.sign_in(volunteer, "11112222")
    with pytest.raises(NotFound):
        vols.sign_in("not-a-volunteer", VOLUNTEER_PIN)
    vols.sign_in(volunteer, VOLUNTEER_PIN)
    sign_ins = [r for r in audit_rows(ctx.db) if r[1] == "sign_in"]
    assert sign_ins == [
        (coordinator, "sign_in", f"vrijwilliger {coordinator}", "ok"),  # the fixture's
        (volunteer, "sign_in", f"vrijwilliger {volunteer}", "geweigerd"),
        ("not-a-volunteer", "sign_in", "vrijwilliger not-a-volunteer", "geweigerd"),
        (volunteer, "sign_in", f"vrijwilliger {volunteer}", "ok"),
    ]
    text = audit_text(ctx.db)
    for secret in (VOLUNTEER_PIN, "11112222", COORDINATOR_PIN, "Bram", "Anna"):
        assert secret not in text


def test_viewing_personal_lists_is_recorded_and_the_audit_log_is_for_coordinators(
    ctx: ServiceContext, vols: VolunteersService, coordinator: str, volunteer: str
) -> None:
    privacy = PrivacyService(ctx)
    privacy.record_view(PersonalList.PRESENCE)
    privacy.record_view(PersonalList.AUDIT)
    assert len(AuditService(ctx).recent()) >= 3

    vols.sign_in(volunteer, VOLUNTEER_PIN)
    privacy.record_view(PersonalList.MESSAGES)
    assert not privacy.may_view(PersonalList.AUDIT)
    with pytest.raises(Refused, match="alleen voor de coördinator"):
        privacy.record_view(PersonalList.AUDIT)
    with pytest.raises(Refused, match="alleen voor de coördinator"):
        AuditService(ctx).recent()

    views = [r for r in audit_rows(ctx.db) if r[1] == "view_personal"]
    assert views == [
        (coordinator, "view_personal", "aanwezigen", "ok"),
        (coordinator, "view_personal", "auditlogboek", "ok"),
        (volunteer, "view_personal", "veilig-en-wel-berichten", "ok"),
        (volunteer, "view_personal", "auditlogboek", "geweigerd"),
    ]


def test_nobody_signed_in_sees_no_personal_list(ctx: ServiceContext) -> None:
    with pytest.raises(Refused, match="Log eerst in"):
        PrivacyService(ctx).record_view(PersonalList.PRESENCE)
    assert audit_rows(ctx.db) == [(None, "view_personal", "aanwezigen", "geweigerd")]


def test_volunteers_see_colleagues_but_only_coordinators_their_phone_numbers(
    ctx: ServiceContext, vols: VolunteersService, coordinator: str
) -> None:
    carla = vols.add_volunteer("Carla", "volunteer", VOLUNTEER_PIN, phone="06-11112222").id
    assert vols.volunteer(carla).phone == "06-11112222"
    assert vols.volunteers_by_id([carla])[carla].volunteer.phone == "06-11112222"
    vols.sign_in(carla, VOLUNTEER_PIN)
    assert vols.volunteer(carla).phone is None
    assert vols.volunteers_by_id([carla])[carla].volunteer.phone is None
    assert {v.name for v in vols.list_volunteers()} == {"Anna Dijkstra", "Carla"}
    assert all(v.phone is None for v in vols.list_volunteers())


def test_pairing_approval_and_bundles_are_recorded_with_counts(
    tmp_path: Path, clock: FixedClock
) -> None:
    hub = build_site(tmp_path / "hub", clock, role="hub", code=HUB_CODE)
    post = build_site(tmp_path / "post", clock)
    try:
        actor = "00000000-0000-4000-8000-00000000a11a"
        hub.sync = SyncService(hub.db, clock, hub.data_dir, actor=lambda: actor)
        stick = tmp_path / "stick"
        stick.mkdir()
        pairing = tmp_path / "koppeling.json"
        hub.sync.export_pairing(pairing)
        post.sync.import_pairing(pairing)
        post.intake.register(size=2, name=NAME)
        post.sync.export_usb(stick)
        hub.sync.import_usb(stick)
        hub.sync.approve_post("GR-0014", post.sync.fingerprint)
        hub.sync.export_usb(stick)
        with pytest.raises(Refused):
            post.sync.approve_post("GR-0014")  # a post approves nothing: refused, recorded

        hub_rows = audit_rows(hub.db)
        post_rows = audit_rows(post.db)
        assert [r[1] for r in hub_rows] == [
            "pairing_export",
            "bundle_import",
            "post_approve",
            "bundle_export",
        ]
        assert all(r[0] == actor for r in hub_rows)
        assert hub_rows[0][2].startswith("koppelbestand koppeling.json (")
        assert "in quarantaine (wacht op goedkeuring)" in hub_rows[1][2]
        assert hub_rows[2][2].startswith("post GR-0014 (")
        assert "1 bundel uit quarantaine" in hub_rows[2][2]
        assert hub_rows[3][2].endswith("wijzigingen (USB)")
        assert [r[1] for r in post_rows] == [
            "pairing_import",
            "bundle_export",
            "post_approve",
        ]
        assert post_rows[0][2] == f"koppelbestand koppeling.json: C-NSP {HUB_CODE} " + (
            f"({hub.sync.fingerprint})"
        )
        assert post_rows[2][3] == "geweigerd"
        for site in (hub, post):
            assert NAME not in audit_text(site.db)
    finally:
        hub.db.close()
        post.db.close()
