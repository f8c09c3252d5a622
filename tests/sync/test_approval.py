"""Approving a post and replacing its key, attacked with keys the attacker really holds.

DESIGN §3.8: one approved key per node; a second key claiming an approved post code is never
approved implicitly. A laptop that only holds the hub's pairing file and says "I am GR-0014"
gets nothing and changes nothing; a post's real replacement laptop takes over only through the
explicit, audited ``posts replace``, after which the old key is no longer trusted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sitekit import Site, SiteFactory
from sqlalchemy import select

from noodpost import cli, logs
from noodpost.core.errors import Refused, UserError
from noodpost.services.status import node_status
from noodpost.storage.models import AuditEntry, PendingBundle
from noodpost.sync import bundle as fmt
from noodpost.sync.exchange import ImportStatus

CliRun = Callable[..., tuple[int, str, str]]


@pytest.fixture
def noodpost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[CliRun]:
    """``noodpost --data-dir SITE ARGS`` in this process: (exit code, stdout, stderr)."""
    monkeypatch.setenv("NOODPOST_LOG_DIR", str(tmp_path / "logs"))

    def run(site: Site, *args: str | Path) -> tuple[int, str, str]:
        capsys.readouterr()
        code = cli.main(["--data-dir", str(site.data_dir), *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    logs.close_logging()


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("noodpost: ")
    assert "Traceback" not in err
    return lines[0]


def laptop(make_site: SiteFactory, pairing_file: Path, folder: str, code: str = "GR-0014") -> Site:
    """A laptop that claims ``code``: initialised by whoever holds the hub's pairing file."""
    site = make_site(folder, code=code, name="Dorpshuis Ten Boer")
    site.sync.import_pairing(pairing_file)
    return site


def deliver(source: Site, hub: Site, stick: Path) -> None:
    """``source`` writes its bundle on a fresh stick and the hub reads it."""
    stick.mkdir()
    source.sync.export_usb(stick)
    hub.sync.import_usb(stick)


def approved(hub: Site) -> dict[str, bool]:
    """Per fingerprint: approved or not."""
    return {p.fingerprint: p.approved for p in hub.sync.list_peers().peers if p.role == "post"}


def counts(site: Site) -> dict[str, Any]:
    document = node_status(site.db)
    return {k: v for k, v in document.items() if isinstance(v, int)}


def audit(hub: Site) -> list[tuple[str, str, str]]:
    with hub.db.read() as session:
        return [
            (e.action, e.object, e.result)
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]


def pending(hub: Site, sender: Site) -> int:
    with hub.db.read() as session:
        rows = session.scalars(select(PendingBundle).where(PendingBundle.sender == sender.node_id))
        return len(list(rows))


# ---------------------------------------------------------------- an impostor for an approved code


def test_an_impostor_for_an_approved_code_is_refused_and_gets_nothing(
    paired: tuple[Site, Site],
    make_site: SiteFactory,
    pairing_file: Path,
    tmp_path: Path,
    noodpost: CliRun,
) -> None:
    hub, post = paired
    post.intake.register(size=3, name="Familie Bakker")
    deliver(post, hub, tmp_path / "round1")
    impostor = laptop(make_site, pairing_file, "impostor")
    impostor.intake.register(size=9, name="Mallory")
    before_import = counts(hub)
    deliver(impostor, hub, tmp_path / "round2")
    assert counts(hub) == before_import  # quarantined, nothing applied
    assert pending(hub, impostor) == 1
    real, fake = post.sync.fingerprint, impostor.sync.fingerprint
    before = hub.snapshot()

    for extra in ([], ["--vingerafdruk", fake], ["--fingerprint", fake.replace("-", "")]):
        code, out, err = noodpost(hub, "posts", "approve", "GR-0014", *extra)
        assert (code, out) == (1, "")
        line = one_line(err)
        assert real in line
        assert fake in line
        assert "noodpost posts replace GR-0014 --vingerafdruk NIEUW" in line
        assert hub.snapshot() == before  # nothing approved, nothing applied, bundle kept

    assert approved(hub) == {real: True, fake: False}
    assert counts(hub) == before_import
    refusals = [a for a in audit(hub) if a[0] == "post_approve" and a[2] == "geweigerd"]
    assert len(refusals) == 3
    assert fake in refusals[1][1]

    # The hub's next export writes nothing the impostor's key can open.
    out_stick = tmp_path / "round3"
    out_stick.mkdir()
    code, out, _ = noodpost(hub, "sync", "export", out_stick)
    assert code == 0
    bundles = list(out_stick.rglob("*.npb"))
    assert bundles
    for path in bundles:
        raw = path.read_bytes()
        assert fmt.read_signed(raw, post.sync.keys.encryption).header.recipient == post.node_id
        with pytest.raises(UserError):
            fmt.read_signed(raw, impostor.sync.keys.encryption)
        with pytest.raises(UserError):
            fmt.open_payload(
                fmt.read_signed(raw, post.sync.keys.encryption), impostor.sync.keys.encryption
            )
    impostor_before = impostor.snapshot()
    with pytest.raises(Refused, match="voor een andere post of C-NSP"):
        impostor.sync.import_usb(bundles[0])
    assert impostor.snapshot() == impostor_before
    assert counts(impostor)["households"] == 1  # only its own


