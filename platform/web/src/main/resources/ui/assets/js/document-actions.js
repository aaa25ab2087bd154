// What a design's page offers besides reading: anyone may report it to the moderators; its importer or an admin
// may remove it from Vitrine (it is taken down, not erased, so an admin can restore it). The taken-down page
// tells why, and lets moderators and admins put it back.
import { h } from './dom.js';
import { api, ApiError } from './api.js';
import { isModerator, me } from './session.js';
import { alertBox, showAlert } from './views.js';

export const REPORT_REASONS = [
  { id: 'copyright', text: 'It copies someone else’s work' },
  { id: 'offensive', text: 'It is offensive or abusive' },
  { id: 'personal-data', text: 'It shows personal data' },
  { id: 'spam', text: 'It is spam or advertising' },
  { id: 'other', text: 'Something else' },
];

export function reasonText(id) {
  const reason = REPORT_REASONS.find((r) => r.id === id);
  return reason ? reason.text : id;
}

/** The buttons under a design's summary, with the panels they open. */
export function documentActions(doc, ctx) {
  const report = reportPanel(doc);
  const remove = doc.canEdit ? removePanel(doc, ctx) : null;
  return h('div', { class: 'doc-actions' },
    h('div', { class: 'inline-form' }, report.button, remove ? remove.button : null),
    report.panel, remove ? remove.panel : null);
}

function reportPanel(doc) {
  const button = h('button', { id: 'doc-report', type: 'button', class: 'button small', 'aria-expanded': 'false', 'aria-controls': 'report-panel' }, 'Report');
  const reason = h('select', { id: 'report-reason', name: 'reason', required: true },
    h('option', { value: '', text: 'Choose a reason' }),
    REPORT_REASONS.map((r) => h('option', { value: r.id, text: r.text })));
  const message = h('textarea', { id: 'report-message', name: 'message', rows: 4, maxlength: 2000 });
  const email = me() ? null : h('input', { id: 'report-email', name: 'email', type: 'email', autocomplete: 'email', maxlength: 254 });
  const submit = h('button', { id: 'report-submit', type: 'submit', class: 'button primary', text: 'Send report' });
  const error = alertBox('', 'report-error');
  const form = h('form', { id: 'report-form', class: 'stack', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'report-reason', text: 'Why should the moderators look at it?' }), reason),
    h('div', { class: 'field' }, h('label', { for: 'report-message', text: 'Details (optional)' }), message),
    email ? h('div', { class: 'field' }, h('label', { for: 'report-email', text: 'Your e-mail, if you want an answer (optional)' }), email) : null,
    h('div', null, submit));
  const panel = h('div', { id: 'report-panel', class: 'action-panel', hidden: true },
    h('h2', { class: 'label', text: 'Report this design' }), error, form);
  button.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) reason.focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(error, '');
    if (!reason.value) {
      showAlert(error, 'Choose a reason.');
      reason.focus();
      return;
    }
    submit.disabled = true;
    try {
      await api(`/api/documents/${encodeURIComponent(doc.id)}/reports`, {
        method: 'POST',
        body: { reason: reason.value, message: message.value.trim() || undefined, email: email && email.value.trim() ? email.value.trim() : undefined },
      });
      const done = h('p', { id: 'report-done', class: 'notice', role: 'status', tabindex: '-1', text: 'Thank you: the moderators will look at it.' });
      form.replaceWith(done);
      done.focus();
      button.disabled = true;
    } catch (e) {
      showAlert(error, e instanceof ApiError && e.status === 404 ? 'Reports cannot be sent on this Vitrine.' : e.message);
      submit.disabled = false;
    }
  });
  return { button, panel };
}

function removePanel(doc, ctx) {
  const button = h('button', { id: 'doc-remove', type: 'button', class: 'button small danger', 'aria-expanded': 'false', 'aria-controls': 'remove-panel' }, 'Remove from Vitrine');
  const reason = h('textarea', { id: 'remove-reason', name: 'reason', rows: 2, maxlength: 2000 });
  const confirm = h('button', { id: 'doc-remove-confirm', type: 'button', class: 'button danger', text: 'Yes, remove it' });
  const cancel = h('button', { id: 'doc-remove-cancel', type: 'button', class: 'button', text: 'Keep it' });
  const error = alertBox('', 'remove-error');
  const panel = h('div', { id: 'remove-panel', class: 'action-panel danger-zone', hidden: true, role: 'group', 'aria-labelledby': 'remove-title' },
    h('h2', { id: 'remove-title', class: 'label', text: 'Remove this design?' }),
    h('p', { text: 'It leaves the gallery and search at once and its page says it was taken down. Nothing is erased: an admin can restore it.' }),
    h('div', { class: 'field' }, h('label', { for: 'remove-reason', text: 'Why (optional, seen by the admins)' }), reason),
    error,
    h('div', { class: 'inline-form' }, confirm, cancel));
  const toggle = (open) => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    (open ? cancel : button).focus();
  };
  button.addEventListener('click', () => toggle(panel.hidden));
  cancel.addEventListener('click', () => toggle(false));
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    showAlert(error, '');
    try {
      await api(`/api/documents/${encodeURIComponent(doc.id)}/deletion`, {
        method: 'POST', body: { reason: reason.value.trim() || undefined },
      });
      await ctx.navigate(ctx.path, { replace: true });
    } catch (e) {
      showAlert(error, e instanceof ApiError && e.status === 404 ? 'Designs cannot be removed on this Vitrine yet.' : e.message);
      confirm.disabled = false;
    }
  });
  return { button, panel };
}

/** The page of a design that was taken down, with the server's short reason; moderators and admins may restore it. */
export function goneView(id, error, ctx) {
  const detail = error && error.problem && error.problem.detail;
  const restoreError = alertBox('', 'restore-error');
  let restore = null;
  if (isModerator()) {
    restore = h('button', { id: 'doc-restore', type: 'button', class: 'button', text: 'Restore it' });
    restore.addEventListener('click', async () => {
      restore.disabled = true;
      showAlert(restoreError, '');
      try {
        await api(`/api/moderation/documents/${encodeURIComponent(id)}/restore`, { method: 'POST', body: {} });
        await ctx.navigate(ctx.path, { replace: true });
      } catch (e) {
        showAlert(restoreError, e.message);
        restore.disabled = false;
      }
    });
  }
  return h('section', { id: 'doc-gone', class: 'empty-state' },
    h('h1', { text: 'This design was taken down' }),
    h('p', { id: 'doc-gone-reason', text: detail || 'It is no longer published here.' }),
    restoreError,
    h('p', { class: 'inline-form centered' },
      h('a', { href: '/', class: 'button', text: 'Browse the designs' }), restore));
}
