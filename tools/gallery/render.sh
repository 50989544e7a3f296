#!/usr/bin/env bash
# Card gallery: renders every cards/<feature>/<name>.json with its sample data, Teams light and dark themes,
# to docs/cards/*.png (and docs/cards/README.md). Arguments go to render.js, e.g. `render.sh help/help`.
# Needs Debian's chromium and two font packages (no download at run time, no browser of Playwright's own):
#   apt-get install chromium fonts-open-sans fonts-noto-color-emoji optipng
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
fc-list -q 'Open Sans' || missing+=(fonts-open-sans)
fc-list -q 'Noto Color Emoji' || missing+=(fonts-noto-color-emoji)
command -v "${OPTIPNG_PATH:-optipng}" >/dev/null || missing+=(optipng)
if [ ${#missing[@]} -gt 0 ]; then
  echo "render.sh: missing ${missing[*]}; install with: apt-get install -y ${missing[*]}" >&2
  exit 2
fi

npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
# Same default locale as the templating cross-check (tests/node/expand-official.js).
LANG=C.UTF-8 LC_ALL=C.UTF-8 exec node "$here/render.js" "$@"
