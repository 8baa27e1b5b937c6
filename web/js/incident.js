// The incident page: every field with its value, the rule that set it and its evidence, which
// lights up in the article text; disputed accounts side by side with their sources; each
// source's own toll; the review actions (accept, edit a field, reject, merge, split); the history.

import { api } from './api.js';
import { clear, fmtNum, h, safeLink, toast } from './dom.js';
import { focusKey, markedText } from './evidence.js';
import { canEdit, go, state } from './nav.js';

const NUMERIC = new Set(['time_precision', 'inter1', 'inter2', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'fatalities_low', 'fatalities_high', 'injuries']);
const LABEL = {
  event_date: 'Date', time_precision: 'Time precision', disorder_type: 'Disorder type', event_type: 'Event type', sub_event_type: 'Sub-event type',
  actor1: 'Actor 1', inter1: 'Inter 1', actor2: 'Actor 2', inter2: 'Inter 2', country: 'Country', admin1: 'Admin 1', admin2: 'Admin 2',
  location: 'Location', latitude: 'Latitude', longitude: 'Longitude', geo_precision: 'Geo precision', fatalities: 'Fatalities',
  fatalities_low: 'Fatalities (low)', fatalities_high: 'Fatalities (high)', injuries: 'Injuries', background: 'Background',
};

export async function incidentPage(main, id) {
  const data = await api(`/incidents/${encodeURIComponent(id)}`);
  render(main, data);
}

function render(main, { incident: v, articles, history }) {
  const editable = canEdit();
  const page = h('div', { class: 'incident-page', 'data-id': v.id });
  const title = `${v.sub_event_type ?? v.event_type ?? 'Incident'}${v.location ? ` in ${v.location}` : ''}`;
  page.append(
    h('p', {}, h('a', { href: '#/', onclick: (e) => (e.preventDefault(), window.history.length > 1 ? window.history.back() : go([])) }, '‹ back to the desk')),
    h(
      'header',
      { class: 'incident-head' },
      h('h1', {}, title),
      h('div', { class: 'meta' }, v.event_date ?? 'date unknown', ' · ', [v.admin1, v.country].filter(Boolean).join(', ') || 'place unknown', ' · ', `${fmtNum(v.fatalities)} killed`, ' · ', `${v.articles.length} article${v.articles.length === 1 ? '' : 's'}`, ' · ', h('code', {}, v.id)),
      h('div', {}, h('span', { class: `badge st-${v.status}`, id: 'status' }, v.status), v.merged_into ? h('span', {}, ' into ', h('a', { href: `#/incident/${encodeURIComponent(v.merged_into)}` }, v.merged_into)) : null, v.disputed ? h('span', { class: 'badge disputed' }, 'disputed') : null),
    ),
    reviewBar(v, articles, editable),
  );

  const textCol = h('section', { class: 'panel articles-col' }, h('h2', {}, 'Articles'), h('p', { class: 'muted' }, 'Evidence is marked in the text; click a field to light up its evidence.'));
  for (const a of articles) textCol.append(articleBlock(v, a));

  const fieldsCol = h('section', { class: 'panel fields-col' }, h('h2', {}, 'Fields'), fieldsTable(v, editable, textCol));
  if (v.disputed) fieldsCol.append(disputeBlock(v.disputed));
  if (v.sources?.length) fieldsCol.append(sourcesBlock(v.sources));
  fieldsCol.append(historyBlock(history));
  if (v.status !== 'merged') fieldsCol.append(candidatesBlock(v, editable));
  page.append(h('div', { class: 'incident-body' }, fieldsCol, textCol));
  clear(main).append(page);
}

