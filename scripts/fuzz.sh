#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs every one for SECONDS seconds (default 5).
# Usage: scripts/fuzz.sh [SECONDS]    Environment: BUILD_DIR (default build-fuzz), JOBS.
# Each target starts from fuzz/corpus/<target>/ (read-only); new inputs go to
# $BUILD_DIR/corpus/<target>/ and crashes to $BUILD_DIR/crashes/. Exits non-zero on a crash.
set -euo pipefail

seconds="${1:-5}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build-fuzz}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac

(cd "$root" && cmake --preset fuzz -B "$build" -DCMAKE_CXX_COMPILER="${CXX:-clang++}" >/dev/null)
cmake --build "$build" --parallel "${JOBS:-$(nproc)}"

mkdir -p "$build/crashes"
# Libraries' process-lifetime caches are not findings (see the file).
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
shopt -s nullglob
targets=("$build"/fuzz/fuzz_*)
if [ "${#targets[@]}" -eq 0 ]; then
  echo "no fuzz targets were built" >&2
  exit 1
fi
for fuzzer in "${targets[@]}"; do
  [ -x "$fuzzer" ] && [ -f "$fuzzer" ] || continue
  name="$(basename "$fuzzer")"
  corpus="$build/corpus/$name"
  mkdir -p "$corpus"
  seeds=()
  [ -d "$root/fuzz/corpus/$name" ] && seeds=("$root/fuzz/corpus/$name")
  log="$build/$name.log"
  echo "== $name: ${seconds}s"
  if "$fuzzer" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$build/crashes/$name-" -print_final_stats=1 >"$log" 2>&1; then
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$log" | sed "s/^/   /"
  else
    echo "!! $name failed; see $log and $build/crashes/" >&2
    tail -n 40 "$log" >&2
    status=1
  fi
done
exit "$status"
