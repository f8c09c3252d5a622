"""Where the database may live: never on a stick or a network share (fake mount tables)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from noodpost.core.errors import UserError
from noodpost.setup_node import NodeRequest, initialise_node
from noodpost.storage import placement
from noodpost.storage.placement import (
    DRIVE_REMOTE,
    DRIVE_REMOVABLE,
    Placement,
    Where,
    disk_of,
    linux_placement,
    mount_of,
    parse_mounts,
    require_local,
    windows_placement,
)

MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
/dev/nvme0n1p1 /boot/efi vfat rw 0 0
/dev/sdb1 /media/anna/NOODPOST vfat rw,nosuid,nodev 0 0
/dev/sdc1 /media/anna/USB\\040SCHIJF exfat rw 0 0
//nas/gedeeld /mnt/nas cifs rw,vers=3.0 0 0
nas:/export /srv/nfs nfs4 rw 0 0
anna@server:/data /home/anna/op-server fuse.sshfs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.fixture
def sys_root(tmp_path: Path) -> Path:
    """/sys/block with an internal NVMe disk, a USB stick (removable) and a USB hard disk."""
    root = tmp_path / "sys"
    devices = root / "devices"
    for disk, removable, bus in (
        ("nvme0n1", "0", "pci0000:00/0000:00:1d.0/nvme/nvme0"),
        ("sdb", "1", "pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host1/target1:0:0"),
        ("sdc", "0", "pci0000:00/0000:00:14.0/usb3/3-2/3-2:1.0/host2/target2:0:0"),
    ):
        real = devices / bus / disk
        real.mkdir(parents=True)
        (real / "removable").write_text(removable + "\n")
        (root / "block").mkdir(parents=True, exist_ok=True)
        (root / "block" / disk).symlink_to(real)
    return root


def test_mount_table_lines_and_escapes_are_read() -> None:
    mounts = parse_mounts(MOUNTS)
    assert mounts[3].mount_point == "/media/anna/USB SCHIJF"
    assert mount_of(Path("/media/anna/NOODPOST/data"), mounts) == mounts[2]
    assert mount_of(Path("/media/anna/NOODPOSTX"), mounts) == mounts[0]  # not a prefix match
    assert mount_of(Path("/home/anna/.local/share/noodpost"), mounts) == mounts[0]


@pytest.mark.parametrize(
    ("device", "disk"),
    [
        ("/dev/sdb1", "sdb"),
        ("/dev/sda", "sda"),
        ("/dev/nvme0n1p2", "nvme0n1"),
        ("/dev/mmcblk0p1", "mmcblk0"),
        ("/dev/mapper/luks-1", None),
        ("tmpfs", None),
    ],
)
def test_partitions_map_to_their_disk(device: str, disk: str | None) -> None:
    assert disk_of(device) == disk


@pytest.mark.parametrize(
    ("folder", "where"),
    [
        ("/home/anna/.local/share/noodpost", Where.LOCAL),
        ("/media/anna/NOODPOST/noodpost", Where.REMOVABLE),  # kernel says removable
        ("/media/anna/USB SCHIJF/noodpost", Where.REMOVABLE),  # a USB disk: on the USB bus
        ("/mnt/nas/noodpost", Where.NETWORK),
        ("/srv/nfs/noodpost", Where.NETWORK),
        ("/home/anna/op-server/noodpost", Where.NETWORK),
        ("/tmp/noodpost", Where.LOCAL),
    ],
)
def test_linux_folders_are_placed(folder: str, where: Where, sys_root: Path) -> None:
    assert linux_placement(Path(folder), MOUNTS, sys_root).where is where


def test_windows_drive_types() -> None:
    assert windows_placement("E:\\Noodpost", DRIVE_REMOVABLE).where is Where.REMOVABLE
    assert windows_placement("Z:\\Noodpost", DRIVE_REMOTE).where is Where.NETWORK
    assert windows_placement("C:\\Users\\anna\\AppData", 3).where is Where.LOCAL  # DRIVE_FIXED
    assert windows_placement("\\\\server\\share\\noodpost", 3).where is Where.NETWORK


def test_the_refusal_explains_and_names_data_dir_and_the_default(tmp_path: Path) -> None:
    stick = Placement(Where.REMOVABLE, "/media/anna/NOODPOST (vfat)")
    with pytest.raises(UserError) as refused:
        require_local(Path("/media/anna/NOODPOST/noodpost"), tmp_path / "standaard", stick)
    message = refused.value.message
    assert "USB-stick" in message
    assert "--data-dir" in message
    assert str(tmp_path / "standaard") in message
    assert "bundels en back-ups" in message
    with pytest.raises(UserError, match="netwerkschijf"):
        require_local(Path("/mnt/nas/x"), tmp_path, Placement(Where.NETWORK, "/mnt/nas (cifs)"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux mount table")
def test_init_refuses_a_folder_on_a_stick_and_makes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    fake = tmp_path / "mounts"
    fake.write_text(f"/dev/sda1 / ext4 rw 0 0\nserver:/x {stick} nfs4 rw 0 0\n")
    monkeypatch.setattr(placement, "MOUNTS_FILE", fake)
    monkeypatch.delenv(placement.ALLOW_ENV, raising=False)
    with pytest.raises(UserError, match="netwerkschijf"):
        initialise_node(
            stick / "noodpost", NodeRequest(role="post", name="Dorpshuis", code="GR-0014")
        )
    assert list(stick.iterdir()) == []


def test_the_command_line_init_refuses_with_one_dutch_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from noodpost.cli import main

    monkeypatch.setattr(
        placement, "placement_of", lambda _path, **_kw: Placement(Where.REMOVABLE, "E:\\")
    )
    monkeypatch.delenv(placement.ALLOW_ENV, raising=False)
    code = main(
        [
            "--data-dir",
            str(tmp_path / "x"),
            "init",
            "--role",
            "post",
            "--name",
            "D",
            "--code",
            "GR-0014",
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("noodpost: De gegevensmap")
    assert "--data-dir" in err
    assert not (tmp_path / "x").exists()


def test_moving_never_overwrites_a_node_and_changes_nothing(
    db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from noodpost.services.backup import move_node
    from noodpost.storage.node import database_path

    db.close()  # type: ignore[attr-defined]
    source = tmp_path / "post"
    target = tmp_path / "bezet"
    target.mkdir()
    (target / "noodpost.db").write_bytes(b"een ander punt")
    before = database_path(source).read_bytes()
    with pytest.raises(UserError, match="nooit overschreven"):
        move_node(source, target)
    assert database_path(source).read_bytes() == before
    assert (target / "noodpost.db").read_bytes() == b"een ander punt"
    with pytest.raises(UserError, match="geen database"):
        move_node(tmp_path / "leeg", tmp_path / "doel")
