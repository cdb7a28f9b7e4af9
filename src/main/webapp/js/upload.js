// A CSV of readings (header sensor_id,creation_date,value) sent to POST /api/sensor_values as text/csv, picked
// or dropped; the items the service refuses (errors[].field such as [3].value) are shown next to their lines.
import { call } from './api.js';
import { h } from './dom.js';
import { dataRecords } from './csv.js';
import { problemBox } from './problems.js';

export async function uploadView(view) {
  const picker = h('input', { type: 'file', id: 'upload-file', accept: '.csv,text/csv' });
  const zone = h('div', { class: 'drop-zone', id: 'drop-zone' },
    h('p', {}, 'Drop a CSV file here, or '), h('label', { for: 'upload-file', class: 'button-link' }, 'choose a file'),
    picker);
  const chosen = h('p', { class: 'status', role: 'status', id: 'upload-chosen' }, 'No file chosen.');
  const send = h('button', { type: 'submit', id: 'upload-send', disabled: true }, 'Upload readings');
  const result = h('div', { id: 'upload-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'card upload', id: 'upload-form' },
    h('h2', {}, 'Upload readings'),
    h('p', {}, 'A CSV file with the header ', h('code', {}, 'sensor_id,creation_date,value'),
      ', one reading a line; times in ISO-8601 (without an offset they are UTC). All readings are stored, or none.'),
    zone, chosen, send, result);
  view.replaceChildren(form);
  let file = null;

  const choose = picked => {
    file = picked ?? null;
    send.disabled = !file;
    chosen.textContent = file ? `${file.name}, ${file.size.toLocaleString()} bytes.` : 'No file chosen.';
    result.replaceChildren();
  };
  picker.addEventListener('change', () => choose(picker.files[0]));
  zone.addEventListener('dragover', event => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    zone.classList.remove('over');
    choose(event.dataTransfer.files[0]);
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!file) return;
    send.disabled = true;
    result.replaceChildren(h('p', { class: 'status' }, 'Uploading…'));
    const text = await file.text();
    try {
      const stored = await (await call('sensor_values', { method: 'POST', body: text, type: 'text/csv' })).json();
      result.replaceChildren(h('p', { class: 'success', id: 'upload-outcome' },
        `Stored: ${stored.inserted.toLocaleString()} new readings, ${stored.unchanged.toLocaleString()} unchanged `
        + '(sent before with the same value).'));
    } catch (error) {
      result.replaceChildren(problemBox(error), linesNamed(text, error.problem?.errors ?? []));
    } finally {
      send.disabled = false;
    }
  });
}

/** The lines the errors name, each with its line number, its text and the service's messages beside it. */
function linesNamed(text, errors) {
  const byItem = new Map();
  const general = [];
  for (const error of errors) {
    const match = /^\[(\d+)\]\.?(.*)$/.exec(error.field ?? '');
    if (!match) {
      general.push(error);
      continue;
    }
    const item = Number(match[1]);
    if (!byItem.has(item)) byItem.set(item, []);
    byItem.get(item).push({ field: match[2], message: error.message });
  }
  if (!byItem.size) return null;
  const records = dataRecords(text);
  const items = [...byItem.keys()].sort((a, b) => a - b);
  const shown = items.slice(0, 500);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data upload-errors', id: 'upload-errors' },
    h('caption', {}, `Lines the service refused (${items.length}${items.length > shown.length ? `, first ${shown.length} shown` : ''})`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Line'), h('th', { scope: 'col' }, 'As written'),
      h('th', { scope: 'col' }, 'What is wrong'))),
    h('tbody', {}, shown.map(item => {
      const record = records[item];
      return h('tr', { dataset: { item, line: record?.line ?? '' } },
        h('th', { scope: 'row' }, record ? String(record.line) : `item ${item}`),
        h('td', {}, h('code', {}, record ? record.text.slice(0, 200) : '')),
        h('td', {}, h('ul', {}, byItem.get(item).map(e =>
          h('li', {}, e.field ? h('code', {}, e.field) : null, e.field ? ': ' : '', e.message)))));
    }))),
  general.length ? h('ul', {}, general.map(e => h('li', {}, e.field, ': ', e.message))) : null);
}
