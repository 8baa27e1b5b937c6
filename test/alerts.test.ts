/**
 * Alert rules against a real store (SQLite, and PostgreSQL where reachable): a rule fires once per
 * incident and change (a new incident, a toll update, an analyst's edit, a merge), never twice for
 * the same change, never on an unrelated incident; its Atom feed parses back with fast-xml-parser.
 * The incidents are coded by hand (store-fixtures.ts), so these tests do not move with extraction.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { XMLParser } from 'fast-xml-parser';
import { atomFeed } from '../src/alerts/atom.js';
import { addRule, listRules, removeRule, ruleAlerts } from '../src/alerts/rules-store.js';
import { FilterError, parseFilter } from '../src/alerts/rule.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { CLI } from './paths.js';
import { DIALECTS, prepared, skipFor, withStore, type Spec } from './store-fixtures.js';

const KURRAM: Spec = { date: '2025-05-03', sub: 'Suicide bomb', country: 'Pakistan', admin1: 'Khyber Pakhtunkhwa', admin2: 'Kurram', location: 'Parachinar', lat: 33.9, lon: 70.1, actor1: 'Unidentified Armed Group (Pakistan)', inter1: 3, actor2: 'Civilians (Pakistan)', inter2: 7 };
const LAHORE: Spec = { date: '2025-05-03', sub: 'Peaceful protest', country: 'Pakistan', admin1: 'Punjab', location: 'Lahore', lat: 31.55, lon: 74.34, actor1: 'Protesters (Pakistan)', inter1: 6 };

// Texts written for these tests.
const WIRE = {
  id: 'kurram-wire',
  url: 'https://example.org/wire/parachinar-bombing',
  source: 'Example Wire',
  title: 'Suicide bomber kills 12 & wounds dozens <in Parachinar>',
  text: 'PARACHINAR: A suicide bomber blew himself up in a crowded market in Parachinar, Kurram district, on Saturday, killing 12 people, officials said.',
};
const LOCAL = {
  id: 'kurram-local',
  url: 'https://example.org/local/parachinar-toll-rises',
  source: 'Example Daily',
  text: 'The toll of Saturday\'s suicide bombing in a Parachinar market rose to 21 after nine of the wounded died in hospital, a district official said.',
};
const PROTEST = {
  id: 'lahore-protest',
  source: 'Example Daily',
  text: 'Hundreds of traders marched peacefully through Lahore on Saturday against a new tax, and dispersed in the evening.',
};

async function events(store: Store, rule: string) {
  return (await ruleAlerts(store, rule)).reverse();
}

test('[alerts] a rule filter is read from the desk\'s query string and checked', () => {
  assert.deepEqual(parseFilter('#/?country=Pakistan&admin2=&admin1=Khyber Pakhtunkhwa,Balochistan&min_fatalities=5&disputed=false&offset=50&sort=date_asc'), {
    country: ['Pakistan'],
    admin1: ['Khyber Pakhtunkhwa', 'Balochistan'],
    min_fatalities: 5,
    disputed: false,
  });
  assert.deepEqual(parseFilter('bbox=69,33,71,34.5&sub_event_type=Suicide bomb'), { bbox: [69, 33, 71, 34.5], sub_event_type: ['Suicide bomb'] });
  assert.throws(() => parseFilter('sub_event_type=Suicide bombing'), FilterError);
  assert.throws(() => parseFilter('min_fatalities=many'), /min_fatalities/);
  assert.throws(() => parseFilter('bbox=69,35,71,34'), /minLat/);
  assert.throws(() => parseFilter('offset=10'), /empty/);
  assert.throws(() => parseFilter('colour=red'), FilterError);
});

test('[alerts/cli] sitrep alert add, list, remove', async () => {
  await withStore('sqlite', async (store, target) => {
    const run = (...args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, 'alert', ...args, '--db', target], { encoding: 'utf8' });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const bad = run('add', '--name', 'x', '--filter', 'sub_event_type=Suicide bombing');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /bad filter \(sub_event_type\.0\)/);
    const add = run('add', '--name', 'Kurram', '--owner', 'amina', '--filter', 'country=Pakistan&sub_event_type=Suicide bomb', '--webhook', 'https://hooks.example.org/x', '--public-url', 'https://desk.example.org');
    assert.equal(add.code, 0, add.err);
    const id = add.out.trim();
    assert.match(id, /^r[0-9a-f]{10}$/);
    const rule = (await listRules(store))[0]!;
    assert.equal(rule.id, id);
    assert.match(add.err, new RegExp(`feed: https://desk\\.example\\.org/api/alerts/${id}/feed\\.atom\\?key=${rule.feed_key}`));
    assert.ok(add.err.includes(rule.webhook_secret!), 'the signing secret is printed for the receiver');
    const list = run('list');
    assert.equal(list.out, `${id}  amina  Kurram  [country=Pakistan&sub_event_type=Suicide+bomb]  → webhook https://hooks.example.org/x, feed\n`);
    assert.equal(run('remove', id).code, 0);
    const again = run('remove', id);
    assert.deepEqual([again.code, again.err], [2, `sitrep: no alert rule ${id}\n`]);
  });
});

for (const dialect of DIALECTS) {
  const here = `[alerts/${dialect}] `;
  const skip = skipFor(dialect);

  test(here + 'fires once per incident and change: new, toll update, edit, merge; never twice, never on an unrelated incident', { skip }, async () => {
    await withStore(dialect, async (store) => {
      let kicks = 0;
      store.alertListeners.add(() => kicks++);
      const kurram = await addRule(store, { name: 'Kurram bombings', owner: 'amina', filter: parseFilter('country=pakistan&sub_event_type=Suicide bomb&bbox=69,33,71,34.5'), webhook_url: 'http://127.0.0.1:1/hook' });
      const big = await addRule(store, { name: 'Tolls over 20', owner: 'amina', filter: parseFilter('min_fatalities=20') });
      const words = await addRule(store, { name: 'Market attacks', owner: 'omar', filter: parseFilter('q=crowded market') });
      const punjab = await addRule(store, { name: 'Punjab', owner: 'omar', filter: parseFilter('admin1=Punjab&event_type=Battles') });
      assert.equal((await listRules(store)).length, 4);
      assert.deepEqual((await listRules(store, 'omar')).map((r) => r.name), ['Market attacks', 'Punjab']);

      // A new incident that matches: one alert for each matching rule, one pending webhook delivery.
      await store.saveBatch([prepared(WIRE, [{ ...KURRAM, fatalities: 12 }]), prepared(PROTEST, [LAHORE])]);
      await store.fuseDirty();
      assert.equal(kicks, 1, 'the listener hears of the committed alerts once');
      let k = await events(store, kurram.id);
      assert.equal(k.length, 1);
      assert.equal(k[0]!.kind, 'new');
      const id = k[0]!.incident_id;
      assert.equal(k[0]!.payload.title, 'Suicide bomb in Parachinar, Khyber Pakhtunkhwa, Pakistan on 2025-05-03: 12 killed');
      assert.deepEqual(k[0]!.payload.sources, [{ article: 'kurram-wire', title: WIRE.title, source: 'Example Wire', url: WIRE.url }]);
      assert.equal(k[0]!.payload.path, `/#/incident/${id}`);
      assert.equal((await events(store, big.id)).length, 0, 'a toll of 12 is not over 20');
      assert.deepEqual((await events(store, words.id)).map((e) => e.incident_id), [id], 'the text words are in the wire story');
      assert.equal((await events(store, punjab.id)).length, 0, 'a protest in Punjab is no battle');
      const deliveries = await store.db.selectFrom('alert_deliveries').selectAll().execute();
      assert.deepEqual(deliveries.map((d) => [d.rule_id, d.channel, d.status]), [[kurram.id, 'webhook', 'pending']]);

      // The same article again, and fusing again: nothing changes, nothing fires.
      await store.saveBatch([prepared(WIRE, [{ ...KURRAM, fatalities: 12 }])]);
      await store.fuseDirty();
      assert.equal((await events(store, kurram.id)).length, 1);
      assert.equal(kicks, 1);

      // A second outlet raises the toll: the same incident, a change, one more alert per rule.
      await store.saveBatch([prepared(LOCAL, [{ ...KURRAM, fatalities: 21, actor1: null, inter1: null }])]);
      await store.fuseDirty();
      const inc = (await store.incidents({ country: 'Pakistan', eventType: 'Explosions/Remote violence' }))[0]!;
      assert.equal(inc.id, id);
      assert.deepEqual(inc.articles, ['kurram-local', 'kurram-wire'].sort());
      k = await events(store, kurram.id);
      assert.deepEqual(k.map((e) => [e.kind, e.payload.facts.fatalities, e.payload.facts.fatalities_high]), [['new', 12, null], ['update', inc.fatalities, 21]]);
      assert.equal(k[1]!.payload.sources.length, 2);
      const b = await events(store, big.id);
      assert.equal(b.length, inc.fatalities! >= 20 ? 1 : 0, 'the toll over 20 rule fires once the best figure passes 20');

      // An analyst sets the toll: a change, fired once; the same value set again is no change.
      await store.edit({ incident: id, author: 'amina', action: 'set', field: 'fatalities', value: 22 });
      await store.edit({ incident: id, author: 'amina', action: 'set', field: 'fatalities', value: 22, note: 'checked twice' });
      k = await events(store, kurram.id);
      assert.deepEqual(k.map((e) => e.payload.facts.fatalities), [12, inc.fatalities, 22]);
      assert.deepEqual((await events(store, big.id)).map((e) => e.payload.facts.fatalities).slice(-1), [22]);
      // Reviewing it changes nothing an alert says.
      await store.edit({ incident: id, author: 'amina', action: 'review' });
      assert.equal((await events(store, kurram.id)).length, 3);
      // Rejected: no alert (it is no news); reopened with the same facts: fired before, not again.
      await store.edit({ incident: id, author: 'amina', action: 'reject' });
      await store.edit({ incident: id, author: 'amina', action: 'reopen' });
      assert.equal((await events(store, kurram.id)).length, 3);
      assert.equal((await events(store, punjab.id)).length, 0, 'the unrelated rule never fired');
      // Each alert has its webhook delivery, once.
      assert.equal(Number((await store.db.selectFrom('alert_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('rule_id', '=', kurram.id).executeTakeFirstOrThrow()).n), 3);

      // The feed: valid XML, Atom's elements, the text escaped and read back as written.
      const xml = atomFeed(kurram, await ruleAlerts(store, kurram.id), 'http://127.0.0.1:8787', `http://127.0.0.1:8787/api/alerts/${kurram.id}/feed.atom?key=${kurram.feed_key}`);
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (n) => n === 'entry' || n === 'link' }).parse(xml, true);
      const feed = parsed.feed;
      assert.equal(feed['@_xmlns'], 'http://www.w3.org/2005/Atom');
      assert.equal(feed.title, 'sitrep alerts: Kurram bombings');
      assert.equal(feed.id, `urn:sitrep:alert-rule:${kurram.id}`);
      assert.equal(feed.entry.length, 3);
      const first = feed.entry[2];
      assert.match(first.summary['#text'], /Sources: Example Wire <https:\/\/example\.org\/wire\/parachinar-bombing>/);
      assert.match(first.summary['#text'], /"PARACHINAR: A suicide bomber|"test"/);
      assert.equal(first.link[0]['@_href'], `http://127.0.0.1:8787/#/incident/${id}`);
      assert.equal(feed.entry[0].title, 'Update: Suicide bomb in Parachinar, Khyber Pakhtunkhwa, Pakistan on 2025-05-03: 22 killed (12–21)');
      assert.ok(!xml.includes('<in Parachinar>'), 'text is escaped');
      for (const e of feed.entry) {
        assert.ok(!Number.isNaN(Date.parse(e.updated)), 'updated is a date');
        assert.match(e.id, /^urn:sitrep:alert:/);
      }

      // Removing a rule removes its alerts; the others stay.
      assert.equal(await removeRule(store, kurram.id), true);
      assert.equal(await removeRule(store, kurram.id), false);
      assert.equal((await events(store, kurram.id)).length, 0);
      assert.ok((await events(store, words.id)).length >= 1);
    });
  });

  test(here + 'a merge fires the surviving incident once (its toll range changed), the one folded in never', { skip }, async () => {
    await withStore(dialect, async (store) => {
      const rule = await addRule(store, { name: 'Suicide bombs in Pakistan', owner: 'amina', filter: parseFilter('country=Pakistan&sub_event_type=Suicide bomb') });
      // Two reports fusion keeps apart (different places).
      await store.saveBatch([prepared(WIRE, [{ ...KURRAM, fatalities: 3 }]), prepared(PROTEST, [{ ...KURRAM, location: 'Sadda', lat: 33.7, lon: 70.33, fatalities: 9, actor1: null, inter1: null }])]);
      await store.fuseDirty();
      const all = await store.incidents();
      assert.equal(all.length, 2);
      const small = all.find((v) => v.fatalities === 3)!;
      const large = all.find((v) => v.fatalities === 9)!;
      const before = await events(store, rule.id);
      assert.deepEqual(before.map((e) => e.kind), ['new', 'new']);
      await store.edit({ incident: small.id, author: 'amina', action: 'merge', other: large.id });
      const merged = (await store.incident(small.id))!;
      assert.deepEqual([merged.articles.length, merged.fatalities_low, merged.fatalities_high], [2, 3, 9]);
      assert.equal((await store.incident(large.id))!.status, 'merged');
      const after = await events(store, rule.id);
      assert.deepEqual(after.slice(2).map((e) => [e.incident_id, e.kind, e.payload.facts.fatalities_high]), [[small.id, 'update', 9]]);
      // Fusing again (nothing new) fires nothing.
      await store.fuseDirty();
      assert.equal((await events(store, rule.id)).length, 3);
    });
  });

  test(here + 'two processes fusing the same block at once fire each alert once (the unique row)', { skip }, async () => {
    await withStore(dialect, async (store, target) => {
      const rule = await addRule(store, { name: 'Pakistan', owner: 'amina', filter: parseFilter('country=Pakistan') });
      const other = await openStore(target);
      try {
        for (let round = 0; round < 3; round++) {
          await store.saveBatch([prepared({ ...WIRE, id: `wire-${round}`, url: `${WIRE.url}/${round}`, text: `${WIRE.text} (${round})` }, [{ ...KURRAM, date: `2025-05-0${round + 3}`, location: ['Parachinar', 'Sadda', 'Alizai'][round]!, fatalities: 12 + round }])]);
          await Promise.all([store.fuseDirty(), other.fuseDirty()]);
        }
        const fired = await events(store, rule.id);
        const incidents = await store.incidents();
        assert.equal(incidents.length, 3);
        assert.deepEqual(fired.map((e) => e.incident_id).sort(), incidents.map((v) => v.id).sort(), 'one alert per incident, whichever process fused it');
      } finally {
        await other.close();
      }
    });
  });
}
