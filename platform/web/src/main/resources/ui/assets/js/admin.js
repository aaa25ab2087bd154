// Tabs shared by the admin pages, and what they show to someone who is not an admin.
import { h } from './dom.js';
import { ApiError } from './api.js';
import { signInPrompt } from './views.js';

export function adminTabs(current) {
  const tab = (href, text) => h('li', null, h('a', { href, text, 'aria-current': href === current ? 'page' : null }));
  return h('nav', { class: 'tabs', 'aria-label': 'Administration' },
    h('ul', null, tab('/admin/modules', 'Modules'), tab('/admin/users', 'People'), tab('/admin/audit', 'Audit log'),
      tab('/admin/mail', 'Mail')));
}

/** The page for a 401/403 answer, or null for any other error. */
export function refusedView(error, path) {
  if (error instanceof ApiError && error.status === 401) return signInPrompt(path, 'administer Vitrine');
  if (error instanceof ApiError && error.status === 403) {
    return h('section', { class: 'empty-state' },
      h('h1', { text: 'Admins only' }),
      h('p', { role: 'alert', text: 'This page is for the people who run this Vitrine.' }));
  }
  return null;
}
