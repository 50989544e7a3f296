#!/usr/bin/env bash
# Runs a command with Azurite (blob + queue + table, in memory) on free 127.0.0.1 ports, then stops Azurite.
# Exports BEPBOT_TEST_STORAGE (a connection string) and BEPBOT_TEST_NODE_TOOLS for the command.
# Needs `npm ci --prefix tests/node` first. Usage: tools/with-azurite.sh <command> [args...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'; }
blob_port=$(free_port)
queue_port=$(free_port)
while [ "$queue_port" = "$blob_port" ]; do queue_port=$(free_port); done
table_port=$(free_port)
while [ "$table_port" = "$blob_port" ] || [ "$table_port" = "$queue_port" ]; do table_port=$(free_port); done

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

bin="$root/tests/node/node_modules/.bin"
"$bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$blob_port" --inMemoryPersistence \
  --disableTelemetry --skipApiVersionCheck --silent &
pids+=($!)
"$bin/azurite-queue" --queueHost 127.0.0.1 --queuePort "$queue_port" --inMemoryPersistence \
  --disableTelemetry --skipApiVersionCheck --silent &
pids+=($!)
"$bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$table_port" --inMemoryPersistence \
  --disableTelemetry --skipApiVersionCheck --silent &
pids+=($!)

wait_for() {
  for _ in $(seq 1 100); do
    if node -e 'const c=require("net").connect(+process.argv[1],"127.0.0.1");c.on("connect",()=>process.exit(0));c.on("error",()=>process.exit(1));' "$1"; then return 0; fi
    sleep 0.1
  done
  echo "Azurite did not start on port $1" >&2; return 1
}
wait_for "$blob_port"
wait_for "$queue_port"
wait_for "$table_port"
echo "==> Azurite blob on 127.0.0.1:$blob_port, queue on 127.0.0.1:$queue_port, table on 127.0.0.1:$table_port"

# The well-known development account key of the storage emulator (public, not a secret).
account="AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export BEPBOT_TEST_STORAGE="DefaultEndpointsProtocol=http;$account;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
export BEPBOT_TEST_NODE_TOOLS="$root/tests/node"

"$@"
