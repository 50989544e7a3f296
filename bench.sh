#!/usr/bin/env bash
# The benchmark command: starts Azurite, runs a benchmark in Release and rewrites its section of
# docs/benchmarks.md. Figures only, never assertions.
#   ./bench.sh broadcast [recipients=10000] [limit=50] [LocalFolder|Blob]   a broadcast against a rate-limited fake Teams
#   ./bench.sh messenger                                                    raw proactive sends per second
#   ./bench.sh votes [communes=1000] [inflight=100]                         communes voting at once on one ballot (Azurite)
set -euo pipefail
cd "$(dirname "$0")"
npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
dotnet build benchmarks/BepBot.Benchmarks -c Release --nologo -v quiet
tools/with-azurite.sh dotnet run --no-build -c Release --project benchmarks/BepBot.Benchmarks -- "$@" --record "$(pwd)/docs/benchmarks.md"
