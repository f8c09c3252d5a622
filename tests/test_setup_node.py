"""The one setup path behind ``noodpost init`` and the wizard: all or nothing."""

from __future__ import annotations

import shutil
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select
from support import FAST_HASHER

from noodpost import config, setup_node
from noodpost.core.catalogue import parse_catalogue
from noodpost.core.clock import FixedClock
from noodpost.core.errors import UserError
from noodpost.core.vocabulary import PostFunction
from noodpost.services.base import ServiceContext
from noodpost.services.setup import initialise
from noodpost.services.volunteers import VolunteersService
from noodpost.setup_node import (
    FirstCoordinator,
    NodeRequest,
    SetupProblem,
    check_setup,
    initialise_node,
    open_node,
)
from noodpost.storage.engine import Database, open_database
from noodpost.storage.models import Node, SupplyItem
from noodpost.storage.node import database_path

REQUEST = NodeRequest(
    role="post",
    name="  Dorpshuis Ten Boer ",
    code="gr-0014",
    capacity=80,
    services=(PostFunction.DISTRIBUTION.value, PostFunction.ALARM.value),
    coordinator=FirstCoordinator("Anna Dijkstra", "2468"),
)


def test_a_node_with_its_first_coordinator(tmp_path: Path, clock: FixedClock) -> None:
    created = initialise_node(tmp_path / "post", REQUEST, clock=clock, hasher=FAST_HASHER)

    assert (created.info.name, created.info.post_code) == ("Dorpshuis Ten Boer", "GR-0014")
    assert created.coordinator is not None
    assert created.coordinator.role == "coordinator"
    with closing(open_database(database_path(tmp_path / "post"))) as db:
        volunteers = VolunteersService(ServiceContext(db, clock))
        assert volunteers.sign_in(created.coordinator.id, "2468").name == "Anna Dijkstra"
    assert (tmp_path / "post" / "keys" / "signing.key").exists()


@pytest.mark.parametrize(
    ("change", "field", "phrase"),
    [
        ({"role": "bakkerij"}, "role", "Kies als rol"),
        ({"name": " "}, "name", "naam"),
        ({"code": "GR-14"}, "code", "klopt niet"),
        ({"capacity": -1}, "capacity", "negatief"),
        ({"services": ("koffie",)}, "services", "geen taak"),
        ({"coordinator": FirstCoordinator(" ", "2468")}, "coordinator_name", "naam"),
        ({"coordinator": FirstCoordinator("Anna", "24")}, "pin", "4 tot 8 cijfers"),
    ],
)
def test_each_wrong_value_names_its_field_and_nothing_is_made(
    tmp_path: Path, clock: FixedClock, change: dict[str, object], field: str, phrase: str
) -> None:
    request = NodeRequest(**{**REQUEST.__dict__, **change})  # type: ignore[arg-type]

    with pytest.raises(SetupProblem) as refused:
        initialise_node(tmp_path / "post", request, clock=clock, hasher=FAST_HASHER)

    assert refused.value.field == field
    assert phrase in refused.value.message
    assert not (tmp_path / "post").exists()  # every value is checked before anything is made


def test_a_failure_halfway_leaves_no_half_made_node(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_db: object, _data_dir: Path) -> None:
        raise UserError("De sleutelmap kan niet worden gemaakt.")

    monkeypatch.setattr(setup_node, "create_keys", broken)

    with pytest.raises(UserError, match="sleutelmap"):
        initialise_node(tmp_path / "post", REQUEST, clock=clock, hasher=FAST_HASHER)

    assert list((tmp_path / "post").iterdir()) == []  # no half-made database left behind
    monkeypatch.undo()
    created = initialise_node(tmp_path / "post", REQUEST, clock=clock, hasher=FAST_HASHER)
    assert created.coordinator is not None  # trying again simply works


def test_the_pin_stays_out_of_reprs() -> None:
    assert "2468" not in repr(REQUEST)
    assert "2468" not in repr(check_setup(REQUEST))


def _incarnation(db: Database) -> str:
    with db.read() as session:
        return session.scalars(select(Node.incarnation)).one()


def test_open_node_opens_a_node_that_is_set_up_and_nothing_else(
    tmp_path: Path, clock: FixedClock
) -> None:
    assert open_node(tmp_path / "nothing") is None
    assert not (tmp_path / "nothing").exists()  # never creates one
    (tmp_path / "empty").mkdir()
    open_database(database_path(tmp_path / "empty")).close()  # a database, no node in it
    assert open_node(tmp_path / "empty") is None

    initialise_node(tmp_path / "post", replace(REQUEST, coordinator=None), clock=clock)
    opened = open_node(tmp_path / "post")
    assert opened is not None
    with closing(opened) as db:
        assert ServiceContext(db, clock).node.post_code == "GR-0014"
        first = _incarnation(db)
    shutil.move(tmp_path / "post", tmp_path / "moved")  # copied to another laptop, say
    moved = open_node(tmp_path / "moved")
    assert moved is not None
    with closing(moved) as db:
        assert _incarnation(db) != first  # so no event number is ever used twice


def test_only_the_window_seeds_catalogue_items_shipped_after_the_setup(
    tmp_path: Path, clock: FixedClock
) -> None:
    data_dir = tmp_path / "post"
    data_dir.mkdir()
    version, items = parse_catalogue(config.catalogue_path().read_text(encoding="utf-8"))
    with closing(open_database(database_path(data_dir))) as db:  # set up before diesel
        older = [item for item in items if item.code != "diesel"]
        initialise(
            db,
            clock,
            role="post",
            name="Post",
            code="GR-0014",
            catalogue=older,
            catalogue_version=version,
        )

    def has_diesel(**seed: bool) -> bool:
        opened = open_node(data_dir, clock=clock, **seed)
        assert opened is not None
        with closing(opened) as db, db.read() as session:
            codes = session.scalars(select(SupplyItem.code)).all()
        return "diesel" in codes

    assert not has_diesel()  # a command or the hub server: nothing written unasked
    assert has_diesel(seed_catalogue=True)  # the window and its printing commands
