/**
 * The in-memory incident list (src/api/list-index.ts) filters through columns of codes and a
 * binary search over dates; a property test holds it to a plain reading of each filter, row by
 * row, on generated incidents (undated ones, ties, edge dates, a box across the antimeridian).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ListIndex, type ListFilter, type ListRow } from '../src/api/list-index.js';
import type { IncidentView } from '../src/store/overlay.js';
import { withStore } from './store-fixtures.js';

const here = '[api/list-index] ';

const COUNTRIES = ['Pakistan', 'Afghanistan', 'India', null];
const ADMIN1 = ['Balochistan', 'Punjab', 'Khost', null];
const TYPES = ['Battles', 'Protests', 'Explosions/Remote violence'];
const ACTORS = ['Police Forces of Pakistan', 'Taliban', 'Protesters (Pakistan)', null];
const STATUSES = ['new', 'reviewed', 'rejected', 'merged', 'orphaned'];
const DATES = ['2024-12-31', '2025-01-01', '2025-01-15', '2025-02-28', '2025-03-01', null];

const rowArb = fc.record({
  country: fc.constantFrom(...COUNTRIES),
  admin1: fc.constantFrom(...ADMIN1),
  event_type: fc.constantFrom(...TYPES),
  actor1: fc.constantFrom(...ACTORS),
  actor2: fc.constantFrom(...ACTORS),
  status: fc.constantFrom(...STATUSES),
  event_date: fc.constantFrom(...DATES),
  fatalities: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  lat: fc.option(fc.double({ min: -60, max: 60, noNaN: true }), { nil: null }),
  lon: fc.option(fc.double({ min: -180, max: 180, noNaN: true }), { nil: null }),
  disputed: fc.boolean(),
});

const filterArb: fc.Arbitrary<ListFilter> = fc.record(
  {
    from: fc.constantFrom('2025-01-01', '2025-01-10', '2025-03-01'),
    to: fc.constantFrom('2024-12-31', '2025-01-15', '2025-02-28'),
    country: fc.subarray(['pakistan', 'Afghanistan', 'INDIA', 'Nowhere'], { minLength: 1 }),
    admin1: fc.subarray(['Balochistan', 'punjab'], { minLength: 1 }),
    event_type: fc.subarray(TYPES, { minLength: 1 }),
    actor: fc.constantFrom('police', 'TALIBAN', 'pak', 'zzz'),
    bbox: fc.constantFrom<[number, number, number, number]>([60, 20, 80, 40], [170, -50, -170, 50], [-10, -10, 10, 10]),
    disputed: fc.boolean(),
    status: fc.subarray(STATUSES, { minLength: 1 }),
    min_fatalities: fc.integer({ min: 0, max: 10 }),
  },
  { requiredKeys: [] },
);

/** The filter as its documentation says it, one row at a time. */
function plain(rows: ListRow[], f: ListFilter): string[] {
  const lc = (s: string | null) => (s ?? '').toLowerCase();
  return rows
    .filter((r) => (f.status ? f.status.includes(r.status) : !['merged', 'orphaned'].includes(r.status)))
    .filter((r) => !f.from || (r.event_date !== null && r.event_date >= f.from))
    .filter((r) => !f.to || (r.event_date !== null && r.event_date <= f.to))
    .filter((r) => !f.country || f.country.map(lc).includes(lc(r.country)))
    .filter((r) => !f.admin1 || f.admin1.map(lc).includes(lc(r.admin1)))
    .filter((r) => !f.event_type || f.event_type.includes(r.event_type ?? ''))
    .filter((r) => !f.actor || lc(r.actor1).includes(f.actor.toLowerCase()) || lc(r.actor2).includes(f.actor.toLowerCase()))
    .filter((r) => f.disputed === undefined || r.disputed === f.disputed)
    .filter((r) => f.min_fatalities === undefined || (r.fatalities ?? 0) >= f.min_fatalities)
    .filter((r) => {
      const b = f.bbox;
      if (!b) return true;
      if (r.latitude === null || r.longitude === null || r.latitude < b[1] || r.latitude > b[3]) return false;
      return b[0] <= b[2] ? r.longitude >= b[0] && r.longitude <= b[2] : r.longitude >= b[0] || r.longitude <= b[2];
    })
    .sort((a, b) => ((a.event_date ?? '') === (b.event_date ?? '') ? (a.id < b.id ? -1 : 1) : (a.event_date ?? '') < (b.event_date ?? '') ? 1 : -1))
    .map((r) => r.id);
}

