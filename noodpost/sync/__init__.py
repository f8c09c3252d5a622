"""Sync: keys, pairing, the ``.npb`` bundle format and its USB transport (DESIGN §3.3).

Imports only :mod:`noodpost.core`, :mod:`noodpost.storage`, PyNaCl and the standard library.
:class:`noodpost.sync.service.SyncService` is what the CLI, the GUI and the hub call.
"""
