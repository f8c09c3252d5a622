"""The local calendar day and clock time: the Netherlands' (Europe/Amsterdam), whatever the
laptop's own time zone is set to. :func:`day_bounds` gives a day as UTC ISO text, the form
times are stored in, so a query can select it with two string comparisons.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from noodpost.core.clock import iso

#: The time zone every "today" and every clock time shown to a volunteer is counted in. The
#: ``tzdata`` package is a runtime dependency: Windows has no time zone database of its own.
LOCAL_ZONE: tzinfo = ZoneInfo("Europe/Amsterdam")


def local_time(moment: datetime) -> datetime:
    """``moment`` (aware) as Dutch local time."""
    return moment.astimezone(LOCAL_ZONE)


def local_day(moment: datetime) -> date:
    """The Dutch calendar day that ``moment`` (aware) falls on."""
    return local_time(moment).date()


def day_bounds(moment: datetime) -> tuple[str, str]:
    """Start (inclusive) and end (exclusive) of the Dutch calendar day of ``moment``.

    Both as stored time text (UTC ISO), so ``start <= at < end`` selects that day. The day is
    23 or 25 hours long when the clocks change.
    """
    day = local_day(moment)
    start = datetime.combine(day, time(0, 0), tzinfo=LOCAL_ZONE)
    end = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=LOCAL_ZONE)
    return iso(start), iso(end)
