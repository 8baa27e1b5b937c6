// The incident table, for triage: columns sort (click a heading; again to reverse), a column
// chooser (kept in this browser), compact one-line actor cells, keyboard navigation (↑/↓ or j/k
// to move, Enter to open, Space or x to select, a to accept and r to reject the selection),
// multi-select with bulk accept/reject (one request, POST /api/incidents/review), and the exports
// of exactly this view (its filter and its order).

import { api, download } from './api.js';
import { clear, fmtNum, h, toast } from './dom.js';
import { canEdit, go } from './nav.js';

const COLUMNS = [
  { key: 'date', label: 'Date', sort: 'date', cell: (r) => h('td', { class: 'nowrap' }, r.event_date ?? '?') },
  { key: 'type', label: 'Type', sort: 'type', cell: (r) => h('td', { class: 'type' }, r.sub_event_type ?? r.event_type ?? '') },
  {
    key: 'actors',
    label: 'Actors',
    cell: (r) => {
      const full = [r.actor1, r.actor2].filter(Boolean).join(' v ');
      // One line, cut with an ellipsis: the full names are in the cell's tooltip and the incident page.
      return h('td', { class: 'actors', title: full }, h('span', { class: 'a1' }, r.actor1 ?? '?'), r.actor2 ? [h('span', { class: 'v' }, ' v '), h('span', { class: 'a2' }, r.actor2)] : null);
    },
  },
  { key: 'place', label: 'Place', sort: 'place', cell: (r) => h('td', { class: 'place', title: [r.location, r.admin2, r.admin1, r.country].filter(Boolean).join(', ') }, [r.location, r.admin1, r.country].filter(Boolean).join(', ')) },
  { key: 'fatalities', label: 'Killed', sort: 'fatalities', cell: (r) => h('td', { class: 'num' }, r.fatalities ?? '?') },
  { key: 'confidence', label: 'Conf.', sort: 'confidence', cell: (r) => h('td', { class: 'num', title: 'the chance the incident is real and told where and when it says' }, r.confidence === null || r.confidence === undefined ? '–' : r.confidence.toFixed(2)) },
  { key: 'sources', label: 'Art.', sort: 'sources', cell: (r) => h('td', { class: 'num' }, r.n_articles) },
  { key: 'status', label: 'Review', sort: 'status', cell: (r) => h('td', { class: 'nowrap' }, h('span', { class: `badge st-${r.status}` }, r.status), r.disputed ? h('span', { class: 'badge disputed' }, 'disputed') : null) },
];

const HIDDEN_KEY = 'sitrep-hidden-columns';
const SORT_KEY = 'sitrep-sort';
const hidden = () => new Set(JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? '[]'));

/** The table's order ('date_desc', 'confidence_asc', …), kept for this tab. */
export function currentSort() {
  return sessionStorage.getItem(SORT_KEY) ?? 'date_desc';
}

export class IncidentTable {
  constructor(box, filter, { onChange, ready } = {}) {
    this.box = box;
    this.filter = filter;
    this.offset = 0;
    this.limit = 50;
    this.selected = new Set();
    this.onChange = onChange;
    // Drawn only once this settles (who is signed in decides the edit controls).
    this.ready = ready ?? Promise.resolve();
  }

  async load(offset = this.offset) {
    this.offset = offset;
    const sort = currentSort();
    const [page] = await Promise.all([api(`/incidents?${this.filter.toString()}&offset=${offset}&limit=${this.limit}&sort=${sort}`), this.ready]);
    this.page = page;
    this.render();
  }

