#!/usr/bin/env bash
# A Node-RED flow against the service as the README runs it (.ci/service.sh): node-red-contrib-influxdb's own nodes
# in Node-RED, headless on 127.0.0.1 (src/test/node-red/settings.js). The flow (src/test/node-red/flow.json) writes
# through `influxdb out` with the 1.x config (the key as password) and the 2.0 config (the key as token) and reads
# back through `influxdb in` (InfluxQL); src/test/node-red/check.js runs it and checks its answer and the REST API.
# The npm packages are installed once into NODE_RED_FLOW_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/service.sh

PORT=${NODE_RED_SERVICE_PORT:-18074}
NODE_RED_PORT=${NODE_RED_PORT:-18075}
KEY=node-red-admin-key
NODE_RED_VERSION=4.1.15
CONTRIB_VERSION=0.7.0
TOOLS=${NODE_RED_FLOW_HOME:-$HOME/.cache/sensorhub-node-red}
mkdir -p "$TOOLS"
if [ "$(cat "$TOOLS/versions" 2>/dev/null)" != "$NODE_RED_VERSION $CONTRIB_VERSION" ]; then
    (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error --no-save "node-red@$NODE_RED_VERSION" \
        "node-red-contrib-influxdb@$CONTRIB_VERSION")
    echo "$NODE_RED_VERSION $CONTRIB_VERSION" > "$TOOLS/versions"
fi

# A fresh userDir: the flow, and its credentials in plain JSON (settings.js: credentialSecret false).
USER_DIR=target/node-red
rm -rf "$USER_DIR" && mkdir -p "$USER_DIR"
cp src/test/node-red/flow.json "$USER_DIR/flow.json"
cat > "$USER_DIR/flow_cred.json" <<EOF
{"service-v1": {"username": "node-red", "password": "$KEY"}, "service-v2": {"token": "$KEY"},
 "service-wrong-key": {"username": "node-red", "password": "wrong-key"}}
EOF

start_service "$PORT" "$KEY"
NODE_RED_LOG=target/node-red.log
stop_node_red() {
    [ -n "${NODE_RED_PID:-}" ] || return 0
    kill "$NODE_RED_PID" 2>/dev/null || true
    wait "$NODE_RED_PID" 2>/dev/null || true
}
trap 'stop_node_red; stop_service' EXIT
# The flow's server configs read the service's port and URL from these (${SENSORS_PORT}, ${SENSORS_URL}).
SENSORS_PORT=$PORT SENSORS_URL=http://127.0.0.1:$PORT node "$TOOLS/node_modules/node-red/red.js" \
    --settings src/test/node-red/settings.js --userDir "$USER_DIR" --port "$NODE_RED_PORT" flow.json \
    > "$NODE_RED_LOG" 2>&1 &
NODE_RED_PID=$!
for i in $(seq 1 60); do
    grep -q 'Started flows' "$NODE_RED_LOG" && curl -s -m 5 -o /dev/null "http://127.0.0.1:$NODE_RED_PORT/" && break
    if ! kill -0 "$NODE_RED_PID" 2>/dev/null || grep -q 'Waiting for missing types' "$NODE_RED_LOG" || [ "$i" = 60 ]; then
        cat "$NODE_RED_LOG"; echo "Node-RED did not start the flow within 60 s"; exit 1
    fi
    sleep 1
done

NODE_RED_BASE=http://127.0.0.1:$NODE_RED_PORT SENSORS_BASE=http://127.0.0.1:$PORT SENSORS_KEY=$KEY \
    NODE_RED_ANSWER=target/node-red-answer.json node src/test/node-red/check.js \
    || { cat "$NODE_RED_LOG"; exit 1; }
