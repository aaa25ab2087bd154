// The grid of design cards the gallery and designer pages share.
import { h } from './dom.js';
import { query } from './api.js';

const PLACEHOLDER = '/assets/img/placeholder.svg';

export function licenceName(id, licences) {
  const known = licences && licences.find((l) => l.id === id);
  return known ? known.name : id;
}

function designerLinks(designers) {
  if (!designers || designers.length === 0) return null;
  const shown = designers.slice(0, 3);
  const parts = [];
  shown.forEach((d, i) => {
    if (i > 0) parts.push(', ');
    parts.push(h('a', { href: `/designers/${encodeURIComponent(d.id)}`, text: d.name }));
  });
  if (designers.length > shown.length) parts.push(` and ${designers.length - shown.length} more`);
  return h('p', { class: 'card-designers' }, h('span', { class: 'visually-hidden', text: 'By ' }), parts);
}

export function card(item, licences) {
  return h('li', { class: 'card' },
    h('a', { class: 'card-link', href: `/d/${encodeURIComponent(item.id)}` },
      h('div', { class: 'card-media' },
        h('img', {
          class: 'card-thumb', src: item.thumbnailUrl || PLACEHOLDER, alt: `Preview of ${item.name}`,
          width: 300, height: 170, loading: 'lazy', decoding: 'async',
        })),
      h('h2', { class: 'card-title', text: item.name })),
    designerLinks(item.designers),
    h('p', { class: 'card-meta' },
      item.licence ? h('a', {
        class: 'badge licence', href: `/${query({ licence: item.licence })}`,
        title: `Licence: ${licenceName(item.licence, licences)}`, text: item.licence,
      }) : null,
      item.provider ? h('span', { class: 'badge provider', text: providerLabel(item.provider) }) : null));
}

export function providerLabel(id) {
  return id === 'onshape' ? 'Onshape' : id;
}

export function cardGrid(items, licences) {
  return h('ul', { id: 'gallery', class: 'card-grid' }, items.map((item) => card(item, licences)));
}
