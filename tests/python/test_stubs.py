"""The hand-written stubs match the extension (mypy's stubtest)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_stubtest() -> None:
    pytest.importorskip("mypy", reason="mypy is needed for stubtest (pip install mypy)")
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "nutgraf._nutgraf"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
