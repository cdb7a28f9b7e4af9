// Registering a sensor (POST /api/sensors with a one-item array) and editing one (PATCH, a JSON merge patch of
// the fields changed, tags by key); each field the service refuses is marked next to its input.
import { call, getJson, segment } from './api.js';
import { field, h } from './dom.js';
import { showProblem } from './problems.js';

const FIELDS = [
  ['id', 'Id', 'Chosen by you, 1 to 90 characters, no white space, control characters or / ? # % \\, not dots alone'],
  ['name', 'Name', null],
  ['type', 'Type', 'e.g. temperature'],
  ['unit', 'Unit', 'e.g. °C'],
  ['location', 'Location', 'Optional'],
  ['retention', 'Retention', "Optional ISO-8601 duration, e.g. P90D: older readings are removed; empty: the service's default"],
  ['activation_date', 'Activation date', 'Optional ISO-8601 instant, e.g. 2026-11-28T09:30:00Z; defaults to now'],
];

export async function sensorForm(view, { id }) {
  const editing = id !== undefined;
  const sensor = editing ? await getJson(`sensors/${segment(id)}`) : null;
  const inputs = {};
  const messages = {};
  const controls = FIELDS.map(([name, label, hint]) => {
    inputs[name] = h('input', {
      type: 'text', id: `sensor-${name}`, name, autocomplete: 'off',
      required: ['id', 'name', 'type', 'unit'].includes(name), readonly: editing && name === 'id',
      value: sensor?.[name] ?? '',
    });
    messages[name] = h('p', { class: 'field-error', id: `sensor-${name}-error` });
    const wrapper = field(label, inputs[name], hint);
    wrapper.append(messages[name]);
    return wrapper;
  });
  inputs.tags = h('textarea', { id: 'sensor-tags', name: 'tags', rows: 3 });
  inputs.tags.value = Object.entries(sensor?.tags ?? {}).map(([key, value]) => `${key}:${value}`).join('\n');
  messages.tags = h('p', { class: 'field-error', id: 'sensor-tags-error' });
  const tagsControl = field('Tags', inputs.tags, 'Optional, one key:value a line, e.g. building:B7');
  tagsControl.append(messages.tags);
  inputs.active = h('input', { type: 'checkbox', id: 'sensor-active', checked: sensor ? sensor.active : true });
  const problem = h('div', { class: 'problem-slot' });
  const form = h('form', { class: 'card sensor-form', id: 'sensor-form', novalidate: true },
    h('h2', {}, editing ? `Edit sensor ${sensor.id}` : 'Register a sensor'),
    controls, tagsControl, h('label', { class: 'choice' }, inputs.active, 'Active'),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, editing ? 'Save changes' : 'Register sensor'),
      h('a', { href: editing ? `#/sensors/${encodeURIComponent(sensor.id)}` : '#/' }, 'Cancel')),
    problem);
  view.replaceChildren(form);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    Object.values(messages).forEach(m => { m.textContent = ''; });
    Object.values(inputs).forEach(i => i.removeAttribute('aria-invalid'));
    const values = Object.fromEntries(FIELDS.map(([name]) => [name, inputs[name].value.trim() || null]));
    values.active = inputs.active.checked;
    const tags = tagsOf(inputs.tags.value);
    try {
      let saved;
      if (editing) {
        const patch = {};
        for (const [name, value] of Object.entries(values)) {
          if (name !== 'id' && value !== (sensor[name] ?? null)) patch[name] = value;
        }
        const tagsPatch = tagChanges(sensor.tags ?? {}, tags);
        if (Object.keys(tagsPatch).length) patch.tags = tagsPatch;
        saved = await (await call(`sensors/${segment(sensor.id)}`,
          { method: 'PATCH', body: JSON.stringify(patch), type: 'application/merge-patch+json' })).json();
      } else {
        const item = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
        if (Object.keys(tags).length) item.tags = tags;
        [saved] = await (await call('sensors', { method: 'POST', body: [item] })).json();
      }
      location.hash = `#/sensors/${encodeURIComponent(saved.id)}`;
    } catch (error) {
      showProblem(problem, error);
      for (const { field: name, message } of error.problem?.errors ?? []) {
        const path = (name ?? '').replace(/^\[\d+\]\.?/, '');
        const key = path.startsWith('tags') ? 'tags' : path;
        if (messages[key]) {
          const said = key === path ? message : `${path.slice('tags.'.length)}: ${message}`;
          messages[key].textContent = messages[key].textContent ? `${messages[key].textContent}; ${said}` : said;
          inputs[key].setAttribute('aria-invalid', 'true');
          inputs[key].setAttribute('aria-describedby', `${inputs[key].getAttribute('aria-describedby') ?? ''} ${messages[key].id}`.trim());
        }
      }
    }
  });
}

/** The tags written one key:value a line, split at the first colon; the service judges what they hold. */
function tagsOf(text) {
  const tags = {};
  for (const line of text.split('\n').map(l => l.trim()).filter(Boolean)) {
    const colon = line.indexOf(':');
    tags[colon < 0 ? line : line.slice(0, colon).trim()] = colon < 0 ? '' : line.slice(colon + 1).trim();
  }
  return tags;
}

/** A merge patch from the stored tags to the wanted ones: each changed key with its value, each gone one null. */
function tagChanges(stored, wanted) {
  const patch = {};
  for (const key of Object.keys(stored)) if (!(key in wanted)) patch[key] = null;
  for (const [key, value] of Object.entries(wanted)) if (stored[key] !== value) patch[key] = value;
  return patch;
}
