"""One version: the CMake project's, as libtracker.__version__ and the package metadata."""

from __future__ import annotations

import importlib.metadata
import re

import libtracker as lt
from conftest import REPO


def test_version_is_the_cmake_project_version() -> None:
    cmake = (REPO / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(libtracker VERSION ([0-9.]+)", cmake)
    assert match is not None
    assert lt.__version__ == match.group(1)
    assert importlib.metadata.version("libtracker") == lt.__version__
