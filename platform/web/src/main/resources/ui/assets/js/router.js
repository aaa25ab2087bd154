// A small client-side router: the server answers every page with the same shell; this draws the page for
// the current address, follows same-site links without reloading, and marks <body data-ready> for tests
// and assistive tools once a page has rendered.
import { h, replace } from './dom.js';
import { notFoundView, errorView } from './views.js';

const routes = [
  { path: /^\/$/, load: () => import('./pages/gallery.js') },
  { path: /^\/d\/([^/]+)$/, names: ['id'], load: () => import('./pages/document.js') },
  { path: /^\/designers$/, load: () => import('./pages/designers.js') },
  { path: /^\/designers\/([^/]+)$/, names: ['id'], load: () => import('./pages/designer.js') },
  { path: /^\/signin$/, load: () => import('./pages/signin.js') },
  { path: /^\/register$/, load: () => import('./pages/register.js') },
  { path: /^\/account$/, load: () => import('./pages/account.js') },
  { path: /^\/forgot-password$/, load: () => import('./pages/forgot-password.js') },
  { path: /^\/reset-password$/, load: () => import('./pages/reset-password.js') },
  { path: /^\/verify-email$/, load: () => import('./pages/verify-email.js') },
  { path: /^\/import$/, load: () => import('./pages/import.js') },
  { path: /^\/admin$/, redirect: '/admin/modules' },
  { path: /^\/admin\/modules$/, load: () => import('./pages/admin-modules.js') },
  { path: /^\/admin\/audit$/, load: () => import('./pages/admin-audit.js') },
  { path: /^\/admin\/imports$/, load: () => import('./pages/admin-imports.js') },
  { path: /^\/admin\/mail$/, load: () => import('./pages/admin-mail.js') },
  { path: /^\/admin\/users$/, load: () => import('./pages/admin-users.js') },
  { path: /^\/admin\/users\/([1-9][0-9]{0,17})$/, names: ['id'], load: () => import('./pages/admin-user.js') },
  { path: /^\/api-docs$/, load: () => import('./pages/api-docs.js') },
  { path: /^\/privacy$/, load: () => import('./pages/privacy.js') },
  { path: /^\/terms$/, load: () => import('./pages/terms.js') },
  { path: /^\/privacy\/settings$/, load: () => import('./pages/privacy-settings.js') },
  { path: /^\/contact$/, load: () => import('./pages/contact.js') },
  { path: /^\/moderation$/, load: () => import('./pages/moderation.js') },
];

// paths the server handles itself: links to them load normally
const SERVER_PATHS = /^\/(api|assets|onshape)(\/|$)/;

let generation = 0;
let cleanup = null;
let controller = null;
let firstRender = true;

export function start() {
  document.addEventListener('click', followLink);
  window.addEventListener('popstate', () => render());
  return render();
}

/** Goes to a path of this site (with query), adding a history entry unless replace is set. */
export function navigate(url, { replace: replaceEntry = false } = {}) {
  const target = new URL(url, location.origin);
  if (target.origin !== location.origin || SERVER_PATHS.test(target.pathname)) {
    location.assign(target.href);
    return Promise.resolve();
  }
  if (replaceEntry) history.replaceState(null, '', target.pathname + target.search + target.hash);
  else history.pushState(null, '', target.pathname + target.search + target.hash);
  window.scrollTo(0, 0);
  return render();
}

/** Draws the current address again (after sign-in, for instance). */
export function reload() {
  return render();
}

function followLink(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || SERVER_PATHS.test(url.pathname)) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return; // in-page anchor
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

function setTitle(text) {
  document.title = text ? `${text} · Vitrine` : 'Vitrine';
}

async function render() {
  const mine = ++generation;
  document.body.dataset.ready = 'false';
  if (cleanup) {
    try { cleanup(); } catch (e) { console.warn(e); }
    cleanup = null;
  }
  if (controller) controller.abort();
  controller = new AbortController();
  const url = new URL(location.href);
  const main = document.getElementById('main');
  window.dispatchEvent(new CustomEvent('vitrine:route'));
  markCurrentNav(url.pathname);

  let route = null;
  let params = {};
  for (const r of routes) {
    const m = r.path.exec(url.pathname);
    if (m) {
      route = r;
      (r.names || []).forEach((name, i) => { params[name] = decodeURIComponent(m[i + 1]); });
      break;
    }
  }
  if (route && route.redirect) {
    history.replaceState(null, '', route.redirect);
    return render();
  }

  const context = {
    params,
    query: url.searchParams,
    path: url.pathname,
    signal: controller.signal,
    navigate,
    setTitle,
    isCurrent: () => mine === generation,
    onLeave: (fn) => { cleanup = fn; },
  };
  let view;
  try {
    if (!route) {
      setTitle('Not found');
      view = notFoundView();
    } else {
      const page = await route.load();
      if (mine !== generation) return;
      view = await page.render(context);
    }
  } catch (e) {
    if (e.name === 'AbortError' || mine !== generation) return;
    console.error(e);
    view = errorView(e);
  }
  if (mine !== generation) return;
  replace(main, h('div', { class: 'page' }, view));
  if (!firstRender) {
    const heading = main.querySelector('h1');
    (heading || main).setAttribute('tabindex', '-1');
    (heading || main).focus({ preventScroll: true });
  }
  firstRender = false;
  document.body.dataset.ready = 'true';
}

function markCurrentNav(path) {
  document.querySelectorAll('.site-nav a').forEach((a) => {
    const target = new URL(a.href, location.href).pathname;
    const current = target === '/' ? path === '/' : path === target || path.startsWith(target + '/');
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}
