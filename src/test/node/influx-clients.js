// InfluxDB's two Node.js client libraries against the service, as Node-RED's InfluxDB nodes use them: node-influx
// (1.x API: ping, CREATE DATABASE, writes, InfluxQL queries, SHOW statements) and @influxdata/influxdb-client (2.x
// write API with a token; its bodies over 1 KB go gzipped). .ci/influx-clients.sh runs it against a service at
// SENSORS_BASE with the admin key SENSORS_KEY.
const assert = require('node:assert/strict');
const Influx = require('influx');
const { InfluxDB, Point } = require('@influxdata/influxdb-client');

const base = new URL(process.env.SENSORS_BASE);
const key = process.env.SENSORS_KEY;
const day = Date.parse('2026-04-20T08:00:00Z');

async function main() {
    const v1 = new Influx.InfluxDB({ host: base.hostname, port: Number(base.port), database: 'node_red',
        username: 'node-red', password: key });
    const [pong] = await v1.ping(5000);
    assert.ok(pong.online);
    assert.match(pong.version, /^1\./);
    await v1.createDatabase('node_red');
    assert.ok((await v1.getDatabaseNames()).includes('node_red'));

    await v1.writePoints([0, 1, 2, 3].map(i => ({ measurement: 'temperature', tags: { room: i % 2 ? 'b' : 'a' },
        fields: { value: 20 + i }, timestamp: new Date(day + i * 30_000) })));
    const perMinute = await v1.query(`SELECT mean("value") FROM "temperature" WHERE time >= ${day}ms
        AND time < ${day + 120_000}ms GROUP BY time(1m), "room" fill(none)`);
    assert.deepEqual(perMinute.map(r => [r.room, r.time.toISOString(), r.mean]), [
        ['a', '2026-04-20T08:00:00.000Z', 20], ['a', '2026-04-20T08:01:00.000Z', 22],
        ['b', '2026-04-20T08:00:00.000Z', 21], ['b', '2026-04-20T08:01:00.000Z', 23]]);
    assert.deepEqual(await v1.getMeasurements(), ['temperature']);
    const rooms = await v1.query('SHOW TAG VALUES FROM "temperature" WITH KEY = "room"');
    assert.deepEqual(rooms.map(r => r.value), ['a', 'b']);

    const v2 = new InfluxDB({ url: base.origin, token: key });
    const writes = v2.getWriteApi('any-org', 'node_red_v2', 'ms');
    for (let i = 0; i < 200; i++) {
        writes.writePoint(new Point('humidity').tag('room', 'c').floatField('value', i / 4)
            .timestamp(new Date(day + i * 1000)));
    }
    await writes.close();
    const [stored] = await v1.query('SELECT count("value"), sum("value") FROM "humidity"', { database: 'node_red_v2' });
    assert.equal(stored.count, 200);
    assert.equal(stored.sum, (199 * 200 / 2) / 4);

    await assert.rejects(new Influx.InfluxDB({ host: base.hostname, port: Number(base.port), database: 'node_red',
        username: 'x', password: 'wrong' }).query('SHOW MEASUREMENTS'), /authorization failed/);
    console.log('node-influx and @influxdata/influxdb-client: writes and queries passed against ' + base.origin);
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
