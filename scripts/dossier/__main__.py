"""Run the command line: `python -m dossier`."""

from dossier.adapters.cli import main

raise SystemExit(main())