def test_a_known_but_approved_fingerprint_is_already_approved(
    paired: tuple[Site, Site], noodpost: CliRun
) -> None:
    hub, post = paired
    before = hub.snapshot()
    code, out, _ = noodpost(
        hub, "posts", "approve", "GR-0014", "--vingerafdruk", post.sync.fingerprint
    )
    assert (code, out.strip()) == (0, "GR-0014 was al goedgekeurd.")
    assert hub.snapshot() == before


# ---------------------------------------------------------------- two waiting keys for one code


def test_two_waiting_keys_for_one_code_need_a_fingerprint(
    hub: Site,
    post_a: Site,
    make_site: SiteFactory,
    pairing_file: Path,
    tmp_path: Path,
    noodpost: CliRun,
) -> None:
    twin = laptop(make_site, pairing_file, "twin")
    twin.intake.register(size=5, name="Mallory")
    post_a.intake.register(size=2, name="Familie Bakker")
    deliver(post_a, hub, tmp_path / "s1")
    deliver(twin, hub, tmp_path / "s2")
    first, second = post_a.sync.fingerprint, twin.sync.fingerprint
    before = hub.snapshot()

    code, out, err = noodpost(hub, "posts", "approve", "GR-0014")
    assert (code, out) == (1, "")
    line = one_line(err)
    assert first in line
    assert second in line
    assert "--vingerafdruk" in line
    assert hub.snapshot() == before
    assert counts(hub)["households"] == 0

    code, out, _ = noodpost(hub, "posts", "approve", "GR-0014", "--vingerafdruk", first)
    assert code == 0
    assert out.startswith(f"GR-0014 goedgekeurd ({first}); 1 bundel uit quarantaine")
    assert approved(hub) == {first: True, second: False}
    assert pending(hub, twin) == 1  # still waiting, kept whole
    assert counts(hub)["households"] == 1  # only the chosen laptop's

    # The other one can no longer be approved, not even by naming it.
    after = hub.snapshot()
    code, _, err = noodpost(hub, "posts", "approve", "GR-0014", "--vingerafdruk", second)
    assert code == 1
    line = one_line(err)
    assert first in line
    assert second in line
    assert "posts replace" in line
    assert hub.snapshot() == after


def test_a_fingerprint_nobody_sent_is_not_found(
    hub: Site, post_a: Site, tmp_path: Path, noodpost: CliRun
) -> None:
    deliver(post_a, hub, tmp_path / "s1")
    before = hub.snapshot()
    code, _, err = noodpost(hub, "posts", "approve", "GR-0014", "--vingerafdruk", "0" * 16)
    assert code == 1
    assert "Geen laptop van GR-0014 met vingerafdruk 0000-0000-0000-0000" in one_line(err)
    code, _, err = noodpost(hub, "posts", "approve", "GR-0014", "--vingerafdruk", "xyz")
    assert code == 1
    assert "klopt niet" in one_line(err)
    assert hub.snapshot() == before


# ---------------------------------------------------------------- replacing a post's laptop


