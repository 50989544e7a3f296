#!/usr/bin/env bash
# Builds and validates the Teams app package: artifacts/teams/bepbot-<version>.zip (+ appPackage/ unzipped).
#   tools/package/package.sh --env manifest/env/production.env
# Values come from manifest/package.env, the --env files and BEPBOT_* environment variables (see package.js).
# Validation is offline: the Teams schemas come from npm @microsoft/app-manifest, pinned in tests/node.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tools="${BEPBOT_TEST_NODE_TOOLS:-$root/tests/node}"
# npm ci wipes node_modules first: run it only when the schema package is missing (./test.sh keeps it current).
if [ ! -f "$tools/node_modules/@microsoft/app-manifest/package.json" ]; then
  npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error
fi
exec node "$here/package.js" "$@"
