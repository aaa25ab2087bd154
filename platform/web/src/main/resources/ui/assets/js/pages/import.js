// "/import": pick documents from Onshape (or paste an address) and follow each import job live. Jobs come
// from the server (GET /api/imports), so their progress is still there after a reload.
import { h, plural, replace, time } from '../dom.js';
import { api, ApiError, needsReconnect, query } from '../api.js';
import { providers } from '../catalog.js';
import { me, refreshSession } from '../session.js';
import { alertBox, showAlert, signInPrompt } from '../views.js';
import { jobList } from './import-jobs.js';

export async function render(ctx) {
  ctx.setTitle('Import');
  if (!me() && !(await refreshSession())) return signInPrompt('/import', 'import designs');
  const providerList = await providers();
  const onshape = providerList.find((p) => p.id === 'onshape');
  const error = alertBox('', 'import-error');
  const jobs = jobList(ctx);
  ctx.onLeave(jobs.stop);

  // the jobs come first: after starting an import, its progress is in view
  const sections = [
    h('h1', { text: 'Import designs' }),
    error,
    jobs.section,
  ];
  if (!onshape) {
    sections.push(h('p', { class: 'notice', text: 'No CAD provider is switched on here, so nothing can be imported. An admin can switch one on.' }));
  } else {
    sections.push(await pickerSection(ctx, error, jobs));
    sections.push(urlSection(error, jobs));
  }
  await jobs.load();
  return sections;
}

function connectLink(text = 'Connect your Onshape account') {
  return h('a', { id: 'import-onshape-connect', class: 'button primary', href: `/api/auth/onshape/start${query({ returnTo: '/import' })}`, text });
}

