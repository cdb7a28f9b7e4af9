// API keys for an administrator: create one (its secret shown once, with a copy button), list and revoke them.
import { call, getJson } from './api.js';
import { field, h } from './dom.js';
import { showProblem } from './problems.js';
import { browserZone, formatInstant } from './time.js';

const PERMISSIONS = ['read', 'write', 'delete', 'admin'];

export async function keysView(view) {
  const zone = browserZone();
  const name = h('input', { type: 'text', id: 'key-name', required: true, maxlength: 100, pattern: '[A-Za-z0-9._@\\-]+',
    autocomplete: 'off' });
  const checks = PERMISSIONS.map(p => h('label', { class: 'choice' },
    h('input', { type: 'checkbox', name: 'permission', value: p, id: `permission-${p}`, checked: p === 'read' }), p));
  const formProblem = h('div', { class: 'problem-slot' });
  const secretSlot = h('div', { id: 'new-key', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', id: 'create-key', 'aria-labelledby': 'create-key-title' },
    h('h3', { id: 'create-key-title' }, 'Create a key'),
    field('Name', name, 'Letters, digits and . _ @ -'),
    h('fieldset', { class: 'choices' }, h('legend', {}, 'Permissions'), checks,
      h('p', { class: 'hint' }, 'admin manages keys and implies the other three.')),
    h('button', { type: 'submit' }, 'Create key'), formProblem);
  const body = h('tbody');
  const listProblem = h('div', { class: 'problem-slot' });
  const status = h('p', { class: 'status', role: 'status', id: 'keys-status' });
  view.replaceChildren(h('section', { class: 'keys', 'aria-labelledby': 'keys-title' },
    h('h2', { id: 'keys-title' }, 'API keys'), form, secretSlot, listProblem,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'key-table' },
      h('caption', {}, `Keys of this service; times in ${zone}`),
      h('thead', {}, h('tr', {}, ['Name', 'Permissions', 'Created', 'Last used', ''].map(text =>
        h('th', { scope: 'col' }, text)))), body)), status));

  async function list() {
    try {
      const keys = await getJson('api_keys');
      body.replaceChildren(...keys.map(key => row(key)));
      status.textContent = `${keys.length} keys.`;
      showProblem(listProblem, null);
    } catch (error) {
      showProblem(listProblem, error);
    }
  }

  function row(key) {
    const revoke = h('button', { type: 'button', class: 'danger', 'aria-label': `Revoke key ${key.name}` }, 'Revoke');
    revoke.addEventListener('click', async () => {
      if (revoke.dataset.confirm !== 'yes') {
        revoke.dataset.confirm = 'yes';
        revoke.textContent = 'Confirm revoke';
        revoke.setAttribute('aria-label', `Confirm: revoke key ${key.name}; it stops working at once`);
        return;
      }
      revoke.disabled = true;
      try {
        await call(`api_keys/${key.id}`, { method: 'DELETE' });
        await list();
        status.textContent = `Key ${key.name} revoked: it stops working at once.`;
      } catch (error) {
        revoke.disabled = false;
        showProblem(listProblem, error);
      }
    });
    const when = instant => instant ? formatInstant(Date.parse(instant), zone) : '—';
    return h('tr', { dataset: { keyId: key.id, keyName: key.name } },
      h('th', { scope: 'row' }, key.name), h('td', {}, key.permissions.join(', ')),
      h('td', {}, when(key.created_at)), h('td', {}, when(key.last_used_at)), h('td', {}, revoke));
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const permissions = checks.map(label => label.querySelector('input')).filter(c => c.checked).map(c => c.value);
    try {
      const created = await (await call('api_keys', { method: 'POST', body: { name: name.value, permissions } })).json();
      showProblem(formProblem, null);
      secretSlot.replaceChildren(secretCard(created));
      secretSlot.querySelector('button').focus();
      name.value = '';
      await list();
    } catch (error) {
      showProblem(formProblem, error);
    }
  });

  await list();
}

function secretCard(created) {
  const secret = h('output', { id: 'new-key-secret', class: 'secret', 'aria-label': `Secret of key ${created.name}` },
    created.key);
  const copied = h('span', { class: 'status', role: 'status' });
  const copy = h('button', { type: 'button', id: 'copy-key' }, 'Copy key');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      copied.textContent = 'Copied.';
    } catch {
      getSelection().selectAllChildren(secret);
      copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
  return h('div', { class: 'card secret-card' },
    h('p', {}, h('strong', {}, `Key ${created.name} created (${created.permissions.join(', ')}).`),
      ' Copy its secret now: the service shows it only this once and keeps only a hash.'),
    secret, h('div', { class: 'buttons' }, copy, copied));
}
