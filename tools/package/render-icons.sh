#!/usr/bin/env bash
# Redraws manifest/*.png from manifest/icons/*.svg in headless Chromium (apt-get install chromium).
# The PNGs are committed: run this only after changing an SVG.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || { echo "render-icons.sh: chromium missing (apt-get install -y chromium)" >&2; exit 2; }
npm ci --prefix "$here/../gallery" --no-audit --no-fund --loglevel=error
exec node "$here/render-icons.js"
