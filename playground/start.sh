#!/usr/bin/env bash
# Starts the Microsoft 365 Agents Playground as one of the demo users, against the bot on 127.0.0.1:3978,
# listening on 127.0.0.1 only, telemetry off. The Playground has no user switch: stop it (Ctrl+C) and start it
# again as someone else. Usage: playground/start.sh [alex|megan|adele|isaiah|patti|lynne] [agentsplayground options]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
who=${1:-alex}
shift $(( $# > 0 ? 1 : 0 ))

folders=("$here/$who"-*/)
if [ ! -f "${folders[0]}.m365agentsplayground.yml" ]; then
  echo "No demo user '$who'. One of:" >&2
  for folder in "$here"/*/.m365agentsplayground.yml; do basename "$(dirname "$folder")" >&2; done
  exit 2
fi

if [ ! -x "$here/node_modules/.bin/agentsplayground" ]; then
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
fi

# The Playground reads .m365agentsplayground.yml from its working directory.
cd "${folders[0]}"
NODE_OPTIONS="--require $here/loopback.js ${NODE_OPTIONS:-}" exec "$here/node_modules/.bin/agentsplayground" \
  -e http://127.0.0.1:3978/api/messages -c msteams --disable-telemetry "$@"
