#!/usr/bin/env bash
# The main job: the SSR2 review team's action items, imported from the team's own slides
# (../shared/seeds/004_aef3142de91aa82d.txt, then the same slides as .pptx) into a
# fresh tracker, and this week's status
# report as of the coordination call of 2017-06-15, on the terminal and as HTML, and the
# call's pack (its agenda and the open action items in pages), as the team rebuilt by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
install_apt_packages "${LIBTRACKER_APT_PACKAGES[@]}"

cmake --preset demo >/dev/null
cmake --build --preset demo -j2 >/dev/null

tracker=build/demo/cli/tracker
slides=../shared/seeds/004_aef3142de91aa82d.txt
[ -f "$slides" ] || slides=examples/data/seeds/004_aef3142de91aa82d.txt
export TRACKER_DB=build/demo/ssr2.db
rm -f "$TRACKER_DB" "$TRACKER_DB-wal" "$TRACKER_DB-shm"

"$tracker" --as-of 2017-06-15 init
"$tracker" --as-of 2017-06-15 import "$slides" --format minutes --ref-date 2017-06-15
# The same slides as a PowerPoint file (tests/data/documents/ssr2_slides.pptx, made from the
# seed by tests/data/make_office_fixtures.py): read from the file's own structure, it finds
# the same items, so the re-import updates nothing.
"$tracker" --as-of 2017-06-15 import tests/data/documents/ssr2_slides.pptx --ref-date 2017-06-15
echo
"$tracker" --as-of 2017-06-15 report weekly --as-of 2017-06-15 --format text
"$tracker" --as-of 2017-06-15 report weekly --as-of 2017-06-15 --format html -o build/demo/weekly-2017-06-15.html
# The slides name their call (title and date): the import made it a meeting with its agenda.
"$tracker" --as-of 2017-06-15 report meeting next --series "SSR2 Staff, Co-Chairs Coordination" \
  --format html -o build/demo/pack-2017-06-15.html
echo
echo "HTML report: build/demo/weekly-2017-06-15.html"
echo "Meeting pack: build/demo/pack-2017-06-15.html"
