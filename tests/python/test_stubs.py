"""The stub python/libtracker/_core.pyi against the compiled module.

Two checks. mypy.stubtest imports libtracker._core and compares every name, class, property
and constant with the stub (python/stubtest_allowlist.txt names the pybind11 artefacts it
cannot compare, each with its reason); it must report no error. But stubtest cannot read the
signature of a pybind11 function (inspect.signature fails on them), so the second check reads
the signatures pybind11 writes on the first lines of each docstring and compares them with the
stub's: the parameters' names, their kinds (positional, keyword-only, *args, **kwargs), which
have defaults, and the defaults' values where the stub gives one. Where the module takes
**kwargs and checks the names itself (Tracker.update's fields), the stub may name them as
keyword-only parameters instead.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import libtracker._core as core
from conftest import REPO

STUB = REPO / "python" / "libtracker" / "_core.pyi"
ALLOWLIST = REPO / "python" / "stubtest_allowlist.txt"


@pytest.mark.slow
def test_stubtest_reports_no_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy.stubtest",
            "libtracker._core",
            "--allowlist",
            str(ALLOWLIST),
            "--mypy-config-file",
            str(REPO / "pyproject.toml"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # away from the source tree: the installed package is the one checked
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


#: (positional names, keyword-only names, *args name, **kwargs name, {name: default}) where a
#: default is its source text ("..." when the stub does not say).
Shape = tuple[tuple[str, ...], tuple[str, ...], str | None, str | None, dict[str, str]]


def _shape(args: ast.arguments, skip_self: bool) -> Shape:
    positional = [*args.posonlyargs, *args.args]
    defaults: dict[str, str] = {}
    for arg, default in zip(positional[len(positional) - len(args.defaults) :], args.defaults):
        defaults[arg.arg] = ast.unparse(default)
    for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults):
        if kw_default is not None:
            defaults[arg.arg] = ast.unparse(kw_default)
    names = tuple(a.arg for a in positional)
    if skip_self and names:
        names = names[1:]
    return (
        names,
        tuple(a.arg for a in args.kwonlyargs),
        args.vararg.arg if args.vararg else None,
        args.kwarg.arg if args.kwarg else None,
        defaults,
    )


def _runtime_shapes(doc: str, name: str) -> list[Shape]:
    """The signatures pybind11 wrote at the top of the docstring (one per overload)."""
    lines = doc.splitlines()
    if len(lines) > 1 and lines[1].strip() == "Overloaded function.":
        pattern = re.compile(rf"^\d+\. ({re.escape(name)}\(.*)$")
        signatures = [m.group(1) for line in lines if (m := pattern.match(line))]
    else:
        signatures = [lines[0]]
    shapes = []
    for signature in signatures:
        assert "::" not in signature, f"a C++ type in the signature: {signature}"
        # Defaults pybind11 shows as a repr ("<State.OPEN: 'open'>") are not Python: ellipsis.
        source = re.sub(r"<[^<>]*>", "...", signature)
        tree = ast.parse(f"def {source}: ...")
        function = tree.body[0]
        assert isinstance(function, ast.FunctionDef)
        shapes.append(_shape(function.args, skip_self=False))
    return shapes


def _stub_functions() -> Iterator[tuple[str, Any, ast.FunctionDef, bool]]:
    """(qualified name, runtime object, stub definition, is a method) for every function."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            yield node.name, getattr(core, node.name), node, False
        elif isinstance(node, ast.ClassDef):
            cls = getattr(core, node.name)
            for member in node.body:
                if not isinstance(member, ast.FunctionDef):
                    continue
                decorators = {ast.unparse(d) for d in member.decorator_list}
                if "property" in decorators or any(d.endswith(".setter") for d in decorators):
                    continue  # properties are stubtest's
                yield f"{node.name}.{member.name}", getattr(cls, member.name), member, True


def _same(stub: Shape, runtime: Shape) -> bool:
    positional, keyword_only, varargs, kwargs, defaults = stub
    r_positional, r_keyword_only, r_varargs, r_kwargs, r_defaults = runtime
    if r_positional[:1] == ("self",):
        r_positional = r_positional[1:]
    if r_kwargs is not None and kwargs is None:
        # The stub names the keywords the module reads from **kwargs.
        absorbed = keyword_only[len(r_keyword_only) :]
        keyword_only = keyword_only[: len(r_keyword_only)]
        kwargs = r_kwargs
        defaults = {k: v for k, v in defaults.items() if k not in absorbed}
    if (positional, keyword_only, varargs is None, kwargs is None) != (
        r_positional,
        r_keyword_only,
        r_varargs is None,
        r_kwargs is None,
    ):
        return False
    if set(defaults) != set(r_defaults):
        return False
    for name, value in defaults.items():
        if value == "..." or r_defaults[name] == "...":
            continue
        try:
            if ast.literal_eval(value) != ast.literal_eval(r_defaults[name]):
                return False
        except ValueError:
            continue  # not a literal on one side (a name, an expression): nothing to compare
    return True


CASES = list(_stub_functions())


@pytest.mark.parametrize(
    ("name", "runtime", "stub", "is_method"), CASES, ids=[case[0] for case in CASES]
)
def test_stub_signature_is_the_compiled_one(
    name: str, runtime: Any, stub: ast.FunctionDef, is_method: bool
) -> None:
    doc = getattr(runtime, "__doc__", None) or ""
    short = name.rsplit(".", 1)[-1]
    assert doc.startswith(f"{short}("), f"{name}: no pybind11 signature in {doc[:80]!r}"
    shapes = _runtime_shapes(doc, short)
    stub_shape = _shape(stub.args, skip_self=is_method)
    assert any(_same(stub_shape, shape) for shape in shapes), (
        f"{name}: the stub says {stub_shape}, the module {shapes}"
    )


def test_every_compiled_function_has_a_stub() -> None:
    stubbed = {case[0] for case in CASES}
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    classes = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    missing = []
    for name, value in vars(core).items():
        if name.startswith(("__", "_pybind11")):
            continue
        if callable(value) and not isinstance(value, type) and name not in stubbed:
            missing.append(name)
        if isinstance(value, type) and name in classes:
            for member, attr in vars(value).items():
                if member.startswith(("__", "_pybind11")):
                    continue
                function = callable(attr) and not isinstance(attr, (property, type, staticmethod))
                if function and f"{name}.{member}" not in stubbed:
                    missing.append(f"{name}.{member}")
    assert missing == []
