#!/usr/bin/env bash
# The benchmark command: starts Azurite, runs a benchmark in Release and rewrites its section of
# docs/benchmarks.md. Figures only, never assertions.
#   ./bench.sh                 every benchmark, in turn (about 10 minutes on 2 cores)
#   ./bench.sh <name> [args]   one of them; ./bench.sh help lists them
set -euo pipefail
cd "$(dirname "$0")"
npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
dotnet build benchmarks/BepBot.Benchmarks -c Release --nologo -v quiet
tools/with-azurite.sh dotnet run --no-build -c Release --project benchmarks/BepBot.Benchmarks -- "$@" --record "$(pwd)/docs/benchmarks.md"
