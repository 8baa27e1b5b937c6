// The analysts' desk: one filter bar drives the map, the timeline, the table and the stats; the
// incident page shows each field with its evidence highlighted in the article text.

import { api, ApiError, download, getToken, setToken, tokenFromHash } from './api.js';
import { append, clear, fmtNum, h, toast } from './dom.js';
import { IncidentMap } from './map.js';
import { barList, timeline } from './charts.js';
import { incidentPage } from './incident.js';
import { articlePage } from './article.js';
import { ingestPage } from './ingest.js';
import { canEdit, currentFilter, FILTER_KEYS, go, parseHash, state } from './nav.js';

const main = document.getElementById('main');
const form = document.getElementById('filters');
function setFilter(changes) {
  const f = currentFilter();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') f.delete(k);
    else f.set(k, v);
  }
  const { parts } = parseHash();
  go(parts[0] === 'stats' ? ['stats'] : [], f);
}

// --- the filter bar -----------------------------------------------------------------------------

function fillOptions() {
  const o = state.options;
  const sel = (name, values) => {
    const el = form.elements.namedItem(name);
    const keep = el.value;
    append(clear(el), [h('option', { value: '' }, 'all'), values.map(([v, label]) => h('option', { value: v }, label))]);
    el.value = keep;
  };
  const country = currentFilter().get('country');
  sel('country', o.countries.map((c) => [c.name, `${c.name} (${c.n})`]));
  sel('admin1', o.admin1.filter((a) => !country || a.country === country).map((a) => [a.admin1, country ? `${a.admin1} (${a.n})` : `${a.admin1}, ${a.country} (${a.n})`]));
  sel('event_type', o.event_types.map((t) => [t, t]));
  const type = currentFilter().get('event_type');
  sel('sub_event_type', o.sub_event_types.filter((x) => !type || x.event_type === type).map((x) => [x.sub_event_type, x.sub_event_type]));
}

function syncForm() {
  const f = currentFilter();
  if (state.options) fillOptions();
  for (const k of FILTER_KEYS) {
    const el = form.elements.namedItem(k);
    if (!el) continue;
    if (el.type === 'checkbox') el.checked = f.get(k) === 'true';
    else el.value = f.get(k) ?? '';
  }
  document.getElementById('bbox-note').hidden = !f.get('bbox');
}

let typing = null;
form.addEventListener('change', (e) => {
  const el = e.target;
  if (!el.name) return;
  const v = el.type === 'checkbox' ? (el.checked ? 'true' : '') : el.value;
  const extra = el.name === 'country' ? { admin1: '' } : el.name === 'event_type' ? { sub_event_type: '' } : {};
  setFilter({ [el.name]: v, ...extra });
});
form.addEventListener('input', (e) => {
  if (e.target.name !== 'q' && e.target.name !== 'actor') return;
  clearTimeout(typing);
  typing = setTimeout(() => setFilter({ [e.target.name]: e.target.value.trim() }), 350);
});
form.addEventListener('submit', (e) => e.preventDefault());
document.getElementById('reset').addEventListener('click', () => go(parseHash().parts[0] === 'stats' ? ['stats'] : [], new URLSearchParams()));
document.getElementById('bbox-clear').addEventListener('click', () => setFilter({ bbox: '' }));

// --- who am I -----------------------------------------------------------------------------------

async function loadMe() {
  try {
    state.me = await api('/me');
  } catch {
    state.me = { role: null };
  }
  const who = clear(document.getElementById('who'));
  if (getToken() && state.me.id) {
    who.append(h('span', { class: `role role-${state.me.role}` }, state.me.role), ` ${state.me.name} `, h('button', { type: 'button', onclick: () => signOut() }, 'Sign out'));
  } else {
    const input = h('input', { type: 'password', name: 'token', placeholder: 'API token', size: 14, autocomplete: 'off', 'aria-label': 'API token' });
    const f = h('form', { class: 'signin' }, state.me.role ? h('span', { class: 'muted' }, `${state.me.role} (anonymous) · `) : null, input, h('button', { type: 'submit' }, 'Sign in'));
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      setToken(input.value.trim());
      await loadMe();
      if (!state.me.id) {
        setToken(null);
        toast('That token is not valid.', 'error');
        await loadMe();
      } else route();
    });
    who.append(f);
  }
}

