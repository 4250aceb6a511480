#!/usr/bin/env bash
# What libtracker needs to build and test, from Debian's packages.
#
# Sourced by the other scripts (install_apt_packages installs only what is missing; safe to run
# again). Run as a program:
#   scripts/deps.sh            installs the build packages (as root; else prints the apt-get line)
#   scripts/deps.sh --check    only says which build packages are missing (exit 1 if any); the
#                              CMake build runs this first, so `pip install .` on a machine
#                              without them stops with that one message. Add `tests` to check
#                              the test libraries too. On a system without dpkg it says nothing.
set -euo pipefail

# The compiler and build tools (pip install gets CMake and Ninja from PyPI when these are missing).
LIBTRACKER_TOOL_APT_PACKAGES=(g++ cmake ninja-build pkg-config)
# The libraries libtracker, its CLI and its Python module are built against.
LIBTRACKER_LIBRARY_APT_PACKAGES=(
  libsqlite3-dev libsqlitecpp-dev libboost-date-time-dev nlohmann-json3-dev libcli11-dev libicu-dev
  libcurl4-openssl-dev
  libzip-dev libpugixml-dev libxml2-dev libpoppler-cpp-dev libpq-dev
)
# The C++ unit tests (GoogleTest).
LIBTRACKER_UNIT_TEST_APT_PACKAGES=(libgtest-dev)
LIBTRACKER_APT_PACKAGES=(
  "${LIBTRACKER_TOOL_APT_PACKAGES[@]}" "${LIBTRACKER_LIBRARY_APT_PACKAGES[@]}"
  "${LIBTRACKER_UNIT_TEST_APT_PACKAGES[@]}"
)
# Only the test script needs these: sanitizers' runtime and libFuzzer (clang), Taskwarrior for
# the interoperability tests, Chromium for the report screenshot, Google Benchmark, the linters,
# PostgreSQL (a throw-away server for the tests of the PostgreSQL engine; pg_virtualenv).
LIBTRACKER_TEST_APT_PACKAGES=(clang libclang-rt-14-dev taskwarrior chromium libbenchmark-dev
  clang-format clang-tidy postgresql postgresql-contrib)
# scripts/bench.sh (and the test script's benchmark smoke step): Google Benchmark, Taskwarrior
# to compare the CLI with, GNU time for peak memory, venv for the Python package, poppler's
# pdftotext to compare the PDF reader with. linux-perf is for profiling by hand (perf record),
# not needed to run the benchmarks.
LIBTRACKER_BENCH_APT_PACKAGES=(libbenchmark-dev taskwarrior time python3-venv poppler-utils)

# The packages of "$@" that are not installed.
missing_apt_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

install_apt_packages() {
  local missing=()
  mapfile -t missing < <(missing_apt_packages "$@")
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "libtracker needs these Debian packages: ${missing[*]}" >&2
    echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "installing: ${missing[*]}"
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ]; then
    apt-get update -qq
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
}

# The build's check: one message naming what is missing, and how to install it.
check_build_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local wanted=("${LIBTRACKER_LIBRARY_APT_PACKAGES[@]}") missing=()
  [ "${1:-}" = tests ] && wanted+=("${LIBTRACKER_UNIT_TEST_APT_PACKAGES[@]}")
  # Any C++ compiler will do; g++ is the one to install when there is none.
  command -v c++ >/dev/null 2>&1 || command -v g++ >/dev/null 2>&1 ||
    command -v clang++ >/dev/null 2>&1 || missing+=(g++)
  mapfile -t -O "${#missing[@]}" missing < <(missing_apt_packages "${wanted[@]}")
  [ ${#missing[@]} -eq 0 ] && return 0
  local here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  echo "libtracker cannot be built: these Debian packages are missing: ${missing[*]}"
  echo "Install them with: sudo $here/deps.sh   (or: sudo apt-get install -y ${missing[*]})"
  return 1
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    --check) check_build_packages "${2:-}" ;;
    "") install_apt_packages "${LIBTRACKER_TOOL_APT_PACKAGES[@]}" "${LIBTRACKER_LIBRARY_APT_PACKAGES[@]}" ;;
    *) echo "usage: scripts/deps.sh [--check [tests]]" >&2; exit 2 ;;
  esac
fi
