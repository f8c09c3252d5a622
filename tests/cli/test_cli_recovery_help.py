"""The code is lost: the C-NSP helps restore a sealed backup without ever seeing the data.

Real ``python -m noodpost`` processes for a hub, a paired and approved post, and a
replacement laptop: ``restore --verzoek`` → ``posts herstel`` at the hub → ``restore
--antwoord``. The request and the answer hold no name; the answer opens this backup for this
laptop only; the laptop then gets a new recovery code. Refusals change nothing.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from clikit import data_of, folder_digest, noodpost, ok, refused

from noodpost.core.clock import SystemClock
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.storage.engine import open_database

NAME = "Wiebren Zwanenburg-Hoekstra"
POST = ["--role", "post", "--name", "Dorpshuis Ten Boer", "--code", "GR-0014"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``root/hub`` and ``root/post`` paired and approved; ``root/stick`` with a sealed backup."""
    root = tmp_path_factory.mktemp("help")
    hub, post, stick = root / "hub", root / "post", root / "stick"
    ok(hub, "init", "--role", "hub", "--name", "C-NSP Groningen", "--code", "GR-9000")
    ok(post, "init", *POST)
    ok(hub, "pairing", "export", root / "pair.json")
    ok(post, "pairing", "import", root / "pair.json")
    stick.mkdir()
    (root / "bundles").mkdir()
    ok(post, "sync", "export", root / "bundles")
    ok(hub, "sync", "import", root / "bundles")
    ok(hub, "posts", "approve", "GR-0014")
    db = open_database(post / "noodpost.db")
    try:
        IntakeService(ServiceContext(db, SystemClock())).register(size=3, name=NAME)
    finally:
        db.close()
    ok(post, "backup", stick)
    return root


def _backup(root: Path) -> Path:
    [found] = (root / "stick").glob("*.npbk")
    return found


def test_the_hub_helps_restore_without_the_code_and_a_new_code_is_made(
    site: Path, tmp_path: Path
) -> None:
    backup, laptop = _backup(site), tmp_path / "nieuwe-laptop"
    request, answer = tmp_path / "verzoek.json", tmp_path / "antwoord.json"
    asked = ok(laptop, "restore", backup, "--verzoek", request)
    fingerprint = re.search(r"Vingerafdruk van het verzoek: ([0-9A-F-]{19})", asked)
    assert fingerprint, asked
    assert "nog niets teruggezet" in asked
    assert not (laptop / "noodpost.db").exists()
    assert json.loads(request.read_text())["vingerafdruk"] == fingerprint.group(1)

    hub_before = folder_digest(site / "hub")
    helped = ok(site / "hub", "posts", "herstel", request, answer)
    assert "GR-0014" in helped
    assert "Dorpshuis Ten Boer" in helped
    assert fingerprint.group(1) in helped
    assert folder_digest(site / "hub") != hub_before  # the audit entry
    for document in (request, answer):
        assert NAME.encode() not in document.read_bytes()

    restored = ok(laptop, "restore", backup, "--antwoord", answer, "--ja")
    assert "teruggezet" in restored
    new_code = re.search(r"Nieuwe herstelcode: ([0-9A-Z-]{34})", restored)
    assert new_code, restored
    assert data_of(laptop)[0] == data_of(site / "post")[0]
    assert NAME in data_of(laptop)[2]
    assert (laptop / "keys" / "herstelcode.txt").read_text().strip() == new_code.group(1)
    assert not (laptop / "keys" / "herstelverzoek.key").exists()  # one answer, one restore

    # New sealed backups open with the new code.
    again = tmp_path / "stick2"
    again.mkdir()
    ok(laptop, "backup", again)
    [sealed] = again.glob("*.npbk")
    ok(tmp_path / "derde", "restore", sealed, "--herstelcode", new_code.group(1), "--ja")


