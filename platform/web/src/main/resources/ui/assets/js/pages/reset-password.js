// "/reset-password#token=...": chooses a new password with the link from the reset message. It signs nobody in:
// every session of the account ends, and the next sign-in still asks for the two-factor code when it is on.
import { h } from '../dom.js';
import { api } from '../api.js';
import { alertBox, showAlert } from '../views.js';
import { tokenFromFragment } from './email-token.js';

export async function render(ctx) {
  ctx.setTitle('Choose a new password');
  const token = tokenFromFragment();
  const heading = h('h1', { text: 'Choose a new password' });
  if (!token) {
    return h('section', { class: 'narrow card-panel' }, heading,
      h('p', { id: 'reset-missing', class: 'notice', text: 'This page needs the whole link from the message. Copy it into the address bar, or ask for a new one.' }),
      h('p', null, h('a', { href: '/forgot-password', text: 'Ask for a new link' })));
  }
  const error = alertBox('', 'reset-error');
  const done = h('div', { id: 'reset-done', class: 'notice', role: 'status', hidden: true },
    h('p', { text: 'Your password is changed, and you are signed out everywhere. Sign in with the new password.' }),
    h('p', null, h('a', { id: 'reset-signin', class: 'button primary', href: '/signin', text: 'Sign in' })));
  const password = h('input', {
    id: 'reset-password', name: 'password', type: 'password', autocomplete: 'new-password', required: true,
    minlength: 12, maxlength: 128, 'aria-describedby': 'reset-password-help',
  });
  const submit = h('button', { id: 'reset-submit', type: 'submit', class: 'button primary wide', text: 'Save the new password' });
  const form = h('form', { id: 'reset-form', class: 'stack', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'reset-password', text: 'New password' }), password,
      h('p', { id: 'reset-password-help', class: 'hint', text: 'At least 12 characters. A long phrase is easiest to remember; common passwords are refused.' })),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(error, '');
    if (!password.value) {
      showAlert(error, 'Enter a new password.');
      password.focus();
      return;
    }
    submit.disabled = true;
    try {
      await api('/api/auth/password/reset', { method: 'POST', body: { token, password: password.value } });
      form.hidden = true;
      done.hidden = false;
    } catch (e) {
      showAlert(error, e.message);
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { class: 'narrow card-panel' }, heading, error, done, form);
}
