// "/account", part "Your data": ask for an archive of everything Vitrine holds about you, follow it while it is
// written (the list is asked again every 2 seconds while an export is queued or running) and download it.
import { h, replace, time } from '../dom.js';
import { api, ApiError } from '../api.js';
import { alertBox, showAlert } from '../views.js';

const POLL_MS = 2000;
const STATES = {
  queued: 'Waiting to start',
  running: 'Being written',
  ready: 'Ready',
  failed: 'Failed: you may ask again',
  expired: 'Expired',
};

/** The export part of the "Your data" panel: a start button, the error box and the list of exports. */
export function exportPart(ctx) {
  const error = alertBox('', 'export-error');
  const list = h('ul', { id: 'exports', class: 'exports', 'aria-live': 'polite' });
  const start = h('button', { id: 'export-start', type: 'button', class: 'button primary', text: 'Export my data' });
  let timer = null;

  const stopPolling = () => {
    clearTimeout(timer);
    timer = null;
  };
  ctx.signal.addEventListener('abort', stopPolling);

  async function refresh() {
    stopPolling();
    let items;
    try {
      const answer = await api('/api/me/exports', { signal: ctx.signal });
      items = (answer && answer.items) || [];
    } catch (e) {
      if (e.name === 'AbortError') return;
      showAlert(error, e instanceof ApiError && e.status === 404 ? 'Data exports are not available on this Vitrine.' : e.message);
      return;
    }
    replace(list, items.length
      ? items.map(exportItem)
      : h('li', { class: 'muted empty', text: 'You have not asked for an export yet.' }));
    if (!ctx.signal.aborted && items.some((x) => x.state === 'queued' || x.state === 'running')) {
      timer = setTimeout(refresh, POLL_MS);
    }
  }

  start.addEventListener('click', async () => {
    start.disabled = true;
    showAlert(error, '');
    try {
      await api('/api/me/export', { method: 'POST' });
    } catch (e) {
      // 429 names when the next export may be asked for
      showAlert(error, withLocalTimes(e.message));
    } finally {
      start.disabled = false;
    }
    await refresh();
  });

  return {
    nodes: [
      h('h3', { text: 'Export your data' }),
      h('p', { text: 'An archive (zip) of your profile, linked accounts, privacy choices, the designs you imported with their '
        + 'pictures, the events that name you and your sessions. It never holds your password, second factor or tokens. '
        + 'It is written in the background, can be downloaded for 7 days, and you may ask for one every 24 hours.' }),
      h('p', null, start),
      error,
      list,
    ],
    refresh,
  };
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The server writes instants in ISO form ("2026-11-27T13:35:38Z"); a person reads them in their own time zone. */
function withLocalTimes(message) {
  return message.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z/g, (iso) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
  });
}

function exportItem(x) {
  const state = STATES[x.state] || x.state;
  return h('li', { dataset: { exportId: x.id, state: x.state } },
    h('div', { class: 'export-what' },
      h('span', { class: `badge export-state state-${x.state}`, text: state }),
      ' asked ', time(x.createdAt, true),
      x.expiresAt ? [', available until ', time(x.expiresAt, true)] : null),
    x.downloadUrl
      ? h('a', { class: 'button small export-download', href: x.downloadUrl, download: `vitrine-export-${x.id}.zip`, text: 'Download' })
      : null);
}
