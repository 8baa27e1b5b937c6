// The analysts' desk: one filter bar drives the map, the timeline, the table and the stats; the
// incident page shows each field with its evidence highlighted in the article text.

import { api, ApiError, download, getToken, setToken, tokenFromHash } from './api.js';
import { append, clear, colourOf, fmtNum, h, toast } from './dom.js';
import { IncidentMap } from './map.js';
import { barList, downloads, smallMultiples, timeline } from './charts.js';
import { IncidentTable } from './table.js';
// The incident, article and "add news" pages load when first opened (or when the browser is idle
// after the first view is drawn): the desk's first load does not wait for them. A page whose code
// arrives after the address has moved on is not drawn over the newer view.
let routeGen = 0;
const PAGES = { incident: () => import('./incident.js'), article: () => import('./article.js'), ingest: () => import('./ingest.js') };
const lazy = (mod, name) => async (...a) => {
  const gen = routeGen;
  const m = await PAGES[mod]();
  if (gen === routeGen) return m[name](...a);
};
const incidentPage = lazy('incident', 'incidentPage');
const articlePage = lazy('article', 'articlePage');
const ingestPage = lazy('ingest', 'ingestPage');
import { canEdit, currentFilter, FILTER_KEYS, go, parseHash, state } from './nav.js';
import './alert.js';

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
  // A token the server no longer knows (a restart forgets a session token, an admin revoked it):
  // drop it and read anonymously where the server allows that, saying so.
  if (getToken() && !state.me.id) {
    setToken(null);
    try {
      state.me = await api('/me');
    } catch {
      state.me = { role: null };
    }
    toast(state.me.role ? `Your sign-in has expired; you are reading anonymously (${state.me.role}). Sign in again to review.` : 'Your sign-in has expired. Sign in again.', 'error');
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

async function deskView(box, filter) {
  const q = filter.toString();
  const mapBox = h('section', { class: 'panel map-panel' });
  const timeBox = h('section', { class: 'panel timeline' }, h('p', { class: 'muted' }, 'Loading…'));
  const tableBox = h('section', { class: 'panel table-panel' });
  clear(box).append(h('div', { class: 'desk' }, mapBox, h('div', { class: 'side' }, timeBox, tableBox)));
  deskMap = new IncidentMap(mapBox, {
    query: q,
    onSelect: (id) => go(['incident', id]),
    onBbox: (b) => setFilter({ bbox: b.join(',') }),
  });
  // The table's edit controls depend on the role: it is drawn once /me has answered (asked at the
  // same time as the view's data, it comes back first).
  const table = new IncidentTable(tableBox, filter, { onChange: () => refreshCounts(), ready: state.meReady });
  const oneCountry = filter.get('country') && !filter.get('country').includes(',') ? filter.get('country') : null;
  const oneProvince = filter.get('admin1') && !filter.get('admin1').includes(',') ? filter.get('admin1') : null;
  const [stats] = await Promise.all([api(`/stats?${q}${q ? '&' : ''}only=timeline`), table.load(0), deskMap.draw({ country: oneCountry, admin1: oneProvince })]);
  drawTimeline(timeBox, stats);
  async function refreshCounts() {
    drawTimeline(timeBox, await api(`/stats?${q}${q ? '&' : ''}only=timeline`));
  }
}

/** Days for a span of a few weeks, months otherwise; each bucket with its incidents by type. */
function drawTimeline(box, stats) {
  const useDays = stats.by_day && stats.by_day.length > 0 && stats.by_day.length <= 62 && stats.by_month.length <= 3 && stats.by_day_type;
  const types = new Map();
  for (const x of useDays ? stats.by_day_type : stats.by_month_type ?? []) {
    const k = useDays ? x.day : x.month;
    if (!types.has(k)) types.set(k, {});
    types.get(k)[x.event_type] = x.incidents;
  }
  const buckets = (useDays ? stats.by_day.map((d) => ({ ...d, key: d.day })) : stats.by_month.map((m) => ({ ...m, key: m.month }))).map((b) => ({ ...b, types: types.get(b.key) }));
  timeline(clear(box), buckets, { onPick: (from, to) => setFilter({ from, to }) });
  box.prepend(h('h2', {}, `${fmtNum(stats.total.incidents)} incidents, ${fmtNum(stats.total.fatalities)} fatalities`));
}

async function statsView(box, filter) {
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
  drawTimeline(tl, st);
  tl.querySelector('h2')?.remove();
  const monthKeys = months.map((m) => m.month);
  // Trends: one small chart per event type and per leading actor, monthly incidents.
  const seriesOf = (rows, key) => {
    const out = new Map();
    for (const r of rows) {
      if (r.month === 'unknown') continue;
      if (!out.has(r[key])) out.set(r[key], {});
      out.get(r[key])[r.month] = r.incidents;
    }
    return [...out].map(([name, values]) => ({ name, values }));
  };
  const typeSeries = seriesOf(st.by_month_type ?? [], 'event_type').filter((x) => x.name !== 'unknown');
  const actorSeries = seriesOf(st.by_month_actor ?? [], 'actor');
  const typeChart = smallMultiples(monthKeys, typeSeries, { colour: colourOf });
  const actorChart = smallMultiples(monthKeys, actorSeries);
  const trendTable = (series, what) => [['month', ...series.map((x) => x.name)], monthKeys.map((m) => [m, ...series.map((x) => x.values[m] ?? 0)]), what];
  const pivotCsv = () => [
    ['month', ...top.flatMap((k) => [`${k.split('\u0000')[1]} incidents`, `${k.split('\u0000')[1]} fatalities`]), 'total incidents', 'total fatalities'],
    months.map((m) => [m.month, ...top.flatMap((k) => {
      const c = cell.get(`${m.month}|${k}`);
      return [c ? c.incidents : 0, c ? c.fatalities : 0];
    }), m.incidents, m.fatalities]),
  ];
  const tlSvg = () => tl.querySelector('svg');
  clear(box).append(
    h(
      'div',
      { class: 'stats' },
      h('section', { class: 'panel wide' }, h('h2', {}, `${fmtNum(st.total.incidents)} incidents, ${fmtNum(st.total.fatalities)} fatalities`), tl, downloads({ name: 'sitrep-timeline', svg: tlSvg, csv: () => [['month', 'incidents', 'fatalities'], months.map((m) => [m.month, m.incidents, m.fatalities])] })),
      h('section', { class: 'panel wide', id: 'by-month-province' }, h('h2', {}, 'By month and province'), h('p', { class: 'muted' }, 'Incidents and fatalities per month in the provinces with the most fatalities, as the monthly security reports tally them.'), h('div', { class: 'table-scroll' }, pivot), downloads({ name: 'sitrep-month-province', csv: pivotCsv })),
      h('section', { class: 'panel wide', id: 'trend-type' }, h('h2', {}, 'Monthly incidents by type'), typeChart, downloads({ name: 'sitrep-trend-type', svg: () => typeChart, csv: () => trendTable(typeSeries).slice(0, 2) })),
      h('section', { class: 'panel wide', id: 'trend-actor' }, h('h2', {}, 'Monthly incidents by actor (the most active)'), actorChart, downloads({ name: 'sitrep-trend-actor', svg: () => actorChart, csv: () => trendTable(actorSeries).slice(0, 2) })),
      h('section', { class: 'panel', id: 'by-province' }, h('h2', {}, 'Fatalities by province'), barList(provinces.map((p) => ({ label: `${p.admin1}, ${p.country}`, value: p.fatalities, extra: `${p.incidents} inc.` }))), downloads({ name: 'sitrep-province', csv: () => [['country', 'admin1', 'incidents', 'fatalities'], st.by_admin1.map((p) => [p.country, p.admin1, p.incidents, p.fatalities])] })),
      h('section', { class: 'panel', id: 'by-type' }, h('h2', {}, 'Incidents by type'), barList(st.by_type.map((t) => ({ label: t.event_type, value: t.incidents, extra: `${t.fatalities} killed` }))), downloads({ name: 'sitrep-type', csv: () => [['event_type', 'incidents', 'fatalities'], st.by_type.map((t) => [t.event_type, t.incidents, t.fatalities])] })),
      h('section', { class: 'panel', id: 'by-actor' }, h('h2', {}, 'Incidents by actor'), barList(st.by_actor.map((a) => ({ label: a.actor, value: a.incidents, extra: `${a.fatalities} killed` }))), downloads({ name: 'sitrep-actor', csv: () => [['actor', 'incidents', 'fatalities'], st.by_actor.map((a) => [a.actor, a.incidents, a.fatalities])] })),
    ),
  );
}

async function fail(e) {
  // A token that went stale while the page was open: fall back to anonymous reading.
  if (e instanceof ApiError && e.status === 401 && getToken()) {
    await loadMe();
    if (!getToken()) return route();
  }
  if (e instanceof ApiError && e.status === 401) {
    clear(main).append(h('section', { class: 'panel notice' }, h('h2', {}, 'Sign in'), h('p', {}, 'This desk needs an API token to read. Ask an admin for one (sitrep token create --role viewer) and enter it above.')));
    return;
  }
  toast(e.message ?? String(e), 'error');
}

async function route() {
  routeGen++;
  syncForm();
  const { parts } = parseHash();
  const filter = currentFilter();
  for (const a of document.querySelectorAll('[data-nav]')) a.classList.toggle('active', a.dataset.nav === (parts[0] === 'stats' || parts[0] === 'ingest' ? parts[0] : parts[0] === 'incident' || parts[0] === 'article' ? '' : 'desk'));
  document.body.dataset.view = parts[0] ?? 'desk';
  // Each view draws into a box of its own: a view still loading when the address moves on (an
  // incident opened, then the desk again) draws into its box, no longer on the page.
  const box = h('div', { class: 'view' }, h('p', { class: 'muted' }, 'Loading…'));
  clear(main).append(box);
  try {
    // The filter bar's choices are asked alongside the view's data, not before it.
    const options = state.options
      ? null
      : api('/options').then((o) => {
          state.options = o;
          syncForm();
        });
    const view =
      parts[0] === 'incident' && parts[1]
        ? incidentPage(box, parts[1])
        : parts[0] === 'article' && parts[1]
          ? articlePage(box, parts[1])
          : parts[0] === 'stats'
            ? statsView(box, filter)
            : parts[0] === 'ingest'
              ? ingestPage(box)
              : deskView(box, filter);
    await Promise.all([options, view]);
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

window.addEventListener('hashchange', async () => {
  document.body.dataset.ready = 'false';
  // A sign-in link pasted into a tab that has the desk open changes only the #fragment.
  if (tokenFromHash()) await loadMe();
  route();
});

// At a phone's width the filters fold into a panel opened by this button.
document.getElementById('filters-toggle')?.addEventListener('click', () => {
  const open = document.body.classList.toggle('filters-open');
  document.getElementById('filters-toggle').setAttribute('aria-expanded', String(open));
});

tokenFromHash();
// Who is signed in, what the filter bar offers and the view's data are asked at once. With a
// token, /me answers first: a stale token is dropped (the page then reads anonymously) before
// the view's requests carry it.
if (getToken()) await loadMe();
else state.meReady = loadMe();
await route();
(window.requestIdleCallback ?? setTimeout)(() => Object.values(PAGES).forEach((load) => load().catch(() => {})));
