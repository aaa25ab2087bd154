// "/privacy": the privacy page, drawn from GET /api/privacy — the active policy and its version, who is
// responsible, where the data lives, how long it is kept, each purpose with its legal basis, and the third
// parties (processors) that receive data, with what for.
import { h } from '../dom.js';
import { api, ApiError } from '../api.js';
import { legalBasisText, policyLine } from '../consent.js';

export async function render(ctx) {
  ctx.setTitle('Privacy');
  let privacy;
  try {
    privacy = await api('/api/privacy', { signal: ctx.signal });
  } catch (e) {
    if (e instanceof ApiError && [404, 405, 501, 503].includes(e.status)) return unavailable();
    throw e;
  }
  const purposeTitle = new Map((privacy.purposes || []).map((p) => [p.id, p.title || p.id]));
  return h('article', { class: 'prose privacy' },
    h('h1', { text: 'Privacy' }),
    h('section', { id: 'privacy-policy', class: 'panel', 'aria-labelledby': 'privacy-policy-title' },
      h('h2', { id: 'privacy-policy-title', text: 'Policy' }),
      h('p', { id: 'privacy-policy-version', text: policyLine(privacy.policy) }),
      h('dl', { class: 'facts' },
        fact('Responsible', privacy.controller),
        fact('Data kept in', privacy.dataRegion, 'privacy-region'),
        fact('Contact', privacy.contact && privacy.contact.email
          ? h('a', { id: 'privacy-contact', href: `mailto:${privacy.contact.email}`, text: privacy.contact.email }) : null)),
      h('p', null,
        'Change your choices at any time in ', h('a', { href: '/privacy/settings', text: 'privacy settings' }),
        '. Questions, or a request to see, correct or erase your data: ', h('a', { href: '/contact', text: 'write to us' }), '.')),
    h('section', { class: 'document-section', 'aria-labelledby': 'privacy-purposes-title' },
      h('h2', { id: 'privacy-purposes-title', text: 'What your data is used for' }),
      h('ul', { id: 'privacy-purposes', class: 'purpose-list' }, (privacy.purposes || []).map((p) => h('li', { class: 'purpose', dataset: { purposeId: p.id } },
        h('div', { class: 'purpose-head' },
          h('h3', { class: 'purpose-title', text: p.title || p.id }),
          h('span', { class: 'badge', text: !p.refusable ? 'Always on' : p.defaultGranted ? 'On unless you refuse' : 'Off unless you agree' })),
        h('p', { class: 'purpose-description', text: p.description || '' }),
        h('p', { class: 'purpose-basis' }, h('span', { class: 'muted', text: 'Legal basis: ' }), legalBasisText(p.legalBasis)),
        list('Data', p.dataCategories),
        list('Shared with', p.processors))))),
    h('section', { class: 'document-section', 'aria-labelledby': 'privacy-retention-title' },
      h('h2', { id: 'privacy-retention-title', text: 'How long data is kept' }),
      h('div', { class: 'table-wrap' }, h('table', { id: 'privacy-retention', class: 'data-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'Data' }), h('th', { scope: 'col', text: 'Kept' }))),
        h('tbody', null, (privacy.retention || []).map((r) => h('tr', null, h('td', { text: r.data }), h('td', { text: r.period }))))))),
    h('section', { class: 'document-section', 'aria-labelledby': 'privacy-processors-title' },
      h('h2', { id: 'privacy-processors-title', text: 'Third parties that receive data' }),
      (privacy.processors || []).length === 0
        ? h('p', { id: 'privacy-no-processors', class: 'muted', text: 'None: no third party receives personal data from this Vitrine.' })
        : null,
      h('ul', { id: 'privacy-processors', class: 'plain-list' }, (privacy.processors || []).map((p) => h('li', { dataset: { processorId: p.id } },
        h('span', { class: 'item-name processor-name' }, p.url ? h('a', { href: p.url, rel: 'noopener noreferrer external', text: p.name }) : p.name),
        p.location ? h('span', { class: 'muted', text: ` · ${p.location}` }) : null,
        h('p', { class: 'item-description processor-purposes', text: `For: ${(p.purposes || []).map((id) => purposeTitle.get(id) || id).join(', ') || '—'}` }))))));
}

function fact(term, value, id) {
  return value ? [h('dt', { text: term }), h('dd', { id }, value)] : null;
}

function list(label, values) {
  if (!Array.isArray(values) || values.length === 0) return null;
  return h('p', { class: 'purpose-meta' }, h('span', { class: 'muted', text: `${label}: ` }), values.join(', '));
}

function unavailable() {
  return h('section', { id: 'privacy-policy', class: 'empty-state' },
    h('h1', { text: 'Privacy' }),
    h('p', { text: 'This Vitrine has not published its privacy statement yet.' }),
    h('p', null, h('a', { class: 'button', href: '/contact', text: 'Ask the people who run it' })));
}
