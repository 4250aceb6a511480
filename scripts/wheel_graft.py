"""Copies into a repaired wheel the libraries auditwheel leaves to the system although they are
not the C or C++ runtimes: the manylinux policy counts zlib and expat as part of every system,
but a colleague's machine is not promised them. Like auditwheel, each copy gets a name of its
own (libz-<hash>.so.1) and the binaries that need it are pointed at it; RECORD is rewritten.

    python scripts/wheel_graft.py WHEEL [PATCHELF]
    python scripts/wheel_graft.py --retag PLATFORM WHEEL

The copies may need a newer glibc than the rest (Debian's expat does): --retag then gives the
wheel the platform tag `auditwheel show` finds it consistent with.
"""

from __future__ import annotations

import base64
import hashlib
import os
import stat
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

GRAFT = ("libz.so.1", "libexpat.so.1")


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def system_path(binary: Path, soname: str) -> Path:
    for line in subprocess.run(
        ["ldd", str(binary)], capture_output=True, text=True, check=True
    ).stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] == soname and parts[1] == "=>":
            return Path(parts[2])
    raise SystemExit(f"{binary} needs {soname}, which ldd cannot find")


def record_line(root: Path, path: Path) -> str:
    data = path.read_bytes()
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path.relative_to(root).as_posix()},sha256={digest},{len(data)}"


def unpack(wheel: Path, root: Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        for info in z.infolist():
            z.extract(info, root)
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                (root / info.filename).chmod(mode)


def pack(root: Path, wheel: Path) -> None:
    """The tree as a wheel, with a new RECORD and each file's mode (pip reads the executable bit
    of regular files only)."""
    [record] = root.glob("*.dist-info/RECORD")
    files = sorted(p for p in root.rglob("*") if p.is_file() and p != record)
    lines = [record_line(root, p) for p in files]
    record.write_text("\n".join([*lines, f"{record.relative_to(root).as_posix()},,"]) + "\n")
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as z:
        for path in [*files, record]:
            info = zipfile.ZipInfo(path.relative_to(root).as_posix(), (1980, 1, 1, 0, 0, 0))
            info.external_attr = (stat.S_IFREG | (path.stat().st_mode & 0o777)) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, path.read_bytes())


def retag(wheel: Path, platform: str) -> None:
    name, version, python, abi, old = wheel.name[: -len(".whl")].split("-")
    if old == platform:
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        unpack(wheel, root)
        [metadata] = root.glob("*.dist-info/WHEEL")
        lines = metadata.read_text().splitlines()
        lines = [f"Tag: {python}-{abi}-{platform}" if ln.startswith("Tag:") else ln for ln in lines]
        metadata.write_text("\n".join(dict.fromkeys(lines)) + "\n")
        target = wheel.with_name(f"{name}-{version}-{python}-{abi}-{platform}.whl")
        pack(root, target)
    wheel.unlink()
    print(f"{wheel.name} -> {target.name}")


def main(wheel: Path, patchelf: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        unpack(wheel, root)
        [libs] = [p for p in root.iterdir() if p.name.endswith(".libs")]
        elves = [p for p in root.rglob("*") if p.is_file() and is_elf(p)]

        def run(*args: str) -> str:
            return subprocess.run(
                [patchelf, *args], capture_output=True, text=True, check=True
            ).stdout

        grafted: dict[str, str] = {}
        for binary in elves:
            needed = run("--print-needed", str(binary)).split()
            for soname in (name for name in GRAFT if name in needed):
                if soname not in grafted:
                    source = system_path(binary, soname)
                    data = source.read_bytes()
                    stem, _, version = soname.partition(".so")
                    name = f"{stem}-{hashlib.sha256(data).hexdigest()[:8]}.so{version}"
                    (libs / name).write_bytes(data)
                    (libs / name).chmod(0o755)
                    run("--set-soname", name, str(libs / name))
                    grafted[soname] = name
                run("--replace-needed", soname, grafted[soname], str(binary))
                if not run("--print-rpath", str(binary)).strip():
                    relative = os.path.relpath(libs, binary.parent)
                    origin = "$ORIGIN" if relative == "." else f"$ORIGIN/{relative}"
                    run("--set-rpath", origin, str(binary))
        if not grafted:
            return
        pack(root, wheel)
        print(f"{wheel.name}: grafted " + ", ".join(f"{k} as {v}" for k, v in grafted.items()))


if __name__ == "__main__":
    if sys.argv[1] == "--retag":
        retag(Path(sys.argv[3]), sys.argv[2])
    else:
        main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "patchelf")
