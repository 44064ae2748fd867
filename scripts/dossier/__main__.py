"""Run the command line: `python -m dossier`."""

from dossier.adapters.cli import main

# A worker process (dossier.worker) imports this module again, and must not run the command.
if __name__ == "__main__":
    raise SystemExit(main())
