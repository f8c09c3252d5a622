"""Where a bundle can go: the removable drives (USB sticks) that can be written now.

Qt's :class:`QStorageInfo` lists mounted volumes on every platform. On Linux a stick is
mounted under ``/media``, ``/run/media/<user>`` or ``/mnt``; on macOS under ``/Volumes``; on
Windows every drive letter but the system drive is offered. Read-only and unready volumes are
left out. The filtering is a plain function so it can be tested without real sticks.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

REMOVABLE_PREFIXES = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


@dataclass(frozen=True)
class Volume:
    """A mounted filesystem as Qt reports it."""

    root: str
    name: str
    free_bytes: int
    read_only: bool
    ready: bool


@dataclass(frozen=True)
class Drive:
    """A drive a volunteer can pick for bundles."""

    root: Path
    name: str
    free_bytes: int

    @property
    def text(self) -> str:
        """``USBSTICK (/media/anna/USBSTICK) · 3,2 GB vrij``."""
        name = self.name or self.root.name or str(self.root)
        return f"{name} ({self.root}) · {format_size(self.free_bytes)} vrij"


def format_size(size: int) -> str:
    """``3,2 GB``, ``850 MB``, ``12 kB`` (decimal units, Dutch comma)."""
    for unit, factor in (("TB", 10**12), ("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            value = size / factor
            text = f"{value:.1f}" if value < 10 else f"{value:.0f}"
            return f"{text.replace('.', ',')} {unit}"
    return f"{max(size, 0)} bytes"


def removable(
    volumes: Iterable[Volume],
    *,
    platform: str = sys.platform,
    system_drive: str | None = None,
) -> list[Drive]:
    """The volumes that look like sticks and can be written, by root path."""
    found: list[Drive] = []
    system = (system_drive or os.environ.get("SYSTEMDRIVE", "C:")).rstrip("\\/").upper()
    for volume in volumes:
        if not volume.ready or volume.read_only or not volume.root:
            continue
        root = volume.root
        if platform.startswith("win"):
            if root.rstrip("\\/").upper() == system:
                continue
        elif not root.startswith(REMOVABLE_PREFIXES):
            continue
        found.append(Drive(Path(root), volume.name, volume.free_bytes))
    return sorted(found, key=lambda d: str(d.root))


def mounted_volumes() -> list[Volume]:
    """Every mounted, valid volume (from Qt)."""
    return [
        Volume(
            root=info.rootPath(),
            name=info.name() or info.displayName(),
            free_bytes=int(info.bytesAvailable()),
            read_only=info.isReadOnly(),
            ready=info.isReady(),
        )
        for info in QStorageInfo.mountedVolumes()
        if info.isValid()
    ]


def writable_drives() -> list[Drive]:
    """The sticks (and other removable drives) that can take a bundle now."""
    return [d for d in removable(mounted_volumes()) if os.access(d.root, os.W_OK)]