type Gen = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

function view(i: number, r: Gen): IncidentView {
  // Only the fields the list reads; the rest of a view does not matter to it.
  return {
    id: `i${String(i).padStart(4, '0')}`,
    status: r.status,
    merged_into: null,
    event_date: r.event_date,
    event_type: r.event_type,
    sub_event_type: null,
    country: r.country,
    admin1: r.admin1,
    admin2: null,
    location: null,
    actor1: r.actor1,
    actor2: r.actor2,
    fatalities: r.fatalities,
    latitude: r.lat,
    longitude: r.lon,
    disputed: r.disputed ? { summary: 'x', claims: [] } : null,
    articles: ['a'],
  } as unknown as IncidentView;
}

test(`${here}every filter agrees with its plain reading, row by row`, () =>
  withStore('sqlite', async (store) => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 60 }), fc.array(filterArb, { minLength: 1, maxLength: 5 }), async (rows, filters) => {
        const index = new ListIndex(store);
        await index.load();
        index.update(rows.map((r, i) => view(i, r)));
        const all = index.filter({ status: STATUSES });
        for (const f of filters) {
          const want = plain(all, f);
          assert.deepEqual(index.filter(f).map((r) => r.id), want, JSON.stringify(f));
          const page = index.page(f, 'date_desc', 1, 3);
          assert.equal(page.total, want.length);
          assert.deepEqual(page.rows.map((r) => r.id), want.slice(1, 4));
          assert.deepEqual(index.page(f, 'date_asc', 0, 2).rows.map((r) => r.id), [...want].reverse().slice(0, 2));
        }
      }),
      { numRuns: 150 },
    );
  }));

test(`${here}an update moves an incident to its new date and state`, () =>
  withStore('sqlite', async (store) => {
    const index = new ListIndex(store);
    await index.load();
    const base = { country: 'Pakistan', admin1: 'Punjab', event_type: 'Protests', actor1: null, actor2: null, status: 'new', fatalities: 0, lat: 31.5, lon: 74.3, disputed: false };
    index.update([view(1, { ...base, event_date: '2025-01-01' }), view(2, { ...base, event_date: '2025-02-01' })]);
    assert.deepEqual(index.filter({}).map((r) => r.id), ['i0002', 'i0001']);
    index.update([view(1, { ...base, event_date: '2025-03-01', status: 'merged' })]);
    assert.deepEqual(index.filter({}).map((r) => r.id), ['i0002']);
    assert.deepEqual(index.filter({ status: ['merged'] }).map((r) => r.id), ['i0001']);
    assert.deepEqual(index.filter({ from: '2025-02-15', status: STATUSES }).map((r) => r.id), ['i0001']);
    // The same date, another state and country: patched in place, seen at once.
    const before = index.stamp;
    index.update([view(2, { ...base, event_date: '2025-02-01', status: 'rejected', country: 'India' })]);
    assert.notEqual(index.stamp, before);
    assert.deepEqual(index.filter({ status: ['rejected'] }).map((r) => r.id), ['i0002']);
    assert.deepEqual(index.filter({ country: ['india'], status: STATUSES }).map((r) => r.id), ['i0002']);
    assert.deepEqual(index.filter({ country: ['pakistan'], status: STATUSES }).map((r) => r.id), ['i0001']);
  }));
