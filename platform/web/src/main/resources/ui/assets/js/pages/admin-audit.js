// "/admin/audit": the audit log, newest first, filtered by action, a page at a time.
import { h, time } from '../dom.js';
import { api, ApiError, query } from '../api.js';
import { adminTabs, refusedView } from '../admin.js';
import { alertBox } from '../views.js';

const LIMIT = 50;

export async function render(ctx) {
  ctx.setTitle('Audit log');
  const action = (ctx.query.get('action') || '').trim();
  const before = ctx.query.get('before') || '';
  const input = h('input', { id: 'audit-action', name: 'action', type: 'search', value: action, placeholder: 'e.g. signin', maxlength: 100 });
  const form = h('form', { class: 'inline-form filter-form', role: 'search', action: '/admin/audit', method: 'get' },
    h('label', { for: 'audit-action', text: 'Action' }), input,
    h('button', { type: 'submit', class: 'button', text: 'Filter' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(`/admin/audit${query({ action: input.value.trim() })}`);
  });
  const head = [h('h1', { text: 'Administration' }), adminTabs('/admin/audit')];

  let page;
  try {
    page = await api(`/api/admin/audit${query({ before, limit: LIMIT, action })}`, { signal: ctx.signal });
  } catch (e) {
    const refused = refusedView(e, '/admin/audit');
    if (refused) return refused;
    if (e.name === 'AbortError') throw e;
    const message = e instanceof ApiError && e.status === 404 ? 'The audit log cannot be read on this Vitrine.' : e.message;
    return [...head, form, alertBox(message), h('table', { id: 'audit', class: 'data-table' }, h('tbody'))];
  }
  const items = page.items || [];
  const table = h('table', { id: 'audit', class: 'data-table' },
    h('caption', { class: 'visually-hidden', text: 'Audit events, newest first' }),
    h('thead', null, h('tr', null, ['When', 'Action', 'Outcome', 'Actor', 'Target', 'Address', 'Detail'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', null, items.map((e) => h('tr', { dataset: { eventId: e.id } },
      h('td', { class: 'nowrap' }, time(e.occurredAt, true)),
      h('td', null, h('a', { href: `/admin/audit${query({ action: e.action })}`, class: 'audit-action', text: e.action })),
      h('td', null, h('span', { class: `outcome outcome-${String(e.outcome).replace(/[^a-z-]/gi, '')}`, text: e.outcome || '' })),
      h('td', { text: e.actor || '' }),
      h('td', { text: e.target || '' }),
      h('td', { class: 'nowrap', text: e.ip || '' }),
      h('td', { class: 'detail', text: e.detail || '' })))));
  return [
    ...head,
    form,
    items.length === 0 ? h('p', { class: 'muted', text: action ? 'No events with that action.' : 'No events yet.' }) : null,
    h('div', { class: 'table-wrap' }, table),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      before ? h('a', { class: 'button', href: `/admin/audit${query({ action })}`, text: 'Newest' }) : null,
      page.next != null ? h('a', { id: 'audit-next', class: 'button', href: `/admin/audit${query({ action, before: page.next })}`, text: 'Older →' }) : null),
  ];
}
