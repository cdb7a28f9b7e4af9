// What the Node-RED flow (flow.json) did, checked: .ci/node-red.sh runs it once Node-RED at NODE_RED_BASE runs the
// flow against the service at SENSORS_BASE (admin key SENSORS_KEY). GET /roundtrip makes the flow write through its
// `influxdb out` nodes (1.x, then 2.0 with a token) and answer what its `influxdb in` node read back with InfluxQL;
// the service's REST API must hold the same readings under the sensor ids of docs/influxdb.md's rule. GET /refused
// makes it write with a wrong key: the node must fail with the service's 401, and nothing be stored.
const assert = require('node:assert/strict');
const fs = require('node:fs');

const nodeRed = process.env.NODE_RED_BASE;
const base = process.env.SENSORS_BASE;
const key = process.env.SENSORS_KEY;
const at = (minutes, ms = 0) => new Date(Date.parse('2026-04-21T06:00:00Z') + minutes * 60000 + ms).toISOString();

const temperature = {
    a: [[at(0), 20.5], [at(1), 21.25], [at(2), 22]],
    b: [[at(0), 18.75], [at(1), 19]],
};
const humidity = [0, 1, 2, 3, 4, 5].map(i => [at(0, 250 + i * 1500), 40 + i / 2]);

// the first round trip meets a service that has answered nothing but its health yet: a minute at most
async function get(url, headers = {}) {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) });
    return { status: res.status, body: await res.text() };
}

async function storedValues(sensorId) {
    const { status, body } = await get(`${base}/api/sensors/${encodeURIComponent(sensorId)}/values`
        + '?from=2026-04-21T00:00:00Z&to=2026-04-22T00:00:00Z', { 'X-API-KEY': key });
    assert.equal(status, 200, `GET /api/sensors/${sensorId}/values: ${status} ${body}`);
    return JSON.parse(body).map(r => [new Date(r.creation_date).toISOString(), r.value]);
}

async function main() {
    const roundtrip = await get(`${nodeRed}/roundtrip`);
    if (process.env.NODE_RED_ANSWER) fs.writeFileSync(process.env.NODE_RED_ANSWER, roundtrip.body + '\n');
    assert.equal(roundtrip.status, 200, `the flow failed: ${roundtrip.body}`);
    assert.deepEqual(JSON.parse(roundtrip.body), [
        Object.entries(temperature).flatMap(([room, points]) => points.map(([time, value]) => ({ time, value, room }))),
        [{ time: '1970-01-01T00:00:00.000Z', count: 6, sum: 247.5, mean: 41.25 }],
    ], 'the influxdb in node read back other rows');

    for (const [room, points] of Object.entries(temperature)) {
        assert.deepEqual(await storedValues(`node_red.temperature.${room}.value`), points,
            `the REST API holds other readings of room ${room}`);
    }
    assert.deepEqual(await storedValues('nr-humidity-1'), humidity, 'the REST API holds other readings of nr-humidity-1');

    const refused = await get(`${nodeRed}/refused`);
    assert.equal(refused.status, 401, `a write with a wrong key: ${refused.status} ${refused.body}`);
    assert.match(refused.body, /authorization failed/);
    const none = await get(`${base}/api/sensors/node_red.refused.value`, { 'X-API-KEY': key });
    assert.equal(none.status, 404, `a refused write registered its sensor: ${none.body}`);
    console.log('Node-RED: influxdb out (1.x and 2.0) wrote, influxdb in read back, a wrong key refused, against '
        + base);
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
