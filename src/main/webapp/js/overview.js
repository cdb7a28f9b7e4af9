// The sensors at a glance: each with its newest reading and how old it is, filtered and searched, page by page.
import { apiUrl, call, nextOf } from './api.js';
import { formatValue } from './charts.js';
import { debounce, field, h } from './dom.js';
import { showProblem } from './problems.js';
import { age, browserZone, formatInstant } from './time.js';

const PAGE = 100;

/**
 * The newest readings, from GET /api/latest_values, fetched along with the sensors' pages: both lists come in
 * the same order, so pages are read until one passes the sensors shown.
 */
class LatestValues {
  constructor(filters) {
    this.next = apiUrl('latest_values', { ...filters, limit: 1000 });
    this.byId = new Map();
  }

  async cover(ids) {
    while (this.next && ids.some(id => !this.byId.has(id))) {
      const response = await call(this.next);
      let passed = false;
      for (const latest of await response.json()) {
        this.byId.set(latest.sensor_id, latest);
        passed ||= !ids.includes(latest.sensor_id);
      }
      this.next = nextOf(response);
      if (passed) return;
    }
  }
}

export async function overview(view) {
  const search = h('input', { type: 'search', id: 'filter-search', placeholder: 'id, name, type or location' });
  const location = h('input', { type: 'text', id: 'filter-location', autocomplete: 'off' });
  const type = h('input', { type: 'text', id: 'filter-type', autocomplete: 'off' });
  const tags = h('input', { type: 'text', id: 'filter-tags', autocomplete: 'off', placeholder: 'building:B7 floor:2' });
  const active = h('select', { id: 'filter-active' },
    h('option', { value: '' }, 'Any'), h('option', { value: 'true' }, 'Active'), h('option', { value: 'false' }, 'Inactive'));
  const body = h('tbody');
  const more = h('button', { type: 'button', id: 'more-sensors', hidden: true }, 'Load more sensors');
  const status = h('p', { class: 'status', role: 'status', id: 'overview-status' });
  const problem = h('div', { class: 'problem-slot' });
  const zone = browserZone();
  view.replaceChildren(h('section', { class: 'overview', 'aria-labelledby': 'overview-title' },
    h('h2', { id: 'overview-title' }, 'Sensors'),
    h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter sensors', onsubmit: e => e.preventDefault() },
      field('Search', search, 'Searches the sensors loaded so far'),
      field('Location', location, 'Exact location'), field('Type', type, 'Exact type'),
      field('Tags', tags, 'key:value, separated by spaces; all must hold'), field('State', active)),
    problem,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'sensor-table' },
      h('caption', {}, `Newest reading of each sensor; times in ${zone}`),
      h('thead', {}, h('tr', {}, ['Sensor', 'Type', 'Location', 'State', 'Latest value', 'Age'].map(text =>
        h('th', { scope: 'col' }, text)))),
      body)),
    more, status));

  let rows = [];
  let next = null;
  let latest = null;
  let generation = 0;

  const filters = () => ({ location: location.value, type: type.value, active: active.value,
    tag: tags.value.trim().split(/\s+/).filter(Boolean) });

  function render() {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const shown = rows.filter(({ sensor }) => words.every(word =>
      [sensor.id, sensor.name, sensor.type, sensor.location ?? ''].some(text => text.toLowerCase().includes(word))));
    body.replaceChildren(...shown.map(({ sensor }) => row(sensor, latest, zone)));
    status.textContent = `${shown.length} of ${rows.length} sensors loaded${next ? ', more to load' : ''}.`;
    more.hidden = !next;
  }

  async function load(reset) {
    const mine = reset ? ++generation : generation;
    if (reset) {
      rows = [];
      latest = new LatestValues(filters());
      next = apiUrl('sensors', { ...filters(), limit: PAGE });
    }
    more.disabled = true;
    try {
      const response = await call(next);
      const sensors = await response.json();
      if (mine !== generation) return;
      rows.push(...sensors.map(sensor => ({ sensor })));
      next = nextOf(response);
      await latest.cover(rows.map(r => r.sensor.id));
      if (mine !== generation) return;
      showProblem(problem, null);
    } catch (error) {
      showProblem(problem, error);
    } finally {
      more.disabled = false;
    }
    render();
  }

  search.addEventListener('input', render);
  const reload = debounce(() => load(true), 300);
  location.addEventListener('input', reload);
  type.addEventListener('input', reload);
  tags.addEventListener('input', reload);
  active.addEventListener('change', () => load(true));
  more.addEventListener('click', () => load(false));
  const ages = setInterval(render, 30000);
  await load(true);
  return () => clearInterval(ages);
}

function row(sensor, latest, zone) {
  const reading = latest?.byId.get(sensor.id);
  const at = reading ? Date.parse(reading.creation_date) : null;
  return h('tr', { dataset: { sensorId: sensor.id } },
    h('th', { scope: 'row' }, h('a', { href: `#/sensors/${encodeURIComponent(sensor.id)}` }, sensor.name),
      h('span', { class: 'id' }, sensor.id)),
    h('td', {}, sensor.type), h('td', {}, sensor.location ?? '—'),
    h('td', {}, h('span', { class: sensor.active ? 'badge on' : 'badge off' }, sensor.active ? 'active' : 'inactive')),
    h('td', { class: 'latest-value' }, reading ? `${formatValue(reading.value)} ${reading.unit ?? sensor.unit}` : '—'),
    h('td', { class: 'latest-age' }, reading
      ? h('time', { datetime: reading.creation_date, title: `${formatInstant(at, zone)} ${zone}` }, age(at)) : '—'));
}
