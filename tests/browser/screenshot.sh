#!/usr/bin/env bash
# Renders a weekly report as HTML with the real tracker binary and takes a screenshot of it in
# headless Chromium at A4 proportions. Fails when any step fails, when Chromium reports an error
# or when the PNG is missing or empty.
#
#   tests/browser/screenshot.sh TRACKER_BIN [OUT_DIR]
#
# The HTML and PNG are left in OUT_DIR (default: a temporary directory) for inspection.
set -euo pipefail

tracker=${1:?usage: screenshot.sh TRACKER_BIN [OUT_DIR]}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
db="$out/screenshot.db"
rm -f "$db" "$db-wal" "$db-shm" "$out/report.html" "$out/report.png"

browser=""
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" > /dev/null 2>&1; then browser=$name; break; fi
done
if [[ -z $browser ]]; then
  echo "screenshot.sh: no chromium found (apt-get install chromium)" >&2
  exit 1
fi

t() { "$tracker" --db "$db" "$@" > /dev/null; }
t --as-of 2017-06-01 init
t --as-of 2017-06-01 add "Draft SSR2 Review Team work plan with key dates, circulate to RT for input." \
  --owner "Co-Chairs, James Gannon, Boban Krsic" --due "9 June"
t --as-of 2017-06-01 add "Share links to relevant articles regarding threat mitigation and classification of threats." \
  --owner "ICANN Org" --due "22 June"
t --as-of 2017-06-01 add "Schedule remainder of briefings related to SSR1." --owner "ICANN Org" --due TBD
t --as-of 2017-06-02 add "Review non-disclosure form with ICANN Legal <script>alert(1)</script> & report back" \
  --owner "James Gannon, Emily Taylor" --due "6/5"
t --as-of 2017-06-05 add "Guðrun Poulsen, Danko Jevtović, Régis Massé: agenda for ICANN67" --owner "Guðrun Poulsen" --due "6/30"
t --as-of 2017-06-05 add "安全审查报告を共有する" --owner "李小龍" --due "6/10"
t --as-of 2017-06-12 set 6 "due=6/25" "status=Waiting on translation"
t --as-of 2017-06-13 done 3 --note "Briefings scheduled"
t --as-of 2017-06-14 start 2
"$tracker" --db "$db" --as-of 2017-06-15 report weekly --format html --page-size 4 --group-by owner \
  -o "$out/report.html"

log="$out/chromium.log"
status=0
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --screenshot="$out/report.png" --window-size=1240,1754 "file://$out/report.html" > "$log" 2>&1 || status=$?
if [[ $status -ne 0 ]]; then
  echo "screenshot.sh: $browser failed with status $status" >&2
  cat "$log" >&2
  exit 1
fi
if [[ ! -s $out/report.png ]]; then
  echo "screenshot.sh: no screenshot written" >&2
  cat "$log" >&2
  exit 1
fi
# A PNG starts with its 8-byte signature.
if [[ $(head -c 8 "$out/report.png" | od -An -tx1 | tr -d ' \n') != 89504e470d0a1a0a ]]; then
  echo "screenshot.sh: $out/report.png is not a PNG" >&2
  exit 1
fi
echo "screenshot: $out/report.png ($(wc -c < "$out/report.png") bytes)"
