// A sensor's newest reading, from GET /api/latest_values filtered to its location and type.
import { apiUrl, call, nextOf } from './api.js';

/** {sensor_id, creation_date, value, unit} of the sensor's newest reading, or null when it has none. */
export async function latestReading(sensor) {
  let next = apiUrl('latest_values', { location: sensor.location, type: sensor.type, limit: 1000 });
  while (next) {
    const response = await call(next);
    const found = (await response.json()).find(latest => latest.sensor_id === sensor.id);
    if (found) return found;
    next = nextOf(response);
  }
  return null;
}