def test_replacing_a_laptop_trusts_the_new_key_and_no_longer_the_old(
    paired: tuple[Site, Site],
    make_site: SiteFactory,
    pairing_file: Path,
    tmp_path: Path,
    noodpost: CliRun,
) -> None:
    hub, old_laptop = paired
    new_laptop = laptop(make_site, pairing_file, "new")
    new_laptop.intake.register(size=4, name="Familie de Vries")
    deliver(new_laptop, hub, tmp_path / "s1")
    old, new = old_laptop.sync.fingerprint, new_laptop.sync.fingerprint
    households = counts(hub)["households"]

    code, out, err = noodpost(hub, "posts", "replace", "GR-0014", "--vingerafdruk", new)
    assert (code, err) == (0, "")
    assert out.startswith(
        f"GR-0014: sleutel vervangen — oud {old} → nieuw {new}; 1 bundel uit quarantaine: "
    )
    assert approved(hub) == {old: False, new: True}
    assert pending(hub, new_laptop) == 0
    assert counts(hub)["households"] == households + 1  # the new laptop's bundle applied
    action, obj, result = audit(hub)[-1]
    assert (action, result) == ("post_replace", "ok")
    assert old in obj
    assert new in obj
    code, out, _ = noodpost(hub, "audit", "verify")
    assert code == 0
    assert "intact" in out

    # The old laptop (stolen, or simply retired) writes on: the hub keeps it in quarantine.
    old_laptop.intake.register(size=2, name="Mallory")
    before = counts(hub)
    stick = tmp_path / "s2"
    stick.mkdir()
    old_laptop.sync.export_usb(stick)
    imported = hub.sync.import_usb(stick)
    assert [o.status for o in imported.outcomes] == [ImportStatus.QUARANTINED]
    assert counts(hub) == before
    assert pending(hub, old_laptop) == 1
    assert approved(hub) == {old: False, new: True}

    # The hub writes for the new laptop only; the old key can open nothing of it.
    out_stick = tmp_path / "s3"
    out_stick.mkdir()
    hub.sync.export_usb(out_stick)
    for path in out_stick.rglob("*.npb"):
        raw = path.read_bytes()
        signed = fmt.read_signed(raw, new_laptop.sync.keys.encryption)
        assert signed.header.recipient == new_laptop.node_id
        with pytest.raises(UserError):
            fmt.read_signed(raw, old_laptop.sync.keys.encryption)
        with pytest.raises(UserError):
            fmt.open_payload(signed, old_laptop.sync.keys.encryption)

    # Approving the old key again is refused too: going back is another explicit replacement.
    code, _, err = noodpost(hub, "posts", "approve", "GR-0014", "--vingerafdruk", old)
    assert code == 1
    assert "posts replace" in one_line(err)
    assert approved(hub) == {old: False, new: True}


def test_replacing_is_refused_without_an_approved_key_or_a_waiting_new_one(
    hub: Site,
    post_a: Site,
    make_site: SiteFactory,
    pairing_file: Path,
    tmp_path: Path,
    noodpost: CliRun,
) -> None:
    deliver(post_a, hub, tmp_path / "s1")
    first = post_a.sync.fingerprint
    before = hub.snapshot()
    code, _, err = noodpost(hub, "posts", "replace", "GR-0014", "--vingerafdruk", first)
    assert code == 1
    line = one_line(err)
    assert "nog geen goedgekeurde sleutel" in line
    assert "posts approve GR-0014" in line
    assert hub.snapshot() == before

    hub.sync.approve_post("GR-0014", first)
    other = laptop(make_site, pairing_file, "other", code="GR-0015")
    deliver(other, hub, tmp_path / "s2")  # a waiting key, but of another post
    before = hub.snapshot()
    cases = [
        (first, f"{first} is al de goedgekeurde sleutel van GR-0014"),
        (other.sync.fingerprint, "Geen wachtende laptop van GR-0014"),
        ("1234-5678-9ABC-DEF0", "Geen wachtende laptop van GR-0014"),
        ("geen", "klopt niet"),
    ]
    for fingerprint, phrase in cases:
        code, _, err = noodpost(hub, "posts", "replace", "GR-0014", "--vingerafdruk", fingerprint)
        assert code == 1
        assert phrase in one_line(err)
        assert hub.snapshot() == before
    code, _, err = noodpost(hub, "posts", "replace", "GR-0099", "--vingerafdruk", first)
    assert code == 1
    assert "GR-0099" in one_line(err)
    code, _, err = noodpost(post_a, "posts", "replace", "GR-0014", "--vingerafdruk", first)
    assert code == 1
    assert "Alleen een C-NSP" in one_line(err)
    refused = [a for a in audit(hub) if a[0] == "post_replace"]
    assert len(refused) == 6
    assert all(result == "geweigerd" for _, _, result in refused)
    assert approved(hub)[first] is True


def test_replace_needs_the_new_fingerprint(paired: tuple[Site, Site], noodpost: CliRun) -> None:
    hub, _ = paired
    with pytest.raises(SystemExit) as usage:
        noodpost(hub, "posts", "replace", "GR-0014")
    assert usage.value.code == 2
