"""Events as compact rows: how bundle formats 2 and 3 carry them (docs/bundle-format.md §3).

:class:`Packer` turns wire events into rows while a payload is written
(:func:`noodpost.sync.bundle.encode`); :func:`unpack_events` turns rows back into wire
events when a payload is opened, for :meth:`~noodpost.core.events.EventRecord.from_wire` to
judge — nothing here trusts or checks what an event says.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from noodpost.core.hlc import COUNTER_BITS, COUNTER_MAX

#: The keys of an event in the usual wire form without its hash: such an event packs as a row.
_WIRE_KEYS = frozenset({"o", "i", "s", "h", "e", "id", "op", "d", "v", "a"})


class Packer:
    """Format 2's compact event rows (docs/bundle-format.md §3).

    An event in the usual wire form without ``dh`` becomes the row ``[stream, seq delta,
    HLC delta >> 16, HLC delta & 0xFFFF, entity, entity id, op, data, author, schema
    version]``: origin and incarnation by their index in ``streams``, the author by its index
    in ``authors`` (-1: none), seq and HLC as the difference from the previous row of the same
    stream, the HLC's in milliseconds and counter. Anything else (an event that carries
    ``dh``, or is not an event at all) travels unchanged as the one-element row ``[event]``,
    to be judged by the receiver.
    """

    def __init__(self) -> None:
        self.streams: dict[tuple[str, str], int] = {}
        self.authors: dict[str, int] = {}
        self.last: list[tuple[int, int]] = []  # per stream: previous seq and HLC

    def row(self, event: Any) -> list[Any]:
        if type(event) is not dict or event.keys() != _WIRE_KEYS:
            return [event]
        origin, inc, seq, hlc = event["o"], event["i"], event["s"], event["h"]
        author, version = event["a"], event["v"]
        if not (
            type(origin) is str
            and type(inc) is str
            and type(seq) is int
            and type(hlc) is int
            and type(version) is int
            and (author is None or type(author) is str)
        ):
            return [event]
        stream = self.streams.get((origin, inc))
        if stream is None:
            stream = self.streams[(origin, inc)] = len(self.streams)
            self.last.append((0, 0))
        last_seq, last_hlc = self.last[stream]
        self.last[stream] = (seq, hlc)
        if author is None:
            who = -1
        else:
            who = self.authors.get(author, -1)
            if who < 0:
                who = self.authors[author] = len(self.authors)
        step = hlc - last_hlc
        return [
            stream,
            seq - last_seq,
            step >> COUNTER_BITS,  # milliseconds: small numbers compress better
            step & COUNTER_MAX,
            event["e"],
            event["id"],
            event["op"],
            event["d"],
            who,
            version,
        ]


def unpack_events(body: Mapping[str, Any]) -> list[Any]:
    """Format 2 rows back into wire events, without a ``dh``: :meth:`EventRecord.from_wire`
    computes it from the data text.

    Raises:
        ValueError, TypeError, KeyError, IndexError: the tables are not in their shape.
    """
    streams = [(str(o), str(i)) for o, i in body["streams"]]
    authors = body["authors"]
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise ValueError("bad authors")
    last = [(0, 0)] * len(streams)
    events: list[Any] = []
    add = events.append
    for row in body["events"]:
        if type(row) is not list:
            add(row)  # not an event at all: the receiver quarantines it
            continue
        if len(row) == 1:
            add(row[0])  # as the sender wrote it (a hash it left out is computed on reading)
            continue
        stream, seq_step, ms_step, low_step, entity, entity_id, op, text, who, version = row
        if not all(type(n) is int for n in (stream, seq_step, ms_step, low_step, who)):
            raise ValueError("bad row")
        if stream < 0 or who < -1:
            raise ValueError("bad row")
        last_seq, last_hlc = last[stream]
        seq, hlc = last_seq + seq_step, last_hlc + (ms_step << COUNTER_BITS) + low_step
        last[stream] = (seq, hlc)
        origin, inc = streams[stream]
        add(
            {
                "o": origin,
                "i": inc,
                "s": seq,
                "h": hlc,
                "e": entity,
                "id": entity_id,
                "op": op,
                "d": text,
                "v": version,
                "a": None if who == -1 else authors[who],
            }
        )
    return events
