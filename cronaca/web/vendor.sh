#!/usr/bin/env bash
# Refresh the vendored front-end files from the npm registry (versions pinned here).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
cd "$tmp" && npm init -y >/dev/null
npm install --silent d3-array@3.2.5 d3-geo@3.1.2 topojson-client@3.1.0 world-atlas@2.0.2
m="$tmp/node_modules"; v="$here/static/vendor"
cp "$m/d3-array/dist/d3-array.min.js" "$m/d3-geo/dist/d3-geo.min.js" \
   "$m/topojson-client/dist/topojson-client.min.js" "$m/world-atlas/countries-110m.json" "$v/"
for p in d3-array d3-geo topojson-client world-atlas; do cp "$m/$p/LICENSE" "$v/licenses/$p.LICENSE"; done
rm -rf "$tmp"
