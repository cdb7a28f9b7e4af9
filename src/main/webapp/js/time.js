// Instants shown in a chosen IANA zone, wall times read in it, and how old a reading is. Built on Intl only.

export const UTC = 'UTC';

export function browserZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || UTC;
}

/** UTC, the browser's zone, then every zone the browser knows. */
export function zones() {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([UTC, browserZone(), ...all])];
}

const partsFormats = new Map();

function partsIn(zone) {
  if (!partsFormats.has(zone)) {
    partsFormats.set(zone, new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    }));
  }
  return partsFormats.get(zone);
}

/** The wall clock in the zone at the instant, as numbers. */
function wall(millis, zone) {
  const parts = {};
  for (const { type, value } of partsIn(zone).formatToParts(new Date(millis))) parts[type] = value;
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour) % 24, minute: Number(parts.minute), second: Number(parts.second),
  };
}

/** How far the zone's clock is ahead of UTC at the instant, in milliseconds. */
export function offsetAt(millis, zone) {
  const w = wall(millis, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(millis / 1000) * 1000;
}

/** The instant at which the zone's clocks show the wall time (YYYY-MM-DDTHH:mm[:ss]); the earlier one in a fold. */
export function instantOf(wallTime, zone) {
  const [date, time = '00:00'] = wallTime.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = asUtc - offsetAt(asUtc, zone);
  guess = asUtc - offsetAt(guess, zone);
  const earlier = asUtc - offsetAt(guess - 3600e3, zone);
  return wallTimeOf(earlier, zone) === wallTimeOf(guess, zone) ? Math.min(earlier, guess) : guess;
}

const pad = n => String(n).padStart(2, '0');

/** The instant's wall time in the zone, YYYY-MM-DDTHH:mm:ss (what a datetime-local input takes). */
export function wallTimeOf(millis, zone) {
  const w = wall(millis, zone);
  return `${String(w.year).padStart(4, '0')}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** The day (YYYY-MM-DD) the instant falls on in the zone. */
export function dateOf(millis, zone) {
  return wallTimeOf(millis, zone).slice(0, 10);
}

/** The instant the day starts in the zone. */
export function startOfDay(date, zone) {
  return instantOf(`${date}T00:00`, zone);
}

/** The day after (calendar arithmetic, no zone involved). */
export function nextDate(date, days = 1) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "2026-01-02 13:04:05" in the zone. */
export function formatInstant(millis, zone) {
  return wallTimeOf(millis, zone).replace('T', ' ');
}

/** An ISO instant for a request, to the millisecond. */
export function iso(millis) {
  return new Date(millis).toISOString();
}

/** How long ago the instant was, in words: "just now", "5 minutes ago", "3 days ago" (or "in 2 hours"). */
export function age(millis, now = Date.now()) {
  const seconds = Math.round((now - millis) / 1000);
  const future = seconds < 0;
  const s = Math.abs(seconds);
  if (s < 45) return future ? 'in a few seconds' : 'just now';
  const units = [['year', 365 * 86400], ['month', 30 * 86400], ['week', 7 * 86400], ['day', 86400],
    ['hour', 3600], ['minute', 60]];
  const [unit, size] = units.find(([, size]) => s >= size) ?? units[units.length - 1];
  const n = Math.max(1, Math.round(s / size));
  const words = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return future ? `in ${words}` : `${words} ago`;
}

/** A duration in words for range labels: "1 day", "7 days", "3 h 20 min". */
export function duration(millis) {
  const minutes = Math.round(millis / 60000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.round(hours / 24);
  return `${days} days`;
}
