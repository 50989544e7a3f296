#!/usr/bin/env bash
# The one test command: installs Debian's chromium when missing (the dashboard tab's browser tests) and the Node
# tools the tests need (pinned in tests/node/package-lock.json), starts Azurite (blob + queue + table) on
# 127.0.0.1, runs every .NET test, stops Azurite, and exits non-zero on any failure.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Storage]
set -euo pipefail
cd "$(dirname "$0")"

# Playwright drives Debian's chromium; it never downloads a browser of its own.
if [ ! -x /usr/bin/chromium ]; then
  echo "==> apt-get install chromium"
  sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "==> npm ci (tests/node)"
npm ci --prefix tests/node --no-audit --no-fund --loglevel=error

echo "==> dotnet test"
tools/with-azurite.sh dotnet test BepBot.sln --nologo "$@"
