// "/register": a new account with e-mail and password. The answer is the same whether or not the address already has
// an account (so the page never tells who is registered) and signs nobody in: the page says to check the mail and
// offers to sign in.
import { h } from '../dom.js';
import { api } from '../api.js';
import { alertBox, showAlert } from '../views.js';

export async function render(ctx) {
  ctx.setTitle('Create an account');
  const methods = await api('/api/auth/methods', { signal: ctx.signal }).catch(() => []);
  const enabled = Array.isArray(methods) && methods.some((m) => m.id === 'password');
  const error = alertBox('', 'register-error');
  const heading = h('h1', { text: 'Create an account' });
  if (!enabled) {
    return h('section', { class: 'narrow card-panel' }, heading, error,
      h('p', { class: 'notice', text: 'Registering with an e-mail address is switched off on this Vitrine.' }),
      h('p', null, h('a', { href: '/signin', text: 'See the other ways to sign in' })));
  }
  const email = h('input', { id: 'register-email', name: 'email', type: 'email', autocomplete: 'email', required: true });
  const name = h('input', { id: 'register-name', name: 'displayName', type: 'text', autocomplete: 'name', required: true, maxlength: 100 });
  const password = h('input', {
    id: 'register-password', name: 'password', type: 'password', autocomplete: 'new-password', required: true,
    minlength: 12, maxlength: 128, 'aria-describedby': 'register-password-help',
  });
  const submit = h('button', { id: 'register-submit', type: 'submit', class: 'button primary wide', text: 'Create account' });
  const done = h('div', { id: 'register-done', class: 'stack', hidden: true },
    h('p', { id: 'register-done-message', class: 'notice', role: 'status' }),
    h('a', { id: 'register-signin', class: 'button primary wide', href: '/signin?returnTo=%2Faccount', text: 'Sign in' }));
  const form = h('form', { id: 'register-form', class: 'stack', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'register-email', text: 'E-mail address' }), email),
    h('div', { class: 'field' }, h('label', { for: 'register-name', text: 'Name shown to others' }), name),
    h('div', { class: 'field' }, h('label', { for: 'register-password', text: 'Password' }), password,
      h('p', { id: 'register-password-help', class: 'hint', text: 'At least 12 characters. A long phrase is easiest to remember; common passwords are refused.' })),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(error, '');
    if (!email.value.trim() || !name.value.trim() || !password.value) {
      showAlert(error, 'Fill in your e-mail address, your name and a password.');
      return;
    }
    submit.disabled = true;
    try {
      const answer = await api('/api/auth/password/register', {
        method: 'POST', body: { email: email.value.trim(), displayName: name.value.trim(), password: password.value },
      });
      done.querySelector('#register-done-message').textContent = answer.message;
      done.hidden = false;
      form.hidden = true;
      password.value = '';
    } catch (e) {
      showAlert(error, e.message);
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { class: 'narrow card-panel' }, heading, error, done, form,
    h('p', { class: 'aside' }, 'Already registered? ', h('a', { href: '/signin', text: 'Sign in' })));
}
