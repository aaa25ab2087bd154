// "/admin/users": people, found by e-mail address or name, a page at a time. Each read is recorded in the
// audit log by the server (personal data).
import { h, time } from '../dom.js';
import { api, query } from '../api.js';
import { adminTabs, refusedView } from '../admin.js';
import { pageParam, pager } from '../views.js';

const SIZE = 25;

export async function render(ctx) {
  ctx.setTitle('People');
  const q = (ctx.query.get('q') || '').trim();
  const page = pageParam(ctx.query.get('page'));
  const input = h('input', { id: 'users-q', name: 'q', type: 'search', value: q, placeholder: 'e-mail address or name', maxlength: 100 });
  const form = h('form', { class: 'inline-form filter-form', role: 'search', action: '/admin/users', method: 'get' },
    h('label', { for: 'users-q', text: 'Search' }), input,
    h('button', { id: 'users-search', type: 'submit', class: 'button', text: 'Search' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(`/admin/users${query({ q: input.value.trim() })}`);
  });
  let result;
  try {
    result = await api(`/api/admin/users${query({ q, page: page - 1, size: SIZE })}`, { signal: ctx.signal });
  } catch (e) {
    const refused = refusedView(e, '/admin/users');
    if (refused) return refused;
    throw e;
  }
  const items = result.items || [];
  const table = h('table', { id: 'users', class: 'data-table' },
    h('caption', { class: 'visually-hidden', text: 'People, newest first' }),
    h('thead', null, h('tr', null, ['Name', 'E-mail', 'Roles', 'Status', 'Since'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', null, items.map((u) => h('tr', { dataset: { userId: u.id } },
      h('td', null, h('a', { class: 'user-link', href: `/admin/users/${encodeURIComponent(u.id)}`, text: u.displayName || `Account ${u.id}` })),
      h('td', { class: 'user-email', text: u.email || '' }),
      h('td', { class: 'user-roles', text: (u.roles || []).join(', ') }),
      h('td', null, h('span', { class: `badge user-status status-${u.status === 'active' ? 'active' : 'disabled'}`, text: u.status })),
      h('td', { class: 'nowrap' }, time(u.createdAt))))));
  const pageCount = Math.max(1, Math.ceil((Number(result.total) || 0) / SIZE));
  return [
    h('h1', { text: 'Administration' }),
    adminTabs('/admin/users'),
    form,
    h('p', { id: 'users-total', class: 'muted', text: `${result.total} ${result.total === 1 ? 'person' : 'people'}${q ? ` matching “${q}”` : ''}` }),
    items.length ? h('div', { class: 'table-wrap' }, table) : h('p', { class: 'muted', text: 'Nobody matches.' }),
    pager('/admin/users', { q }, page, pageCount),
  ];
}
