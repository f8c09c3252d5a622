"""Command-line commands, one module per group; :mod:`noodpost.cli` lists them in ``COMMANDS``.

Each module offers ``add(commands)``: it declares its sub-command with :func:`base.command` and
sets ``run`` to the function that does the work through the services.
"""
