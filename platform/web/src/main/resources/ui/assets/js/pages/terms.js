// "/terms": the terms an importer confirms (the right to share documents publicly, under a licence), drawn from
// GET /api/terms — the admin's wording, its version and since when it applies.
import { h } from '../dom.js';
import { api } from '../api.js';

export async function render(ctx) {
  ctx.setTitle('Terms for importing');
  const terms = await api('/api/terms', { signal: ctx.signal });
  return h('article', { class: 'prose terms' },
    h('h1', { text: 'Terms for importing' }),
    h('p', { id: 'terms-version', class: 'muted', text: `Version ${terms.version}, in effect since ${terms.effectiveDate}.` }),
    h('div', { id: 'terms-text' }, (terms.paragraphs || []).map((p) => h('p', { text: p }))),
    h('p', null, 'Importing a document means confirming these terms. ', h('a', { href: '/import', text: 'Import designs' }), '.'));
}
