#!/usr/bin/env bash
# Builds libtracker in Release, runs every benchmark side by side with its baseline (plain
# SQLite, pandas.read_sql, Taskwarrior) and prints one table: measure, libtracker's median, the
# baseline's median, their ratio, the target and whether it is met. See docs/performance.md.
# The same store on a PostgreSQL server is measured beside the file, against libpq alone.
#
# Sizes and repetitions (environment; the defaults are the issue's sizes):
#   BENCH_ITEMS          items for bulk add, count, find and to_dataframe   (1000000)
#   BENCH_REPORT_ITEMS   items of the weekly-report store                     (100000)
#   BENCH_REPORT_EVENTS  history events of the weekly-report store            (1000000)
#   BENCH_CLI_ITEMS      tasks for the CLI against Taskwarrior               (100000)
#   BENCH_REPETITIONS    repetitions of each measure (bulk add: at most 3)    (5)
#   BENCH_PY_OPS         timed single add() and update() calls from Python    (2000)
#   BENCH_PG_ITEMS       items for bulk add on the PostgreSQL server         (100000)
#   BENCH_PG_SECONDS     length of a round of 8 Python clients updating together  (5)
#   BENCH_PG             a PostgreSQL server in libpq's key=value form (no schema=) to measure
#                        on; unset, the script runs itself again under pg_virtualenv (one
#                        throw-away cluster for the whole run, reached over its local socket);
#                        BENCH_PG=off leaves the server's measures out
#   BENCH_SMOKE=1        tiny sizes and one repetition: checks that everything runs (the test
#                        script's step), in well under a minute; the timings mean nothing
#   BENCH_BUILD_DIR      build directory (build/bench); generated stores are kept in its data/
#                        and reused
#   BENCH_CONFIGURE=0    build in BENCH_BUILD_DIR as it is configured (the test script's build)
#   BENCH_PYTHON         a Python with libtracker and pandas installed (default: a virtual
#                        environment in BENCH_BUILD_DIR/venv with ".[pandas]" built in Release)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/deps.sh
install_apt_packages "${LIBTRACKER_APT_PACKAGES[@]}" "${LIBTRACKER_BENCH_APT_PACKAGES[@]}"

if [ -z "${BENCH_PG+set}" ]; then
  # -t: the cluster in a temporary directory (as root too), so that runs never share one.
  BENCH_PG=pg_virtualenv exec pg_virtualenv -t -i --auth-local=trust "$root/scripts/bench.sh" "$@"
fi
if [ "$BENCH_PG" = pg_virtualenv ]; then
  BENCH_PG="host=$(psql -XAtc 'SHOW unix_socket_directories' | cut -d, -f1) port=$PGPORT"
  BENCH_PG+=" dbname=$PGDATABASE user=$PGUSER"
elif [ "$BENCH_PG" = off ]; then
  BENCH_PG=
fi
export BENCH_PG

jobs=${JOBS:-2}
build=${BENCH_BUILD_DIR:-build/bench}
if [ "${BENCH_SMOKE:-0}" = 1 ]; then
  : "${BENCH_ITEMS:=2000}" "${BENCH_REPORT_ITEMS:=1000}" "${BENCH_REPORT_EVENTS:=5000}"
  : "${BENCH_CLI_ITEMS:=300}" "${BENCH_REPETITIONS:=1}" "${BENCH_PY_OPS:=50}"
  : "${BENCH_PG_ITEMS:=1000}" "${BENCH_PG_SECONDS:=0.5}"
  min_time=(--benchmark_min_time=0.01)
  smoke=(--smoke)
else
  min_time=()
  smoke=()
fi
export BENCH_ITEMS=${BENCH_ITEMS:-1000000}
export BENCH_REPORT_ITEMS=${BENCH_REPORT_ITEMS:-100000}
export BENCH_REPORT_EVENTS=${BENCH_REPORT_EVENTS:-1000000}
export BENCH_PG_ITEMS=${BENCH_PG_ITEMS:-100000}
cli_items=${BENCH_CLI_ITEMS:-100000}
reps=${BENCH_REPETITIONS:-5}
bulk_reps=$((reps < 3 ? reps : 3))
py_ops=${BENCH_PY_OPS:-2000}
step() { printf '\n=== %s\n' "$*" >&2; }

