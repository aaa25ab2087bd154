// The list of import jobs on the import page: one progress bar per job, updated every second while any job
// is unfinished. Without GET /api/imports (older servers) the ids of jobs started here are remembered in
// the browser and each is followed with GET /api/imports/{id}. A finished job with failed documents offers
// "Retry failed" (POST /api/imports/{id}/retry), which queues them again and follows the job once more.
import { h, plural, replace, time } from '../dom.js';
import { api, ApiError, optionalApi, query } from '../api.js';
import { alertBox, showAlert } from '../views.js';

const UNFINISHED = new Set(['queued', 'running', 'paused']);
const REMEMBERED = 'vitrine.importJobs';
const STATE_LABELS = {
  queued: 'Waiting to start', running: 'Importing', paused: 'Paused', completed: 'Finished', failed: 'Failed', cancelled: 'Cancelled',
};

export function jobList(ctx) {
  const items = new Map();
  const list = h('ul', { id: 'jobs', class: 'jobs' });
  const error = alertBox('', 'jobs-error');
  const section = h('section', { class: 'panel', 'aria-labelledby': 'jobs-title', hidden: true },
    h('h2', { id: 'jobs-title', text: 'Your imports' }), error, list);
  const showSection = () => { section.hidden = items.size === 0 && error.hidden; };
  let listAvailable = true;
  let timer = null;
  let stopped = false;

  function draw(job) {
    let entry = items.get(job.id);
    if (!entry) {
      entry = create(job, retry);
      items.set(job.id, entry);
      const newer = [...list.children].find((li) => Number(li.dataset.jobId) < job.id);
      list.insertBefore(entry.li, newer || null);
    }
    update(entry, job);
    showSection();
  }

  async function retry(id) {
    try {
      draw(await api(`/api/imports/${id}/retry`, { method: 'POST', signal: ctx.signal }));
      showAlert(error, '');
    } catch (e) {
      if (e.name === 'AbortError') return;
      showAlert(error, `The failed documents could not be retried: ${e.message}`);
      showSection();
    }
    schedule();
  }

  function schedule() {
    clearTimeout(timer);
    const running = [...items.values()].some((e) => UNFINISHED.has(e.state));
    if (running && !stopped && ctx.isCurrent()) timer = setTimeout(poll, 1000);
  }

  async function poll() {
    try {
      await refresh();
      showAlert(error, '');
    } catch (e) {
      if (e.name === 'AbortError') return;
      showAlert(error, `Progress could not be updated: ${e.message}`);
    }
    schedule();
  }

  async function refresh() {
    if (listAvailable) {
      const answer = await optionalApi('/api/imports', { signal: ctx.signal });
      if (answer) {
        (answer.items || []).forEach(draw);
        return;
      }
      listAvailable = false;
    }
    for (const id of remembered()) {
      const entry = items.get(id);
      if (entry && !UNFINISHED.has(entry.state)) continue;
      try {
        draw(await api(`/api/imports/${id}`, { signal: ctx.signal }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) forget(id);
        else throw e;
      }
    }
  }

  return {
    section,
    async load() {
      try {
        await refresh();
      } catch (e) {
        if (e.name === 'AbortError') throw e;
        showAlert(error, e.message);
      }
      showSection();
      schedule();
    },
    add(job) {
      remember(job.id);
      draw(job);
      schedule();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function create(job, retry) {
  const progress = h('progress', { class: 'job-progress', max: 1, value: 0 });
  const count = h('span', { class: 'job-count' });
  const stateText = h('span', { class: 'job-state badge' });
  const reason = h('p', { class: 'job-reason muted', hidden: true });
  const failures = h('ul', { class: 'job-failures' });
  const imported = h('p', { class: 'job-done' });
  const title = h('span', { class: 'job-title' });
  const retryButton = h('button', { type: 'button', class: 'button job-retry', hidden: true, text: 'Retry failed' });
  retryButton.addEventListener('click', async () => {
    retryButton.disabled = true;
    try {
      await retry(job.id);
    } finally {
      retryButton.disabled = false;
    }
  });
  const li = h('li', { class: 'job', dataset: { jobId: job.id } },
    h('div', { class: 'job-head' }, title, stateText),
    h('div', { class: 'job-bar' }, progress, count),
    reason, failures, retryButton, imported);
  progress.setAttribute('aria-label', `Progress of import ${job.id}`);
  return { li, progress, count, stateText, reason, failures, retryButton, imported, title, state: null };
}

function update(entry, job) {
  const total = Number(job.total) || 0;
  const done = Number(job.done) || 0;
  const failed = Number(job.failed) || 0;
  entry.state = job.state;
  entry.li.dataset.state = job.state;
  replace(entry.title, `Import of ${plural(total, 'document')}`, job.createdAt ? ' · ' : '', time(job.createdAt, true));
  entry.progress.max = Math.max(total, 1);
  entry.progress.value = Math.min(done + failed, total);
  entry.count.textContent = `${done + failed} / ${total}`;
  entry.stateText.textContent = job.state;
  entry.stateText.title = STATE_LABELS[job.state] || job.state;
  // a job stopped because Onshape refused the grant says "reconnect": offer the way to do it
  replace(entry.reason, job.reason || '', job.state === 'paused' && /reconnect onshape/i.test(job.reason || '')
    ? [' ', h('a', { class: 'job-reconnect', href: `/api/auth/onshape/start${query({ returnTo: '/import' })}`, text: 'Reconnect Onshape' })] : null);
  entry.reason.hidden = !job.reason;
  const jobItems = job.items || job.results || [];
  replace(entry.failures, jobItems.filter((i) => i.state === 'failed').map((i) => h('li', null,
    h('span', { class: 'failure-source', text: i.source || 'document' }), ': ',
    h('span', { class: 'failure-reason', text: i.error || i.reason || 'failed' }))));
  // only a finished job can be retried: an unfinished one still works on its documents
  entry.retryButton.hidden = failed === 0 || UNFINISHED.has(job.state);
  const doneItems = jobItems.filter((i) => i.state === 'done' && i.documentId);
  replace(entry.imported, doneItems.length === 0 ? null
    : doneItems.length === 1 && total === 1
      ? h('a', { href: `/d/${encodeURIComponent(doneItems[0].documentId)}`, text: 'Open the imported design' })
      : h('a', { href: '/?sort=updated', text: `See the ${plural(doneItems.length, 'imported design')} in the gallery` }));
}

function remembered() {
  try {
    const ids = JSON.parse(localStorage.getItem(REMEMBERED) || '[]');
    return Array.isArray(ids) ? ids.filter(Number.isFinite) : [];
  } catch (e) {
    return [];
  }
}

function remember(id) {
  const ids = [id, ...remembered().filter((x) => x !== id)].slice(0, 20);
  try { localStorage.setItem(REMEMBERED, JSON.stringify(ids)); } catch (e) { /* private mode: progress still shows */ }
}

function forget(id) {
  try { localStorage.setItem(REMEMBERED, JSON.stringify(remembered().filter((x) => x !== id))); } catch (e) { /* ignore */ }
}
