#!/usr/bin/env bash
# Runs every test suite of libtracker on a fresh machine: installs what is missing, builds,
# then C++ unit tests (also under AddressSanitizer and UndefinedBehaviorSanitizer), the
# installed-package consumer build, the Python package's tests, the repaired wheel in a fresh
# virtual environment, the CLI, the fuzzers for a few seconds each, the report in a real
# browser, benchmarks at smoke size, and the linters.
# The CMake builds use the presets of CMakePresets.json.
#
# Sizes of the long runs (defaults are the smoke sizes that keep this script short):
#   FUZZ_SECONDS                    seconds per fuzz target (default 5)
#   LIBTRACKER_CRASH_KILLS          SIGKILLs of the crash-safety test (default 50; 1000 documented)
#   LIBTRACKER_CONCURRENCY_UPDATES  updates per writer process of the concurrency test (1000)
#   LIBTRACKER_PG_UPDATES           updates per client of the PostgreSQL clients test (default 25;
#                                   1000 documented)
# docs/reliability.md has the figures of the long runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/deps.sh
install_apt_packages "${LIBTRACKER_APT_PACKAGES[@]}" "${LIBTRACKER_TEST_APT_PACKAGES[@]}" \
  "${LIBTRACKER_BENCH_APT_PACKAGES[@]}"

FUZZ_SECONDS=${FUZZ_SECONDS:-5}
jobs=${JOBS:-2}
step() { printf '\n=== %s\n' "$*"; }

# The Python package and its test extra first: the C++ iCalendar test reads the export back
# with the extra's icalendar package, run by this environment's python.
step "Python package: pip install '.[test,plot]' into a virtual environment"
python3 -m venv build/venv
build/venv/bin/python -m pip install -q --upgrade pip
build/venv/bin/python -m pip install -q -Cbuild.tool-args=-j"$jobs" ".[test,plot]"

# Both C++ test builds (test and sanitize) run the iCalendar read-back with this python.
test_python=-DLIBTRACKER_TEST_PYTHON="$root/build/venv/bin/python"

step "C++ build and unit tests"
cmake --preset test "$test_python" >/dev/null
cmake --build --preset test -j"$jobs"
ctest --preset test -j"$jobs"

# pg_virtualenv (postgresql-common) makes a throw-away cluster, runs the command with PGHOST,
# PGPORT, PGUSER and PGPASSWORD set for it, and removes the cluster afterwards: -t keeps the
# cluster in a temporary directory. It listens on a Unix socket in a temporary folder of its
# own (and on localhost), with passwords checked on the socket too, and the tests connect
# through the socket (PGHOST is the folder). The label "postgres" holds the engine's own tests
# and the store's suites run again on the server (each test on a fresh schema,
# tests/support.hpp); the restart test runs alone, since it restarts the cluster under every
# client; then the Python suite on the server.
step "PostgreSQL: the engine's tests and the store's suites on a throw-away server (pg_virtualenv)"
pg_socket=$(mktemp -d -t libtracker-pg.XXXXXX)
trap 'rm -rf "$pg_socket"' EXIT
[ "$(id -u)" != 0 ] || chown postgres:postgres "$pg_socket"  # the server runs as postgres
pg_virtualenv -t -i --auth-local=scram-sha-256 -o "unix_socket_directories=$pg_socket" bash -c '
  set -e
  export PGHOST=$3
  [ "$(psql -XAtc "SELECT inet_server_addr() IS NULL")" = t ]  # connected through the socket
  ctest --preset postgres -j"$1" -E ServerRestart
  LIBTRACKER_TEST_PG_RESTART="pg_ctlcluster $PGVERSION regress restart" \
    ctest --preset postgres -R ServerRestart
  cd build && LIBTRACKER_TEST_STORE=postgres venv/bin/python -m pytest -q -p no:cacheprovider \
    -c "$2/pyproject.toml" --rootdir "$2" "$2/tests/python"
' pg "$jobs" "$root" "$pg_socket"

step "Import fidelity: the fixtures' figures in docs/import.md"
python3 scripts/import_fidelity.py build/test

step "C++ unit tests under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake --preset sanitize "$test_python" >/dev/null
cmake --build --preset sanitize -j"$jobs"
ctest --preset sanitize -j"$jobs"

step "The HTML report in headless Chromium (screenshot)"
tests/browser/screenshot.sh build/test/cli/tracker build/test/screenshot

step "Fuzzers: every libFuzzer target for $FUZZ_SECONDS s (a full run: FUZZ_SECONDS=600)"
BUILD_DIR=build/fuzz JOBS="$jobs" scripts/fuzz.sh "$FUZZ_SECONDS"

# pytest also runs examples/notebooks/weekly_report.ipynb (nbclient, a fixed report day) and
# mypy.stubtest on the compiled module (tests/python/test_stubs.py).
step "Python package: pytest (warnings are errors)"
# Run from outside the source tree so the installed package is the one tested.
(cd build && venv/bin/python -m pytest -q -p no:cacheprovider -c "$root/pyproject.toml" --rootdir "$root" "$root/tests/python")

# The repaired wheel, installed into a fresh virtual environment and run there.
JOBS="$jobs" scripts/wheel.sh --check

step "Benchmarks at smoke size: they run against their baselines (timings are not checked)"
BENCH_SMOKE=1 BENCH_BUILD_DIR=build/test BENCH_CONFIGURE=0 BENCH_PYTHON=build/venv/bin/python \
  JOBS="$jobs" scripts/bench.sh

step "Linters: clang-format (C++), clang-tidy (the library's sources, .clang-tidy), ruff (Python)"
git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror
# The compile commands of the test build; .clang-tidy makes every warning an error.
run-clang-tidy -quiet -p build/test -j "$jobs" "$root/libtracker/src/.*\.cpp$" \
  >build/test/clang-tidy.log 2>&1 || { grep -E "(warning|error):" build/test/clang-tidy.log; exit 1; }
# The Python files are the [tool.ruff] include list of pyproject.toml.
build/venv/bin/ruff check
build/venv/bin/ruff format --check

echo
echo "all test suites passed"
