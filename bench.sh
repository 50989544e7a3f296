#!/usr/bin/env bash
# The benchmark command: starts Azurite, runs the benchmarks in Release and rewrites their sections of
# docs/benchmarks.md. Usage: ./bench.sh [broadcast [recipients] [limit]]
set -euo pipefail
cd "$(dirname "$0")"
npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
dotnet build benchmarks/BepBot.Benchmarks -c Release --nologo -v quiet
tools/with-azurite.sh dotnet run --no-build -c Release --project benchmarks/BepBot.Benchmarks -- "$@" --record "$(pwd)/docs/benchmarks.md"