async function signOut() {
  setToken(null);
  await loadMe();
  route();
}

// --- views --------------------------------------------------------------------------------------

let deskMap = null;

async function deskView(filter) {
  const q = filter.toString();
  const mapBox = h('section', { class: 'panel map-panel' });
  const timeBox = h('section', { class: 'panel timeline' }, h('p', { class: 'muted' }, 'Loading…'));
  const tableBox = h('section', { class: 'panel table-panel' });
  clear(main).append(h('div', { class: 'desk' }, mapBox, h('div', { class: 'side' }, timeBox, tableBox)));
  deskMap = new IncidentMap(mapBox, {
    onSelect: (id) => go(['incident', id]),
    onBbox: (b) => setFilter({ bbox: b.join(',') }),
  });
  const [geo, stats] = await Promise.all([api(`/map?${q}`), api(`/stats?${q}`)]);
  deskMap.draw(geo);
  const useDays = stats.by_day && stats.by_day.length > 0 && stats.by_day.length <= 62 && stats.by_month.length <= 3;
  timeline(clear(timeBox), (useDays ? stats.by_day.map((d) => ({ ...d, key: d.day })) : stats.by_month.map((m) => ({ ...m, key: m.month }))), {
    onPick: (from, to) => setFilter({ from, to }),
  });
  timeBox.prepend(h('h2', {}, `${fmtNum(stats.total.incidents)} incidents, ${fmtNum(stats.total.fatalities)} fatalities`));
  await incidentTable(tableBox, filter, 0);
}

async function incidentTable(box, filter, offset) {
  const limit = 50;
  const page = await api(`/incidents?${filter.toString()}&offset=${offset}&limit=${limit}`);
  const rows = page.items.map((r) =>
    h(
      'tr',
      { class: `st-${r.status}`, 'data-id': r.id, tabindex: 0, onclick: () => go(['incident', r.id]), onkeydown: (e) => e.key === 'Enter' && go(['incident', r.id]) },
      h('td', { class: 'nowrap' }, r.event_date ?? '?'),
      h('td', {}, r.sub_event_type ?? r.event_type ?? ''),
      h('td', {}, [r.actor1, r.actor2].filter(Boolean).join(' v ')),
      h('td', {}, [r.location, r.admin1, r.country].filter(Boolean).join(', ')),
      h('td', { class: 'num' }, r.fatalities ?? '?'),
      h('td', { class: 'num' }, r.n_articles),
      h('td', {}, h('span', { class: `badge st-${r.status}` }, r.status), r.disputed ? h('span', { class: 'badge disputed' }, 'disputed') : null),
    ),
  );
  const exports = h(
    'span',
    { class: 'exports' },
    h('button', { type: 'button', onclick: () => download(`/export/acled.csv?${filter}`, 'sitrep-acled.csv').catch(fail) }, 'ACLED CSV'),
    h('button', { type: 'button', onclick: () => download(`/export/incidents.geojson?${filter}`, 'sitrep-incidents.geojson').catch(fail) }, 'GeoJSON'),
  );
  const pager = h(
    'div',
    { class: 'pager' },
    h('button', { type: 'button', disabled: offset === 0, onclick: () => incidentTable(box, filter, Math.max(0, offset - limit)) }, '‹ newer'),
    h('span', {}, page.total ? `${offset + 1}–${offset + page.items.length} of ${fmtNum(page.total)}` : 'no incidents'),
    h('button', { type: 'button', disabled: offset + limit >= page.total, onclick: () => incidentTable(box, filter, offset + limit) }, 'older ›'),
    exports,
  );
  clear(box).append(
    pager,
    h(
      'table',
      { class: 'incidents' },
      h('thead', {}, h('tr', {}, ['Date', 'Type', 'Actors', 'Place', 'Killed', 'Art.', 'Review'].map((t) => h('th', {}, t)))),
      h('tbody', {}, rows),
    ),
  );
}

