#!/usr/bin/env bash
# Installs what libtracker needs to build and test, from Debian's packages.
# Sourced by demo.sh and test.sh; safe to run again (installs only what is missing).
set -euo pipefail

LIBTRACKER_APT_PACKAGES=(
  g++ cmake ninja-build pkg-config
  libsqlite3-dev libsqlitecpp-dev libboost-date-time-dev nlohmann-json3-dev libcli11-dev libicu-dev
  libcurl4-openssl-dev
  libgtest-dev
)
# Only the test script needs these: sanitizers' runtime and libFuzzer (clang), Taskwarrior for
# the interoperability tests, Chromium for the report screenshot, Google Benchmark.
LIBTRACKER_TEST_APT_PACKAGES=(clang libclang-rt-14-dev taskwarrior chromium libbenchmark-dev clang-format)
# scripts/bench.sh (and the test script's benchmark smoke step): Google Benchmark, Taskwarrior
# to compare the CLI with, GNU time for peak memory, venv for the Python package. linux-perf is
# for profiling by hand (perf record), not needed to run the benchmarks.
LIBTRACKER_BENCH_APT_PACKAGES=(libbenchmark-dev taskwarrior time python3-venv)

install_apt_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
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
