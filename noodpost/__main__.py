"""``python -m noodpost`` — the same as the ``noodpost`` command."""

from noodpost.cli import main

raise SystemExit(main())
