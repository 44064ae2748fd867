"""Run the command line: `python -m dossier`."""

from dossier.cli import main

raise SystemExit(main())
