// "/designers": everyone credited on a published design, searchable, with how many designs each has.
import { h, plural } from '../dom.js';
import { api, ApiError, query } from '../api.js';
import { alertBox, pageParam, pager } from '../views.js';

const PAGE_SIZE = 48;

export async function render(ctx) {
  const q = (ctx.query.get('q') || '').trim();
  const page = pageParam(ctx.query.get('page'));
  ctx.setTitle('Designers');
  const form = h('form', { id: 'designer-search-form', class: 'search-form compact', role: 'search', action: '/designers', method: 'get' },
    h('div', { class: 'search-row' },
      h('label', { for: 'designer-search', class: 'visually-hidden', text: 'Search designers' }),
      h('input', { id: 'designer-search', name: 'q', type: 'search', value: q, placeholder: 'Search designers…', maxlength: 200 }),
      h('button', { type: 'submit', class: 'button primary', text: 'Search' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(`/designers${query({ q: form.elements.q.value.trim() })}`);
  });
  const heading = h('h1', { text: 'Designers' });

  let result;
  try {
    result = await api(`/api/designers${query({ q, page: page - 1, size: PAGE_SIZE })}`, { signal: ctx.signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    const message = e instanceof ApiError && e.status === 404
      ? 'The list of designers is not available on this Vitrine.' : e.message;
    return [heading, form, alertBox(message), h('ul', { id: 'designers', class: 'designer-grid' })];
  }
  const total = Number(result.total) || 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return [
    heading,
    form,
    h('p', { id: 'designer-count', class: 'muted', text: plural(total, 'designer') }),
    h('ul', { id: 'designers', class: 'designer-grid' }, (result.items || []).map((d) => h('li', { class: 'designer' },
      h('a', { href: `/designers/${encodeURIComponent(d.id)}`, class: 'designer-link' },
        avatar(d, 48),
        h('span', { class: 'designer-name', text: d.name }),
        h('span', { class: 'designer-count', text: plural(Number(d.documentCount) || 0, 'design') }))))),
    total === 0 ? h('p', { class: 'empty-state', text: q ? 'No designer has that name.' : 'Nobody is credited yet.' }) : null,
    pager('/designers', { q }, Math.min(page, pageCount), pageCount),
  ];
}

/**
 * The designer's picture, or their initials on a coloured disc. Only a picture Vitrine serves itself is shown: a
 * provider's picture would make every visitor's browser call a third party (and the Content-Security-Policy allows
 * images from this site only).
 */
export function avatar(designer, size) {
  if (designer.avatarUrl && /^\/(?!\/)/.test(designer.avatarUrl)) {
    return h('img', { class: 'avatar', src: designer.avatarUrl, alt: '', width: size, height: size, loading: 'lazy', referrerpolicy: 'no-referrer' });
  }
  const initials = String(designer.name || '?').split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0].toUpperCase()).join('');
  const hue = [...String(designer.name || '')].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 8;
  return h('span', { class: `avatar avatar-initials hue-${hue} size-${size}`, 'aria-hidden': 'true', text: initials || '?' });
}
