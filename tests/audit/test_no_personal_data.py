"""No seeded name, PIN, phone number or key in any log file, bundle file or audit entry.

Typical flows run with the real log file (``NOODPOST_LOG_DIR``): intake, a message, volunteers,
a refused sign-in, a bundle export and import, a user error on the command line, and an
unexpected database error whose message would name the values being saved. That the card's QR
code decodes to the opaque code only is read back from a printed card in
``tests/gui/test_card_printing.py::test_a_households_card_reads_back_as_its_code_only``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from auditkit import COORDINATOR_PIN, VOLUNTEER_PIN, audit_text, cheap_hasher
from sqlalchemy import insert
from sync.sitekit import HUB_CODE, Site, build_site, introduce

from noodpost.cli import main
from noodpost.core.clock import FixedClock
from noodpost.core.errors import Refused
from noodpost.logs import LOG_DIR_ENV, close_logging, redact, setup_logging
from noodpost.services.messages import MessagesService
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.models import Household
from noodpost.sync.keys import ENCRYPTION_FILE, SIGNING_FILE, keys_dir

NAME = "Zyxwvutsma Qorbelt"
VOLUNTEER = "Qwyxvo Brankelmeier"
PHONE = "06-97531864"
WRONG_PIN = "86420975"


@pytest.fixture
def logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "logs"
    monkeypatch.setenv(LOG_DIR_ENV, str(folder))
    setup_logging(folder, level=logging.DEBUG)
    yield folder
    close_logging()


def _key_material(site: Site) -> list[str]:
    folder = keys_dir(site.data_dir)
    return [(folder / f).read_text().strip() for f in (SIGNING_FILE, ENCRYPTION_FILE)]


def test_no_personal_data_in_logs_bundles_or_audit(
    tmp_path: Path, clock: FixedClock, logs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = build_site(tmp_path / "post", clock)
    hub = build_site(tmp_path / "hub", clock, role="hub", code=HUB_CODE)
    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        pairing = tmp_path / "koppeling.json"
        hub.sync.export_pairing(pairing)
        post.sync.import_pairing(pairing)
        introduce(post, hub, stick)

        vols = VolunteersService(post.ctx, hasher=cheap_hasher())
        anna = vols.add_volunteer("Anna Dijkstra", "coordinator", COORDINATOR_PIN).id
        vols.sign_in(anna, COORDINATOR_PIN)
        other = vols.add_volunteer(VOLUNTEER, "volunteer", VOLUNTEER_PIN, phone=PHONE).id
        registered = post.intake.register(
            size=2,
            name=NAME,
            birth_year=1950,
            postcode="9791 AB",
            flags=["needs_medication"],
            consent=True,
        )
        assert registered.qr_text == f"NP1:GR-0014:{registered.pretty_code}"
        MessagesService(post.ctx).record(NAME, "Veilig in het dorpshuis", True, contact=PHONE)
        MessagesService(post.ctx).search(NAME[:6])
        with pytest.raises(Refused):
            vols.sign_in(other, WRONG_PIN)
        vols.sign_in(anna, COORDINATOR_PIN)

        post.sync.export_usb(stick)
        hub.sync.import_usb(stick)
        hub.sync.export_usb(stick)
        post.sync.import_usb(stick)

        # A user error on the command line (one Dutch line, logged by kind only).
        missing = tmp_path / f"{NAME}.npb"
        assert main(["--data-dir", str(post.data_dir), "sync", "import", str(missing)]) == 1
        capsys.readouterr()
        setup_logging(logs, level=logging.DEBUG)  # main() set up its own handler

        # An unexpected database error, logged with its traceback as the GUI and CLI do.
        try:
            with post.db.write() as session:
                session.execute(insert(Household), [{"id": "x", "name": NAME, "size": None}])
        except Exception:
            logging.getLogger("noodpost.test").exception("Unexpected error")
        for handler in logging.getLogger("noodpost").handlers:
            handler.flush()

        log_text = "\n".join(p.read_text(encoding="utf-8") for p in logs.rglob("*") if p.is_file())
        assert "Unexpected error" in log_text
        assert "INSERT INTO household" in log_text  # the failed statement, without its values
        secrets = [NAME, VOLUNTEER, PHONE, COORDINATOR_PIN, VOLUNTEER_PIN, WRONG_PIN, "$argon2"]
        secrets += _key_material(post) + _key_material(hub)
        for secret in secrets:
            assert secret not in log_text

        bundles = list(stick.rglob("*.npb"))
        assert bundles
        for bundle in bundles:
            raw = bundle.read_bytes()
            for secret in (NAME, VOLUNTEER, PHONE, "Qorbelt", "9791"):
                assert secret.encode() not in raw
                assert secret.encode("utf-16-le") not in raw

        for site in (post, hub):
            text = audit_text(site.db)
            for secret in (NAME, VOLUNTEER, PHONE, NAME[:6], COORDINATOR_PIN, WRONG_PIN):
                assert secret not in text
    finally:
        post.db.close()
        hub.db.close()


def test_redaction_of_what_a_traceback_may_carry() -> None:
    key = "9f" * 32
    text = (
        "sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError) NOT NULL constraint failed\n"
        f"[SQL: INSERT INTO household (name) VALUES (?)]\n[parameters: ('{NAME}', 1950)]\n"
        f"pin_hash='$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA' key={key}"
    )
    clean = redact(text)
    assert NAME not in clean
    assert "$argon2" not in clean
    assert key not in clean
    assert "[SQL: INSERT INTO household (name) VALUES (?)]" in clean
