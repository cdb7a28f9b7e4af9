// A sensor's newest reading: from GET /api/latest_values where the service has it, otherwise found by probing
// GET /api/sensors/{id}/values (ascending pages) with a bisection over time.
import { ApiError, apiUrl, call, nextOf, segment } from './api.js';
import { iso } from './time.js';

const FIRST = Date.parse('0001-01-01T00:00:00Z');
const LAST = Date.parse('9999-12-31T23:59:59Z');

/** {creation_date, value} of the sensor's newest reading, or null when it has none. */
export async function latestReading(sensor) {
  try {
    return await fromLatestValues(sensor);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    return bisect(sensor.id);
  }
}

async function fromLatestValues(sensor) {
  let next = apiUrl('latest_values', { location: sensor.location, type: sensor.type, limit: 1000 });
  while (next) {
    const response = await call(next);
    const found = (await response.json()).find(latest => latest.sensor_id === sensor.id);
    if (found) return found;
    next = nextOf(response);
  }
  return null;
}

/** Up to 1000 readings in [from, to) and whether more follow. */
async function probe(id, from, to) {
  const response = await call(`sensors/${segment(id)}/values`, { query: { from: iso(from), to: iso(to), limit: 1000 } });
  return { readings: await response.json(), more: nextOf(response) !== null };
}

async function bisect(id) {
  const now = Date.now();
  let low;
  let high;
  let found = await probe(id, now, LAST);
  if (found.readings.length) {
    if (!found.more) return found.readings.at(-1);
    [low, high] = [now, LAST];
  } else {
    high = now;
    for (let span = 3600e3; ; span *= 8) {
      low = Math.max(FIRST, high - span);
      found = await probe(id, low, high);
      if (found.readings.length) {
        if (!found.more) return found.readings.at(-1);
        break;
      }
      if (low === FIRST) return null;
      high = low;
    }
  }
  // [low, high) holds more than a page and the newest reading; nothing is at or after high.
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    found = await probe(id, middle, high);
    if (!found.readings.length) high = middle;
    else if (!found.more) return found.readings.at(-1);
    else low = middle;
  }
  let last = null;
  let next = apiUrl(`sensors/${segment(id)}/values`, { from: iso(low), to: iso(high), limit: 10000 });
  while (next) {
    const response = await call(next);
    last = (await response.json()).at(-1) ?? last;
    next = nextOf(response);
  }
  return last;
}
