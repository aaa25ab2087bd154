// "/verify-email#token=...": proves an address with the link from the message. The link is redeemed only when the
// person presses the button, so a mail scanner that opens links ahead of them spends nothing.
import { h } from '../dom.js';
import { api } from '../api.js';
import { refreshSession } from '../session.js';
import { alertBox, showAlert } from '../views.js';
import { tokenFromFragment } from './email-token.js';

export async function render(ctx) {
  ctx.setTitle('Verify your e-mail address');
  const token = tokenFromFragment();
  const heading = h('h1', { text: 'Verify your e-mail address' });
  if (!token) {
    return h('section', { class: 'narrow card-panel' }, heading,
      h('p', { id: 'verify-missing', class: 'notice', text: 'This page needs the whole link from the message. Copy it into the address bar, or send a new one from your account page.' }));
  }
  const error = alertBox('', 'verify-error');
  const done = h('p', { id: 'verify-done', class: 'notice', role: 'status', hidden: true });
  const button = h('button', { id: 'verify-submit', type: 'button', class: 'button primary wide', text: 'Verify my address' });
  button.addEventListener('click', async () => {
    showAlert(error, '');
    button.disabled = true;
    try {
      const result = await api('/api/auth/email/verify', { method: 'POST', body: { token } });
      done.textContent = result.changed
        ? `Your e-mail address is now ${result.email}. Sign in with it from now on.`
        : `Thank you: ${result.email} is verified.`;
      done.hidden = false;
      button.hidden = true;
      await refreshSession().catch(() => null);
    } catch (e) {
      showAlert(error, e.message);
      button.disabled = false;
    }
  });
  return h('section', { class: 'narrow card-panel' }, heading,
    h('p', { text: 'Press the button to confirm that this address is yours.' }), error, done, button,
    h('p', { class: 'aside' }, h('a', { href: '/account', text: 'Your account' })));
}
