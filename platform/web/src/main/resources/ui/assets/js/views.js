// Pieces several pages share: not found, gone, errors, sign-in prompts, paging links.
import { h } from './dom.js';
import { query } from './api.js';

export function notFoundView(what = 'page') {
  return h('section', { id: 'not-found', class: 'empty-state' },
    h('h1', { text: 'Not found' }),
    h('p', { text: `This ${what} does not exist, or its address is mistyped.` }),
    h('p', null, h('a', { href: '/', class: 'button', text: 'Browse the designs' })));
}

export function errorView(error) {
  return h('section', { class: 'empty-state' },
    h('h1', { text: 'Something went wrong' }),
    alertBox(error && error.message ? error.message : String(error)));
}

/** An element screen readers announce at once; empty and hidden until it has a message. */
export function alertBox(message, id) {
  const box = h('p', { id, class: 'alert', role: 'alert' });
  showAlert(box, message);
  return box;
}

export function showAlert(box, message) {
  box.textContent = message || '';
  box.hidden = !message;
}

export function signInPrompt(path, what) {
  return h('section', { class: 'empty-state' },
    h('h1', { text: 'Please sign in' }),
    h('p', { text: `Sign in to ${what}.` }),
    h('p', null, h('a', { class: 'button primary', href: `/signin${query({ returnTo: path })}`, text: 'Sign in' })));
}

/** "Previous" and "Next" links keeping the other query parameters; the page in the address counts from 1. */
export function pager(path, params, page, pageCount) {
  const link = (n) => `${path}${query({ ...params, page: n > 1 ? n : '' })}`;
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    page > 1 ? h('a', { id: 'page-prev', class: 'button', href: link(page - 1), rel: 'prev', text: '← Previous' }) : null,
    pageCount > 1 ? h('span', { class: 'pager-status', text: `Page ${page} of ${pageCount}` }) : null,
    page < pageCount ? h('a', { id: 'page-next', class: 'button', href: link(page + 1), rel: 'next', text: 'Next →' }) : null);
}

/** A whole positive page number from the address (1 when missing or malformed). */
export function pageParam(value) {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 && n <= 100000 ? n : 1;
}
