// "/moderation": the reports queue for moderators and admins, oldest first. From each report: take its design
// down or restore it, and close the report with a note saying how it was handled. Admins can also restore any
// design by its number (one its importer removed, for instance). Every action lands in the audit log.
import { append, h, replace, time } from '../dom.js';
import { api, ApiError, query } from '../api.js';
import { isAdmin } from '../session.js';
import { reasonText } from '../document-actions.js';
import { alertBox, showAlert, signInPrompt } from '../views.js';

const LIMIT = 50;

export async function render(ctx) {
  ctx.setTitle('Moderation');
  const state = ctx.query.get('state') === 'closed' ? 'closed' : 'open';
  const after = ctx.query.get('after') || '';
  let page;
  try {
    page = await api(`/api/moderation/reports${query({ state, after, limit: LIMIT })}`, { signal: ctx.signal });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return signInPrompt('/moderation', 'moderate Vitrine');
    if (e instanceof ApiError && e.status === 403) {
      return h('section', { class: 'empty-state' },
        h('h1', { text: 'Moderators only' }),
        h('p', { role: 'alert', text: 'This page is for the moderators and admins of this Vitrine.' }));
    }
    if (e instanceof ApiError && e.status === 404) {
      return h('section', { class: 'empty-state' }, h('h1', { text: 'Moderation' }),
        h('p', { role: 'alert', text: 'Moderation is not available on this Vitrine.' }));
    }
    throw e;
  }
  const items = page.items || [];
  const documents = new Map(); // document id -> redraw functions of its rows
  const setStatus = (documentId, status) => (documents.get(documentId) || []).forEach((redraw) => redraw(status));
  const body = h('tbody', null, items.map((r) => row(r, state, documents, setStatus)));
  const table = h('table', { id: 'reports', class: 'data-table' },
    h('caption', { class: 'visually-hidden', text: state === 'open' ? 'Open reports, oldest first' : 'Closed reports' }),
    h('thead', null, h('tr', null, ['Design', 'Reason', 'Report', 'Received', state === 'open' ? 'Decision' : 'Handled'].map((t) => h('th', { scope: 'col', text: t })))),
    body);
  const tab = (value, text) => h('li', null, h('a', {
    href: `/moderation${query({ state: value === 'open' ? '' : value })}`, text, 'aria-current': value === state ? 'page' : null,
  }));
  return [
    h('h1', { text: 'Moderation' }),
    h('nav', { class: 'tabs', 'aria-label': 'Reports' }, h('ul', null, tab('open', 'Open reports'), tab('closed', 'Closed reports'))),
    items.length === 0
      ? h('p', { id: 'reports-empty', class: 'muted', text: state === 'open' ? 'No open reports. Nothing to do.' : 'No closed reports yet.' })
      : null,
    h('div', { class: 'table-wrap' }, table),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      after ? h('a', { class: 'button', href: `/moderation${query({ state: state === 'open' ? '' : state })}`, text: 'First page' }) : null,
      page.next != null ? h('a', { id: 'reports-next', class: 'button', href: `/moderation${query({ state: state === 'open' ? '' : state, after: page.next })}`, text: 'More →' }) : null),
    isAdmin() ? adminRestore() : null,
  ];
}

