// Building DOM nodes without ever parsing HTML: every piece of text goes in through textContent or a
// text node, so names such as "<img src=x onerror=alert(1)>" show literally.

/**
 * h('a', {href: '/d/1', class: 'card-link'}, 'text', otherNode, [more, nodes])
 * Properties: class, text, dataset {..}, on<event> functions, value/checked/selected/disabled/hidden as
 * properties, everything else as an attribute (null, undefined and false are left out).
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  let value;
  for (const [key, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (key === 'class') el.className = v;
    else if (key === 'text') el.textContent = v;
    else if (key === 'dataset') Object.assign(el.dataset, v);
    else if (key.startsWith('on') && typeof v === 'function') el.addEventListener(key.slice(2), v);
    else if (key === 'value') value = v;
    else if (key === 'checked' || key === 'selected' || key === 'disabled' || key === 'hidden' || key === 'required') el[key] = true;
    else el.setAttribute(key, v === true ? '' : String(v));
  }
  append(el, children);
  if (value !== undefined) el.value = value;
  return el;
}

/** Appends strings (as text), nodes and nested arrays; null and false are skipped. */
export function append(parent, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces everything inside the element. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A <time> element for an ISO instant, or null when there is none. */
export function time(iso, withTime = false) {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return h('time', { datetime: d.toISOString(), title: dateTimeFormat.format(d) },
    (withTime ? dateTimeFormat : dateFormat).format(d));
}

/** "1 design", "3 designs" */
export function plural(n, one, many = one + 's') {
  return `${n} ${n === 1 ? one : many}`;
}
