// Lists the gallery's filters need, fetched once per page load. Each works without its endpoint: a missing
// /api/licences falls back to the common SPDX ids.
import { api, optionalApi } from './api.js';
import { h } from './dom.js';

const COMMON_COUNT = 16;

const COMMON_LICENCES = [
  { id: 'CC-BY-4.0', name: 'Creative Commons Attribution 4.0' },
  { id: 'CC-BY-SA-4.0', name: 'Creative Commons Attribution Share Alike 4.0' },
  { id: 'CC-BY-NC-4.0', name: 'Creative Commons Attribution Non Commercial 4.0' },
  { id: 'CC-BY-NC-SA-4.0', name: 'Creative Commons Attribution Non Commercial Share Alike 4.0' },
  { id: 'CC0-1.0', name: 'Creative Commons Zero v1.0 Universal' },
  { id: 'MIT', name: 'MIT License' },
  { id: 'Apache-2.0', name: 'Apache License 2.0' },
  { id: 'CERN-OHL-S-2.0', name: 'CERN Open Hardware Licence Version 2 - Strongly Reciprocal' },
];

let licencesPromise = null;
let licencesInUsePromise = null;
let providersPromise = null;

/** {default, licences: [{id, name}]} */
export function licences() {
  if (!licencesPromise) {
    licencesPromise = optionalApi('/api/licences')
      .then((answer) => (answer && Array.isArray(answer.licences) ? answer : { default: 'CC-BY-4.0', licences: COMMON_LICENCES }))
      .catch(() => ({ default: 'CC-BY-4.0', licences: COMMON_LICENCES }));
  }
  return licencesPromise;
}

/** {default, licences: [{id, name}]}: only the licences public documents have, for filters (falls back to all). */
export function licencesInUse() {
  if (!licencesInUsePromise) {
    licencesInUsePromise = optionalApi('/api/licences?inUse=true')
      .then((answer) => (answer && Array.isArray(answer.licences) ? answer : licences()))
      .catch(() => licences());
  }
  return licencesInUsePromise;
}

/**
 * <option>s for a licence <select>: the common licences first (the API lists them first), then every other
 * SPDX licence in alphabetical order; a short list (licences in use) is one group.
 */
export function licenceOptions(list, selected, label = (l) => l.id) {
  const common = list.slice(0, COMMON_COUNT);
  const others = list.slice(COMMON_COUNT).sort((a, b) => a.id.localeCompare(b.id));
  const option = (l) => h('option', { value: l.id, selected: l.id === selected }, label(l));
  if (others.length === 0) return common.map(option);
  return [h('optgroup', { label: 'Common licences' }, common.map(option)),
    h('optgroup', { label: 'Other SPDX licences' }, others.map(option))];
}

/** [{id, name, importMethods}] of the providers that are on. */
export function providers() {
  if (!providersPromise) {
    providersPromise = api('/api/providers').then((list) => (Array.isArray(list) ? list : [])).catch(() => []);
  }
  return providersPromise;
}
