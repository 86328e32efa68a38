"""Shared fixtures of the Python test suite.

The example page and the evaluation data live beside the repository
(``<repo>/../shared``); tests that need them skip cleanly when absent.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
EXAMPLE = SHARED / "examples" / "sputnik-2017-02-12-syria-talks.txt"
DATA = SHARED / "data"

# Accents, combining marks, CJK, emoji (outside the BMP) and a ZWJ sequence:
# byte offsets and character offsets differ everywhere in these.
NON_ASCII = (
    "Café owners in Zürich protested on Monday. "
    "東京の株価は月曜日に上昇した。 "
    "The crowd 😀 cheered as the mayor arrived 👩\u200d👩\u200d👧. "
    "Naïve reporters wrote cafe\u0301 with a combining accent. "
    "Prices rose by 5% in São Paulo, officials said."
)


@pytest.fixture(scope="session")
def example_text() -> str:
    if not EXAMPLE.is_file():
        pytest.skip(f"example page {EXAMPLE} not found")
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"evaluation data {DATA} not found")
    return DATA


@pytest.fixture(scope="session")
def nutgraf_command() -> str:
    """The installed ``nutgraf`` console script of this Python environment."""
    scripts = sysconfig.get_path("scripts")
    candidates = [
        os.path.join(scripts, "nutgraf"),
        os.path.join(os.path.dirname(sys.executable), "nutgraf"),
    ]
    for path in candidates:
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    found = shutil.which("nutgraf")
    if found is None:
        pytest.fail("the `nutgraf` console script is not installed (pip install .)")
    return found
