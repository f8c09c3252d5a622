"""The PySide6 user interface: one consumer of the services, next to the CLI and the hub.

Nothing here touches the database: windows and pages receive services and plain data from the
composition root (:mod:`noodpost.app`). Only this package imports Qt.
"""