function reviewBar(v, articles, editable) {
  const act = async (path, body, msg) => {
    try {
      await api(`/incidents/${encodeURIComponent(v.id)}${path}`, { method: 'POST', body });
      toast(msg);
      await incidentPage(document.getElementById('main'), v.id);
    } catch (e) {
      toast(e.message, 'error');
    }
  };
  const other = h('input', { type: 'text', name: 'merge-other', placeholder: 'incident id', size: 14, disabled: !editable });
  const splitBoxes = articles.map((a) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: a.id, disabled: !editable }), a.id));
  const bar = h(
    'div',
    { class: 'review-bar' },
    h('button', { type: 'button', class: 'ok', disabled: !editable, 'data-action': 'accept', onclick: () => act('/review', { action: 'accept' }, 'Marked reviewed.') }, 'Accept'),
    h('button', { type: 'button', class: 'bad', disabled: !editable, 'data-action': 'reject', onclick: () => act('/review', { action: 'reject' }, 'Rejected.') }, 'Reject'),
    h('button', { type: 'button', disabled: !editable, 'data-action': 'reopen', onclick: () => act('/review', { action: 'reopen' }, 'Reopened.') }, 'Reopen'),
    h('span', { class: 'sep' }),
    h('label', {}, 'Merge ', other),
    h('button', { type: 'button', disabled: !editable, 'data-action': 'merge', onclick: () => other.value.trim() && act('/merge', { other: other.value.trim() }, `Merged ${other.value.trim()} into this incident.`) }, 'into this'),
    articles.length > 1 ? [h('span', { class: 'sep' }), 'Split out: ', splitBoxes, h('button', { type: 'button', disabled: !editable, 'data-action': 'split', onclick: () => {
      const chosen = splitBoxes.map((l) => l.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
      if (chosen.length) act('/split', { articles: chosen }, 'Split.');
    } }, 'split')] : null,
  );
  if (!editable) {
    const who = state.me.id ? `Signed in as ${state.me.role}` : state.me.role ? `Anonymous ${state.me.role}` : 'Not signed in';
    bar.append(h('span', { class: 'readonly', id: 'readonly-note' }, `${who}: read only. Sign in with an analyst's token to review.`));
  }
  return bar;
}

function fieldsTable(v, editable, textCol) {
  const names = state.options?.editable ?? Object.keys(LABEL);
  const tbody = h('tbody');
  for (const f of names) {
    const t = v.trace?.[f];
    const edited = v.edited?.[f];
    const value = v[f];
    const ev = t?.evidence ?? [];
    const row = h(
      'tr',
      { class: `field${edited ? ' edited' : ''}${ev.length ? ' has-ev' : ''}`, 'data-field': f },
      h('th', {}, LABEL[f] ?? f),
      h('td', { class: 'value' }, value === null || value === undefined ? h('span', { class: 'muted' }, '—') : String(value)),
      h(
        'td',
        { class: 'how' },
        edited ? h('span', { class: 'edited-by' }, `edited by ${edited.author}; extracted: ${edited.extracted === null ? '—' : String(edited.extracted)}`) : t ? h('span', { class: 'rule' }, t.rule, t.derived ? ' (derived)' : '') : null,
        ev.length ? h('div', { class: 'ev-chips' }, ev.slice(0, 3).map((e) => h('q', {}, e.text))) : null,
      ),
      h('td', {}, h('button', { type: 'button', class: 'edit', disabled: !editable, title: editable ? 'edit this field' : 'read only', onclick: (e) => (e.stopPropagation(), editRow(v, f, row)) }, 'edit')),
    );
    row.addEventListener('click', () => {
      for (const r of tbody.querySelectorAll('tr.sel')) r.classList.remove('sel');
      row.classList.add('sel');
      focusKey(textCol, f);
    });
    tbody.append(row);
  }
  return h('table', { class: 'fields' }, tbody);
}

