// An article's text with marks over the spans that are evidence. The text is cut at every span
// boundary and each piece goes in as a text node (inside a <mark> where spans cover it): the
// article is shown exactly as stored, markup and all, and nothing in it is ever parsed as HTML.

import { h } from './dom.js';

/**
 * spans: [{start, end, cls, label, key}] — cls is a CSS class ('field', 'sent', 'quote', 'dispute'),
 * key groups marks that light up together (a field's name), label is the tooltip.
 */
export function markedText(text, spans) {
  const good = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set([0, text.length]);
  for (const s of good) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const box = h('div', { class: 'article-text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = text.slice(a, b);
    const over = good.filter((s) => s.start <= a && s.end >= b);
    if (over.length === 0) {
      box.append(document.createTextNode(piece));
      continue;
    }
    const classes = new Set(over.map((s) => s.cls));
    const keys = [...new Set(over.map((s) => s.key).filter(Boolean))];
    const labels = [...new Set(over.map((s) => s.label).filter(Boolean))];
    const m = h('mark', { class: [...classes].join(' '), 'data-keys': keys.join(' '), title: labels.join('\n') });
    m.append(document.createTextNode(piece));
    box.append(m);
  }
  return box;
}

/** Light up the marks of one key (a field), dim the rest; scroll the first into view. */
export function focusKey(root, key) {
  let first = null;
  for (const m of root.querySelectorAll('mark')) {
    const on = key !== null && m.dataset.keys.split(' ').includes(key);
    m.classList.toggle('focus', on);
    if (on && !first) first = m;
  }
  first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return first;
}
