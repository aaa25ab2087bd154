// "/d/{id}": one design with its large preview, designers, licence, elements, versions and workspaces; a report
// button for anyone and, for its importer or an admin, removal.
// The server already wrote this page's <head> (title, OpenGraph tags) for link previews.
import { h, time } from '../dom.js';
import { api, ApiError, query } from '../api.js';
import { licenceOptions, licences } from '../catalog.js';
import { licenceName, providerLabel } from '../cards.js';
import { alertBox, notFoundView, showAlert } from '../views.js';
import { documentActions, goneView } from '../document-actions.js';

const PLACEHOLDER = '/assets/img/placeholder.svg';

export async function render(ctx) {
  let doc;
  try {
    doc = await api(`/api/documents/${encodeURIComponent(ctx.params.id)}`, { signal: ctx.signal });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) {
      ctx.setTitle('Not found');
      return notFoundView('design');
    }
    if (e instanceof ApiError && e.status === 410) {
      ctx.setTitle('Taken down');
      return goneView(ctx.params.id, e, ctx);
    }
    throw e;
  }
  const licenceList = await licences();
  ctx.setTitle(doc.name);
  const previews = doc.previews || {};
  const large = previews['600x340'] || previews['300x170'];

  return h('article', { class: 'document' },
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' },
      h('a', { href: '/', text: 'Designs' }), h('span', { 'aria-hidden': 'true', text: ' / ' }),
      h('span', { 'aria-current': 'page', text: doc.name })),
    h('div', { class: 'document-top' },
      h('figure', { class: 'document-preview' },
        h('img', { id: 'doc-preview', src: large || PLACEHOLDER, alt: `Preview of ${doc.name}`, width: 600, height: 340 })),
      h('div', { class: 'document-summary' },
        h('h1', { id: 'doc-name', text: doc.name }),
        designersBlock(doc.designers || []),
        facts(doc),
        licenceBlock(doc, licenceList),
        doc.sourceUrl && /^https?:\/\//.test(doc.sourceUrl) ? h('p', null, h('a', {
          id: 'doc-source', class: 'button primary', href: doc.sourceUrl, rel: 'noopener noreferrer external',
          text: `Open in ${providerLabel(doc.provider)}`,
        })) : null,
        tags(doc.tags || []),
        documentActions(doc, ctx))),
    h('section', { class: 'document-section', 'aria-labelledby': 'doc-about' },
      h('h2', { id: 'doc-about', text: 'About' }),
      doc.description && doc.description.trim()
        ? h('p', { id: 'doc-description', class: 'description', text: doc.description })
        : h('p', { id: 'doc-description', class: 'muted', text: 'No description.' })),
    elementsSection(doc.elements || []),
    h('div', { class: 'document-columns' },
      versionsSection(doc.versions || []),
      workspacesSection(doc.workspaces || [])));
}

// The API credits a person once per role (owner, creator, modifier); the page names each person once.
function designersBlock(credits) {
  const people = new Map();
  for (const c of credits) {
    const person = people.get(c.id) || { id: c.id, name: c.name, roles: [] };
    if (c.role && !person.roles.includes(c.role)) person.roles.push(c.role);
    people.set(c.id, person);
  }
  const designers = [...people.values()];
  return h('div', { class: 'designers-block' },
    h('h2', { class: 'label', text: designers.length === 1 ? 'Designer' : 'Designers' }),
    designers.length === 0 ? h('p', { class: 'muted', text: 'Not credited.' }) : null,
    h('ul', { id: 'doc-designers', class: 'inline-list' }, designers.map((d) => h('li', null,
      h('a', { href: `/designers/${encodeURIComponent(d.id)}`, text: d.name }),
      d.roles.length ? h('span', { class: 'role', text: ` (${d.roles.join(', ')})` }) : null))));
}

function facts(doc) {
  const row = (term, value) => (value ? [h('dt', { text: term }), h('dd', null, value)] : null);
  return h('dl', { class: 'facts' },
    row('Source', providerLabel(doc.provider)),
    row('Owner', doc.owner),
    row('Created', time(doc.createdAt)),
    row('Last changed', time(doc.modifiedAt)),
    row('Imported', time(doc.updatedAt)));
}

