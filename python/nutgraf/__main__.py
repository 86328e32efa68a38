"""``python -m nutgraf ...`` runs the ``nutgraf`` command line."""

import sys

from nutgraf._cli import main

sys.exit(main())
