// "/privacy/settings": what the visitor (or account) has chosen under the active policy, to change at any time or
// to withdraw at once. Every save is a new entry in the consent ledger, marked as made on this page.
import { h, replace, time } from '../dom.js';
import { ApiError } from '../api.js';
import { everything, loadConsent, policyLine, purposeSwitches, saveConsent } from '../consent.js';
import { alertBox, showAlert } from '../views.js';

export async function render(ctx) {
  ctx.setTitle('Privacy settings');
  let view;
  try {
    view = await loadConsent(ctx.signal);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 503) throw e;
    view = null;
  }
  const heading = h('h1', { text: 'Privacy settings' });
  if (!view) {
    return h('section', { class: 'narrow card-panel' }, heading,
      h('p', { id: 'consent-status', class: 'notice', role: 'status', text: 'This Vitrine asks for no privacy choices.' }),
      h('p', null, h('a', { href: '/privacy', text: 'How Vitrine uses your data' })));
  }

  const status = h('p', { id: 'consent-status', class: 'consent-status', role: 'status', 'aria-live': 'polite' });
  const error = alertBox('', 'consent-error');
  const summary = h('ul', { id: 'consent-current', class: 'plain-list' });
  const switches = purposeSwitches(view, { idPrefix: 'settings-purpose', checkedOf: (p) => p.granted });
  const save = h('button', { id: 'consent-save', type: 'submit', class: 'button primary', text: 'Save my choices' });
  const withdraw = h('button', { id: 'consent-withdraw', type: 'button', class: 'button', text: 'Withdraw all consent' });

  const draw = (current, message) => {
    view = current;
    switches.setChecked((id) => (current.purposes || []).some((p) => p.id === id && p.granted));
    status.textContent = message || (current.needsDecision
      ? 'You have not made your choices under this version of the policy yet: everything optional is off.'
      : 'Your current choices are shown below.');
    replace(summary, (current.purposes || []).filter((p) => p.refusable).map((p) => h('li', { dataset: { purpose: p.id } },
      h('span', { class: 'item-name', text: p.title || p.id }), ': ',
      h('span', { class: `consent-state ${p.granted ? 'state-enabled' : 'state-disabled'}`, text: p.granted ? 'on' : 'off' }),
      p.decided && p.decidedAt
        ? h('span', { class: 'muted' }, ' — chosen ', time(p.decidedAt, true), p.source ? ` (${sourceText(p.source)})` : '')
        : h('span', { class: 'muted', text: ' — not chosen yet, the default applies' }))));
  };
  const submit = (purposes, message) => async () => {
    save.disabled = true;
    withdraw.disabled = true;
    showAlert(error, '');
    status.textContent = 'Saving…';
    try {
      draw(await saveConsent(purposes(), 'settings'), message);
    } catch (e) {
      status.textContent = '';
      showAlert(error, e.message);
    } finally {
      save.disabled = false;
      withdraw.disabled = false;
    }
  };
  const form = h('form', { id: 'consent-form', class: 'stack' }, switches.node,
    h('div', { class: 'inline-form' }, save, withdraw));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const changed = changes(view, switches.choices());
    if (Object.keys(changed).length === 0) {
      showAlert(error, '');
      status.textContent = 'Nothing changed: your choices stay as they are.';
      return;
    }
    submit(() => changed, 'Your choices are saved.')();
  });
  withdraw.addEventListener('click', submit(() => everything(view, false), 'Your consent is withdrawn: everything optional is off.'));
  draw(view);

  return h('section', { class: 'privacy-settings' },
    heading,
    h('p', { class: 'muted', text: policyLine(view.policy) }),
    h('p', null, 'Switch on only what you want. You can change these choices, or withdraw them, at any time; ',
      h('a', { href: '/privacy', text: 'the privacy page' }), ' explains each purpose.'),
    status,
    error,
    h('div', { class: 'settings-columns' },
      h('div', { class: 'card-panel' }, h('h2', { text: 'Your choices' }), form),
      h('div', { class: 'card-panel' }, h('h2', { text: 'Now in effect' }), summary)));
}

/** The ledger keeps real decisions only: what the person changed, and what they had not decided yet. */
function changes(view, choices) {
  const now = new Map((view.purposes || []).map((p) => [p.id, p]));
  return Object.fromEntries(Object.entries(choices).filter(([id, granted]) => {
    const p = now.get(id);
    return !p || !p.decided || p.granted !== granted;
  }));
}

function sourceText(source) {
  return { banner: 'banner', settings: 'this page', gpc: 'your browser’s Global Privacy Control', registration: 'registration', signin: 'sign-in' }[source] || source;
}
