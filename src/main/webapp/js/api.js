// The service's HTTP API as the page calls it: the key in X-API-KEY, every error as a problem (RFC 9457),
// lists followed along their Link rel="next" pages.

const STORE = 'sensorhub.api-key';
const API = new URL('api/', document.baseURI);

/** The API key: for this tab only (sessionStorage), or on this device when the user asked to be remembered. */
export const session = {
  key() {
    return sessionStorage.getItem(STORE) ?? localStorage.getItem(STORE);
  },
  remembered() {
    return localStorage.getItem(STORE) !== null;
  },
  signIn(key, remember) {
    this.signOut();
    (remember ? localStorage : sessionStorage).setItem(STORE, key);
  },
  signOut() {
    sessionStorage.removeItem(STORE);
    localStorage.removeItem(STORE);
  },
};

/** An answer other than 2xx, or no answer at all (status 0), with the problem document the service sent. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

const unauthorizedListeners = new Set();

/** Called with the error whenever a request of the signed-in key is answered 401 (revoked meanwhile). */
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
}

/** The address of an API path such as {@code sensors/a1/values} with the given query (empty values left out). */
export function apiUrl(path, query = {}) {
  const url = new URL(path, API);
  for (const [name, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') url.searchParams.append(name, one);
    }
  }
  return url;
}

/** A path segment: a sensor id may hold any character but / ? # % \, white space and control characters. */
export function segment(text) {
  return encodeURIComponent(text);
}

/**
 * Sends one request; resolves to the Response when it is 2xx, rejects with an ApiError otherwise.
 * A plain object body is sent as JSON; a string, Blob or File as it is, with the given type.
 */
export async function call(path, { method = 'GET', query, body, type, accept = 'application/json', key, signal } = {}) {
  const url = path instanceof URL ? path : apiUrl(path, query);
  const secret = key ?? session.key();
  const headers = { Accept: accept };
  if (secret) headers['X-API-KEY'] = secret;
  const raw = typeof body === 'string' || body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = type ?? 'application/json';
  let response;
  try {
    response = await fetch(url, {
      method, headers, signal, cache: 'no-store', credentials: 'omit',
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, {
      title: 'The service did not answer',
      detail: 'The request did not reach the service or its answer was lost. Check the connection and try again.',
    });
  }
  if (!response.ok) {
    const error = new ApiError(response.status, await problemOf(response));
    if (response.status === 401 && key === undefined) unauthorizedListeners.forEach(listener => listener(error));
    throw error;
  }
  return response;
}

export async function getJson(path, options) {
  return (await call(path, options)).json();
}

/** The next page's address from a Link header (relative links are resolved against the request's). */
export function nextOf(response) {
  const link = response.headers.get('Link');
  if (!link) return null;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>\s*;.*\brel="?next"?/.exec(part);
    if (match) return new URL(match[1], response.url);
  }
  return null;
}

/** Yields each page of a paged list as an array, following rel="next" until the last. */
export async function* pages(path, options = {}) {
  let next = path instanceof URL ? path : apiUrl(path, options.query);
  while (next) {
    const response = await call(next, { ...options, query: undefined });
    yield await response.json();
    next = nextOf(response);
  }
}

async function problemOf(response) {
  const fallback = { title: response.statusText || `HTTP ${response.status}`, status: response.status };
  const type = response.headers.get('Content-Type') ?? '';
  try {
    if (type.includes('json')) return { ...fallback, ...(await response.json()) };
    const text = (await response.text()).trim();
    return text && text.length < 500 ? { ...fallback, detail: text } : fallback;
  } catch {
    return fallback;
  }
}

/** What a status means for the person at the page, beside the service's own title and detail. */
export function meaning(status) {
  switch (status) {
    case 0: return '';
    case 401: return 'The service does not know this API key, or it has been revoked. Sign in again with a valid key.';
    case 403: return 'The service knows this API key, but the key lacks the permission this needs. '
      + 'Ask an administrator for a key with that permission (read, write, delete or admin).';
    case 404: return 'The service has nothing at this address: the item may have been deleted.';
    case 409: return 'This conflicts with what is stored already; nothing was changed.';
    case 413: return 'This is more than the service takes in one request; send it in smaller parts.';
    case 422: return 'The request names something the service does not know; nothing was stored.';
    case 503: return 'The service is busy or its database is unavailable; try again in a moment.';
    default: return status >= 500 ? 'The service failed to answer this request.' : '';
  }
}
