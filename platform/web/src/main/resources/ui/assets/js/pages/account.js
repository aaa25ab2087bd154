// "/account": who I am, two-factor authentication (enrol with a QR code, recovery codes shown once), my
// sessions (revoke any), e-mail about sign-ins from new devices, connecting Onshape, and my data (export it,
// delete the account).
import { h, replace, time } from '../dom.js';
import { api, ApiError, query } from '../api.js';
import { refreshSession } from '../session.js';
import { alertBox, showAlert, signInPrompt } from '../views.js';
import { exportPart } from './account-export.js';
import { deletePart } from './account-delete.js';
import { emailSection } from './account-email.js';

export async function render(ctx) {
  ctx.setTitle('Your account');
  const account = await refreshSession();
  if (!account) return signInPrompt('/account', 'see your account');
  const methods = await api('/api/auth/methods', { signal: ctx.signal }).catch(() => []);
  const hasPassword = Array.isArray(methods) && methods.some((m) => m.id === 'password');
  const hasOnshape = Array.isArray(methods) && methods.some((m) => m.id === 'onshape');

  return [
    h('h1', { text: 'Your account' }),
    h('section', { class: 'panel', 'aria-labelledby': 'account-title' },
      h('h2', { id: 'account-title', text: account.displayName || 'Profile' }),
      h('dl', { class: 'facts' },
        h('dt', { text: 'E-mail' }), h('dd', { id: 'account-email', text: account.email }),
        account.company ? [h('dt', { text: 'Company' }), h('dd', { text: account.company })] : null,
        h('dt', { text: 'Roles' }), h('dd', { text: (account.roles || []).join(', ') || 'user' }))),
    emailSection(account, hasPassword),
    twoFactorSection(account, hasPassword),
    await providersSection(ctx, hasOnshape),
    await sessionsSection(ctx),
    newDeviceSection(account),
    await yourDataSection(ctx, account, hasPassword),
  ];
}

async function yourDataSection(ctx, account, passwordSignIn) {
  const exports = exportPart(ctx);
  await exports.refresh();
  return h('section', { id: 'your-data', class: 'panel', 'aria-labelledby': 'your-data-title' },
    h('h2', { id: 'your-data-title', text: 'Your data' }),
    exports.nodes,
    deletePart(ctx, account, passwordSignIn));
}

