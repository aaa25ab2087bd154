// "/admin/mail": messages waiting to be sent and those that failed (every look is written to the audit log, as the
// list shows addresses); send a failed one again or discard it; send a newsletter to those who agreed to it.
import { h, plural, replace, time } from '../dom.js';
import { api, ApiError } from '../api.js';
import { adminTabs, refusedView } from '../admin.js';
import { alertBox, showAlert } from '../views.js';

export async function render(ctx) {
  ctx.setTitle('Mail');
  let outbox;
  try {
    outbox = await api('/api/admin/mail', { signal: ctx.signal });
  } catch (e) {
    const refused = refusedView(e, '/admin/mail');
    if (refused) return refused;
    if (e instanceof ApiError && e.status === 404) {
      return [h('h1', { text: 'Administration' }), adminTabs('/admin/mail'), alertBox('The e-mail module is switched off.')];
    }
    throw e;
  }
  const error = alertBox('', 'mail-error');
  const items = outbox.items || [];
  const body = h('tbody', null, items.map((m) => row(m, error)));
  const table = h('table', { id: 'mail-outbox', class: 'data-table' },
    h('caption', { class: 'visually-hidden', text: 'Queued and failed messages, oldest first' }),
    h('thead', null, h('tr', null,
      ['Created', 'State', 'Message', 'To', 'Attempts', 'Last error', ''].map((t) => h('th', { scope: 'col', text: t })))),
    body);
  return [
    h('h1', { text: 'Administration' }),
    adminTabs('/admin/mail'),
    h('h2', { text: 'Outbox' }),
    h('p', { id: 'mail-summary', class: 'muted', text: `${plural(outbox.queued, 'message')} waiting, ${outbox.failed} failed. `
      + 'Looking at this list is recorded in the audit log, as it shows addresses.' }),
    error,
    items.length === 0 ? h('p', { class: 'muted', text: 'Nothing is waiting to be sent.' }) : h('div', { class: 'table-wrap' }, table),
    newsletterForm(),
  ];
}

function row(m, error) {
  const tr = h('tr', { dataset: { mailId: m.id, state: m.state } });
  const actions = h('td', { class: 'nowrap' });
  if (m.state === 'failed') {
    const retry = h('button', { type: 'button', class: 'button small primary mail-retry', text: 'Send again' });
    const discard = h('button', { type: 'button', class: 'button small mail-discard', text: 'Discard' });
    retry.addEventListener('click', () => act(tr, error, [retry, discard], async () => {
      const after = await api(`/api/admin/mail/${encodeURIComponent(m.id)}/retry`, { method: 'POST' });
      replace(tr, ...cells(after), h('td'));
      tr.dataset.state = after.state;
    }));
    discard.addEventListener('click', () => act(tr, error, [retry, discard], async () => {
      await api(`/api/admin/mail/${encodeURIComponent(m.id)}`, { method: 'DELETE' });
      tr.remove();
    }));
    actions.append(retry, ' ', discard);
  }
  replace(tr, ...cells(m), actions);
  return tr;
}

function cells(m) {
  return [
    h('td', { class: 'nowrap' }, time(m.createdAt, true)),
    h('td', null, h('span', { class: `mail-state state-${m.state === 'failed' ? 'failed' : 'enabled'}`, text: m.state })),
    h('td', { text: m.template || '' }),
    h('td', { text: m.to || '' }),
    h('td', { text: String(m.attempts) }),
    h('td', { class: 'detail' }, m.lastError || '', m.lastAttemptAt ? h('p', { class: 'muted' }, time(m.lastAttemptAt, true)) : null),
  ];
}

async function act(tr, error, buttons, work) {
  showAlert(error, '');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    await work();
  } catch (e) {
    showAlert(error, e.message);
    buttons.forEach((b) => { b.disabled = false; });
  }
}

function newsletterForm() {
  const error = alertBox('', 'newsletter-error');
  const status = h('p', { id: 'newsletter-done', class: 'notice', role: 'status', hidden: true });
  const subject = h('input', { id: 'newsletter-subject', name: 'subject', type: 'text', required: true, maxlength: 150 });
  const text = h('textarea', { id: 'newsletter-body', name: 'body', required: true, rows: 8, maxlength: 20000, 'aria-describedby': 'newsletter-help' });
  const submit = h('button', { id: 'newsletter-send', type: 'submit', class: 'button primary', text: 'Send newsletter' });
  const form = h('form', { id: 'newsletter-form', class: 'stack', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'newsletter-subject', text: 'Subject' }), subject),
    h('div', { class: 'field' }, h('label', { for: 'newsletter-body', text: 'Text' }), text,
      h('p', { id: 'newsletter-help', class: 'hint', text: 'Plain text. It goes only to active accounts whose privacy settings allow '
        + 'the newsletter; each message says how to stop it.' })),
    h('div', null, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(error, '');
    status.hidden = true;
    if (!subject.value.trim() || !text.value.trim()) {
      showAlert(error, 'Write a subject and a text.');
      return;
    }
    submit.disabled = true;
    try {
      const sent = await api('/api/admin/newsletter', { method: 'POST', body: { subject: subject.value.trim(), body: text.value } });
      status.textContent = `Queued for ${plural(sent.recipients, 'person', 'people')}; `
        + `${plural(sent.skipped, 'account')} did not agree to the newsletter and were skipped.`;
      status.hidden = false;
      subject.value = '';
      text.value = '';
    } catch (e) {
      showAlert(error, e.message);
    }
    submit.disabled = false;
  });
  return h('section', { class: 'narrow' }, h('h2', { text: 'Newsletter' }), error, status, form);
}
