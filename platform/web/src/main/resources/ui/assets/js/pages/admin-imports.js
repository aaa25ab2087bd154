// "/admin/imports": every import job, newest first, with who started it and when they confirmed their right to
// share the documents (and which version of the terms), a page at a time.
import { h, time } from '../dom.js';
import { api, ApiError, query } from '../api.js';
import { adminTabs, refusedView } from '../admin.js';
import { alertBox } from '../views.js';

const LIMIT = 50;

export async function render(ctx) {
  ctx.setTitle('Imports');
  const before = ctx.query.get('before') || '';
  const head = [h('h1', { text: 'Administration' }), adminTabs('/admin/imports')];
  let page;
  try {
    page = await api(`/api/admin/imports${query({ before, limit: LIMIT })}`, { signal: ctx.signal });
  } catch (e) {
    const refused = refusedView(e, '/admin/imports');
    if (refused) return refused;
    if (e.name === 'AbortError') throw e;
    return [...head, alertBox(e instanceof ApiError && e.status === 404 ? 'Imports cannot be listed on this Vitrine.' : e.message)];
  }
  const items = page.items || [];
  const table = h('table', { id: 'admin-imports', class: 'data-table' },
    h('caption', { class: 'visually-hidden', text: 'Import jobs, newest first' }),
    h('thead', null, h('tr', null, ['Started', 'By', 'Provider', 'State', 'Documents', 'Rights confirmed', 'Terms version']
      .map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', null, items.map((j) => h('tr', { dataset: { jobId: j.id } },
      h('td', { class: 'nowrap' }, time(j.createdAt, true)),
      h('td', { text: j.accountName || (j.accountId ? `account ${j.accountId}` : 'deleted account') }),
      h('td', { text: j.provider }),
      h('td', { text: j.state }),
      h('td', { class: 'nowrap', text: `${j.done} of ${j.total}${j.failed ? `, ${j.failed} failed` : ''}` }),
      h('td', { class: 'nowrap rights-confirmed' }, j.rightsConfirmedAt ? time(j.rightsConfirmedAt, true) : 'not recorded'),
      h('td', { class: 'terms-version', text: j.termsVersion || '' })))));
  return [
    ...head,
    items.length === 0 ? h('p', { class: 'muted', text: 'No imports yet.' }) : null,
    h('div', { class: 'table-wrap' }, table),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      before ? h('a', { class: 'button', href: '/admin/imports', text: 'Newest' }) : null,
      page.next != null ? h('a', { id: 'admin-imports-next', class: 'button', href: `/admin/imports${query({ before: page.next })}`, text: 'Older →' }) : null),
  ];
}