/** Any account may turn two-factor on: the platform asks for the code after every sign-in method. */
function twoFactorSection(account, passwordSignIn) {
  const status = h('strong', { id: 'twofa-status', text: account.twoFactorEnabled ? 'on' : 'off' });
  const error = alertBox('', 'twofa-error');
  const body = h('div', { class: 'twofa-body' });
  const section = h('section', { class: 'panel', 'aria-labelledby': 'twofa-title' },
    h('h2', { id: 'twofa-title', text: 'Two-factor authentication' }),
    h('p', null, 'Two-factor authentication is ', status, '.'),
    error, body);
  const showOff = () => {
    status.textContent = 'off';
    replace(body,
      h('p', { text: 'Protect your account with a code from an authenticator app (such as FreeOTP, Aegis or Google Authenticator): after you sign in, with any method, Vitrine asks for the code.' }),
      h('button', { id: 'twofa-start', type: 'button', class: 'button primary', onclick: start }, 'Set up two-factor authentication'));
  };
  const showOn = (codes) => {
    status.textContent = 'on';
    const parts = [];
    if (codes) {
      parts.push(h('div', { class: 'recovery' },
        h('h3', { text: 'Your recovery codes' }),
        h('p', { text: 'Each code signs you in once if you lose your phone. Save them somewhere safe now: they are shown only this once.' }),
        h('ul', { id: 'recovery-codes', class: 'codes' }, codes.map((c) => h('li', null, h('code', { text: c }))))));
    }
    parts.push(turnOffForm());
    replace(body, parts);
  };

  async function start(event) {
    const button = event.currentTarget;
    button.disabled = true;
    showAlert(error, '');
    try {
      const enrolment = await api('/api/me/2fa', { method: 'POST' });
      const code = h('input', { id: 'twofa-code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6, pattern: '[0-9]{6}' });
      const confirm = h('button', { id: 'twofa-confirm', type: 'submit', class: 'button primary', text: 'Turn on' });
      const form = h('form', { class: 'stack twofa-enrol' },
        h('ol', { class: 'steps' },
          h('li', null, 'Scan this QR code with your authenticator app:',
            h('div', { class: 'qr' }, h('img', { id: 'twofa-qr', src: safeImage(enrolment.qrCode), alt: 'QR code to add Vitrine to an authenticator app', width: 200, height: 200 }))),
          h('li', null, 'Or type this key into the app: ', h('code', { id: 'twofa-secret', class: 'secret', text: enrolment.secret })),
          h('li', null, h('label', { for: 'twofa-code', text: 'Enter the six-digit code the app shows:' }),
            h('div', { class: 'inline-form' }, code, confirm))));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        showAlert(error, '');
        confirm.disabled = true;
        try {
          const answer = await api('/api/me/2fa/confirm', { method: 'POST', body: { code: code.value.trim() } });
          showOn(answer.recoveryCodes || []);
        } catch (err) {
          showAlert(error, err.message);
          code.select();
        } finally {
          confirm.disabled = false;
        }
      });
      replace(body, form);
      code.focus();
    } catch (e) {
      showAlert(error, e.message);
      button.disabled = false;
    }
  }

  function turnOffForm() {
    const password = h('input', { id: 'twofa-off-password', type: 'password', autocomplete: 'current-password' });
    const code = h('input', { id: 'twofa-off-code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 32 });
    const submit = h('button', { id: 'twofa-off', type: 'submit', class: 'button danger', text: 'Turn off two-factor authentication' });
    const form = h('form', { class: 'stack compact-form' },
      h('details', null,
        h('summary', { text: 'Turn it off' }),
        passwordSignIn ? h('div', { class: 'field' }, h('label', { for: 'twofa-off-password', text: 'Password' }), password,
          h('p', { class: 'hint', text: 'If you have no password (you sign in with Onshape), leave it empty: a sign-in less than 10 minutes old confirms instead.' })) : null,
        h('div', { class: 'field' }, h('label', { for: 'twofa-off-code', text: 'Current code, or a recovery code' }), code),
        submit));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      showAlert(error, '');
      submit.disabled = true;
      try {
        const given = code.value.trim();
        const body = /^\d{6}$/.test(given) ? { code: given } : { recoveryCode: given };
        if (password.value) body.password = password.value;
        await api('/api/me/2fa', { method: 'DELETE', body });
        showOff();
      } catch (err) {
        showAlert(error, err.message);
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  if (account.twoFactorEnabled) showOn(null);
  else showOff();
  return section;
}

/** Only a PNG data URL is shown as the QR code. */
function safeImage(url) {
  return typeof url === 'string' && url.startsWith('data:image/png;base64,') ? url : '';
}

/** Connected providers: each can be disconnected (refused while it is the last way to sign in). */
async function providersSection(ctx, hasOnshape) {
  const error = alertBox('', 'identities-error');
  const list = h('ul', { id: 'identities', class: 'sessions' });
  let identities = [];
  try {
    identities = await api('/api/me/identities', { signal: ctx.signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    if (!(e instanceof ApiError && e.status === 404)) showAlert(error, e.message);
  }
  if (!hasOnshape && identities.length === 0) return null;
  for (const identity of identities) {
    const remove = h('button', { type: 'button', class: 'button small danger identity-remove', text: 'Disconnect' });
    const item = h('li', { dataset: { identityId: identity.id } },
      h('div', { class: 'session-what' },
        h('strong', { class: 'identity-provider', text: identity.providerName || identity.provider }),
        identity.displayName ? h('span', { class: 'identity-name', text: ` as ${identity.displayName}` }) : null),
      h('div', { class: 'session-when muted' }, 'connected ', time(identity.linkedAt, true)),
      remove);
    remove.addEventListener('click', async () => {
      remove.disabled = true;
      showAlert(error, '');
      try {
        await api(`/api/me/identities/${encodeURIComponent(identity.id)}`, { method: 'DELETE' });
        item.remove();
        if (!list.children.length) list.hidden = true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) item.remove();
        else showAlert(error, e.message);
        remove.disabled = false;
      }
    });
    list.append(item);
  }
  list.hidden = identities.length === 0;
  return h('section', { id: 'connected-providers', class: 'panel', 'aria-labelledby': 'onshape-title' },
    h('h2', { id: 'onshape-title', text: 'Connected providers' }),
    error, list,
    hasOnshape ? onshapeConnect(identities.some((i) => i.provider === 'onshape')) : null);
}

function onshapeConnect(connected) {
  return [
    h('p', { text: connected
      ? 'If Vitrine can no longer reach your Onshape documents (for instance after you removed its access at Onshape), connect it again.'
      : 'Connect your Onshape account to import your documents. Vitrine only reads them.' }),
    h('a', { id: 'account-onshape-connect', class: 'button', href: `/api/auth/onshape/start${query({ returnTo: '/account' })}`,
      text: connected ? 'Reconnect Onshape' : 'Connect Onshape' })];
}

async function sessionsSection(ctx) {
  const error = alertBox('', 'sessions-error');
  const list = h('ul', { id: 'sessions', class: 'sessions' });
  const section = h('section', { class: 'panel', 'aria-labelledby': 'sessions-title' },
    h('h2', { id: 'sessions-title', text: 'Where you are signed in' }), error, list);
  let sessions;
  try {
    sessions = await api('/api/me/sessions', { signal: ctx.signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    showAlert(error, e.message);
    return section;
  }
  sessions.sort((a, b) => (b.current - a.current) || String(b.lastSeenAt).localeCompare(String(a.lastSeenAt)));
  for (const s of sessions) {
    const revoke = h('button', { type: 'button', class: 'button small revoke', text: s.current ? 'Sign out here' : 'Revoke' });
    const item = h('li', { dataset: { sessionId: s.id }, class: s.current ? 'current' : null },
      h('div', { class: 'session-what' },
        h('span', { class: 'session-agent', text: describeAgent(s.userAgent) }),
        s.current ? h('span', { class: 'badge', text: 'this browser' }) : null),
      h('div', { class: 'session-when muted' },
        s.ip ? `${s.ip} · ` : '', 'signed in ', time(s.createdAt, true), ', last seen ', time(s.lastSeenAt, true)),
      revoke);
    revoke.addEventListener('click', async () => {
      revoke.disabled = true;
      showAlert(error, '');
      try {
        await api(`/api/me/sessions/${encodeURIComponent(s.id)}`, { method: 'DELETE' });
        if (s.current) {
          await refreshSession();
          ctx.navigate('/');
          return;
        }
        item.remove();
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) item.remove();
        else showAlert(error, e.message);
        revoke.disabled = false;
      }
    });
    list.append(item);
  }
  return section;
}

function newDeviceSection(account) {
  const error = alertBox('', 'new-device-notice-error');
  const box = h('input', { id: 'new-device-notice', type: 'checkbox', checked: account.newDeviceNotice !== false });
  box.addEventListener('change', async () => {
    box.disabled = true;
    showAlert(error, '');
    try {
      const settings = await api('/api/me/settings', { method: 'PUT', body: { newDeviceNotice: box.checked } });
      box.checked = settings.newDeviceNotice;
    } catch (e) {
      box.checked = !box.checked;
      showAlert(error, e.message);
    } finally {
      box.disabled = false;
    }
  });
  return h('section', { id: 'sign-in-notices', class: 'panel', 'aria-labelledby': 'sign-in-notices-title' },
    h('h2', { id: 'sign-in-notices-title', text: 'Sign-in notices' }), error,
    h('p', null, h('label', { for: 'new-device-notice' }, box, ' E-mail me when someone signs in to my account from a device (browser) not used before')));
}

function describeAgent(agent) {
  if (!agent) return 'Unknown device';
  const browser = /Edg\//.test(agent) ? 'Edge' : /Firefox\//.test(agent) ? 'Firefox' : /Chrom(e|ium)\//.test(agent) ? 'Chrome'
    : /Safari\//.test(agent) ? 'Safari' : null;
  const system = /Windows/.test(agent) ? 'Windows' : /Android/.test(agent) ? 'Android' : /iPhone|iPad/.test(agent) ? 'iOS'
    : /Mac OS X/.test(agent) ? 'macOS' : /Linux/.test(agent) ? 'Linux' : null;
  return browser || system ? [browser, system].filter(Boolean).join(' on ') : agent.slice(0, 80);
}
