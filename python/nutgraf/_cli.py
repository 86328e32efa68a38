"""The ``nutgraf`` console command installed by the wheel.

It runs the same Rust command line as the native binary (``nutgraf_cli::run``),
linked into the extension module, and exits with its code.
"""

from __future__ import annotations

import signal
import sys
import threading
from typing import Sequence

from nutgraf._nutgraf import run_cli


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``nutgraf`` with ``argv`` (default ``sys.argv[1:]``); return the exit code.

    Ctrl-C gets its default meaning (stop the process) while Rust runs, as it
    would for the native binary: Python's own handler could only act once the
    whole command had finished.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    # Rust writes straight to file descriptors 1 and 2: let Python's buffers go first.
    sys.stdout.flush()
    sys.stderr.flush()
    if threading.current_thread() is not threading.main_thread():
        code = run_cli(["nutgraf", *args])  # signal handlers belong to the main thread
    else:
        previous = signal.signal(signal.SIGINT, signal.SIG_DFL)
        try:
            code = run_cli(["nutgraf", *args])
        finally:
            signal.signal(signal.SIGINT, previous)
    sys.stdout.flush()
    return code


if __name__ == "__main__":
    sys.exit(main())