step "Release build in $build"
if [ "${BENCH_CONFIGURE:-1}" != 0 ]; then
  cmake --preset bench -B "$build" >/dev/null
fi
cmake --build "$build" -j"$jobs" --target bench_store bench_report make_store tracker_cli >/dev/null
python=${BENCH_PYTHON:-}
if [ -z "$python" ]; then
  step "Python package in $build/venv (Release)"
  [ -x "$build/venv/bin/python" ] || python3 -m venv "$build/venv"
  "$build/venv/bin/python" -m pip install -q --upgrade pip
  "$build/venv/bin/python" -m pip install -q -Cbuild-dir="$build/py" -Cbuild.tool-args=-j"$jobs" ".[pandas]"
  python=$build/venv/bin/python
fi

export BENCH_DIR=$root/$build/data
results=$BENCH_DIR/results
mkdir -p "$results"
rm -f "$results"/*.json
# Both sides of every comparison run in one program, in random order (interleaved).
gbench=(--benchmark_enable_random_interleaving=true --benchmark_display_aggregates_only=true
        --benchmark_out_format=json "${min_time[@]}")

# With a server, each program also runs its PostgreSQL variants (pg_*), interleaved with the rest.
step "bulk add, $BENCH_ITEMS items: libtracker and plain SQLite${BENCH_PG:+; on PostgreSQL $BENCH_PG_ITEMS items: libtracker and COPY through libpq} ($bulk_reps repetitions)"
"$build/bench/bench_store" --benchmark_filter='^bulk_add/' --benchmark_repetitions="$bulk_reps" \
  --benchmark_out="$results/store.json" "${gbench[@]}" >&2
step "count and find at $BENCH_ITEMS items: libtracker and plain SQLite${BENCH_PG:+; count on PostgreSQL: libtracker and libpq} ($reps repetitions)"
"$build/bench/bench_store" --benchmark_filter='^(count_overdue|find_owner_open)/' \
  --benchmark_repetitions="$reps" --benchmark_out="$results/queries.json" "${gbench[@]}" >&2
step "weekly report, $BENCH_REPORT_ITEMS items, $BENCH_REPORT_EVENTS events${BENCH_PG:+: file and PostgreSQL} ($reps repetitions)"
"$build/bench/bench_report" --benchmark_filter='^weekly_report/' --benchmark_repetitions="$reps" \
  --benchmark_out="$results/report.json" "${gbench[@]}" >&2
if [ -n "$BENCH_PG" ]; then
  server=(--server "$BENCH_PG" --seconds "${BENCH_PG_SECONDS:-5}")
else
  server=()
fi
step "Python: to_dataframe() and pandas.read_sql, single add() and update()${BENCH_PG:+ (file and server), 8 clients updating together}"
# The store the queries read (built by bench_store above) is the one the data frames read.
"$python" bench/python/bench_python.py --db "$BENCH_DIR/items-v1-$BENCH_ITEMS.db" --repeat "$reps" \
  --ops "$py_ops" "${server[@]}" --json "$results/python.json" >&2
step "CLI: tracker and Taskwarrior at $cli_items items"
python3 bench/bench_cli.py --tracker "$build/cli/tracker" --make-store "$build/bench/make_store" \
  --items "$cli_items" --repeat "$((reps < 3 ? reps : 3))" --workdir "$BENCH_DIR/cli" \
  --json "$results/cli.json" >&2

step "Documents: importing .xlsx, .pptx and PDF files, against openpyxl, python-pptx and pdftotext"
"$python" -m pip install -q openpyxl python-pptx fpdf2
"$python" bench/bench_documents.py --dir "$BENCH_DIR/documents" --repeat "$reps" "${smoke[@]}" \
  --json "$results/documents.json" >&2

step "Results (medians; ratio = libtracker against the baseline in the same run)"
python3 bench/bench_table.py "${smoke[@]}" "$results" | tee "$results/table.txt"
