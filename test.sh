#!/usr/bin/env bash
# The one test command: installs the Node tools the tests need (pinned in tests/node/package-lock.json),
# starts Azurite (blob + queue + table) on 127.0.0.1, runs every .NET test, stops Azurite, and exits non-zero
# on any failure. Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Storage]
set -euo pipefail
cd "$(dirname "$0")"

echo "==> npm ci (tests/node)"
npm ci --prefix tests/node --no-audit --no-fund --loglevel=error

echo "==> dotnet test"
tools/with-azurite.sh dotnet test BepBot.sln --nologo "$@"
