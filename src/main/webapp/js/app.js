// The dashboard's shell: signing in with an API key, the sections by address (#/...), and signing out when
// the service stops knowing the key.
import { ApiError, call, onUnauthorized, session } from './api.js';
import { keysView } from './keys.js';
import { overview } from './overview.js';
import { showProblem } from './problems.js';
import { sensorForm } from './sensor-form.js';
import { sensorView } from './sensor-view.js';
import { uploadView } from './upload.js';

const view = document.getElementById('view');
const signInSection = document.getElementById('sign-in');
const signInForm = document.getElementById('sign-in-form');
const signInProblem = document.getElementById('sign-in-problem');
const nav = document.getElementById('nav');
const keysLink = document.getElementById('nav-keys');
const who = document.getElementById('who');
let cleanup = null;
let current = null;

const ROUTES = [
  [/^\/?$/, section => overview(section)],
  [/^\/sensors\/new$/, section => sensorForm(section, {})],
  [/^\/sensors\/([^/]+)\/edit$/, (section, id) => sensorForm(section, { id })],
  [/^\/sensors\/([^/]+)$/, (section, id) => sensorView(section, { id })],
  [/^\/keys$/, section => keysView(section)],
  [/^\/upload$/, section => uploadView(section)],
];

async function route() {
  if (!session.key()) return;
  const path = location.hash.replace(/^#/, '');
  for (const link of nav.querySelectorAll('a')) {
    const here = link.getAttribute('href') === `#${path}` || (path === '' && link.getAttribute('href') === '#/');
    if (here) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  // Each section draws into an element of its own: one still loading when the address changes again then
  // draws, fails and finishes out of sight instead of over the newer one.
  const section = document.createElement('div');
  current = section;
  view.replaceChildren(section);
  view.setAttribute('aria-busy', 'true');
  try {
    const [pattern, render] = ROUTES.find(([p]) => p.test(path)) ?? [];
    if (!render) {
      section.textContent = 'There is no such page here.';
      return;
    }
    const match = pattern.exec(path);
    const done = await render(section, ...match.slice(1).map(decodeURIComponent));
    if (section === current) cleanup = done;
    else if (typeof done === 'function') done();
  } catch (error) {
    const slot = document.createElement('div');
    section.replaceChildren(slot);
    showProblem(slot, error);
  } finally {
    if (section === current) {
      view.removeAttribute('aria-busy');
      view.dataset.route = path || '/';
    }
  }
}

/** Checks a key with a cheap read; an admin key also may list keys. Resolves to its standing. */
async function standing(key) {
  try {
    await call('sensors', { query: { limit: 1 }, key });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
  }
  try {
    await call('api_keys', { key });
    return { admin: true };
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return { admin: false };
    throw error;
  }
}

function showSignIn(error) {
  document.body.dataset.signedIn = 'false';
  nav.hidden = true;
  view.replaceChildren();
  signInSection.hidden = false;
  showProblem(signInProblem, error ?? null);
  document.getElementById('api-key').focus();
}

async function enter(key) {
  const { admin } = await standing(key);
  keysLink.hidden = !admin;
  who.textContent = `${admin ? 'Admin key' : 'Key'} ${session.remembered() ? 'remembered on this device' : 'kept for this tab'}`;
  signInSection.hidden = true;
  nav.hidden = false;
  document.body.dataset.signedIn = 'true';
  document.body.dataset.admin = String(admin);
  await route();
}

signInForm.addEventListener('submit', async event => {
  event.preventDefault();
  const key = document.getElementById('api-key').value.trim();
  const remember = document.getElementById('remember').checked;
  try {
    await standing(key);
    session.signIn(key, remember);
    document.getElementById('api-key').value = '';
    await enter(key);
  } catch (error) {
    showSignIn(error);
  }
});

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  showSignIn(null);
});

onUnauthorized(error => {
  session.signOut();
  showSignIn(error);
});

window.addEventListener('hashchange', route);

if (session.key()) {
  enter(session.key()).catch(error => {
    if (error instanceof ApiError && error.status === 401) session.signOut();
    showSignIn(error);
  });
} else {
  showSignIn(null);
}
