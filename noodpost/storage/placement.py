"""Where the live database may live: on this laptop's own disk, never on a stick or a share.

A USB stick can be pulled out mid-write and a network share can drop away; SQLite's locking
and WAL are not safe on either (DESIGN §3.1, issue 6). Sticks carry bundles and backups only.

The checks are plain functions over what the system reports, so tests can give them a fake
mount table and a fake ``/sys``:

- Linux: the mount that holds the folder (longest mount point in ``/proc/mounts``); a network
  file system type (nfs, cifs, sshfs …) means *network*; a block device whose
  ``/sys/block/<disk>/removable`` is 1, or that hangs off a USB bus, means *removable*.
- Windows: ``GetDriveTypeW`` of the folder's drive (``DRIVE_REMOVABLE``, ``DRIVE_REMOTE``), and
  a UNC path (``\\\\server\\share``) is a network path.
- Elsewhere (macOS): nothing is refused.

``NOODPOST_ALLOW_ANY_DRIVE=1`` switches the refusal off, for the rare laptop whose own disk is
reported as removable; support can say so, a volunteer never needs it.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PureWindowsPath

from noodpost.core.errors import UserError
from noodpost.core.i18n import translate

MOUNTS_FILE = Path("/proc/mounts")
SYS_ROOT = Path("/sys")
ALLOW_ENV = "NOODPOST_ALLOW_ANY_DRIVE"

#: File system types that live on another machine.
NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "coda",
        "davfs",
        "glusterfs",
        "ceph",
        "lustre",
        "fuse.sshfs",
        "sshfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.gvfsd-fuse",
        "fuse.glusterfs",
        "fuse.cephfs",
    }
)

# Windows GetDriveTypeW results.
DRIVE_REMOVABLE = 2
DRIVE_REMOTE = 4


class Where(StrEnum):
    LOCAL = "local"
    REMOVABLE = "removable"
    NETWORK = "network"


@dataclass(frozen=True)
class Mount:
    device: str
    mount_point: str
    fs_type: str


@dataclass(frozen=True)
class Placement:
    """Where a folder lives. ``detail`` names the mount or drive, for the message."""

    where: Where
    detail: str = ""

    @property
    def is_local(self) -> bool:
        return self.where is Where.LOCAL


def _unescape(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_mounts(text: str) -> list[Mount]:
    """The lines of ``/proc/mounts`` (device, mount point, type, …)."""
    mounts: list[Mount] = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            mounts.append(Mount(_unescape(parts[0]), _unescape(parts[1]), parts[2]))
    return mounts


def mount_of(path: Path, mounts: list[Mount]) -> Mount | None:
    """The mount holding ``path`` (an absolute path): the longest matching mount point.

    Of two mounts on one point the later one is in effect, as in the kernel's table.
    """
    text = str(path)
    best: Mount | None = None
    for mount in mounts:
        point = mount.mount_point.rstrip("/") or "/"
        inside = text == point or text.startswith(point if point == "/" else point + "/")
        if inside and (best is None or len(point) >= len(best.mount_point.rstrip("/") or "/")):
            best = mount
    return best


def disk_of(device: str) -> str | None:
    """The whole-disk name under ``/sys/block`` for a partition device (``/dev/sdb1`` → sdb)."""
    if not device.startswith("/dev/"):
        return None
    name = device.removeprefix("/dev/")
    if "/" in name:  # /dev/mapper/…, /dev/disk/by-…: not a plain disk
        return None
    for pattern in (r"^(nvme\d+n\d+)(p\d+)?$", r"^(mmcblk\d+)(p\d+)?$"):
        match = re.match(pattern, name)
        if match:
            return match.group(1)
    match = re.match(r"^([a-z]+)\d*$", name)
    return match.group(1) if match else name


def block_is_removable(disk: str, sys_root: Path = SYS_ROOT) -> bool:
    """True when the kernel calls the disk removable or it is attached over USB."""
    block = sys_root / "block" / disk
    try:
        if (block / "removable").read_text().strip() == "1":
            return True
    except OSError:
        return False
    try:
        return "/usb" in os.path.realpath(block)
    except OSError:
        return False


def linux_placement(path: Path, mounts_text: str, sys_root: Path = SYS_ROOT) -> Placement:
    """Where ``path`` lives, by a mount table's text and a ``/sys`` tree."""
    mount = mount_of(path, parse_mounts(mounts_text))
    if mount is None:
        return Placement(Where.LOCAL)
    where = f"{mount.mount_point} ({mount.fs_type})"
    if mount.fs_type in NETWORK_FS_TYPES or mount.device.startswith("//"):
        return Placement(Where.NETWORK, where)
    device = mount.device
    if device.startswith("/dev/"):
        device = os.path.realpath(device)  # /dev/disk/by-uuid/… → /dev/sdb1
    disk = disk_of(device)
    if disk is not None and block_is_removable(disk, sys_root):
        return Placement(Where.REMOVABLE, where)
    return Placement(Where.LOCAL)


