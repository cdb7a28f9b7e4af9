// One sensor: its newest reading, the readings chart over a range that ends there, the daily box plot and
// statistics table, and a CSV download of the range shown.
import { call, getJson, segment } from './api.js';
import { boxPlot, formatValue, readingsChart } from './charts.js';
import { debounce, field, h } from './dom.js';
import { latestReading } from './latest.js';
import { showProblem } from './problems.js';
import { age, browserZone, dateOf, duration, formatInstant, instantOf, iso, nextDate, startOfDay, wallTimeOf, zones }
  from './time.js';

const DAY = 86400e3;
const PRESETS = { day: DAY, week: 7 * DAY, month: 30 * DAY, year: 365 * DAY };
const MAX_DAYS = 366;
const ZONE_STORE = 'sensorhub.zone';

export async function sensorView(view, { id }) {
  const sensor = await getJson(`sensors/${segment(id)}`);
  const [latest, arrivals, storage] = await Promise.all([latestReading(sensor),
    getJson(`sensors/${segment(id)}/arrivals`), getJson(`sensors/${segment(id)}/storage`)]);
  const savedZone = localStorage.getItem(ZONE_STORE);
  const state = {
    zone: savedZone && zones().includes(savedZone) ? savedZone : browserZone(),
    preset: 'day',
    end: latest ? Math.floor(Date.parse(latest.creation_date)) + 1 : Date.now(),
    range: null,
    shown: null,
  };
  state.range = presetRange(state);
  state.shown = { ...state.range };

  const ui = layout(sensor, latest, arrivals, storage, state);
  view.replaceChildren(ui.root);
  let readings = null;
  let boxes = null;
  let loads = 0;
  let dayLoads = 0;

  const charts = () => {
    readings?.destroy();
    boxes?.destroy();
    ui.readingsPlot.replaceChildren();
    ui.boxPlot.replaceChildren();
    readings = readingsChart(ui.readingsPlot, { unit: sensor.unit, zone: state.zone, onZoom: zoom });
    boxes = boxPlot(ui.boxPlot, { unit: sensor.unit, zone: state.zone });
  };

  async function loadSeries() {
    const load = ++loads;
    const { from, to } = state.shown;
    const started = performance.now();
    ui.readingsFigure.dataset.state = 'loading';
    ui.zoomReset.disabled = state.shown.from === state.range.from && state.shown.to === state.range.to;
    describeRange(ui, state);
    try {
      const answer = await getJson(`sensors/${segment(sensor.id)}/series`, {
        query: { from: iso(from), to: iso(to), max_buckets: readings.pixels(), zone: state.zone },
      });
      if (load !== loads) return;
      const drawn = readings.show(answer.points, from, to);
      await new Promise(requestAnimationFrame);
      const readingCount = answer.points.reduce((sum, p) => sum + p.count, 0);
      Object.assign(ui.readingsFigure.dataset, {
        state: 'shown', zone: state.zone, bucket: answer.bucket, points: answer.points.length, readings: readingCount,
        maxBuckets: readings.pixels(), renderMs: Math.round(performance.now() - started), gaps: drawn.gaps,
        singlePoints: drawn.singles,
      });
      ui.readingsNote.textContent = answer.points.length
        ? `${readingCount.toLocaleString()} readings in ${answer.points.length.toLocaleString()} buckets of `
          + `${answer.bucket} (${answer.zone}); the band spans min to max, the line is the mean.`
        : 'No readings in this range.';
      showProblem(ui.readingsProblem, null);
    } catch (error) {
      if (load !== loads) return;
      readings.show([], from, to);
      ui.readingsFigure.dataset.state = 'failed';
      ui.readingsNote.textContent = '';
      showProblem(ui.readingsProblem, error);
    }
  }

  async function loadDays() {
    const { from, to } = state.range;
    const last = dateOf(to - 1, state.zone);
    let first = dateOf(from, state.zone);
    if (Date.parse(last) - Date.parse(first) >= MAX_DAYS * DAY) first = nextDate(last, 1 - MAX_DAYS);
    const load = ++dayLoads;
    ui.boxFigure.dataset.state = 'loading';
    try {
      const days = await getJson(`sensors/${segment(sensor.id)}/daily_aggregations`,
        { query: { from: first, to: last, zone: state.zone } });
      if (load !== dayLoads) return;
      ui.boxFigure.dataset.boxes = JSON.stringify(boxes.show(days, days.map(day => startOfDay(day.date, state.zone))));
      statisticsTable(ui.table, days, sensor.unit);
      ui.boxNote.textContent = days.length
        ? `${days.length} day${days.length === 1 ? '' : 's'} from ${first} to ${last} in ${state.zone}: whiskers from `
          + 'min to max, the box from the first to the third quartile, a line at the median, a diamond at the mean.'
        : `No readings from ${first} to ${last} in ${state.zone}.`;
      Object.assign(ui.boxFigure.dataset, { state: 'shown', zone: state.zone, from: first, to: last });
      showProblem(ui.boxProblem, null);
    } catch (error) {
      if (load !== dayLoads) return;
      ui.boxFigure.dataset.state = 'failed';
      showProblem(ui.boxProblem, error);
    }
  }

  function reload({ days = true } = {}) {
    loadSeries();
    if (days) loadDays();
  }

  function zoom(from, to) {
    state.shown = { from, to: Math.max(to, from + 1000) };
    reload({ days: false });
  }

  ui.presets.addEventListener('change', event => {
    state.preset = event.target.value;
    ui.custom.hidden = state.preset !== 'custom';
    if (state.preset === 'custom') {
      ui.customFrom.value = wallTimeOf(state.range.from, state.zone).slice(0, 16);
      ui.customTo.value = wallTimeOf(state.range.to, state.zone).slice(0, 16);
      return;
    }
    state.range = presetRange(state);
    state.shown = { ...state.range };
    reload();
  });
  ui.custom.addEventListener('submit', event => {
    event.preventDefault();
    const from = instantOf(ui.customFrom.value, state.zone);
    const to = instantOf(ui.customTo.value, state.zone);
    if (!(to > from)) {
      ui.customProblem.textContent = 'The end must come after the start.';
      return;
    }
    ui.customProblem.textContent = '';
    state.range = { from, to };
    state.shown = { ...state.range };
    reload();
  });
  ui.zone.addEventListener('change', () => {
    state.zone = ui.zone.value;
    localStorage.setItem(ZONE_STORE, state.zone);
    charts();
    describeLatest(ui, latest, state.zone, sensor.unit);
    reload();
  });
  ui.zoomIn.addEventListener('click', () => {
    const { from, to } = state.shown;
    const quarter = (to - from) / 4;
    zoom(Math.floor(from + quarter), Math.ceil(to - quarter));
  });
  ui.zoomOut.addEventListener('click', () => {
    const { from, to } = state.shown;
    const half = (to - from) / 2;
    zoom(Math.floor(from - half), Math.ceil(to + half));
  });
  ui.zoomReset.addEventListener('click', () => {
    state.shown = { ...state.range };
    reload({ days: false });
  });
  ui.download.addEventListener('click', () => downloadCsv(sensor, state.shown, ui));

  charts();
  reload();
  const ages = setInterval(() => describeLatest(ui, latest, state.zone, sensor.unit), 30000);
  const resized = debounce(() => loadSeries(), 400);
  window.addEventListener('resize', resized);
  return () => {
    clearInterval(ages);
    window.removeEventListener('resize', resized);
    readings?.destroy();
    boxes?.destroy();
  };
}

