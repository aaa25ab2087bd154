// "/forgot-password": asks for a link to choose a new password. The answer is the same whether or not an account
// has the address, so the page never tells who is registered.
import { h } from '../dom.js';
import { api } from '../api.js';
import { alertBox, showAlert } from '../views.js';

export async function render(ctx) {
  ctx.setTitle('Forgot your password?');
  const error = alertBox('', 'forgot-error');
  const done = h('p', { id: 'forgot-done', class: 'notice', role: 'status', hidden: true });
  const email = h('input', { id: 'forgot-email', name: 'email', type: 'email', autocomplete: 'email', required: true });
  const submit = h('button', { id: 'forgot-submit', type: 'submit', class: 'button primary wide', text: 'Send me a link' });
  const form = h('form', { id: 'forgot-form', class: 'stack', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'forgot-email', text: 'E-mail address of your account' }), email),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(error, '');
    if (!email.value.trim()) {
      showAlert(error, 'Enter your e-mail address.');
      email.focus();
      return;
    }
    submit.disabled = true;
    try {
      const answer = await api('/api/auth/password/reset-request', { method: 'POST', body: { email: email.value.trim() } });
      done.textContent = `${answer.message} Check your inbox (and the spam folder).`;
      done.hidden = false;
      form.hidden = true;
    } catch (e) {
      showAlert(error, e.message);
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { class: 'narrow card-panel' },
    h('h1', { text: 'Forgot your password?' }),
    h('p', { text: 'Enter the address you registered with: we send a link to choose a new password.' }),
    error, done, form,
    h('p', { class: 'aside' }, h('a', { href: '/signin', text: 'Back to sign in' })));
}
