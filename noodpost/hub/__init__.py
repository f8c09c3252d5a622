"""The C-NSP's HTTP endpoint around sync (DESIGN §3.3): ``noodpost hub serve``.

:mod:`noodpost.hub.endpoint` is the ASGI application (Starlette), :mod:`noodpost.hub.server`
runs it with uvicorn. Imports :mod:`noodpost.sync` and :mod:`noodpost.services`; storage only
to open the hub's data folder in :func:`noodpost.hub.server.serve`.
"""
