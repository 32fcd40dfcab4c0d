"""``python -m briefing``, and the standalone app's entry point (packaging/briefing-reader.spec)."""

import sys

from briefing.cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # A folder import reads files in worker processes, started by running this program
        # again: in the standalone app, this is where such a worker takes its work.
        import multiprocessing

        multiprocessing.freeze_support()
    raise SystemExit(main())
