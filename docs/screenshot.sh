#!/usr/bin/env bash
# Renders the bundled-data report and saves docs/report.png, the picture in the README.
# Needs the shaded jar (README set-up command 1) and Debian's chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
java -jar examples/target/userops.jar report --out "$out" > /dev/null
# The background-networking flags keep Chromium from dialling Google's hosts on a closed network.
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$out/profile" --hide-scrollbars --window-size=1240,"${HEIGHT:-2560}" \
  --screenshot="$PWD/docs/report.png" "file://$out/report.html" 2> /dev/null