function row(report, state, documents, setStatus) {
  const tr = h('tr', { dataset: { reportId: report.id, documentId: report.documentId, state: report.state } });
  const statusBadge = h('span', { class: 'badge report-document-status' });
  const error = alertBox('');
  error.classList.add('report-error');
  const noteId = `report-note-${report.id}`;
  const note = h('textarea', { id: noteId, class: 'report-note', rows: 2, maxlength: 2000, placeholder: 'How was it handled?' });
  const disable = h('button', { type: 'button', class: 'button small danger report-disable', 'aria-label': `Take down ${report.documentName || 'the design'}` }, 'Take down');
  const restore = h('button', { type: 'button', class: 'button small report-restore', 'aria-label': `Restore ${report.documentName || 'the design'}` }, 'Restore');
  const close = h('button', { type: 'button', class: 'button small primary report-close', 'aria-label': `Close report ${report.id}` }, 'Close report');
  const decision = h('td', { class: 'report-decision' });

  const drawStatus = (status) => {
    report.documentStatus = status;
    tr.dataset.documentStatus = status;
    statusBadge.textContent = status === 'disabled' ? 'taken down' : status;
    statusBadge.classList.toggle('state-failed', status === 'disabled');
    disable.hidden = status !== 'public';
    restore.hidden = status !== 'disabled';
  };
  const act = (work) => async () => {
    const buttons = [disable, restore, close];
    buttons.forEach((b) => { b.disabled = true; });
    showAlert(error, '');
    try {
      await work();
    } catch (e) {
      showAlert(error, e.message);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  };
  disable.addEventListener('click', act(async () => {
    await api(`/api/moderation/documents/${encodeURIComponent(report.documentId)}/disable`, {
      method: 'POST', body: { reason: report.reason, note: note.value.trim() || undefined },
    });
    setStatus(report.documentId, 'disabled');
    restore.focus();
  }));
  restore.addEventListener('click', act(async () => {
    await api(`/api/moderation/documents/${encodeURIComponent(report.documentId)}/restore`, {
      method: 'POST', body: { note: note.value.trim() || undefined },
    });
    setStatus(report.documentId, 'public');
    disable.focus();
  }));
  close.addEventListener('click', act(async () => {
    if (!note.value.trim()) {
      note.focus();
      throw new Error('Write a note saying how the report was handled.');
    }
    const closed = await api(`/api/moderation/reports/${encodeURIComponent(report.id)}/close`, {
      method: 'POST', body: { note: note.value.trim() },
    });
    Object.assign(report, closed || { state: 'closed', note: note.value.trim() });
    tr.dataset.state = 'closed';
    replace(decision, closedNote(report));
    decision.setAttribute('tabindex', '-1');
    decision.focus();
  }));

  if (report.state === 'open' && state === 'open') {
    replace(decision,
      h('label', { class: 'visually-hidden', for: noteId, text: `Note on report ${report.id}` }), note,
      h('div', { class: 'report-buttons' }, disable, restore, close), error);
  } else {
    replace(decision, closedNote(report));
  }
  const redraws = documents.get(report.documentId) || [];
  redraws.push(drawStatus);
  documents.set(report.documentId, redraws);
  drawStatus(report.documentStatus);

  return append(tr, [
    h('td', null,
      h('a', { class: 'report-document', href: `/d/${encodeURIComponent(report.documentId)}`, text: report.documentName || `Design ${report.documentId}` }),
      ' ', statusBadge),
    h('td', { class: 'report-reason', text: reasonText(report.reason) }),
    h('td', { class: 'detail' },
      report.message ? h('p', { class: 'report-message', text: report.message }) : h('p', { class: 'muted', text: 'No message.' }),
      report.reporterEmail ? h('p', { class: 'muted report-reporter', text: `From ${report.reporterEmail}` }) : null),
    h('td', { class: 'nowrap' }, time(report.createdAt, true)),
    decision]);
}

function closedNote(report) {
  return h('div', { class: 'report-closed' },
    h('span', { class: 'badge', text: 'closed' }), ' ', report.closedAt ? time(report.closedAt, true) : null,
    report.note ? h('p', { class: 'report-note-text', text: report.note }) : null);
}

/** Admins restore any design by its number, whoever took it down. */
function adminRestore() {
  const input = h('input', { id: 'restore-document-id', type: 'text', inputmode: 'numeric', pattern: '[0-9]*', maxlength: 19, autocomplete: 'off' });
  const button = h('button', { id: 'restore-document', type: 'submit', class: 'button', text: 'Restore' });
  const status = h('span', { class: 'save-status', role: 'status' });
  const error = alertBox('', 'restore-document-error');
  const form = h('form', { class: 'inline-form' }, input, button, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(error, '');
    status.textContent = '';
    const id = input.value.trim();
    if (!/^[1-9][0-9]*$/.test(id)) {
      showAlert(error, 'Type the number of the design, as in its address /d/123.');
      return;
    }
    button.disabled = true;
    try {
      await api(`/api/admin/documents/${encodeURIComponent(id)}/restore`, { method: 'POST', body: {} });
      status.replaceChildren('Restored: ', h('a', { href: `/d/${id}`, text: `design ${id}` }), '.');
    } catch (e) {
      showAlert(error, e.message);
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'card-panel admin-restore', 'aria-labelledby': 'admin-restore-title' },
    h('h2', { id: 'admin-restore-title', text: 'Restore a design' }),
    h('p', { class: 'muted', text: 'Admins can put back any design that was taken down, including one its importer removed.' }),
    h('label', { for: 'restore-document-id', text: 'Number of the design' }),
    form, error);
}