  render() {
    const page = this.page;
    const sort = currentSort();
    const [sortCol, sortDir] = sort.split('_');
    const hide = hidden();
    const cols = COLUMNS.filter((c) => !hide.has(c.key));
    const editable = canEdit();
    const rows = page.items.map((r) => {
      const box = h('input', { type: 'checkbox', class: 'sel', 'aria-label': `select incident ${r.id}`, tabindex: -1 });
      box.checked = this.selected.has(r.id);
      box.addEventListener('click', (e) => {
        e.stopPropagation();
        this.toggle(r.id, box.checked);
      });
      const tr = h('tr', { class: `st-${r.status}${this.selected.has(r.id) ? ' picked' : ''}`, 'data-id': r.id, tabindex: 0 }, h('td', { class: 'selcell' }, box), cols.map((c) => c.cell(r)));
      tr.addEventListener('click', () => go(['incident', r.id]));
      tr.addEventListener('keydown', (e) => this.key(e, tr, r));
      return tr;
    });
    const allBox = h('input', { type: 'checkbox', 'aria-label': 'select all on this page' });
    allBox.checked = page.items.length > 0 && page.items.every((r) => this.selected.has(r.id));
    allBox.addEventListener('change', () => {
      for (const r of page.items) this.toggle(r.id, allBox.checked, false);
      this.render();
    });
    const head = h(
      'tr',
      {},
      h('th', { class: 'selcell' }, allBox),
      cols.map((c) => {
        if (!c.sort) return h('th', { 'data-col': c.key, class: `col-${c.key}` }, c.label);
        const on = sortCol === c.sort;
        const next = on && sortDir === 'desc' ? 'asc' : 'desc';
        return h(
          'th',
          { 'aria-sort': on ? (sortDir === 'asc' ? 'ascending' : 'descending') : 'none', 'data-col': c.key, class: `col-${c.key}` },
          h('button', { type: 'button', class: 'sort', title: `sort by ${c.label.toLowerCase()}`, onclick: () => this.sortBy(`${c.sort}_${next}`) }, c.label, on ? (sortDir === 'asc' ? ' ▲' : ' ▼') : ''),
        );
      }),
    );
    const chooser = h(
      'details',
      { class: 'chooser' },
      h('summary', {}, 'Columns'),
      h(
        'div',
        { class: 'chooser-list' },
        COLUMNS.map((c) => {
          const cb = h('input', { type: 'checkbox', name: `col-${c.key}` });
          cb.checked = !hide.has(c.key);
          cb.addEventListener('change', () => {
            const hs = hidden();
            if (cb.checked) hs.delete(c.key);
            else hs.add(c.key);
            localStorage.setItem(HIDDEN_KEY, JSON.stringify([...hs]));
            this.render();
            this.box.querySelector('details.chooser').open = true;
          });
          return h('label', {}, cb, ' ', c.label);
        }),
      ),
    );
    const q = () => `${this.filter}${this.filter.toString() ? '&' : ''}sort=${currentSort()}`;
    const exports = h(
      'span',
      { class: 'exports' },
      h('button', { type: 'button', title: 'this filter, in this order, with sitrep\'s columns', 'data-export': 'view', onclick: () => download(`/export/sitrep.csv?${q()}`, 'sitrep-view.csv').catch((e) => toast(e.message, 'error')) }, 'Export this view'),
      h('button', { type: 'button', onclick: () => download(`/export/acled.csv?${q()}`, 'sitrep-acled.csv').catch((e) => toast(e.message, 'error')) }, 'ACLED CSV'),
      h('button', { type: 'button', onclick: () => download(`/export/incidents.geojson?${this.filter}`, 'sitrep-incidents.geojson').catch((e) => toast(e.message, 'error')) }, 'GeoJSON'),
    );
    const n = this.selected.size;
    const bulk = h(
      'div',
      { class: 'bulk', hidden: n === 0 },
      h('strong', {}, `${n} selected`),
      h('button', { type: 'button', class: 'ok', disabled: !editable, 'data-bulk': 'accept', onclick: () => this.bulk('accept') }, 'Accept'),
      h('button', { type: 'button', class: 'bad', disabled: !editable, 'data-bulk': 'reject', onclick: () => this.bulk('reject') }, 'Reject'),
      h('button', { type: 'button', onclick: () => { this.selected.clear(); this.render(); } }, 'Clear'),
      editable ? null : h('span', { class: 'readonly' }, 'Sign in as an analyst to review.'),
    );
    const pager = h(
      'div',
      { class: 'pager' },
      h('button', { type: 'button', disabled: this.offset === 0, onclick: () => this.load(Math.max(0, this.offset - this.limit)) }, '‹ prev'),
      h('span', {}, page.total ? `${this.offset + 1}–${this.offset + page.items.length} of ${fmtNum(page.total)}` : 'no incidents'),
      h('button', { type: 'button', disabled: this.offset + this.limit >= page.total, onclick: () => this.load(this.offset + this.limit) }, 'next ›'),
      chooser,
      exports,
    );
    const focused = document.activeElement?.closest?.('tr[data-id]')?.dataset.id;
    clear(this.box).append(pager, bulk, h('div', { class: 'table-scroll' }, h('table', { class: 'incidents', 'aria-label': 'incidents' }, h('thead', {}, head), h('tbody', {}, rows))), h('p', { class: 'muted keys' }, 'Keys: ↑/↓ move · Enter open · Space select · a accept · r reject the selection'));
    if (focused) this.box.querySelector(`tr[data-id="${CSS.escape(focused)}"]`)?.focus();
  }

  toggle(id, on, redraw = true) {
    if (on) this.selected.add(id);
    else this.selected.delete(id);
    if (redraw) this.render();
  }

  sortBy(sort) {
    sessionStorage.setItem(SORT_KEY, sort);
    this.load(0);
  }

  key(e, tr, r) {
    const move = (d) => {
      const next = d > 0 ? tr.nextElementSibling : tr.previousElementSibling;
      if (next) next.focus();
      e.preventDefault();
    };
    if (e.key === 'ArrowDown' || e.key === 'j') move(1);
    else if (e.key === 'ArrowUp' || e.key === 'k') move(-1);
    else if (e.key === 'Enter') go(['incident', r.id]);
    else if (e.key === ' ' || e.key === 'x') {
      e.preventDefault();
      this.toggle(r.id, !this.selected.has(r.id));
    } else if ((e.key === 'a' || e.key === 'r') && canEdit()) {
      if (this.selected.size === 0) this.selected.add(r.id);
      this.bulk(e.key === 'a' ? 'accept' : 'reject');
    }
  }

  async bulk(action) {
    const ids = [...this.selected];
    if (ids.length === 0) return;
    try {
      const r = await api('/incidents/review', { method: 'POST', body: { ids, action } });
      toast(`${r.updated} incident${r.updated === 1 ? '' : 's'} ${action === 'accept' ? 'accepted' : 'rejected'}.`);
      this.selected.clear();
      await this.load();
      this.onChange?.();
    } catch (e) {
      toast(e.message, 'error');
    }
  }
}
