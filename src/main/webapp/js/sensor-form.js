// Registering a sensor (POST /api/sensors with a one-item array) and editing one (PATCH, a JSON merge patch of
// the fields changed); each field the service refuses is marked next to its input.
import { call, getJson, segment } from './api.js';
import { field, h } from './dom.js';
import { showProblem } from './problems.js';

const FIELDS = [
  ['id', 'Id', 'Chosen by you, 1 to 90 characters, no white space, control characters or / ? # % \\, not dots alone'],
  ['name', 'Name', null],
  ['type', 'Type', 'e.g. temperature'],
  ['unit', 'Unit', 'e.g. °C'],
  ['location', 'Location', 'Optional'],
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
  inputs.active = h('input', { type: 'checkbox', id: 'sensor-active', checked: sensor ? sensor.active : true });
  const problem = h('div', { class: 'problem-slot' });
  const form = h('form', { class: 'card sensor-form', id: 'sensor-form', novalidate: true },
    h('h2', {}, editing ? `Edit sensor ${sensor.id}` : 'Register a sensor'),
    controls, h('label', { class: 'choice' }, inputs.active, 'Active'),
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
    try {
      let saved;
      if (editing) {
        const patch = {};
        for (const [name, value] of Object.entries(values)) {
          if (name !== 'id' && value !== (sensor[name] ?? null)) patch[name] = value;
        }
        saved = await (await call(`sensors/${segment(sensor.id)}`,
          { method: 'PATCH', body: JSON.stringify(patch), type: 'application/merge-patch+json' })).json();
      } else {
        const item = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
        [saved] = await (await call('sensors', { method: 'POST', body: [item] })).json();
      }
      location.hash = `#/sensors/${encodeURIComponent(saved.id)}`;
    } catch (error) {
      showProblem(problem, error);
      for (const { field: name, message } of error.problem?.errors ?? []) {
        const key = (name ?? '').replace(/^\[\d+\]\.?/, '');
        if (messages[key]) {
          messages[key].textContent = message;
          inputs[key].setAttribute('aria-invalid', 'true');
          inputs[key].setAttribute('aria-describedby', `${inputs[key].getAttribute('aria-describedby') ?? ''} ${messages[key].id}`.trim());
        }
      }
    }
  });
}
