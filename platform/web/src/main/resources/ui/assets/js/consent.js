// The visitor's privacy choices, as GET /api/consent describes them, shared by the banner and the privacy settings
// page. Only purposes the person may refuse get a switch; what the site cannot run without is stated, not asked.
// A missing consent backend (404) means nothing to ask: no banner, and the settings page says so.
import { h } from './dom.js';
import { api, optionalApi } from './api.js';

/** The version of the wording of the banner and the settings page; the ledger keeps it as proof of what was shown. */
export const UI_TEXT_VERSION = 'ui-1';

const BASIS = {
  contract: 'Needed to provide the service (contract)',
  'legitimate-interest': 'Legitimate interest (you may object)',
  consent: 'Your consent (you may withdraw it at any time)',
};

const listeners = new Set();

/** {policy, purposes, needsDecision}, or null when this Vitrine has no consent backend. */
export function loadConsent(signal) {
  return optionalApi('/api/consent', { signal });
}

/** Records choices {purposeId: boolean} and tells every listener (banner, settings page) the new state. */
export async function saveConsent(purposes, source) {
  const view = await api('/api/consent', { method: 'PUT', body: { purposes, source, uiTextVersion: UI_TEXT_VERSION } });
  listeners.forEach((listener) => listener(view));
  return view;
}

export function onConsentChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function refusable(view) {
  return ((view && view.purposes) || []).filter((p) => p.refusable);
}

/** The same answer for every purpose that can be refused: {analytics: false, ...}. */
export function everything(view, granted) {
  return Object.fromEntries(refusable(view).map((p) => [p.id, granted]));
}

export function legalBasisText(basis) {
  return BASIS[basis] || basis || '';
}

/**
 * One fieldset with a switch per purpose: title, description, legal basis, data and third parties. Switches start
 * off unless `checkedOf(purpose)` says otherwise; purposes that cannot be refused are described as always on.
 * Returns {node, choices()} where choices() reads the switches.
 */
export function purposeSwitches(view, { idPrefix, checkedOf = () => false }) {
  const inputs = [];
  const items = (view.purposes || []).map((p) => {
    const id = `${idPrefix}-${p.id}`;
    const describedBy = `${id}-description`;
    const details = h('div', { id: describedBy, class: 'purpose-details' },
      h('p', { class: 'purpose-description', text: p.description || '' }),
      h('p', { class: 'purpose-basis' }, h('span', { class: 'muted', text: 'Legal basis: ' }), legalBasisText(p.legalBasis)),
      listLine('Data', p.dataCategories),
      listLine('Shared with', p.processors));
    if (!p.refusable) {
      return h('li', { class: 'purpose', dataset: { purposeId: p.id } },
        h('div', { class: 'purpose-head' },
          h('span', { class: 'purpose-title', text: p.title || p.id }),
          h('span', { class: 'badge', text: 'Always on' })),
        details);
    }
    const input = h('input', {
      id, type: 'checkbox', role: 'switch', class: 'consent-purpose', name: p.id,
      dataset: { purpose: p.id }, 'aria-describedby': describedBy,
    });
    input.checked = !!checkedOf(p);
    inputs.push(input);
    return h('li', { class: 'purpose', dataset: { purposeId: p.id } },
      h('div', { class: 'purpose-head' },
        h('label', { class: 'switch', for: id }, input, h('span', { class: 'purpose-title', text: p.title || p.id }))),
      details);
  });
  const node = h('fieldset', { class: 'purposes' },
    h('legend', { class: 'visually-hidden', text: 'Purposes' }),
    h('ul', { class: 'purpose-list' }, items));
  return {
    node,
    choices: () => Object.fromEntries(inputs.map((i) => [i.dataset.purpose, i.checked])),
    setChecked: (fn) => inputs.forEach((i) => { i.checked = !!fn(i.dataset.purpose); }),
  };
}

function listLine(label, values) {
  if (!Array.isArray(values) || values.length === 0) return null;
  return h('p', { class: 'purpose-meta' }, h('span', { class: 'muted', text: `${label}: ` }), values.join(', '));
}

/** "Policy <name> version 2, effective 1 June 2025" as a sentence fragment. */
export function policyLine(policy) {
  if (!policy) return '';
  const date = policy.effectiveDate ? new Date(`${policy.effectiveDate}T00:00:00Z`) : null;
  const when = date && !Number.isNaN(date.getTime())
    ? new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date)
    : policy.effectiveDate;
  return `${policy.name || policy.id} · version ${policy.version}${when ? `, in effect since ${when}` : ''}`;
}