function presetRange(state) {
  return { from: state.end - PRESETS[state.preset], to: state.end };
}

function layout(sensor, latest, arrivals, storage, state) {
  const ui = {};
  const presetChoices = [['day', 'Day'], ['week', 'Week'], ['month', 'Month'], ['year', 'Year'], ['custom', 'Custom']];
  ui.presets = h('fieldset', { class: 'presets' }, h('legend', {}, 'Range'),
    presetChoices.map(([value, text]) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'preset', value, checked: value === state.preset, id: `preset-${value}` }),
      text)));
  ui.customFrom = h('input', { type: 'datetime-local', id: 'custom-from', step: 1, required: true });
  ui.customTo = h('input', { type: 'datetime-local', id: 'custom-to', step: 1, required: true });
  ui.customProblem = h('p', { class: 'inline-problem', role: 'alert' });
  ui.custom = h('form', { class: 'custom-range', hidden: true, 'aria-label': 'Custom range' },
    field('From', ui.customFrom), field('To', ui.customTo),
    h('button', { type: 'submit' }, 'Show range'), ui.customProblem);
  ui.zone = h('select', { id: 'zone' }, zones().map(zone => h('option', { value: zone, selected: zone === state.zone },
    zone === browserZone() && zone !== 'UTC' ? `${zone} (this browser)` : zone)));
  ui.zone.value = state.zone;
  ui.zoomIn = h('button', { type: 'button', id: 'zoom-in' }, 'Zoom in');
  ui.zoomOut = h('button', { type: 'button', id: 'zoom-out' }, 'Zoom out');
  ui.zoomReset = h('button', { type: 'button', id: 'zoom-reset', disabled: true }, 'Whole range');
  ui.download = h('button', { type: 'button', id: 'download-csv' }, 'Download CSV');
  ui.downloadStatus = h('p', { class: 'status', role: 'status', id: 'download-status' });
  ui.latest = h('p', { class: 'latest', id: 'latest-reading' });
  ui.rangeLabel = h('p', { class: 'range-label', id: 'range-label', 'aria-live': 'polite' });
  ui.readingsPlot = h('div', { class: 'plot' });
  ui.readingsNote = h('p', { class: 'note', id: 'readings-note' });
  ui.readingsProblem = h('div', { class: 'problem-slot' });
  ui.readingsFigure = h('figure', { class: 'chart', id: 'readings-chart', 'aria-labelledby': 'readings-title',
    'aria-describedby': 'readings-note range-label' },
  h('figcaption', { id: 'readings-title' }, 'Readings'),
  h('p', { class: 'hint' }, 'Drag across the chart to zoom in; finer buckets are fetched for the part you chose.'),
  ui.readingsPlot, ui.readingsNote, ui.readingsProblem);
  ui.boxPlot = h('div', { class: 'plot' });
  ui.boxNote = h('p', { class: 'note', id: 'box-note' });
  ui.boxProblem = h('div', { class: 'problem-slot' });
  ui.boxFigure = h('figure', { class: 'chart', id: 'box-plot', 'aria-labelledby': 'box-title',
    'aria-describedby': 'box-note' },
  h('figcaption', { id: 'box-title' }, 'Daily statistics'), ui.boxPlot, ui.boxNote, ui.boxProblem);
  ui.table = h('div', { class: 'table-wrap', id: 'daily-table' });
  ui.root = h('article', { class: 'sensor', dataset: { sensorId: sensor.id } },
    h('header', { class: 'sensor-head' },
      h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Sensors'), ' / ', sensor.id),
      h('h2', { id: 'sensor-title' }, sensor.name),
      h('dl', { class: 'facts' },
        fact('Id', sensor.id), fact('Type', sensor.type), fact('Unit', sensor.unit),
        fact('Location', sensor.location ?? '—'), fact('Tags', tagsOf(sensor)),
        fact('State', sensor.active ? 'active' : 'inactive'),
        fact('Arrives by', arrivedBy(arrivals)), fact('Retention', retentionOf(storage)),
        fact('Storage', storedOf(storage))),
      h('p', {}, h('a', { href: `#/sensors/${encodeURIComponent(sensor.id)}/edit`, class: 'button-link' }, 'Edit sensor')),
      ui.latest),
    h('section', { class: 'controls', 'aria-label': 'Chart settings' },
      ui.presets, ui.custom, field('Time zone', ui.zone),
      h('div', { class: 'buttons', role: 'group', 'aria-label': 'Zoom' }, ui.zoomIn, ui.zoomOut, ui.zoomReset),
      h('div', { class: 'buttons' }, ui.download), ui.downloadStatus),
    ui.rangeLabel, ui.readingsFigure, ui.boxFigure,
    h('section', { 'aria-labelledby': 'daily-table-title' }, h('h3', { id: 'daily-table-title' }, 'Daily statistics table'),
      ui.table));
  describeLatest(ui, latest, state.zone, sensor.unit);
  return ui;
}