def windows_drive_type(root: str) -> int:  # pragma: no cover — Windows only
    import ctypes  # noqa: PLC0415

    windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]
    return int(windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def windows_placement(path: str, drive_type: int | None = None) -> Placement:
    """Where a Windows path lives; ``drive_type`` is GetDriveTypeW's answer (asked when None)."""
    win = PureWindowsPath(path)
    if win.drive.startswith("\\\\"):
        return Placement(Where.NETWORK, win.drive)
    root = win.anchor or win.drive
    kind = drive_type if drive_type is not None else windows_drive_type(root)
    if kind == DRIVE_REMOTE:
        return Placement(Where.NETWORK, root)
    if kind == DRIVE_REMOVABLE:
        return Placement(Where.REMOVABLE, root)
    return Placement(Where.LOCAL)


def existing_part(path: Path) -> Path:
    """``path`` or its nearest existing parent, made absolute (a new folder is not there yet)."""
    current = path.absolute()
    while not current.exists() and current.parent != current:
        current = current.parent
    return current.resolve()


def placement_of(path: Path, *, platform: str = sys.platform) -> Placement:
    """Where the folder ``path`` (or the folder it will be made in) lives on this system."""
    target = existing_part(path)
    if platform.startswith("win"):
        return windows_placement(str(target))
    if platform.startswith("linux"):
        try:
            text = MOUNTS_FILE.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return Placement(Where.LOCAL)  # no mount table: nothing to go by
        return linux_placement(target, text)
    return Placement(Where.LOCAL)


def refusal_message(data_dir: Path, placement: Placement, default_dir: Path) -> str:
    """The explanation for a data folder on a stick or a share, in the interface's language."""
    if placement.where is Where.NETWORK:
        text = translate(
            "Placement",
            "De gegevensmap {folder} staat op een netwerkschijf{where}; valt de verbinding weg, "
            "dan kan de database beschadigd raken. De database hoort op de eigen schijf van "
            "deze laptop. Kies een map op de eigen schijf met --data-dir, of gebruik de "
            "standaardmap {default}. Een USB-stick gebruikt u alleen voor bundels en back-ups.",
        )
    else:
        text = translate(
            "Placement",
            "De gegevensmap {folder} staat op een USB-stick of andere verwisselbare "
            "schijf{where}; wordt die eruit getrokken, dan kan de database beschadigd raken. "
            "De database hoort op de eigen schijf van deze laptop. Kies een map op de eigen "
            "schijf met --data-dir, of gebruik de standaardmap {default}. Een USB-stick "
            "gebruikt u alleen voor bundels en back-ups.",
        )
    where = f" ({placement.detail})" if placement.detail else ""
    return text.format(folder=data_dir, where=where, default=default_dir)


def require_local(data_dir: Path, default_dir: Path, placement: Placement | None = None) -> None:
    """Refuse a data folder on a removable or network drive.

    Raises:
        UserError: the folder is on a stick or a share (unless ``NOODPOST_ALLOW_ANY_DRIVE=1``).
    """
    if os.environ.get(ALLOW_ENV) == "1":
        return
    found = placement if placement is not None else placement_of(data_dir)
    if not found.is_local:
        raise UserError(refusal_message(data_dir, found, default_dir))
