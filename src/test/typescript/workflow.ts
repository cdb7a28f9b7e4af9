// The main workflow through the typescript-fetch client that OpenAPI Generator makes from the document, as a
// client's developer would use it: register a sensor, patch it, store readings as JSON and as CSV, read a day,
// a range page by page along the Link header, a series and daily statistics, make a key and use its secret,
// read refusals as a Problem. .ci/typescript-client.sh generates the client into ./client, compiles this file
// with it (strict) and runs it against a service at SENSORS_BASE with the admin key SENSORS_KEY.
import * as assert from 'node:assert/strict';
import {
    APIKeysApi, Bucket, Configuration, DailyAggregationsApi, Permission, ProblemFromJSON, ReadingsApi,
    ResponseError, SensorsApi, StoreOutcomeFromJSON,
} from './client/index';

const BASE = process.env.SENSORS_BASE ?? 'http://localhost:8080';
const ADMIN = process.env.SENSORS_KEY ?? 'local-admin-key';
const DAY = '2026-04-20';
const FROM = new Date(`${DAY}T00:00:00Z`);
const TO = new Date(`${DAY}T24:00:00Z`);

function config(key: string): Configuration {
    return new Configuration({ basePath: BASE, apiKey: key });
}

async function refusal(call: Promise<unknown>) {
    try {
        await call;
    } catch (e) {
        assert.ok(e instanceof ResponseError, `expected a ResponseError, got ${e}`);
        assert.equal(e.response.headers.get('content-type'), 'application/problem+json');
        return ProblemFromJSON(await e.response.json());
    }
    assert.fail('the call was not refused');
}

/**
 * A CSV batch, the other media type of the one store operation: the generator binds a request body to its first
 * media type (JSON), so the CSV goes by fetch with the same key, and its answer is read into the generated model.
 */
async function storeCsv(key: string, csv: string) {
    const answer = await fetch(`${BASE}/api/sensor_values`,
        { method: 'POST', headers: { 'Content-Type': 'text/csv', 'X-API-KEY': key }, body: csv });
    assert.equal(answer.status, 201);
    return StoreOutcomeFromJSON(await answer.json());
}

/** Every reading of the day, two a page, following each answer's Link rel="next" as it is. */
async function allPages(readings: ReadingsApi, id: string): Promise<number[]> {
    const values: number[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
        const page = await readings.readingsBetweenRaw({ id, from: FROM, to: TO, limit: 2, after });
        (await page.value()).forEach(r => values.push(r.value));
        const next = /<([^>]*)>;\s*rel="next"/.exec(page.raw.headers.get('link') ?? '');
        after = next ? new URL(next[1], BASE).searchParams.get('after') ?? undefined : undefined;
        pages++;
    } while (after !== undefined);
    assert.equal(pages, 2);
    return values;
}

async function main() {
    const admin = config(ADMIN);
    const id = `ts-${Date.now().toString(36)}`;
    const sensors = new SensorsApi(admin);

    const registered = await sensors.registerSensors({ sensorInput: [
        { id, name: 'Air', type: 'temperature', unit: '°C', location: 'greenhouse', tags: { building: 'B7' } }] });
    assert.equal(registered[0].id, id);
    const renamed = await sensors.patchSensor({ id, sensorPatch: { name: 'Air at the door' } });
    assert.equal(renamed.name, 'Air at the door');
    assert.equal(renamed.active, true);
    assert.ok((await sensors.getSensor({ id })).updatedAt instanceof Date);
    assert.deepEqual((await sensors.listSensors({ tag: ['building:B7'] })).map(s => s.id).filter(s => s === id), [id]);

    const readings = new ReadingsApi(admin);
    const json = await readings.storeReadings({ readingIn: [
        { sensorId: id, creationDate: new Date(`${DAY}T08:00:00Z`), value: 20.5 },
        { sensorId: id, creationDate: new Date(`${DAY}T08:30:00Z`), value: 21.5 },
        { sensorId: id, creationDate: new Date(`${DAY}T09:00:00Z`), value: 22.5 }] });
    assert.equal(json.inserted, 3);
    const csv = await storeCsv(ADMIN, `sensor_id,creation_date,value\n${id},${DAY}T09:30:00Z,23.5\n`
        + `${id},${DAY}T08:00:00Z,20.5\n`);
    assert.deepEqual(csv, { inserted: 1, unchanged: 1 });

    assert.deepEqual((await readings.readingsOfDay({ sensorId: id, date: new Date(DAY) })).values,
        [20.5, 21.5, 22.5, 23.5]);
    assert.deepEqual(await allPages(readings, id), [20.5, 21.5, 22.5, 23.5]);
    const series = await readings.series({ id, from: FROM, to: TO, bucket: Bucket.Pt1H, zone: 'UTC' });
    assert.equal(series.bucket, Bucket.Pt1H);
    assert.equal(series.points.length, 2);
    assert.equal(series.points[0].count, 2);
    assert.equal(series.points[0].start.toISOString(), `${DAY}T08:00:00.000Z`);

    const days = await new DailyAggregationsApi(admin).aggregationsBetween(
        { id, from: new Date(DAY), to: new Date(DAY) });
    assert.equal(days.length, 1);
    assert.equal(days[0].count, 4);
    assert.equal(days[0].median, 22);

    const keys = new APIKeysApi(admin);
    const reader = await keys.createApiKey({ apiKeyRequest: { name: `${id}-reader`, permissions: [Permission.Read] } });
    assert.equal((await keys.getApiKey({ id: reader.id })).createdAt.getTime(), reader.createdAt.getTime());
    assert.equal((await new SensorsApi(config(reader.key)).getSensor({ id })).name, 'Air at the door');

    const forbidden = await refusal(new SensorsApi(config(reader.key)).deleteSensor({ id }));
    assert.equal(forbidden.status, 403);
    assert.match(forbidden.detail, /delete/);
    const unknown = await refusal(readings.storeReadings({ readingIn: [
        { sensorId: `${id}-unknown`, creationDate: new Date(`${DAY}T10:00:00Z`), value: 1 }] }));
    assert.equal(unknown.status, 422);
    assert.equal(unknown.errors?.[0].field, '[0].sensor_id');
    console.log(`TypeScript client: the main workflow passed against ${BASE} (sensor ${id})`);
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
