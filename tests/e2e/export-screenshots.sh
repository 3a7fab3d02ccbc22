#!/usr/bin/env bash
# Exports a made-up, approved letter as HTML and photographs it in headless Chromium at
# desktop and phone widths, for the README. Run by `make screenshots`.
set -euo pipefail
cd "$(dirname "$0")/../.."
candor=${CANDOR_CLI:-target/debug/candor}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/candor.db"
letter=tests/letters/03-good-payments.md
id=$("$candor" --db "$db" --as "Dana Whitfield" incident new --title "Card payments were declined on Monday morning" \
  --zone America/Chicago --started "2026-11-16 09:12" --resolved "2026-11-16 10:31" --severity sev1)
# Each "## Heading" block of the sample letter becomes that section's customer text.
python3 - "$letter" "$candor" "$db" "$id" <<'PY'
import subprocess, sys
path, candor, db, id_ = sys.argv[1:]
text = open(path).read()
for block in text.split("\n## ")[1:]:
    title, _, body = block.partition("\n")
    subprocess.run([candor, "--db", db, "--as", "Dana Whitfield", "letter", "set", id_, title.strip(), "--view", "customer"],
                   input=body.strip().encode(), check=True)
PY
"$candor" --db "$db" --as "Dana Whitfield" review request "$id" >/dev/null
"$candor" --db "$db" review approve "$id" --as "Robin Ames" --role communications >/dev/null
"$candor" --db "$db" --as "Dana Whitfield" export "$id" --format html --company "Tillwise" --out "$work/letter.html"
shoot() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/chrome-$1" \
    --window-size="$2" --screenshot="assets/screenshots/export-$1.png" "file://$work/letter.html" 2>/dev/null
  echo "wrote assets/screenshots/export-$1.png"
}
shoot desktop 1280,1500
shoot phone 390,1500
