"""An export onto a stick that fills up: said in Dutch, with what is on the stick and what not."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sitekit import Site, introduce

from noodpost.core.entities import Op
from noodpost.core.errors import UserError
from noodpost.core.ids import new_id
from noodpost.sync import bundle as fmt


@pytest.fixture
def small_stick(tmp_path: Path) -> Iterator[Any]:
    """A real file system that fills up: a tmpfs of a chosen size (needs root, as CI is)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small file system to fill needs root (CI runs as root)")
    mounted: list[Path] = []

    def make(size: int) -> Path:
        point = tmp_path / f"stick-{len(mounted)}"
        point.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"tmpfs cannot be mounted here: {done.stderr.strip()}")
        mounted.append(point)
        return point

    yield make
    for point in mounted:
        subprocess.run(["umount", str(point)], check=False)


def test_a_full_stick_says_which_bundles_are_on_it(
    hub: Site,
    post_a: Site,
    post_b: Site,
    paired: tuple[Site, Site],
    stick: Path,
    small_stick: Any,
) -> None:
    introduce(post_b, hub, stick)
    with hub.ctx.write() as uow:  # news for every post that does not compress away
        for _ in range(12):
            body = os.urandom(1500).hex()
            uow.emit(
                "bulletin", new_id(), Op.CREATE, {"title": "Nieuws", "body": body, "version": 1}
            )
    roomy = stick / "measure"
    roomy.mkdir()
    hub.sync.export_usb(roomy)
    sizes = {p.parent.parent.name: p.stat().st_size for p in roomy.rglob("*.npb")}
    assert set(sizes) == {"GR-0014", "GR-0015"}
    full = small_stick(sizes["GR-0014"] + sizes["GR-0015"] // 2)

    with pytest.raises(UserError) as refused:
        hub.sync.export_usb(full)

    message = refused.value.message
    assert "schijf vol" in message
    assert "No space" not in message
    assert "Wel geschreven: GR-0014. Niet geschreven: GR-0015." in message
    (on_stick,) = (full / "NOODPOST" / "GR-0014" / "inbox").glob("*.npb")
    signed = fmt.read_signed(on_stick.read_bytes(), post_a.sync.keys.encryption)
    assert signed.header.recipient == post_a.node_id
    assert not list(full.rglob("*.partial"))
    assert post_a.sync.import_usb(full).outcomes[0].applied > 0  # what is there is whole