function licenceBlock(doc, licenceList) {
  const shown = h('span', { id: 'doc-licence', title: licenceName(doc.licence, licenceList.licences), text: doc.licence || 'Unknown' });
  const shownName = h('span', { class: 'muted', text: doc.licence ? ` — ${licenceName(doc.licence, licenceList.licences)}` : '' });
  const block = h('div', { class: 'licence-block' },
    h('h2', { class: 'label', text: 'Licence' }),
    h('p', null, shown, shownName));
  if (!doc.canEdit) return block;

  const options = licenceList.licences.slice();
  if (doc.licence && !options.some((l) => l.id === doc.licence)) options.unshift({ id: doc.licence, name: doc.licence });
  const select = h('select', { id: 'licence-select' }, licenceOptions(options, doc.licence, (l) => `${l.id} — ${l.name}`));
  const status = h('span', { class: 'save-status', role: 'status' });
  const error = alertBox('', 'licence-error');
  const save = h('button', { id: 'licence-save', type: 'submit', class: 'button', text: 'Save licence' });
  const form = h('form', { class: 'licence-form' },
    h('label', { for: 'licence-select', text: 'Change the licence' }),
    h('div', { class: 'inline-form' }, select, save, status), error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    showAlert(error, '');
    status.textContent = 'Saving…';
    try {
      const answer = await api(`/api/documents/${encodeURIComponent(doc.id)}/licence`, { method: 'PUT', body: { licence: select.value } });
      doc.licence = answer && answer.licence ? answer.licence : select.value;
      shown.textContent = doc.licence;
      shown.title = licenceName(doc.licence, licenceList.licences);
      shownName.textContent = ` — ${licenceName(doc.licence, licenceList.licences)}`;
      status.textContent = 'Saved.';
    } catch (e) {
      status.textContent = '';
      showAlert(error, e.message);
    } finally {
      save.disabled = false;
    }
  });
  block.append(form);
  return block;
}

function tags(list) {
  if (list.length === 0) return null;
  return h('ul', { class: 'tags', 'aria-label': 'Tags' }, list.map((t) => h('li', null,
    h('a', { class: 'chip', href: `/${query({ tag: t })}`, text: t }))));
}

function elementsSection(elements) {
  return h('section', { class: 'document-section', 'aria-labelledby': 'doc-elements-title' },
    h('h2', { id: 'doc-elements-title' }, 'Elements ', h('span', { class: 'count', text: `(${elements.length})` })),
    elements.length === 0 ? h('p', { class: 'muted', text: 'No elements.' }) : null,
    h('ul', { id: 'doc-elements', class: 'element-grid' }, elements.map((e) => h('li', { class: 'element' },
      e.thumbnailUrl
        ? h('img', { class: 'element-thumb', src: e.thumbnailUrl, alt: `Preview of ${e.name}`, width: 150, height: 85, loading: 'lazy' })
        : h('div', { class: 'element-thumb element-thumb-none', 'aria-hidden': 'true' }),
      h('span', { class: 'element-name', text: e.name }),
      h('span', { class: 'element-type', text: elementType(e.type) })))));
}

function elementType(type) {
  const known = { PARTSTUDIO: 'Part Studio', ASSEMBLY: 'Assembly', DRAWING: 'Drawing', BLOB: 'File', APPLICATION: 'Application', VARIABLESTUDIO: 'Variable Studio', FEATURESTUDIO: 'Feature Studio' };
  return known[String(type || '').toUpperCase()] || type || 'Element';
}

function versionsSection(versions) {
  return h('section', { class: 'document-section', 'aria-labelledby': 'doc-versions-title' },
    h('h2', { id: 'doc-versions-title' }, 'Versions ', h('span', { class: 'count', text: `(${versions.length})` })),
    versions.length === 0 ? h('p', { class: 'muted', text: 'No named versions.' }) : null,
    h('ul', { id: 'doc-versions', class: 'plain-list' }, versions.map((v) => h('li', null,
      h('span', { class: 'item-name', text: v.name || 'Unnamed version' }),
      h('span', { class: 'muted' }, v.creatorName ? ` by ${v.creatorName}` : '', v.createdAt ? ', ' : '', time(v.createdAt)),
      v.description ? h('p', { class: 'item-description', text: v.description }) : null))));
}

function workspacesSection(workspaces) {
  return h('section', { class: 'document-section', 'aria-labelledby': 'doc-workspaces-title' },
    h('h2', { id: 'doc-workspaces-title' }, 'Workspaces ', h('span', { class: 'count', text: `(${workspaces.length})` })),
    workspaces.length === 0 ? h('p', { class: 'muted', text: 'No workspaces.' }) : null,
    h('ul', { id: 'doc-workspaces', class: 'plain-list' }, workspaces.map((w) => h('li', null,
      h('span', { class: 'item-name', text: w.name || 'Workspace' }),
      w.modifiedAt ? h('span', { class: 'muted' }, ' changed ', time(w.modifiedAt)) : null))));
}

