// The privacy banner, shown while the active policy (or a new version of it) waits for the visitor's decision.
// Accept all, Refuse all and Choose are the same size and style; Choose opens one switch per purpose, all off.
// It is not a dialog and covers nothing: it sits above the header, in the page's flow, so the page stays
// readable and usable, and it comes first in the keyboard and reading order after the skip link. The privacy
// settings page has the same switches, so the banner stays away from it.
import { h, replace } from './dom.js';
import { everything, loadConsent, onConsentChange, policyLine, purposeSwitches, refusable, saveConsent } from './consent.js';
import { onSessionChange } from './session.js';
import { alertBox, showAlert } from './views.js';

const SETTINGS_PATH = '/privacy/settings';

let current = null;
let banner = null;

/** Asks the server whether a decision is needed and shows the banner if so; never fails the page. */
export async function startConsentBanner() {
  onConsentChange((view) => {
    current = view;
    update();
  });
  window.addEventListener('vitrine:route', update);
  // signing in or out changes whose choices count: the account's (a visitor's choices attach to it) or nobody's
  onSessionChange(refresh);
  await refresh();
}

async function refresh() {
  try {
    current = await loadConsent();
  } catch (e) {
    console.warn('Vitrine: could not read the privacy choices', e);
    current = null;
  }
  update();
}

function update() {
  // for tests and assistive tools: whether the server still waits for a decision (none: no consent backend)
  document.body.dataset.consent = !current ? 'none' : current.needsDecision ? 'pending' : 'decided';
  const wanted = !!(current && current.needsDecision) && location.pathname !== SETTINGS_PATH;
  if (wanted && !banner) show();
  if (!wanted && banner) hide();
}

function show() {
  const view = current;
  const error = alertBox('', 'consent-error');
  const choose = h('button', {
    id: 'consent-choose', type: 'button', class: 'button consent-choice', 'aria-expanded': 'false', 'aria-controls': 'consent-panel',
  }, 'Choose');
  const panel = h('div', { id: 'consent-panel', class: 'consent-panel', hidden: true });
  const decide = (purposes) => async (event) => {
    const clicked = event.currentTarget;
    const buttons = banner.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    showAlert(error, '');
    try {
      await saveConsent(purposes(), 'banner');
    } catch (e) {
      showAlert(error, e.message);
      buttons.forEach((b) => { b.disabled = false; });
      clicked.focus();
    }
  };
  let switches = null;
  choose.addEventListener('click', () => {
    const open = panel.hidden;
    if (open && !switches) {
      switches = purposeSwitches(view, { idPrefix: 'banner-purpose' });
      replace(panel,
        switches.node,
        h('div', { class: 'consent-actions' },
          h('button', { id: 'consent-save', type: 'button', class: 'button consent-choice', onclick: decide(() => switches.choices()) },
            'Save my choices')));
    }
    panel.hidden = !open;
    choose.setAttribute('aria-expanded', String(open));
    if (open) {
      const first = panel.querySelector('input');
      (first || panel.querySelector('button')).focus();
    }
  });

  banner = h('div', { id: 'consent-banner', class: 'consent-banner', role: 'region', 'aria-labelledby': 'consent-title' },
    h('div', { class: 'consent-inner' },
      h('h2', { id: 'consent-title', class: 'consent-title', text: 'Your privacy choices' }),
      h('p', { class: 'consent-text' }, introduction(view), ' You can change your mind at any time in ',
        h('a', { href: SETTINGS_PATH, text: 'privacy settings' }), '. ',
        h('a', { href: '/privacy', text: 'How Vitrine uses your data' }), '.'),
      view.policy ? h('p', { class: 'consent-policy muted', text: policyLine(view.policy) }) : null,
      error,
      h('div', { class: 'consent-buttons' },
        h('button', { id: 'consent-accept', type: 'button', class: 'button consent-choice', onclick: decide(() => everything(view, true)) }, 'Accept all'),
        h('button', { id: 'consent-refuse', type: 'button', class: 'button consent-choice', onclick: decide(() => everything(view, false)) }, 'Refuse all'),
        choose),
      panel));
  const skip = document.querySelector('.skip-link');
  if (skip) skip.after(banner);
  else document.body.prepend(banner);
}

function hide() {
  // the answer buttons are disabled while saving, which sends focus to <body>: give it to the page instead
  const hadFocus = banner.contains(document.activeElement) || document.activeElement === document.body;
  banner.remove();
  banner = null;
  if (hadFocus) {
    const main = document.getElementById('main');
    if (main) main.focus({ preventScroll: true });
  }
}

/** What the policy asks, in one or two sentences: opt-in (nothing optional before a yes) or opt-out. */
function introduction(view) {
  const optional = refusable(view);
  const names = optional.map((p) => (p.title || p.id).toLowerCase()).join(', ');
  const optOut = optional.some((p) => p.defaultGranted);
  return `Vitrine uses what it needs to work.${names ? ` It also asks about: ${names}.` : ''} ${optOut
    ? 'These are on unless you refuse them.'
    : 'None of these is on until you say yes.'}`;
}
