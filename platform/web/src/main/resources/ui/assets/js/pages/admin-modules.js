// "/admin/modules": every module with its state; switch one on or off. A refusal (a required module, the
// last way an admin can sign in) shows the server's reason.
import { h, replace } from '../dom.js';
import { api } from '../api.js';
import { refreshSession } from '../session.js';
import { adminTabs, refusedView } from '../admin.js';
import { alertBox, showAlert } from '../views.js';

export async function render(ctx) {
  ctx.setTitle('Modules');
  let modules;
  try {
    modules = await api('/api/admin/modules', { signal: ctx.signal });
  } catch (e) {
    const refused = refusedView(e, '/admin/modules');
    if (refused) return refused;
    throw e;
  }
  const error = alertBox('', 'modules-error');
  const body = h('tbody');
  const table = h('table', { id: 'modules', class: 'data-table' },
    h('caption', { class: 'visually-hidden', text: 'Modules' }),
    h('thead', null, h('tr', null,
      ['Module', 'Category', 'Version', 'State', ''].map((t) => h('th', { scope: 'col', text: t })))),
    body);
  modules.sort((a, b) => String(a.category).localeCompare(String(b.category)) || String(a.name).localeCompare(String(b.name)));
  for (const m of modules) body.append(row(m, error));
  return [
    h('h1', { text: 'Administration' }),
    adminTabs('/admin/modules'),
    h('p', { class: 'muted', text: 'Switching a module takes effect at once; nothing restarts.' }),
    error,
    h('div', { class: 'table-wrap' }, table),
  ];
}

function row(m, error) {
  const tr = h('tr', { dataset: { moduleId: m.id } });
  const draw = (module) => {
    const on = module.state === 'enabled';
    const toggle = h('button', {
      type: 'button', class: `button small module-toggle ${on ? '' : 'primary'}`,
      title: module.required && on ? 'Required: Vitrine will refuse to switch it off' : null,
      'aria-label': `${on ? 'Switch off' : 'Switch on'} ${module.name || module.id}`,
    }, on ? 'Switch off' : 'Switch on');
    toggle.addEventListener('click', async () => {
      toggle.disabled = true;
      showAlert(error, '');
      try {
        const after = await api(`/api/admin/modules/${encodeURIComponent(module.id)}`, { method: 'PUT', body: { enabled: !on } });
        draw(after);
        if (after.state === 'failed') showAlert(error, `${after.name || after.id} failed: ${after.reason || 'no reason given'}`);
        await refreshSession();
      } catch (e) {
        showAlert(error, `${module.name || module.id}: ${e.message}`);
        toggle.disabled = false;
      }
    });
    tr.dataset.state = module.state;
    replace(tr,
      h('td', null,
        h('span', { class: 'module-name', text: module.name || module.id }),
        module.required ? h('span', { class: 'badge', text: 'required' }) : null,
        module.description ? h('p', { class: 'module-description muted', text: module.description }) : null),
      h('td', { class: 'module-category', text: module.category || '' }),
      h('td', { class: 'module-version', text: module.version || '' }),
      h('td', null,
        h('span', { class: `module-state state-${module.state}`, text: module.state }),
        module.reason ? h('p', { class: module.state === 'failed' ? 'module-reason failed' : 'module-reason muted', text: module.reason }) : null),
      h('td', null, toggle));
  };
  draw(m);
  return tr;
}
