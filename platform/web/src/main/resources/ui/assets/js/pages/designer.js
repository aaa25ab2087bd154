// "/designers/{id}": one designer and the designs credited to them.
import { h, plural } from '../dom.js';
import { api, ApiError, query } from '../api.js';
import { licencesInUse } from '../catalog.js';
import { cardGrid, providerLabel } from '../cards.js';
import { alertBox, notFoundView, pageParam, pager } from '../views.js';
import { avatar } from './designers.js';
import { PAGE_SIZE } from './gallery.js';

export async function render(ctx) {
  const id = ctx.params.id;
  const page = pageParam(ctx.query.get('page'));
  let designer;
  try {
    designer = await api(`/api/designers/${encodeURIComponent(id)}`, { signal: ctx.signal });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) {
      ctx.setTitle('Not found');
      return notFoundView('designer');
    }
    throw e;
  }
  ctx.setTitle(designer.name);
  const [documents, licenceList] = await Promise.all([
    api(`/api/documents${query({ designer: id, page: page - 1, size: PAGE_SIZE })}`, { signal: ctx.signal }).catch((e) => e),
    licencesInUse(),
  ]);
  if (documents instanceof Error && documents.name === 'AbortError') throw documents;
  const header = h('header', { class: 'profile' },
    avatar(designer, 96),
    h('div', null,
      h('h1', { id: 'designer-name', text: designer.name }),
      h('p', { class: 'muted' },
        designer.company ? [h('span', { text: designer.company }), ' · '] : null,
        designer.provider ? [`on ${providerLabel(designer.provider)}`, ' · '] : null,
        plural(Number(designer.documentCount) || 0, 'design'))));
  if (documents instanceof Error) {
    return [header, alertBox(documents.message), h('ul', { id: 'gallery', class: 'card-grid' })];
  }
  const total = Number(documents.total) || 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return [
    header,
    h('h2', { class: 'section-title', text: 'Designs' }),
    cardGrid(documents.items || [], licenceList.licences),
    total === 0 ? h('p', { id: 'gallery-empty', class: 'empty-state', text: 'No published designs yet.' }) : null,
    pager(`/designers/${encodeURIComponent(id)}`, {}, Math.min(page, pageCount), pageCount),
  ];
}
