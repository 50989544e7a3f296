#!/usr/bin/env bash
# Takes docs/dashboard/*.png, the README's pictures of the dashboard tab in light and dark: starts the bot in
# Development on a fresh local store (demo data), signs in as Alex Wilber with the Development sign-in, and lets
# playwright-core drive Debian's chromium (apt-get install chromium; nothing is downloaded).
#   tools/screenshots/take.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ -x /usr/bin/chromium ] || { echo "Debian's chromium is needed: apt-get install chromium" >&2; exit 1; }
[ -d "$here/node_modules/playwright-core" ] || npm ci --prefix "$here" --no-audit --no-fund --loglevel=error

store="$(mktemp -d)"
log="$store/bot.log"
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:0 Storage__LocalFolder="$store/data" \
  dotnet run --project "$root/bot" --no-launch-profile >"$log" 2>&1 &
bot=$!
trap 'kill "$bot" 2>/dev/null || true; rm -rf "$store"' EXIT

url=""
for _ in $(seq 1 180); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1 || true)"
  [ -n "$url" ] && break
  kill -0 "$bot" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done
[ -n "$url" ] || { echo "the bot did not start:" >&2; cat "$log" >&2; exit 1; }

node "$here/take.js" "$url" "$root/docs/dashboard"
