// "/account", part "Your data": deleting one's account, behind a panel that says in plain words what is erased
// and what is kept, confirmed with the password (and the second factor when it is on).
import { h } from '../dom.js';
import { api } from '../api.js';
import { forgetSession } from '../session.js';
import { alertBox, showAlert } from '../views.js';

/**
 * The deletion part of the "Your data" panel. `passwordSignIn` says whether signing in with a password is on:
 * when it is off (or the account never had a password) the server accepts a recent sign-in instead.
 */
export function deletePart(ctx, account, passwordSignIn) {
  const open = h('button', { id: 'account-delete', type: 'button', class: 'button danger', 'aria-expanded': 'false', 'aria-controls': 'account-delete-panel' },
    'Delete my account');
  const password = h('input', { id: 'delete-password', type: 'password', autocomplete: 'current-password' });
  const code = account.twoFactorEnabled
    ? h('input', { id: 'delete-code', type: 'text', autocomplete: 'one-time-code', spellcheck: 'false' })
    : null;
  const confirm = h('button', { id: 'account-delete-confirm', type: 'submit', class: 'button danger', text: 'Delete my account for good' });
  const cancel = h('button', { id: 'account-delete-cancel', type: 'button', class: 'button', text: 'Keep my account' });
  const error = alertBox('', 'account-delete-error');

  const form = h('form', { id: 'account-delete-panel', class: 'action-panel danger-zone stack', hidden: true, 'aria-labelledby': 'account-delete-title' },
    h('h3', { id: 'account-delete-title', class: 'label', text: 'Delete your account?' }),
    h('p', { text: 'This cannot be undone. If you want a copy of your data, export it first.' }),
    h('div', null,
      h('p', { class: 'label', text: 'Erased at once:' }),
      h('ul', { id: 'account-delete-erased' },
        h('li', { text: 'your e-mail address, names, company, picture and password;' }),
        h('li', { text: 'two-factor authentication and recovery codes, your linked Onshape account, your data exports;' }),
        h('li', { text: 'your network address in the records that name you (privacy choices, reports, messages, events);' }),
        h('li', { text: 'every session: you are signed out everywhere.' }))),
    h('div', null,
      h('p', { class: 'label', text: 'Kept:' }),
      h('ul', { id: 'account-delete-kept' },
        h('li', { text: 'the designs you imported are taken down, not erased: they leave the gallery and their pages say that the account that published them was deleted;' }),
        h('li', { text: 'the designer names the CAD provider shows publicly stay as the credit on public designs;' }),
        h('li', { text: 'an empty record that an account existed, so the history of the site stays consistent. Nothing in it names you.' }))),
    h('p', { text: 'Your e-mail address is free again: you can register with it later, as a new account.' }),
    passwordSignIn
      ? h('div', { class: 'field' },
        h('label', { for: 'delete-password', text: 'Your password' }), password,
        h('p', { class: 'hint', text: 'If you signed up with Onshape and have no password, leave it empty: a sign-in less than 10 minutes old confirms instead.' }))
      : h('p', { class: 'hint', text: 'Confirm with a recent sign-in: if you signed in more than 10 minutes ago, sign out and in again first.' }),
    code
      ? h('div', { class: 'field' },
        h('label', { for: 'delete-code', text: 'Code from your authenticator app, or a recovery code' }), code)
      : null,
    error,
    h('div', { class: 'inline-form' }, confirm, cancel));

  const toggle = (show) => {
    form.hidden = !show;
    open.setAttribute('aria-expanded', String(show));
    if (show) (passwordSignIn ? password : cancel).focus();
    else open.focus();
  };
  open.addEventListener('click', () => toggle(form.hidden));
  cancel.addEventListener('click', () => toggle(false));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(error, '');
    confirm.disabled = true;
    try {
      await api('/api/me', { method: 'DELETE', body: proof(password.value, code && code.value.trim()) });
    } catch (e) {
      showAlert(error, e.message);
      confirm.disabled = false;
      password.select();
      return;
    }
    // the server has ended every session and removed the cookie: forget the account here too
    forgetSession();
    await ctx.navigate('/');
    const page = document.querySelector('#main .page');
    if (page) {
      page.prepend(h('p', { id: 'account-deleted', class: 'notice', role: 'status',
        text: 'Your account was deleted and you are signed out. Thank you for having been part of this Vitrine.' }));
    }
  });

  return [
    h('h3', { text: 'Delete your account' }),
    h('p', { text: 'Erases what identifies you and signs you out everywhere. The panel below says exactly what goes and what stays.' }),
    h('p', null, open),
    form,
  ];
}

/** The body of DELETE /api/me: six digits are an authenticator code, anything else a recovery code. */
function proof(password, secondFactor) {
  const body = { password: password || undefined };
  if (secondFactor) {
    if (/^[0-9]{6}$/.test(secondFactor.replace(/\s/g, ''))) body.code = secondFactor.replace(/\s/g, '');
    else body.recoveryCode = secondFactor;
  }
  return body;
}
