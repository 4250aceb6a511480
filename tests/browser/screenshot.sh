#!/usr/bin/env bash
# Renders a weekly report as HTML with the real tracker binary and takes a screenshot of it in
# headless Chromium at A4 proportions; then does the same for the HTML part of a reminder
# message (tracker remind --out, the part taken out of the .eml by Python's email package).
# Fails when any step fails, when Chromium reports an error or when a PNG is missing or empty.
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
rm -rf "$db" "$db-wal" "$db-shm" "$out/report.html" "$out/report.png" "$out/reminders" \
  "$out/reminder.html" "$out/reminder.png"

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

# shot HTML PNG: a screenshot of HTML at A4 proportions, checked to be a PNG.
shot() {
  local html=$1 png=$2 log="$out/chromium.log" status=0
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$png" --window-size=1240,1754 "file://$html" > "$log" 2>&1 || status=$?
  if [[ $status -ne 0 ]]; then
    echo "screenshot.sh: $browser failed with status $status" >&2
    cat "$log" >&2
    exit 1
  fi
  if [[ ! -s $png ]]; then
    echo "screenshot.sh: no screenshot written" >&2
    cat "$log" >&2
    exit 1
  fi
  # A PNG starts with its 8-byte signature.
  if [[ $(head -c 8 "$png" | od -An -tx1 | tr -d ' \n') != 89504e470d0a1a0a ]]; then
    echo "screenshot.sh: $png is not a PNG" >&2
    exit 1
  fi
  echo "screenshot: $png ($(wc -c < "$png") bytes)"
}
shot "$out/report.html" "$out/report.png"

# A reminder: James Gannon's message (overdue items, one with markup in its text), its HTML
# part as a mail client would show it.
t owner set "Guðrun Poulsen" --email gudrun.poulsen@example.org
t owner set "James Gannon" --email james.gannon@example.org
t --as-of 2017-06-15 remind --out "$out/reminders" --from "SSR2 Staff <ssr2-staff@example.org>"
python3 - "$out/reminders/2017-06-15-james.gannon@example.org.eml" "$out/reminder.html" <<'PY'
import email, email.policy, sys
with open(sys.argv[1], "rb") as fp:
    message = email.message_from_binary_file(fp, policy=email.policy.default)
html = message.get_body(("html",))
assert html is not None, "no HTML part"
text = html.get_content()
assert "Action items for James Gannon" in text, "not James Gannon's reminder"
assert "&lt;script&gt;" in text and "<script>" not in text, "item text not escaped"
with open(sys.argv[2], "w", encoding="utf-8") as fp:
    fp.write(text)
PY
shot "$out/reminder.html" "$out/reminder.png"
