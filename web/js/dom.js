// Building the page without HTML strings: every text from the server (article text, titles,
// names) goes in as a text node or an attribute value, so "<script>" in an article is shown as
// the characters it is, never run. Nothing in the UI uses innerHTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** h('a', {href: '#/x', onclick: fn}, 'text', child) → element. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  return fill(el, attrs, children);
}

export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  return fill(el, attrs, children);
}

function fill(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** A link only for http(s) URLs: a stored "javascript:" URL is shown as text, not made a link. */
export function safeLink(url, text) {
  if (typeof url === 'string' && /^https?:\/\//i.test(url)) return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text ?? url);
  return h('span', {}, text ?? url ?? '');
}

// One formatter for the page: toLocaleString made one per call (a tenth of the first load's script time).
const NUMBER = new Intl.NumberFormat('en');
export function fmtNum(n) {
  return n === null || n === undefined ? '?' : NUMBER.format(Number(n));
}

let toastTimer = null;
export function toast(msg, kind = 'info') {
  const t = document.getElementById('toast');
  t.textContent = msg;
  t.className = `toast ${kind}`;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (t.hidden = true), kind === 'error' ? 8000 : 3500);
}

/** ACLED event types → marker colours (one hue per type, readable on the pale map). */
export const TYPE_COLOURS = {
  Battles: '#d62728',
  'Explosions/Remote violence': '#ff7f0e',
  'Violence against civilians': '#9467bd',
  Protests: '#2ca02c',
  Riots: '#8c564b',
  'Strategic developments': '#1f77b4',
};
export const colourOf = (t) => TYPE_COLOURS[t] ?? '#555';
