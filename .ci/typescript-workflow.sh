#!/usr/bin/env bash
# The main workflow through the generated TypeScript client (src/test/typescript/workflow.ts), run by Node against
# the service as the README runs it: the WAR and Payara Micro that `./mvnw verify` left in target/, a fresh
# embedded H2 file, a private port. .ci/lint-openapi.sh must have compiled the workflow first.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${TS_WORKFLOW_PORT:-18070}
KEY=typescript-workflow-admin-key
WORK=target/openapi-lint
DATA=$(mktemp -d)
LOG=$WORK/typescript-workflow-server.log
[ -f "$WORK/workflow/workflow.js" ] || { echo "run .ci/lint-openapi.sh first: $WORK/workflow/workflow.js is missing"; exit 1; }

SENSORS_ADMIN_KEY=$KEY SENSORS_H2_FILE=$DATA/sensorhub java -jar target/server/payara-micro.jar --nohazelcast \
    --port "$PORT" --prebootcommandfile server-config/payara/hardening.asadmin \
    --systemproperties server-config/payara/system.properties \
    --postbootcommandfile server-config/payara/h2-file.asadmin \
    --deploy target/sensorhub.war --contextroot / > "$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT

for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null && break
    kill -0 $SERVER 2>/dev/null || { tail -40 "$LOG"; echo "Payara Micro ended before it was ready"; exit 1; }
    sleep 1
done
curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null || { tail -40 "$LOG"; echo "not ready after 180 s"; exit 1; }

SENSORS_BASE=http://127.0.0.1:$PORT SENSORS_KEY=$KEY node "$WORK/workflow/workflow.js"
