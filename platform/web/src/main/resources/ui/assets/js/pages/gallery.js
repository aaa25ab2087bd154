// "/": the public gallery. Every filter lives in the address (?q=&provider=&designer=&licence=&tag=&sort=&page=),
// so a search can be bookmarked, shared and reloaded, and Back works.
import { h, plural } from '../dom.js';
import { api, ApiError, optionalApi, query } from '../api.js';
import { licenceOptions, licencesInUse, providers } from '../catalog.js';
import { cardGrid, providerLabel } from '../cards.js';
import { alertBox, pageParam, pager } from '../views.js';

export const PAGE_SIZE = 24;

const SORTS = [
  ['recent', 'Newest first'],
  ['updated', 'Recently updated'],
  ['name', 'Name (A–Z)'],
];

function stateFrom(q) {
  return {
    q: (q.get('q') || '').trim(),
    provider: q.get('provider') || '',
    designer: q.get('designer') || '',
    licence: q.get('licence') || '',
    tag: (q.get('tag') || '').trim(),
    sort: q.get('sort') || '',
    page: pageParam(q.get('page')),
  };
}

export async function render(ctx) {
  const state = stateFrom(ctx.query);
  const filters = { q: state.q, provider: state.provider, designer: state.designer, licence: state.licence, tag: state.tag, sort: state.sort };
  const [result, providerList, licenceList, designer] = await Promise.all([
    api(`/api/documents${query({ ...filters, page: state.page - 1, size: PAGE_SIZE })}`, { signal: ctx.signal }).catch((e) => e),
    providers(),
    licencesInUse(),
    state.designer ? optionalApi(`/api/designers/${encodeURIComponent(state.designer)}`).catch(() => null) : null,
  ]);
  if (result instanceof Error && result.name === 'AbortError') throw result;
  ctx.setTitle(state.q ? `“${state.q}”` : null);

  const form = searchForm(state, providerList, licenceList.licences, ctx);
  const heading = h('h1', { class: 'visually-hidden', text: 'Designs' });
  const intro = state.q || state.designer || state.provider || state.licence || state.tag ? null
    : h('section', { class: 'hero' },
      h('p', { class: 'hero-title', text: 'CAD designs, free to explore' }),
      h('p', { class: 'hero-text', text: 'Browse the designs published here: open one to see its parts, versions and designers.' }));

  if (result instanceof Error) {
    const message = result instanceof ApiError && result.status === 400
      ? `That search cannot be run: ${result.message}` : result.message;
    return [heading, intro, form, alertBox(message), h('ul', { id: 'gallery', class: 'card-grid' })];
  }

  const total = Number(result.total) || 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const chips = activeFilters(state, designer, providerList);
  return [
    heading,
    intro,
    form,
    h('div', { class: 'results-bar' },
      h('p', { id: 'result-count', 'aria-live': 'polite', text: resultText(total, result.totalIsLowerBound, state) }),
      chips),
    result.items.length === 0
      ? [h('ul', { id: 'gallery', class: 'card-grid' }),
        h('div', { id: 'gallery-empty', class: 'empty-state' },
          ...(intro ? [h('p', { class: 'empty-title', text: 'Nothing is published yet.' }),
            h('p', null, 'Designs appear here once someone imports them. ', h('a', { href: '/import', text: 'Import a design' }), '.')]
            : [h('p', { class: 'empty-title', text: 'No designs match.' }),
              h('p', null, 'Try fewer words or other filters, or ', h('a', { href: '/', text: 'see every design' }), '.')]))]
      : cardGrid(result.items, licenceList.licences),
    pager('/', filters, Math.min(state.page, pageCount), pageCount),
  ];
}

// a search stops counting at a bound: its total then means "at least"
function resultText(total, atLeast, state) {
  const designs = atLeast ? `At least ${plural(total, 'design')}` : plural(total, 'design');
  return state.q ? `${designs} found for “${state.q}”` : `${designs}`;
}

function activeFilters(state, designer, providerList) {
  const items = [];
  const without = (key) => `/${query({ ...state, page: '', [key]: '' })}`;
  if (state.designer) {
    const name = designer && designer.name ? designer.name : `#${state.designer}`;
    items.push(chip(`Designer: ${name}`, without('designer')));
  }
  if (state.provider) {
    const p = providerList.find((x) => x.id === state.provider);
    items.push(chip(`Source: ${p ? p.name : providerLabel(state.provider)}`, without('provider')));
  }
  if (state.licence) items.push(chip(`Licence: ${state.licence}`, without('licence')));
  if (state.tag) items.push(chip(`Tag: ${state.tag}`, without('tag')));
  return items.length ? h('ul', { class: 'chips', 'aria-label': 'Active filters' }, items) : null;
}

function chip(label, removeHref) {
  return h('li', { class: 'chip' },
    h('span', { text: label }),
    h('a', { href: removeHref, class: 'chip-remove', 'aria-label': `Remove filter ${label}`, text: '×' }));
}

function searchForm(state, providerList, licenceList, ctx) {
  const select = (id, label, options, value, extra) => h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    h('select', { id, name: id.replace('filter-', ''), value }, options.map(([v, text]) => h('option', { value: v }, text)), extra || null));

  const providerOptions = [['', 'All sources'], ...providerList.map((p) => [p.id, p.name])];
  if (state.provider && !providerList.some((p) => p.id === state.provider)) providerOptions.push([state.provider, providerLabel(state.provider)]);
  const licenceChoices = [['', 'Any licence']];
  if (state.licence && !licenceList.some((l) => l.id === state.licence)) licenceChoices.push([state.licence, state.licence]);
  const sortOptions = [['', state.q ? 'Best match' : 'Newest first'], ...SORTS.filter(([v]) => state.q || v !== 'recent')];

  const form = h('form', { id: 'search-form', class: 'search-form', role: 'search', action: '/', method: 'get' },
    h('div', { class: 'search-row' },
      h('label', { for: 'search', class: 'visually-hidden', text: 'Search designs' }),
      h('input', {
        id: 'search', name: 'q', type: 'search', value: state.q, placeholder: 'Search designs, parts, tags…',
        autocomplete: 'off', maxlength: 200,
      }),
      h('button', { type: 'submit', class: 'button primary', text: 'Search' })),
    h('div', { class: 'filter-row' },
      select('filter-provider', 'Source', providerOptions, state.provider),
      select('filter-licence', 'Licence', licenceChoices, state.licence, licenceOptions(licenceList, state.licence)),
      h('div', { class: 'field' },
        h('label', { for: 'filter-tag', text: 'Tag' }),
        h('input', { id: 'filter-tag', name: 'tag', type: 'text', value: state.tag, maxlength: 100, placeholder: 'any' })),
      select('sort', 'Sort by', sortOptions, state.sort),
      state.designer ? h('input', { type: 'hidden', name: 'designer', value: state.designer }) : null));

  const go = () => {
    const data = new FormData(form);
    const next = {};
    for (const [key, value] of data.entries()) next[key] = String(value).trim();
    ctx.navigate(`/${query(next)}`);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go();
  });
  form.querySelectorAll('select').forEach((s) => s.addEventListener('change', go));
  return form;
}
