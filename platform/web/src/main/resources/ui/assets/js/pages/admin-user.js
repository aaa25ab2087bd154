// "/admin/users/{id}": one person as admins see them (no secrets, no tokens), their roles, and disabling or
// enabling their account. The server records the read in the audit log and refuses what would leave Vitrine
// without an admin.
import { h, replace, time } from '../dom.js';
import { api, ApiError } from '../api.js';
import { adminTabs, refusedView } from '../admin.js';
import { alertBox, notFoundView, showAlert } from '../views.js';

const ROLES = ['moderator', 'admin'];

export async function render(ctx) {
  ctx.setTitle('Person');
  let user;
  try {
    user = await api(`/api/admin/users/${encodeURIComponent(ctx.params.id)}`, { signal: ctx.signal });
  } catch (e) {
    const refused = refusedView(e, ctx.path);
    if (refused) return refused;
    if (e instanceof ApiError && e.status === 404) return notFoundView('person');
    throw e;
  }
  const error = alertBox('', 'user-error');
  const notice = h('p', { id: 'user-notice', class: 'notice', role: 'status', hidden: true });
  const facts = h('dl', { id: 'user-facts', class: 'facts' });
  const roles = h('fieldset', { id: 'user-roles', class: 'stack' });
  const status = h('div', { id: 'user-status-actions' });
  const identities = h('ul', { id: 'user-identities', class: 'sessions' });

  const draw = (u) => {
    ctx.setTitle(u.displayName || `Account ${u.id}`);
    replace(facts,
      fact('E-mail', u.email, 'user-email'),
      fact('Name', [u.firstName, u.lastName].filter(Boolean).join(' ')),
      fact('Company', u.company),
      fact('Status', u.status, 'user-status'),
      fact('Created', time(u.createdAt, true)),
      fact('Last sign-in', time(u.lastSignInAt, true) || 'never', 'user-last-sign-in'),
      fact('Password', u.hasPassword ? 'set' : 'none'),
      fact('Two-factor authentication', u.twoFactorEnabled ? 'on' : 'off', 'user-2fa'),
      fact('Signed in now', `${u.liveSessions} sessions`, 'user-sessions'),
      fact('Imports', `${u.importJobs} jobs, ${u.documentsImported} documents`, 'user-imports'));
    replace(identities, (u.identities || []).length === 0 ? h('li', { class: 'muted', text: 'No connected provider.' })
      : u.identities.map((i) => h('li', null, h('strong', { text: i.providerName || i.provider }),
        i.displayName ? ` as ${i.displayName}` : '', ' · connected ', time(i.linkedAt, true))));
    const boxes = ROLES.map((r) => h('input', { type: 'checkbox', id: `role-${r}`, name: 'roles', value: r, checked: (u.roles || []).includes(r) }));
    const save = h('button', { id: 'user-roles-save', type: 'submit', class: 'button', text: 'Save roles' });
    replace(roles, h('legend', { text: 'Roles (everyone is a user)' }),
      ROLES.map((r, n) => h('label', { class: 'checkbox' }, boxes[n], ` ${r}`)), save);
    save.onclick = (event) => {
      event.preventDefault();
      act(save, `/api/admin/users/${u.id}/roles`, 'PUT', { roles: ['user', ...ROLES.filter((r, n) => boxes[n].checked)] }, 'Roles saved.');
    };
    const active = u.status === 'active';
    const toggle = h('button', { id: active ? 'user-disable' : 'user-enable', type: 'button', class: active ? 'button danger' : 'button primary',
      text: active ? 'Disable account' : 'Enable account' });
    toggle.onclick = () => act(toggle, `/api/admin/users/${u.id}/${active ? 'disable' : 'enable'}`, 'POST', undefined,
      active ? 'Disabled: every session ended, no sign-in until enabled again.' : 'Enabled: the person can sign in again.');
    replace(status, h('p', { class: 'muted', text: active ? 'Disabling ends every session and blocks every way of signing in.' : 'This account cannot sign in.' }), toggle);
  };

  async function act(button, path, method, body, done) {
    button.disabled = true;
    showAlert(error, '');
    notice.hidden = true;
    try {
      const updated = await api(path, { method, body });
      draw(updated);
      notice.textContent = done;
      notice.hidden = false;
    } catch (e) {
      showAlert(error, e.message);
      button.disabled = false;
    }
  }

  draw(user);
  return [
    h('h1', { text: 'Administration' }),
    adminTabs('/admin/users'),
    h('p', null, h('a', { href: '/admin/users', text: '← People' })),
    h('section', { class: 'panel', 'aria-labelledby': 'user-title' },
      h('h2', { id: 'user-title', text: user.displayName || `Account ${user.id}` }), error, notice, facts),
    h('section', { class: 'panel', 'aria-labelledby': 'user-roles-title' }, h('h2', { id: 'user-roles-title', text: 'Roles' }), h('form', { onsubmit: (e) => e.preventDefault() }, roles)),
    h('section', { class: 'panel', 'aria-labelledby': 'user-access-title' }, h('h2', { id: 'user-access-title', text: 'Access' }), status),
    h('section', { class: 'panel', 'aria-labelledby': 'user-identities-title' },
      h('h2', { id: 'user-identities-title', text: 'Connected providers' }), identities),
  ];
}

function fact(label, value, id) {
  if (value == null || value === '') return null;
  return [h('dt', { text: label }), h('dd', { id }, value)];
}