async function statsView(filter) {
  const st = await api(`/stats?${filter}`);
  const months = st.by_month.filter((m) => m.month !== 'unknown');
  const provinces = st.by_admin1.slice(0, 12);
  const top = provinces.slice(0, 6).map((p) => `${p.country}\u0000${p.admin1}`);
  const cell = new Map(st.by_month_admin1.map((x) => [`${x.month}|${x.country}\u0000${x.admin1}`, x]));
  const pivot = h(
    'table',
    { class: 'tally' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Month'), top.map((k) => h('th', { colspan: 2 }, k.split('\u0000')[1])), h('th', { colspan: 2 }, 'Total'))),
    h('thead', {}, h('tr', { class: 'sub' }, h('th', {}), [...top, 'total'].map(() => [h('th', {}, 'inc.'), h('th', {}, 'killed')]))),
    h(
      'tbody',
      {},
      months.map((m) =>
        h(
          'tr',
          {},
          h('th', {}, m.month),
          top.map((k) => {
            const c = cell.get(`${m.month}|${k}`);
            return [h('td', { class: 'num' }, c ? c.incidents : '·'), h('td', { class: 'num' }, c ? c.fatalities : '·')];
          }),
          h('td', { class: 'num strong' }, m.incidents),
          h('td', { class: 'num strong' }, m.fatalities),
        ),
      ),
    ),
  );
  const tl = h('div', { class: 'timeline' });
  timeline(tl, months.map((m) => ({ ...m, key: m.month })), { onPick: (from, to) => setFilter({ from, to }) });
  clear(main).append(
    h(
      'div',
      { class: 'stats' },
      h('section', { class: 'panel wide' }, h('h2', {}, `${fmtNum(st.total.incidents)} incidents, ${fmtNum(st.total.fatalities)} fatalities`), tl),
      h('section', { class: 'panel wide' }, h('h2', {}, 'By month and province'), h('p', { class: 'muted' }, 'Incidents and fatalities per month in the provinces with the most fatalities, as the monthly security reports tally them.'), pivot),
      h('section', { class: 'panel' }, h('h2', {}, 'Fatalities by province'), barList(provinces.map((p) => ({ label: `${p.admin1}, ${p.country}`, value: p.fatalities, extra: `${p.incidents} inc.` })))),
      h('section', { class: 'panel' }, h('h2', {}, 'Incidents by type'), barList(st.by_type.map((t) => ({ label: t.event_type, value: t.incidents, extra: `${t.fatalities} killed` })))),
      h('section', { class: 'panel' }, h('h2', {}, 'Incidents by actor'), barList(st.by_actor.map((a) => ({ label: a.actor, value: a.incidents, extra: `${a.fatalities} killed` })))),
    ),
  );
}

function fail(e) {
  if (e instanceof ApiError && e.status === 401) {
    clear(main).append(h('section', { class: 'panel notice' }, h('h2', {}, 'Sign in'), h('p', {}, 'This desk needs an API token to read. Ask an admin for one (sitrep token create --role viewer) and enter it above.')));
    return;
  }
  toast(e.message ?? String(e), 'error');
}

async function route() {
  syncForm();
  const { parts } = parseHash();
  const filter = currentFilter();
  for (const a of document.querySelectorAll('[data-nav]')) a.classList.toggle('active', a.dataset.nav === (parts[0] === 'stats' || parts[0] === 'ingest' ? parts[0] : parts[0] === 'incident' || parts[0] === 'article' ? '' : 'desk'));
  document.body.dataset.view = parts[0] ?? 'desk';
  try {
    if (!state.options) {
      state.options = await api('/options');
      syncForm();
    }
    if (parts[0] === 'incident' && parts[1]) await incidentPage(main, parts[1]);
    else if (parts[0] === 'article' && parts[1]) await articlePage(main, parts[1]);
    else if (parts[0] === 'stats') await statsView(filter);
    else if (parts[0] === 'ingest') ingestPage(main);
    else await deskView(filter);
    document.body.dataset.ready = 'true';
  } catch (e) {
    state.options = state.options ?? null;
    fail(e);
    document.body.dataset.ready = 'true';
  }
}

export function refresh() {
  route();
}

window.addEventListener('hashchange', () => {
  document.body.dataset.ready = 'false';
  route();
});

tokenFromHash();
await loadMe();
await route();
