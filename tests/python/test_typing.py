"""The stubs type-check a typical program (mypy --strict), and match the compiled module."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import libtracker as lt
from libtracker import _core

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def test_typed_usage_runs() -> None:
    sys.path.insert(0, str(HERE))
    try:
        import typed_usage
    finally:
        sys.path.remove(str(HERE))
    assert typed_usage.open_items() == ["Research collaborative tools"]


def test_mypy_strict_on_typed_usage(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(REPO / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "cache"),
            str(HERE / "typed_usage.py"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"MYPYPATH": str(REPO / "python"), "PATH": ""},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_rejects_a_wrong_call(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import libtracker as lt\nlt.Tracker().find(ownr='x')\nlt.Tracker().add(42)\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(REPO / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "cache"),
            str(bad),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"MYPYPATH": str(REPO / "python"), "PATH": ""},
    )
    assert result.returncode == 1
    assert "ownr" in result.stdout
    assert "add" in result.stdout


def stub_names(cls_name: str | None) -> set[str]:
    source = (REPO / "python" / "libtracker" / "_core.pyi").read_text(encoding="utf-8")
    import ast

    tree = ast.parse(source)
    body = tree.body
    if cls_name is not None:
        body = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls_name).body
    names = set()
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    # Module level: the stub's private type aliases (_TimeLike) are not the module's.
    private = "_" if cls_name is None else "__"
    return {n for n in names if not n.startswith(private) and not n.startswith("_R")}


def test_stub_lists_what_the_module_has() -> None:
    public = {n for n in dir(_core) if not n.startswith("_")}
    assert public == stub_names(None)


@pytest.mark.parametrize("cls", ["Tracker", "ActionItem", "Note", "Event", "Owner", "Meeting"])
def test_stub_lists_class_members(cls: str) -> None:
    compiled = getattr(_core, cls)
    public = {n for n, _ in inspect.getmembers(compiled) if not n.startswith("__")}
    assert public - {"_pybind11_conduit_v1_"} == stub_names(cls)


def test_all_is_complete() -> None:
    for name in lt.__all__:
        assert hasattr(lt, name)
