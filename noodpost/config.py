"""Typed settings with defaults, and where things live on disk (platformdirs)."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

APP_NAME = "noodpost"
SETTINGS_FILE = "settings.json"


def default_data_dir() -> Path:
    override = os.environ.get("NOODPOST_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME))


def resources_dir() -> Path:
    """``resources/`` beside the package, or inside the frozen app."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def catalogue_path() -> Path:
    return resources_dir() / "catalogue.json"


@dataclass
class Settings:
    """Per-installation preferences, kept as JSON beside the database."""

    language: str = "nl"
    idle_lock_minutes: int = 5
    font_point_size: int = 12
    backup_usb_folder: str = ""
    #: Hub: an alarm not acknowledged after this many minutes is shown as escalated.
    alarm_escalation_minutes: int = 5
    #: *Stroombesparing*: the background runs slower (noodpost.gui.power).
    power_saving: bool = False

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        path = data_dir / SETTINGS_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})

    def save(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / SETTINGS_FILE
        tmp = path.with_suffix(".partial")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        tmp.replace(path)
