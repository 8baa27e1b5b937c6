// One article with every mark the extractor made: each incident it reports (with the fields'
// evidence), the quotes and the claims. The text is shown as stored, as text.

import { api } from './api.js';
import { clear, fmtNum, h, safeLink } from './dom.js';
import { focusKey, markedText } from './evidence.js';

export async function articlePage(main, id) {
  const a = await api(`/articles/${encodeURIComponent(id)}`);
  const spans = [];
  a.reports.forEach((r, i) => {
    for (const e of r.evidence ?? []) spans.push({ start: e.start, end: e.end, cls: 'sent', key: `r${i}`, label: `incident ${i + 1}` });
    for (const [f, t] of Object.entries(r.fields)) for (const e of t.evidence ?? []) if (e.article === a.id) spans.push({ start: e.start, end: e.end, cls: 'field', key: `r${i}:${f}`, label: `incident ${i + 1} ${f}: ${t.value}` });
  });
  for (const q of a.quotes) spans.push({ start: q.start, end: q.end, cls: 'quote', key: 'quote', label: `quote: ${q.speaker ?? 'unknown speaker'}` });
  for (const c of a.claims) for (const e of c.evidence ?? []) spans.push({ start: e.start, end: e.end, cls: 'claim', key: 'claim', label: `claim: ${c.value} ${c.what}` });
  const text = markedText(a.text, spans);
  const reports = a.reports.map((r, i) =>
    h(
      'li',
      { onclick: () => focusKey(text, `r${i}`) },
      h('strong', {}, `${i + 1}. ${r.fields.sub_event_type?.value ?? '?'}`),
      ` ${r.fields.event_date?.value ?? ''} ${r.fields.location?.value ?? ''} · ${fmtNum(r.fields.fatalities?.value)} killed `,
      r.background ? h('span', { class: 'badge' }, 'background') : null,
      r.incident ? h('a', { href: `#/incident/${encodeURIComponent(r.incident)}` }, `→ ${r.incident}`) : null,
    ),
  );
  clear(main).append(
    h(
      'div',
      { class: 'article-page' },
      h('section', { class: 'panel' }, h('h1', {}, a.title ?? a.id), h('div', { class: 'meta' }, [a.source, a.published, a.id].filter(Boolean).join(' · '), a.url ? [' · ', safeLink(a.url, 'original')] : null), text),
      h(
        'section',
        { class: 'panel' },
        h('h2', {}, 'Incidents it reports'),
        reports.length ? h('ol', { class: 'reports' }, reports) : h('p', { class: 'muted' }, 'None.'),
        h('h2', {}, 'Quotes'),
        a.quotes.length ? h('ul', {}, a.quotes.map((q) => h('li', {}, h('q', {}, q.text), ` — ${q.speaker ?? 'unknown'}`))) : h('p', { class: 'muted' }, 'None.'),
        h('h2', {}, 'Claims'),
        a.claims.length ? h('ul', {}, a.claims.map((c) => h('li', {}, `${c.source ?? 'unattributed'}: ${fmtNum(c.value)} ${c.what}${c.period ? ` (${c.period})` : ''}`))) : h('p', { class: 'muted' }, 'None.'),
      ),
    ),
  );
}
