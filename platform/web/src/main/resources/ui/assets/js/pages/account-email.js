// "/account", part "E-mail address": whether it is verified (a new link on request), and changing it: after the
// password (and code) the new address gets a link, and the address changes when it is opened.
import { h } from '../dom.js';
import { api } from '../api.js';
import { alertBox, showAlert } from '../views.js';

export function emailSection(account, hasPassword) {
  const error = alertBox('', 'email-error');
  const status = h('p', { id: 'email-status', role: 'status' });
  const resend = h('button', { id: 'email-resend', type: 'button', class: 'button', text: 'Send me a new link' });
  const describe = () => {
    status.textContent = account.emailVerified
      ? `${account.email} is verified.`
      : `${account.email} is not verified yet: open the link we sent you. Until then you can browse, but not import or publish documents.`;
    resend.hidden = !!account.emailVerified;
  };
  describe();
  resend.addEventListener('click', async () => {
    showAlert(error, '');
    resend.disabled = true;
    try {
      await api('/api/me/email/verification', { method: 'POST' });
      status.textContent = `A new link is on its way to ${account.email}; earlier links no longer work.`;
    } catch (e) {
      showAlert(error, e.message);
    } finally {
      resend.disabled = false;
    }
  });

  const email = h('input', { id: 'email-new', type: 'email', autocomplete: 'email', required: true });
  const password = h('input', { id: 'email-password', type: 'password', autocomplete: 'current-password' });
  const code = account.twoFactorEnabled ? h('input', { id: 'email-code', type: 'text', autocomplete: 'one-time-code', spellcheck: 'false' }) : null;
  const submit = h('button', { id: 'email-change-submit', type: 'submit', class: 'button', text: 'Change my address' });
  const form = h('form', { id: 'email-change', class: 'stack', novalidate: true },
    h('h3', { class: 'label', text: 'Change your address' }),
    h('div', { class: 'field' }, h('label', { for: 'email-new', text: 'New e-mail address' }), email),
    hasPassword
      ? h('div', { class: 'field' }, h('label', { for: 'email-password', text: 'Your password' }), password,
        h('p', { class: 'hint', text: 'Without a password (signed up with Onshape)? Leave it empty: a sign-in less than 10 minutes old confirms instead.' }))
      : h('p', { class: 'hint', text: 'A sign-in less than 10 minutes old confirms that it is you.' }),
    code ? h('div', { class: 'field' }, h('label', { for: 'email-code', text: 'Code from your authenticator app, or a recovery code' }), code) : null,
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(error, '');
    if (!email.value.trim()) {
      showAlert(error, 'Enter the new address.');
      email.focus();
      return;
    }
    const body = { email: email.value.trim() };
    if (password.value) body.password = password.value;
    const c = code ? code.value.replace(/\s+/g, '') : '';
    if (c) {
      if (/^\d{6}$/.test(c)) body.code = c;
      else body.recoveryCode = code.value.trim();
    }
    submit.disabled = true;
    try {
      const sent = await api('/api/me/email', { method: 'PUT', body });
      status.textContent = `We sent a link to ${sent.email}. Your address changes when you open it; until then it stays ${account.email}.`;
      form.reset();
    } catch (e) {
      showAlert(error, e.message);
    } finally {
      submit.disabled = false;
    }
  });

  return h('section', { id: 'email-section', class: 'panel', 'aria-labelledby': 'email-title' },
    h('h2', { id: 'email-title', text: 'E-mail address' }),
    status, error, resend, form);
}
