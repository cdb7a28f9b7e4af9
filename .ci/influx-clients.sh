#!/usr/bin/env bash
# The real InfluxDB clients against the service as the README runs it (.ci/service.sh): Debian's `influx` CLI 1.6
# (imports line protocol, then queries in its JSON format) and the two Node.js libraries Node-RED's InfluxDB nodes
# use (src/test/node/influx-clients.js). The npm packages are installed once into INFLUX_CLIENTS_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/service.sh

PORT=${INFLUX_CLIENTS_PORT:-18072}
KEY=influx-clients-admin-key
NODE_INFLUX_VERSION=5.9.7
INFLUXDB_CLIENT_VERSION=1.33.2
TOOLS=${INFLUX_CLIENTS_HOME:-$HOME/.cache/sensorhub-influx-clients}
mkdir -p "$TOOLS"
if [ "$(cat "$TOOLS/versions" 2>/dev/null)" != "$NODE_INFLUX_VERSION $INFLUXDB_CLIENT_VERSION" ]; then
    (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error --no-save "influx@$NODE_INFLUX_VERSION" \
        "@influxdata/influxdb-client@$INFLUXDB_CLIENT_VERSION")
    echo "$NODE_INFLUX_VERSION $INFLUXDB_CLIENT_VERSION" > "$TOOLS/versions"
fi

start_service "$PORT" "$KEY"
CLI=(influx -host 127.0.0.1 -port "$PORT" -username cli -password "$KEY")
lines=$(mktemp)
printf '# DDL\nCREATE DATABASE cli\n# DML\n# CONTEXT-DATABASE: cli\nm,host=a v=1 1776672000\nm,host=a v=2 1776672060\nm,host=b v=5 1776672000\n' > "$lines"
"${CLI[@]}" -import -path="$lines" -precision=s 2>&1 | tee target/influx-cli-import.log
grep -q 'Failed 0 inserts' target/influx-cli-import.log
answer=$("${CLI[@]}" -database cli -format json -execute 'SELECT sum("v") FROM "m" GROUP BY "host"')
expected='{"results":[{"series":[{"name":"m","tags":{"host":"a"},"columns":["time","sum"],"values":[[0,3]]},{"name":"m","tags":{"host":"b"},"columns":["time","sum"],"values":[[0,5]]}]}]}'
[ "$answer" = "$expected" ] || { echo "influx CLI answered: $answer"; echo "expected:            $expected"; exit 1; }
if influx -host 127.0.0.1 -port "$PORT" -username cli -password wrong -database cli -execute 'SHOW MEASUREMENTS' 2>/dev/null; then
    echo "the influx CLI was let in with a wrong key"; exit 1
fi
echo "influx CLI: import and query passed"

SENSORS_BASE=http://127.0.0.1:$PORT SENSORS_KEY=$KEY NODE_PATH="$TOOLS/node_modules" node src/test/node/influx-clients.js
