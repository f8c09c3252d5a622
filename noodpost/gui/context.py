"""What the windows are given: every service of this installation, and the shared runner.

Built once by the composition root (:mod:`noodpost.app`) and passed in through constructors;
there is no global to reach for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from noodpost.config import Settings
from noodpost.gui.runner import Runner
from noodpost.services.alarms import AlarmsService
from noodpost.services.audit import AuditService
from noodpost.services.base import NodeInfo, ServiceContext
from noodpost.services.bulletins import BulletinsService
from noodpost.services.charging import ChargingService
from noodpost.services.intake import IntakeService
from noodpost.services.logbook import LogbookService
from noodpost.services.messages import MessagesService
from noodpost.services.needs import NeedsService
from noodpost.services.status import StatusService
from noodpost.services.supplies import SuppliesService
from noodpost.services.visits import VisitsService
from noodpost.services.volunteers import VolunteersService
from noodpost.sync.service import SyncService


@dataclass(frozen=True)
class AppServices:
    """Every capability, on one shared :class:`ServiceContext`."""

    ctx: ServiceContext
    status: StatusService
    intake: IntakeService
    visits: VisitsService
    supplies: SuppliesService
    needs: NeedsService
    alarms: AlarmsService
    charging: ChargingService
    logbook: LogbookService
    messages: MessagesService
    volunteers: VolunteersService
    bulletins: BulletinsService
    sync: SyncService
    audit: AuditService

    @property
    def node(self) -> NodeInfo:
        return self.ctx.node


@dataclass(frozen=True)
class AppContext:
    """What every page and dialog receives."""

    services: AppServices
    runner: Runner
    settings: Settings
    data_dir: Path
    log_file: Path

    @property
    def node(self) -> NodeInfo:
        return self.services.node
