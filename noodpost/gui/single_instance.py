"""One Noodpost window per data folder.

Two windows on one database would both run the automatic backups, the retention rounds and
the background sync, and a volunteer would not know which window shows what. The first window
holds a lock file named after the data folder for as long as it runs; a second start on the
same folder asks that window to come forward, says so and stops before it opens anything.

The lock lives in the user's temporary folder, not in the data folder: a start that ends in
the setup wizard's *Annuleren* leaves no folder behind, and the data folder is never on a share
(the placement check sees to that), so one laptop is all a lock has to cover. The command-line
commands do not take it: their writes show in the open window (:mod:`..outside_writes`).

A window that crashed or was killed leaves its lock file behind; Qt sees that the process named
in it is gone and takes the lock over, so a restart after a crash is never refused.

The window that holds the lock also listens on a local socket with the same name
(:func:`listen_for_second_starts`); a second start connects to it and asks it to come forward
(:func:`ask_to_come_forward`): the sign-in dialog or the setup wizard while one is open,
otherwise the main window, taken out of the task bar when it was minimised.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QLockFile, QObject, Qt
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from noodpost.core.errors import UserError

log = logging.getLogger(__name__)

#: How long a start waits for a window that is just closing (its lock is released at the end).
WAIT_MS = 2_000
#: How long a second start waits for the running window to answer.
ANSWER_MS = 2_000
#: What a second start asks, and what the running window answers once it came forward.
COME_FORWARD = b"naar voren\n"
CAME_FORWARD = b"vooraan\n"


class AlreadyOpen(UserError):
    """Another Noodpost window runs on this data folder."""


def _name(data_dir: Path) -> str:
    """The lock file's and the socket's name for ``data_dir``: one per folder, however the
    folder was named."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"noodpost-{digest}"


def lock_path(data_dir: Path) -> Path:
    """The lock file of ``data_dir``."""
    return Path(QDir.tempPath()) / f"{_name(data_dir)}.lock"


def claim_data_folder(data_dir: Path, wait_ms: int = WAIT_MS) -> QLockFile:
    """Take the data folder for this window; keep the returned lock until the window closes.

    When another window holds it, that window is asked to come forward first
    (:func:`ask_to_come_forward`), and the message says whether it did.

    Raises:
        AlreadyOpen: another Noodpost window runs on this folder.
        UserError: the lock file cannot be written.
    """
    lock = QLockFile(str(lock_path(data_dir)))
    lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
    if lock.tryLock(wait_ms):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        if ask_to_come_forward(data_dir):
            raise AlreadyOpen(
                QCoreApplication.translate(
                    "SingleInstance",
                    "Noodpost is op deze laptop al geopend met deze gegevens; dat venster "
                    "staat nu vooraan. Werk daarin verder: een tweede venster zou back-ups en "
                    "synchronisatie dubbel doen.",
                )
            )
        raise AlreadyOpen(
            QCoreApplication.translate(
                "SingleInstance",
                "Noodpost is op deze laptop al geopend met deze gegevens. Gebruik dat venster "
                "(kijk in de taakbalk): een tweede venster zou back-ups en synchronisatie "
                "dubbel doen.",
            )
        )
    raise UserError(
        QCoreApplication.translate(
            "SingleInstance",
            "Noodpost kan zijn slotbestand %1 niet maken (geen toestemming of schijf vol). "
            "Maak ruimte op de schijf of vraag de beheerder.",
        ).replace("%1", lock.fileName())
    )


def ask_to_come_forward(data_dir: Path, wait_ms: int = ANSWER_MS) -> bool:
    """Ask the window that holds ``data_dir`` to come forward; whether it answered that it did.

    False when no window listens (one that is still starting, or one of an older version).
    """
    socket = QLocalSocket()
    socket.connectToServer(_name(data_dir))
    if not socket.waitForConnected(wait_ms):
        log.info("The window that holds this data folder does not listen: not brought forward")
        return False
    try:
        socket.write(COME_FORWARD)
        socket.waitForBytesWritten(wait_ms)
        answer = b""
        while not answer.endswith(b"\n") and socket.waitForReadyRead(wait_ms):
            answer += socket.readAll().data()
        return answer == CAME_FORWARD
    finally:
        socket.disconnectFromServer()


def listen_for_second_starts(data_dir: Path, parent: QObject) -> QLocalServer:
    """While this window holds ``data_dir``: bring it forward when a second start asks.

    Call it after :func:`claim_data_folder` succeeded (a socket left behind by a crashed window
    is removed first); close the returned server before the lock is released.
    """
    server = QLocalServer(parent)
    server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
    QLocalServer.removeServer(_name(data_dir))  # a crashed window's socket file
    if not server.listen(_name(data_dir)):  # the lock still keeps a second window out
        log.warning("Cannot listen for a second start: %s", server.errorString())
        return server

    def answer() -> None:
        socket = server.nextPendingConnection()
        while socket is not None:
            _answer_when_asked(socket)
            socket = server.nextPendingConnection()

    server.newConnection.connect(answer)
    return server


def _answer_when_asked(socket: QLocalSocket) -> None:
    socket.disconnected.connect(socket.deleteLater)
    received = bytearray()

    def read() -> None:
        received.extend(socket.readAll().data())
        if not received.endswith(b"\n"):
            return
        if bytes(received) == COME_FORWARD:
            log.info("A second start on this data folder asked this window to come forward")
            if come_forward():
                socket.write(CAME_FORWARD)
        socket.disconnectFromServer()

    socket.readyRead.connect(read)
    read()  # what arrived with the connection


def come_forward() -> bool:
    """Bring this process's window to the front: the dialog it waits on (sign-in, setup wizard,
    idle lock) over the main window, the main window out of the task bar. Whether there was one.
    """
    windows = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()
    ]
    modal = QApplication.activeModalWidget()
    shown: list[QWidget] = windows[:1] + ([modal] if modal is not None else [])
    for widget in shown:
        if widget.isMinimized():
            widget.setWindowState(widget.windowState() & ~Qt.WindowState.WindowMinimized)
        widget.show()
        widget.raise_()
        widget.activateWindow()
    return bool(shown)