/** How the sensor's readings come in, each way with how long ago it last brought one. */
function retentionOf(storage) {
  return h('span', { id: 'retention' }, storage.retention === null ? 'kept forever'
    : `${storage.retention} (readings before ${formatInstant(Date.parse(storage.expires_before), 'UTC')} UTC are removed)`);
}

function storedOf(storage) {
  return h('span', { id: 'storage' }, storage.readings === 0 ? 'no readings'
    : `${storage.readings.toLocaleString()} readings in ${storage.bytes.toLocaleString()} bytes, from `
      + `${formatInstant(Date.parse(storage.oldest), 'UTC')} to ${formatInstant(Date.parse(storage.newest), 'UTC')} UTC`);
}

function arrivedBy(arrivals) {
  if (arrivals.length === 0) {
    return h('span', { id: 'arrivals' }, 'nothing yet');
  }
  const names = { rest: 'REST', mqtt: 'MQTT', influx: 'InfluxDB API' };
  return h('span', { id: 'arrivals' }, arrivals.flatMap((arrival, i) => [i > 0 ? ', ' : '',
    h('span', { class: 'arrival', dataset: { door: arrival.door } }, names[arrival.door] ?? arrival.door,
      ' (last heard ', h('time', { datetime: arrival.last_heard }, age(Date.parse(arrival.last_heard))), ')')]));
}

