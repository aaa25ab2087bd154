// Who is signed in, as GET /api/me says; kept for the page's lifetime and refreshed after sign-in/out.
import { api, ApiError, setCsrfToken } from './api.js';

let current = null;
let awaitingSecondFactor = false;
const listeners = new Set();

/** The problem type of GET /api/me while this browser's sign-in waits for the second factor. */
export const SECOND_FACTOR_PROBLEM = 'urn:vitrine:problem:second-factor-required';

export function me() {
  return current;
}

/**
 * Whether this browser signed in with some method and the platform now waits for the second factor (the code from
 * an authenticator app): nobody is signed in until it is given on /signin.
 */
export function secondFactorAwaited() {
  return awaitingSecondFactor;
}

export function isAdmin() {
  return hasRole('admin');
}

/** Moderators and admins see the moderation queue. */
export function isModerator() {
  return hasRole('moderator') || hasRole('admin');
}

function hasRole(role) {
  return !!current && Array.isArray(current.roles) && current.roles.includes(role);
}

export function onSessionChange(listener) {
  listeners.add(listener);
}

/**
 * Asks the server who this browser is (null when signed out) and tells the listeners. On the first load the
 * server has marked <body data-session="none"> when the browser sent no session cookie: then nobody is signed in and
 * the request is skipped.
 */
export async function refreshSession({ firstLoad = false } = {}) {
  awaitingSecondFactor = false;
  try {
    current = firstLoad && document.body.dataset.session === 'none' ? null : await api('/api/me');
  } catch (e) {
    awaitingSecondFactor = e instanceof ApiError && e.status === 401 && e.problem.type === SECOND_FACTOR_PROBLEM;
    if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403 && e.status !== 404)) {
      console.warn('Vitrine: could not load the session', e);
    }
    current = null;
  }
  setCsrfToken(current && current.csrfToken);
  listeners.forEach((listener) => listener(current));
  return current;
}

/** Forgets the account without asking the server, e.g. once it has ended the session itself (account deleted). */
export function forgetSession() {
  current = null;
  setCsrfToken(null);
  listeners.forEach((listener) => listener(current));
}

export async function signOut() {
  try {
    await api('/api/auth/logout', { method: 'POST' });
  } finally {
    await refreshSession();
  }
}
