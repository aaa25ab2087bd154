// "/signin": the sign-in methods that are switched on (GET /api/auth/methods), nothing else; and, after any method,
// the second factor when the account has it on (the platform waits for the code before anyone is signed in).
import { h, replace } from '../dom.js';
import { api, ApiError, query, setCsrfToken } from '../api.js';
import { me, refreshSession, secondFactorAwaited } from '../session.js';
import { alertBox, showAlert } from '../views.js';
import { safeReturn } from '../return-to.js';

// what /api/auth/onshape/callback may send back as ?error=
const ERRORS = {
  state: 'That sign-in took too long or was finished in another browser. Please try again.',
  denied: 'You did not allow Vitrine to use your Onshape account, so you are not signed in.',
  onshape: 'Onshape could not sign you in just now. Please try again in a moment.',
  'linked-elsewhere': 'This Onshape account is already connected to another Vitrine account.',
  disabled: 'This account is disabled. Ask the people who run this Vitrine.',
  'email-in-use': 'An account with your Onshape e-mail address already exists, and its address is not verified (or it uses two-factor authentication). Sign in with its password, then connect Onshape from your account page.',
};

export async function render(ctx) {
  ctx.setTitle('Sign in');
  const returnTo = safeReturn(ctx.query.get('returnTo'));
  if (secondFactorAwaited()) {
    const error = alertBox('', 'signin-error');
    return h('section', { class: 'narrow card-panel' }, h('h1', { text: 'Sign in' }), error,
      secondFactorForm(ctx, returnTo, error, null));
  }
  const errorCode = ctx.query.get('error');
  const methods = await api('/api/auth/methods', { signal: ctx.signal }).catch((e) => {
    if (e.name === 'AbortError') throw e;
    return null;
  });
  const list = Array.isArray(methods) ? methods : [];
  const password = list.find((m) => m.id === 'password');
  const onshape = list.find((m) => m.id === 'onshape');

  const error = alertBox(errorCode ? (ERRORS[errorCode] || 'Signing in did not work. Please try again.') : '', 'signin-error');
  const already = me() ? h('p', { class: 'notice' }, `You are signed in as ${me().email}. `, h('a', { id: 'signin-continue', href: returnTo, text: 'Continue' })) : null;
  const parts = [h('h1', { text: 'Sign in' }), already, error];

  if (onshape) {
    parts.push(h('a', {
      id: 'signin-onshape', class: 'button provider-button',
      href: `/api/auth/onshape/start${query({ returnTo })}`,
    }, h('span', { class: 'provider-mark', 'aria-hidden': 'true', text: 'O' }), `Sign in with ${onshape.name && !/onshape/i.test(onshape.name) ? onshape.name : 'Onshape'}`));
  }
  if (password) {
    if (onshape) parts.push(h('p', { class: 'divider' }, h('span', { text: 'or with your e-mail address' })));
    parts.push(passwordForm(ctx, returnTo, error));
    parts.push(h('p', { class: 'aside' }, h('a', { id: 'signin-forgot', href: '/forgot-password', text: 'Forgot your password?' })));
    parts.push(h('p', { class: 'aside' }, 'New here? ', h('a', { href: '/register', text: 'Create an account' })));
  }
  if (!methods) showAlert(error, 'The sign-in methods could not be loaded. Please reload the page.');
  else if (!password && !onshape) parts.push(h('p', { class: 'notice', text: 'Signing in is switched off on this Vitrine.' }));
  return h('section', { class: 'narrow card-panel' }, parts);
}

function passwordForm(ctx, returnTo, error) {
  const email = h('input', { id: 'signin-email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { id: 'signin-submit', type: 'submit', class: 'button primary wide', text: 'Sign in' });
  const form = h('form', { id: 'signin-form', class: 'stack', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'signin-email', text: 'E-mail address' }), email),
    h('div', { class: 'field' }, h('label', { for: 'signin-password', text: 'Password' }), password),
    submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(error, '');
    if (!email.value.trim() || !password.value) {
      showAlert(error, 'Enter your e-mail address and password.');
      (email.value.trim() ? password : email).focus();
      return;
    }
    const body = { email: email.value.trim(), password: password.value };
    submit.disabled = true;
    submit.textContent = 'Signing in…';
    try {
      const answer = await api('/api/auth/password/login', { method: 'POST', body });
      if (answer && answer.awaitingSecondFactor) {
        form.replaceWith(secondFactorForm(ctx, returnTo, error, answer.csrfToken));
        return;
      }
      await refreshSession();
      ctx.navigate(returnTo);
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) {
        showAlert(error, e.message || 'Too many attempts. Please wait a moment and try again.');
      } else {
        showAlert(error, e.message);
      }
    } finally {
      submit.disabled = false;
      submit.textContent = 'Sign in';
    }
  });
  return form;
}

/**
 * The second step after any sign-in method: the code from the authenticator app, or a recovery code. `csrfToken` is
 * the waiting sign-in's token when the page has it already (password form), else it is asked for.
 */
function secondFactorForm(ctx, returnTo, error, csrfToken) {
  const code = h('input', {
    id: 'signin-code', name: 'code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 32,
    required: true, 'aria-describedby': 'signin-code-help',
  });
  const submit = h('button', { id: 'signin-code-submit', type: 'submit', class: 'button primary wide', text: 'Continue' });
  const cancel = h('button', { id: 'signin-code-cancel', type: 'button', class: 'link-button', text: 'Sign in differently' });
  const form = h('form', { id: 'signin-code-form', class: 'stack', novalidate: true },
    h('p', { id: 'signin-code-intro', text: 'This account uses two-factor authentication. Enter the code from your authenticator app to finish signing in.' }),
    h('div', { class: 'field' },
      h('label', { for: 'signin-code', text: 'Code from your authenticator app' }),
      code,
      h('p', { id: 'signin-code-help', class: 'hint', text: 'Six digits, or one of your recovery codes.' })),
    submit,
    h('p', { class: 'aside' }, cancel));

  let token = csrfToken;
  const waitingToken = async () => {
    if (!token) token = (await api('/api/auth/second-factor')).csrfToken;
    return token;
  };
  const startOver = async () => {
    await api('/api/auth/second-factor', { method: 'DELETE' }).catch(() => null);
    await refreshSession();
    ctx.navigate(`/signin${query({ returnTo })}`, { replace: true });
  };
  cancel.addEventListener('click', async () => {
    setCsrfToken(await waitingToken().catch(() => null));
    await startOver();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(error, '');
    const given = code.value.trim();
    if (!given) {
      showAlert(error, 'Enter the code from your authenticator app.');
      code.focus();
      return;
    }
    submit.disabled = true;
    try {
      setCsrfToken(await waitingToken());
      const body = /^\d{6}$/.test(given.replace(/\s+/g, '')) ? { code: given.replace(/\s+/g, '') } : { recoveryCode: given };
      await api('/api/auth/second-factor', { method: 'POST', body });
      await refreshSession();
      ctx.navigate(returnTo);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        showAlert(error, 'That took too long: please sign in again.');
        replace(form, h('p', null, h('a', { href: `/signin${query({ returnTo })}`, text: 'Sign in again' })));
        await refreshSession();
      } else {
        showAlert(error, e instanceof ApiError && e.status === 401 ? 'That code is wrong or was already used. Try the current code.' : e.message);
        code.select();
      }
    } finally {
      submit.disabled = false;
    }
  });
  queueMicrotask(() => code.focus());
  return form;
}
