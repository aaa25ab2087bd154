// The one way pages talk to the REST API: JSON in and out, problems (RFC 9457) turned into ApiError, and
// the session's CSRF token on every request that may change something.

let csrfToken = null;

export function setCsrfToken(token) {
  csrfToken = token || null;
}

export class ApiError extends Error {
  constructor(status, problem) {
    const detail = problem && (problem.detail || problem.title);
    super(detail || (status ? `The server answered ${status}.` : 'Vitrine could not be reached.'));
    this.status = status;
    this.problem = problem || {};
  }
}

/**
 * api('/api/documents?q=x') -> parsed JSON (null for an empty answer).
 * api('/api/imports', {method: 'POST', body: {...}})
 * Throws ApiError for every answer that is not 2xx, and for network failures (status 0).
 */
export async function api(path, { method = 'GET', body, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    // no-cache: always ask the server (a 304 still reuses what is stored). Chromium otherwise keeps a 410 without
    // Cache-Control forever, and a design restored after it was taken down would still show as gone.
    response = await fetch(path, {
      method, headers, signal, credentials: 'same-origin', cache: 'no-cache',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { detail: 'Vitrine could not be reached. Check the connection and try again.' });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') && response.status !== 204 ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

/** The problem type of an answer asking the person to connect a provider again (the grant was revoked there). */
export const RECONNECT_PROBLEM = 'urn:vitrine:problem:reconnect-provider';

/** Whether the error asks the person to reconnect a provider. */
export function needsReconnect(error) {
  return error instanceof ApiError && error.problem.type === RECONNECT_PROBLEM;
}

/** Like api(), but answers null instead of throwing when the endpoint is missing or switched off (404/405/501). */
export async function optionalApi(path, options) {
  try {
    return await api(path, options);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405 || e.status === 501)) return null;
    throw e;
  }
}

/** A query string from an object, leaving out empty values: query({q: 'a', page: 0}) -> "?q=a&page=0" */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