def test_an_answer_for_another_laptop_or_backup_and_a_foreign_hub_are_refused(
    site: Path, tmp_path: Path
) -> None:
    backup = _backup(site)
    first, second = tmp_path / "laptop-a", tmp_path / "laptop-b"
    ok(first, "restore", backup, "--verzoek", tmp_path / "a.json")
    ok(second, "restore", backup, "--verzoek", tmp_path / "b.json")
    ok(site / "hub", "posts", "herstel", tmp_path / "a.json", tmp_path / "antwoord-a.json")
    before = folder_digest(second)
    line = refused(second, "restore", backup, "--antwoord", tmp_path / "antwoord-a.json", "--ja")
    assert "hoort niet bij het verzoek van deze laptop" in line
    assert folder_digest(second) == before

    # A copy of the backup with another name is the same backup: the answer still fits it;
    # a different backup (made later) does not.
    later = tmp_path / "later"
    later.mkdir()
    ok(site / "post", "backup", later)
    [other] = later.glob("*.npbk")
    line = refused(first, "restore", other, "--antwoord", tmp_path / "antwoord-a.json", "--ja")
    assert "hoort niet bij" in line

    # Another C-NSP cannot open the key block; a post cannot answer at all.
    foreign = tmp_path / "ander-cnsp"
    ok(foreign, "init", "--role", "hub", "--name", "C-NSP Drenthe", "--code", "DR-9000")
    assert "niet voor deze C-NSP" in refused(
        foreign, "posts", "herstel", tmp_path / "b.json", tmp_path / "x.json"
    )
    assert "Alleen een C-NSP" in refused(
        site / "post", "posts", "herstel", tmp_path / "b.json", tmp_path / "x.json"
    )
    assert not (tmp_path / "x.json").exists()


def test_a_hub_does_not_help_a_post_it_did_not_approve_or_a_backup_from_before_pairing(
    site: Path, tmp_path: Path
) -> None:
    # A post that paired with the hub but was never approved there.
    stranger = tmp_path / "onbekend"
    ok(stranger, "init", "--role", "post", "--name", "Kantine", "--code", "GR-0015")
    ok(stranger, "pairing", "import", site / "pair.json")
    stick = tmp_path / "stick"
    stick.mkdir()
    ok(stranger, "backup", stick)
    [backup] = stick.glob("*.npbk")
    ok(tmp_path / "laptop", "restore", backup, "--verzoek", tmp_path / "v.json")
    line = refused(site / "hub", "posts", "herstel", tmp_path / "v.json", tmp_path / "a.json")
    assert "niet goedgekeurd" in line
    assert not (tmp_path / "a.json").exists()

    # Made before pairing: only the code opens it.
    alone = tmp_path / "alleen"
    ok(alone, "init", "--role", "post", "--name", "Kerk", "--code", "GR-0016")
    shutil.rmtree(stick)
    stick.mkdir()
    ok(alone, "backup", stick)
    [unpaired] = stick.glob("*.npbk")
    line = refused(tmp_path / "laptop2", "restore", unpaired, "--verzoek", tmp_path / "w.json")
    assert "nog niet aan een C-NSP was gekoppeld" in line
    assert not (tmp_path / "laptop2").exists()


def test_a_damaged_request_is_refused_in_dutch(site: Path, tmp_path: Path) -> None:
    request = tmp_path / "verzoek.json"
    ok(tmp_path / "laptop", "restore", _backup(site), "--verzoek", request)
    document = json.loads(request.read_text())
    document["sleutelblok"] = document["sleutelblok"][:-2] + (
        "00" if document["sleutelblok"][-2:] != "00" else "11"
    )
    request.write_text(json.dumps(document))
    assert "beschadigd" in refused(site / "hub", "posts", "herstel", request, tmp_path / "a.json")
    request.write_text("{}")
    assert "geen herstelverzoek" in refused(
        site / "hub", "posts", "herstel", request, tmp_path / "a.json"
    )
    assert noodpost(site / "hub", "status").returncode == 0