function fact(term, value) {
  return h('div', {}, h('dt', {}, term), h('dd', {}, value));
}

function describeLatest(ui, latest, zone, unit) {
  if (!latest) {
    ui.latest.textContent = 'No readings yet: the range ends now.';
    return;
  }
  const at = Date.parse(latest.creation_date);
  ui.latest.replaceChildren('Latest reading: ', h('strong', {}, formatValue(latest.value), ' ', unit),
    ' at ', h('time', { datetime: latest.creation_date }, `${formatInstant(at, zone)} ${zone}`),
    `, ${age(at)}. The ranges below end there.`);
  ui.latest.dataset.age = age(at);
}

function describeRange(ui, state) {
  const { from, to } = state.shown;
  const zoomed = from !== state.range.from || to !== state.range.to;
  ui.rangeLabel.textContent = `${zoomed ? 'Zoomed to' : 'Showing'} ${formatInstant(from, state.zone)} to `
    + `${formatInstant(to, state.zone)} ${state.zone} (${duration(to - from)}).`;
  Object.assign(ui.rangeLabel.dataset, { from: iso(from), to: iso(to) });
}

function statisticsTable(wrap, days, unit) {
  const columns = [['count', 'Readings'], ['min_val', 'Min'], ['q1', 'Q1'], ['median', 'Median'], ['q3', 'Q3'],
    ['max_val', 'Max'], ['mean', 'Mean']];
  wrap.replaceChildren(h('table', { class: 'data' },
    h('caption', {}, `Per day, in ${unit}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), columns.map(([, text]) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, days.map(day => h('tr', { dataset: { date: day.date } },
      h('th', { scope: 'row' }, day.date),
      columns.map(([name]) => h('td', { dataset: { field: name, value: day[name] ?? '' } },
        name === 'count' ? day.count.toLocaleString() : formatValue(day[name]))))))));
}

/** The shown range as the service's CSV export of its readings. */
async function downloadCsv(sensor, { from, to }, ui) {
  ui.download.disabled = true;
  ui.downloadStatus.textContent = 'Preparing the CSV…';
  try {
    const response = await call(`sensors/${segment(sensor.id)}/values`,
      { query: { from: iso(from), to: iso(to) }, accept: 'text/csv' });
    const blob = await response.blob();
    const name = `${sensor.id.replace(/[^A-Za-z0-9._-]/g, '_')}_${iso(from)}_${iso(to)}.csv`.replaceAll(':', '-');
    const link = h('a', { href: URL.createObjectURL(blob), download: name, hidden: true });
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    ui.downloadStatus.textContent = `Downloaded ${name} (exported by the service).`;
  } catch (error) {
    ui.downloadStatus.textContent = '';
    showProblem(ui.downloadStatus, error);
  } finally {
    ui.download.disabled = false;
  }
}

/** The sensor's tags as key:value, as the overview's filter takes them. */
function tagsOf(sensor) {
  const pairs = Object.entries(sensor.tags ?? {}).map(([key, value]) => `${key}:${value}`);
  return pairs.length ? pairs.join(' ') : '—';
}