function editRow(v, f, row) {
  const cell = row.querySelector('td.value');
  const current = v[f];
  let input;
  const opts = state.options;
  if (f === 'sub_event_type') input = h('select', { name: 'value' }, opts.sub_event_types.map((x) => h('option', { value: x.sub_event_type, selected: x.sub_event_type === current }, x.sub_event_type)));
  else if (f === 'event_type') input = h('select', { name: 'value' }, opts.event_types.map((x) => h('option', { value: x, selected: x === current }, x)));
  else if (f === 'background') input = h('select', { name: 'value' }, h('option', { value: 'false', selected: !current }, 'false'), h('option', { value: 'true', selected: !!current }, 'true'));
  else input = h('input', { name: 'value', type: NUMERIC.has(f) ? 'number' : f === 'event_date' ? 'date' : 'text', step: 'any', value: current ?? '' });
  const note = h('input', { name: 'note', type: 'text', placeholder: 'note (optional)', size: 16 });
  const save = async () => {
    const raw = input.value.trim();
    const value = raw === '' ? null : f === 'background' ? raw === 'true' : NUMERIC.has(f) ? Number(raw) : raw;
    try {
      await api(`/incidents/${encodeURIComponent(v.id)}`, { method: 'PATCH', body: { field: f, value, ...(note.value.trim() ? { note: note.value.trim() } : {}) } });
      toast(`${LABEL[f] ?? f} saved.`);
      await incidentPage(document.getElementById('main'), v.id);
    } catch (e) {
      toast(e.message, 'error');
    }
  };
  const form = h('form', { class: 'edit-form' }, input, note, h('button', { type: 'submit', class: 'ok' }, 'Save'), h('button', { type: 'button', onclick: () => incidentPage(document.getElementById('main'), v.id) }, 'Cancel'));
  form.addEventListener('submit', (e) => (e.preventDefault(), save()));
  form.addEventListener('click', (e) => e.stopPropagation());
  clear(cell).append(form);
  input.focus();
}

function articleBlock(v, a) {
  const spans = [];
  for (const e of v.evidence ?? []) if (e.article === a.id) spans.push({ start: e.start, end: e.end, cls: 'sent', key: 'evidence', label: 'reports the incident' });
  for (const [f, t] of Object.entries(v.trace ?? {})) {
    for (const e of t.evidence ?? []) if (e.article === a.id) spans.push({ start: e.start, end: e.end, cls: 'field', key: f, label: `${LABEL[f] ?? f}: ${v[f]}` });
  }
  // Each source's own toll is evidence of the fatalities too, not only the one the fusion chose.
  for (const s of v.sources ?? []) for (const e of s.evidence ?? []) if (e.article === a.id) spans.push({ start: e.start, end: e.end, cls: 'field', key: 'fatalities', label: `this article's toll: ${s.fatalities ?? '?'}` });
  for (const c of v.disputed?.claims ?? []) for (const e of c.evidence ?? []) if (e.article === a.id) spans.push({ start: e.start, end: e.end, cls: 'dispute', key: 'disputed', label: `${c.source ?? 'unnamed source'}: ${c.says}` });
  for (const q of a.quotes ?? []) spans.push({ start: q.start, end: q.end, cls: 'quote', key: 'quote', label: `quote: ${q.speaker ?? 'unknown speaker'}` });
  return h(
    'article',
    { class: 'source-article', 'data-article': a.id },
    h('h3', {}, a.title ?? a.id),
    h('div', { class: 'meta' }, [a.source, a.published].filter(Boolean).join(' · '), a.url ? [' · ', safeLink(a.url, 'original')] : null, ' · ', h('a', { href: `#/article/${encodeURIComponent(a.id)}` }, 'all marks')),
    markedText(a.text, spans),
    a.claims?.length ? h('details', {}, h('summary', {}, `${a.claims.length} numeric claim${a.claims.length === 1 ? '' : 's'}`), h('ul', {}, a.claims.map((c) => h('li', {}, `${c.source ?? 'unattributed'}: ${c.qualifier ? c.qualifier + ' ' : ''}${fmtNum(c.value)} ${c.what}${c.period ? ` (${c.period})` : ''}`)))) : null,
  );
}

