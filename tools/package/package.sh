#!/usr/bin/env bash
# Builds and validates the Teams app package: artifacts/teams/bepbot-<version>.zip (+ appPackage/ unzipped).
#   tools/package/package.sh --env manifest/env/production.env
# Values come from manifest/package.env, the --env files and BEPBOT_* environment variables (see package.js).
# Validation is offline: the Teams schemas come from npm @microsoft/app-manifest, pinned in tests/node.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ -z "${BEPBOT_TEST_NODE_TOOLS:-}" ]; then
  npm ci --prefix "$root/tests/node" --no-audit --no-fund --loglevel=error
fi
exec node "$here/package.js" "$@"
