// Until a service offers GET /api/sensors/{id}/series: the same answer computed here from the readings of a
// short range (GET /api/sensors/{id}/values pages), in fixed-length buckets counted from midnight in the zone.
import { apiUrl, call, nextOf, segment } from './api.js';
import { dateOf, iso, startOfDay } from './time.js';

/** The most readings fetched to draw a range; a longer range needs the service's series. */
export const MAX_READINGS = 50000;

const BUCKETS = [['PT1S', 1e3], ['PT10S', 1e4], ['PT1M', 6e4], ['PT5M', 3e5], ['PT15M', 9e5], ['PT1H', 3.6e6],
  ['PT6H', 2.16e7], ['P1D', 8.64e7], ['P7D', 6.048e8]];

/** {bucket, zone, points} as the series route answers, or null when the range holds too many readings. */
export async function seriesFromValues(id, from, to, maxBuckets, zone) {
  const readings = [];
  let next = apiUrl(`sensors/${segment(id)}/values`, { from: iso(from), to: iso(to), limit: 10000 });
  while (next) {
    if (readings.length >= MAX_READINGS) return null;
    const response = await call(next);
    readings.push(...await response.json());
    next = nextOf(response);
  }
  const [bucket, size] = BUCKETS.find(([, millis]) => (to - from) / millis <= maxBuckets) ?? BUCKETS.at(-1);
  const origin = startOfDay(dateOf(from, zone), zone);
  const points = [];
  for (const reading of readings) {
    const at = Date.parse(reading.creation_date);
    const start = origin + Math.floor((at - origin) / size) * size;
    let point = points.at(-1);
    if (!point || point.startMillis !== start) {
      point = { startMillis: start, count: 0, sum: 0, min: Infinity, max: -Infinity, first: reading.value };
      points.push(point);
    }
    point.count++;
    point.sum += reading.value;
    point.min = Math.min(point.min, reading.value);
    point.max = Math.max(point.max, reading.value);
    point.last = reading.value;
  }
  return {
    bucket, zone,
    points: points.map(p => ({
      start: iso(p.startMillis), end: iso(p.startMillis + size), count: p.count,
      min: p.min, max: p.max, mean: p.sum / p.count, first: p.first, last: p.last,
    })),
  };
}
