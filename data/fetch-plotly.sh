#!/usr/bin/env bash
# Fetches plotly.js 2.35.3 (npm plotly.js-dist-min, MIT) into data/downloads/ once and prints the
# path of plotly.min.js. The toolkit's build bundles it so figures render offline. Safe to run twice.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version=2.35.3
dest="$here/downloads/plotly.js-dist-min-$version"
if [ ! -s "$dest/plotly.min.js" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "plotly.js-dist-min@$version" >/dev/null && tar xzf "plotly.js-dist-min-$version.tgz")
  mkdir -p "$dest"
  cp "$tmp/package/plotly.min.js" "$tmp/package/LICENSE" "$dest/" 2>/dev/null || cp "$tmp/package/plotly.min.js" "$dest/"
fi
echo "$dest/plotly.min.js"
