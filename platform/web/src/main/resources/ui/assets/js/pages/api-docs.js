// "/api-docs": the REST API as /api/openapi.json describes it, one entry per path and method.
import { h } from '../dom.js';
import { api, ApiError } from '../api.js';
import { alertBox } from '../views.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

export async function render(ctx) {
  ctx.setTitle('API');
  const heading = h('h1', { text: 'HTTP API' });
  let spec;
  try {
    spec = await api('/api/openapi.json', { signal: ctx.signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    const message = e instanceof ApiError && e.status === 404 ? 'This Vitrine does not publish an API description.' : e.message;
    return [heading, alertBox(message), h('div', { id: 'api-paths' })];
  }
  const info = spec.info || {};
  const operations = [];
  for (const [path, item] of Object.entries(spec.paths || {})) {
    for (const method of METHODS) {
      if (item && item[method]) operations.push({ path, method, op: item[method], shared: item.parameters || [] });
    }
  }
  const groups = new Map();
  for (const o of operations) {
    const tag = (o.op.tags && o.op.tags[0]) || o.path.split('/').filter(Boolean)[1] || 'general';
    if (!groups.has(tag)) groups.set(tag, []);
    groups.get(tag).push(o);
  }
  const filter = h('input', { id: 'api-filter', type: 'search', placeholder: 'Filter by path or words…' });
  // one <li> per path and method under #api-paths, grouped by tag
  const list = h('div', { id: 'api-paths', class: 'api-list' });
  for (const [tag, ops] of groups) {
    list.append(h('section', { class: 'api-group' },
      h('h2', { class: 'api-group-title', text: tag }),
      h('ul', null, ops.map(operation))));
  }
  filter.addEventListener('input', () => {
    const words = filter.value.trim().toLowerCase();
    list.querySelectorAll('li.api-op').forEach((li) => { li.hidden = words !== '' && !li.textContent.toLowerCase().includes(words); });
  });
  return [
    heading,
    h('p', { class: 'muted' }, `${info.title || 'Vitrine'} ${info.version || ''}`.trim(), ' · ',
      h('a', { href: '/api/openapi.json', text: 'OpenAPI description (JSON)' })),
    info.description ? h('p', { text: info.description }) : null,
    h('div', { class: 'field' }, h('label', { for: 'api-filter', text: 'Filter' }), filter),
    list,
  ];
}

function operation({ path, method, op, shared }) {
  const params = [...shared, ...(op.parameters || [])].filter((p) => p && p.name);
  const responses = Object.entries(op.responses || {});
  return h('li', { class: 'api-op' },
    h('details', null,
      h('summary', null,
        h('span', { class: `method method-${method}`, text: method.toUpperCase() }),
        h('code', { class: 'api-path', text: path }),
        op.summary ? h('span', { class: 'api-summary', text: op.summary }) : null),
      op.description ? h('p', { class: 'api-description', text: op.description }) : null,
      params.length ? h('table', { class: 'data-table compact' },
        h('thead', null, h('tr', null, ['Parameter', 'In', 'Required', 'Description'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', null, params.map((p) => h('tr', null,
          h('td', null, h('code', { text: p.name })), h('td', { text: p.in || '' }), h('td', { text: p.required ? 'yes' : '' }),
          h('td', { text: p.description || '' }))))) : null,
      op.requestBody ? h('p', { class: 'muted', text: `Request body: ${Object.keys(op.requestBody.content || {}).join(', ') || 'yes'}` }) : null,
      responses.length ? h('dl', { class: 'api-responses' }, responses.map(([code, r]) => [
        h('dt', null, h('code', { text: code })), h('dd', { text: (r && r.description) || '' })])) : null));
}