async function pickerSection(ctx, error, jobs) {
  const selected = new Set();
  let page = 0;
  let q = '';
  const body = h('div', { class: 'picker-body' });
  const search = h('input', { id: 'picker-search', type: 'search', name: 'q', placeholder: 'Search your Onshape documents…', maxlength: 200 });
  const searchForm = h('form', { class: 'search-row', role: 'search' },
    h('label', { for: 'picker-search', class: 'visually-hidden', text: 'Search your Onshape documents' }),
    search, h('button', { type: 'submit', class: 'button', text: 'Search' }));
  const selectAll = h('button', { id: 'picker-select-all', type: 'button', class: 'button', text: 'Select all' });
  const start = h('button', { id: 'import-start', type: 'button', class: 'button primary', text: 'Import selected', disabled: true });
  const toolbar = h('div', { class: 'picker-toolbar' }, searchForm, h('div', { class: 'picker-actions' }, selectAll, start));
  const section = h('section', { class: 'panel', 'aria-labelledby': 'picker-title' },
    h('h2', { id: 'picker-title', text: 'From your Onshape documents' }), toolbar, body);

  const updateButtons = () => {
    start.disabled = selected.size === 0;
    start.textContent = selected.size ? `Import ${plural(selected.size, 'document')}` : 'Import selected';
    const boxes = [...body.querySelectorAll('#picker input[type=checkbox]')];
    const all = boxes.length > 0 && boxes.every((b) => b.checked);
    selectAll.textContent = all ? 'Clear selection' : 'Select all';
    selectAll.disabled = boxes.length === 0;
  };

  async function load() {
    body.setAttribute('aria-busy', 'true');
    try {
      const result = await api(`/api/providers/onshape/documents${query({ q, page })}`, { signal: ctx.signal });
      const items = result.items || [];
      const list = h('ul', { id: 'picker', class: 'picker' }, items.map((d) => {
        const box = h('input', { type: 'checkbox', value: d.id, id: `pick-${d.id}`, checked: selected.has(d.id) });
        box.addEventListener('change', () => {
          if (box.checked) selected.add(d.id); else selected.delete(d.id);
          updateButtons();
        });
        return h('li', null, h('label', { for: `pick-${d.id}`, class: 'pick' },
          box,
          h('img', { src: d.thumbnailUrl || '/assets/img/placeholder.svg', alt: '', width: 120, height: 68, loading: 'lazy' }),
          h('span', { class: 'pick-text' },
            h('span', { class: 'pick-name', text: d.name }),
            h('span', { class: 'pick-meta muted' }, d.owner ? `${d.owner} · ` : '', time(d.modifiedAt)))));
      }));
      const prev = h('button', { id: 'picker-prev', type: 'button', class: 'button small', text: '← Previous', disabled: page === 0 });
      const next = h('button', { id: 'picker-next', type: 'button', class: 'button small', text: 'Next →', disabled: !result.hasMore });
      prev.addEventListener('click', () => { page -= 1; load(); });
      next.addEventListener('click', () => { page += 1; load(); });
      replace(body,
        items.length === 0 ? h('p', { class: 'muted', text: q ? 'No Onshape document matches.' : 'You have no Onshape documents yet.' }) : null,
        list,
        page > 0 || result.hasMore ? h('div', { class: 'pager' }, prev, h('span', { class: 'pager-status', text: `Page ${page + 1}` }), next) : null);
      toolbar.hidden = false;
    } catch (e) {
      if (e.name === 'AbortError') return;
      toolbar.hidden = true;
      if (needsReconnect(e)) {
        replace(body, h('p', { id: 'import-onshape-revoked', role: 'alert', text: e.message }), connectLink('Reconnect Onshape'));
      } else if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 409)) {
        replace(body, h('p', { text: 'Connect your Onshape account to pick from your documents. Vitrine only reads them.' }), connectLink());
      } else if (e instanceof ApiError && e.status === 404) {
        replace(body, h('p', { class: 'muted', text: 'Picking from Onshape is switched off here.' }));
      } else {
        replace(body, alertBox(e.message));
      }
    } finally {
      body.removeAttribute('aria-busy');
      updateButtons();
    }
  }

  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    q = search.value.trim();
    page = 0;
    load();
  });
  selectAll.addEventListener('click', () => {
    const boxes = [...body.querySelectorAll('#picker input[type=checkbox]')];
    const check = !boxes.every((b) => b.checked);
    boxes.forEach((b) => {
      b.checked = check;
      if (check) selected.add(b.value); else selected.delete(b.value);
    });
    updateButtons();
  });
  start.addEventListener('click', async () => {
    if (selected.size === 0) {
      showAlert(error, 'Choose at least one document to import.');
      return;
    }
    showAlert(error, '');
    start.disabled = true;
    try {
      const job = await api('/api/imports', { method: 'POST', body: { provider: 'onshape', documentIds: [...selected] } });
      selected.clear();
      body.querySelectorAll('#picker input[type=checkbox]').forEach((b) => { b.checked = false; });
      jobs.add(job);
    } catch (e) {
      showImportError(error, e);
    } finally {
      updateButtons();
    }
  });
  await load();
  return section;
}

function showImportError(box, e) {
  showAlert(box, e.message);
  if (e instanceof ApiError && e.status === 409) {
    box.append(' ', h('a', { href: `/api/auth/onshape/start${query({ returnTo: '/import' })}`, text: needsReconnect(e) ? 'Reconnect Onshape' : 'Connect Onshape' }));
  }
}

function urlSection(error, jobs) {
  const input = h('input', {
    id: 'import-url', name: 'url', type: 'url', inputmode: 'url', autocomplete: 'off',
    placeholder: 'https://cad.onshape.com/documents/…', 'aria-describedby': 'import-url-help',
  });
  const submit = h('button', { id: 'import-url-submit', type: 'submit', class: 'button primary', text: 'Import' });
  const form = h('form', { class: 'stack', novalidate: true },
    h('label', { for: 'import-url', text: 'Address of an Onshape document' }),
    h('div', { class: 'inline-form' }, input, submit),
    h('p', { id: 'import-url-help', class: 'hint', text: 'Copy it from the browser while the document is open in Onshape.' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(error, '');
    const url = input.value.trim();
    if (!url) {
      showAlert(error, 'Paste the address of an Onshape document first.');
      input.focus();
      return;
    }
    submit.disabled = true;
    try {
      const job = await api('/api/imports', { method: 'POST', body: { url } });
      input.value = '';
      jobs.add(job);
    } catch (e) {
      showImportError(error, e);
      input.focus();
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'url-title' },
    h('h2', { id: 'url-title', text: 'From an address' }), form);
}
