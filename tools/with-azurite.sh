#!/usr/bin/env bash
# Runs a command with Azurite (blob + queue + table, in memory) on free 127.0.0.1 ports, then stops Azurite.
# Exports BEPBOT_TEST_STORAGE (a connection string) and BEPBOT_TEST_NODE_TOOLS for the command.
# Needs `npm ci --prefix tests/node` first. Usage: tools/with-azurite.sh <command> [args...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

# tests/node/azurite.js (also what a plain `dotnet test` starts) prints the connection string once Azurite is up,
# and stops it when its stdin closes: fd 3 holds that stdin open for as long as this script (or the command) lives.
work=$(mktemp -d)
mkfifo "$work/stdin"
node "$root/tests/node/azurite.js" < "$work/stdin" > "$work/ready" &
azurite_pid=$!
exec 3> "$work/stdin"
trap 'exec 3>&-; kill "$azurite_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 600); do
  if [ -s "$work/ready" ]; then break; fi
  if ! kill -0 "$azurite_pid" 2>/dev/null; then echo "Azurite did not start" >&2; exit 1; fi
  sleep 0.1
done
read -r connection_string < "$work/ready" || { echo "Azurite did not start within 60 s" >&2; exit 1; }
echo "==> Azurite: ${connection_string#*AccountKey=*;}"

export BEPBOT_TEST_STORAGE="$connection_string"
export BEPBOT_TEST_NODE_TOOLS="$root/tests/node"

"$@"