function disputeBlock(d) {
  return h(
    'section',
    { class: 'dispute-block' },
    h('h2', {}, 'Disputed accounts'),
    h('p', { class: 'muted' }, d.summary),
    h('div', { class: 'side-by-side' }, d.claims.map((c) => h('div', { class: 'claim' }, h('h4', {}, c.source ?? 'unnamed source'), h('p', {}, c.says), c.evidence.map((e) => h('blockquote', {}, e.text, h('cite', {}, ` — ${e.article}`)))))),
  );
}

function sourcesBlock(sources) {
  return h(
    'section',
    {},
    h('h2', {}, "Each source's toll"),
    h('table', { class: 'sources' }, h('thead', {}, h('tr', {}, h('th', {}, 'Article'), h('th', {}, 'Killed'), h('th', {}, 'Range'), h('th', {}, 'Evidence'))), h('tbody', {}, sources.map((s) => h('tr', {}, h('td', {}, s.article), h('td', { class: 'num' }, fmtNum(s.fatalities)), h('td', { class: 'num' }, s.fatalities_low === null ? '' : `${s.fatalities_low}–${s.fatalities_high}`), h('td', {}, s.evidence.map((e) => h('q', {}, e.text))))))),
  );
}

function historyBlock(history) {
  return h(
    'section',
    { class: 'history' },
    h('h2', {}, 'History'),
    history.length === 0
      ? h('p', { class: 'muted' }, 'No analyst has changed this incident.')
      : h('ol', {}, history.map((e) => h('li', {}, h('time', {}, e.at), ' ', e.author, ': ', e.action, e.field ? ` ${e.field}` : '', e.value !== undefined ? ` → ${JSON.stringify(e.value)}` : '', e.note ? ` (${e.note})` : ''))),
  );
}

/**
 * Incidents that may be this one reported apart (same country, within a week), ranked by
 * fusion's score with its reasons. The store's fusion left them apart, so it is the analyst's call.
 */
function candidatesBlock(v, editable) {
  const box = h('section', { class: 'candidates' }, h('h2', {}, 'Possibly the same incident'));
  if (!v.event_date || !(v.admin1 || v.country)) {
    box.append(h('p', { class: 'muted' }, 'No date or place to compare with.'));
    return box;
  }
  // Ranked by fusion's own score, with its reasons (GET /api/incidents/:id/candidates).
  api(`/incidents/${encodeURIComponent(v.id)}/candidates?limit=10`)
    .then((page) => {
      const others = page.items;
      if (others.length === 0) {
        box.append(h('p', { class: 'muted' }, 'None within a week in the same country.'));
        return;
      }
      box.append(
        h('table', { class: 'incidents' }, h('tbody', {}, others.map((r) =>
          h(
            'tr',
            { 'data-id': r.id },
            h('td', { class: 'nowrap' }, r.event_date ?? '?'),
            h('td', {}, h('a', { href: `#/incident/${encodeURIComponent(r.id)}` }, r.sub_event_type ?? r.event_type ?? r.id)),
            h('td', {}, [r.location, r.admin1].filter(Boolean).join(', ')),
            h('td', { class: 'num' }, r.fatalities ?? '?'),
            h('td', { class: 'num', title: r.veto ? `kept apart: ${r.veto}` : 'chance of one event' }, r.veto ? 'no' : r.score.toFixed(2)),
            h('td', { class: 'muted' }, (r.veto ? [`kept apart: ${r.veto}`] : []).concat(r.reasons).join('; ')),
            h('td', {}, h('button', { type: 'button', disabled: !editable, 'data-action': 'merge-candidate', onclick: async () => {
              try {
                await api(`/incidents/${encodeURIComponent(v.id)}/merge`, { method: 'POST', body: { other: r.id } });
                toast(`Merged ${r.id} into this incident.`);
                await incidentPage(document.getElementById('main'), v.id);
              } catch (e) {
                toast(e.message, 'error');
              }
            } }, 'merge into this')),
          ),
        ))),
      );
    })
    .catch((e) => box.append(h('p', { class: 'muted' }, e.message)));
  return box;
}
