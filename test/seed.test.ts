/**
 * End to end on articles whose right answers were worked out by hand: the seed article of the
 * evaluation kit (when ../shared is here) and the bundled examples (always).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Article, Incident } from '../src/core/types.js';
import { extractArticle } from '../src/pipeline.js';
import { EVAL, ROOT, SKIP_SHARED } from './paths.js';

const jsonl = (p: string) =>
  readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Article);
const v = <T>(f: { value: T } | null) => (f ? f.value : null);

test('[seed] the air strike on Barmal and the background attack in South Waziristan', { skip: SKIP_SHARED }, () => {
  const [seed] = jsonl(join(EVAL, 'seed/articles.jsonl'));
  const r = extractArticle(seed!);
  assert.equal(r.incidents.length, 2, r.incidents.map((i) => i.sub_event_type.value).join(', '));
  const strike = r.incidents.find((i) => i.sub_event_type.value === 'Air/drone strike');
  assert.ok(strike, 'no air strike');
  assert.equal(v(strike.event_date), '2024-12-24');
  assert.equal(v(strike.time_precision), 1);
  assert.equal(v(strike.country), 'Afghanistan');
  assert.equal(v(strike.admin1), 'Paktika');
  assert.equal(v(strike.admin2), 'Barmal');
  assert.equal(strike.fatalities.value, null, 'deaths are reported without a number');
  assert.ok(strike.disputed, 'the strike is disputed');
  const clash = r.incidents.find((i) => i !== strike)!;
  assert.equal(clash.background, true);
  assert.equal(clash.sub_event_type.value, 'Armed clash');
  assert.equal(v(clash.admin2), 'South Waziristan');
  assert.equal(v(clash.time_precision), 2);
  assert.equal(clash.fatalities.value, 16);
  assert.equal(v(clash.fatalities_low), 16);
});

test('[examples] the bundled examples give the incidents worked out by hand', () => {
  const arts = jsonl(join(ROOT, 'examples/articles.jsonl'));
  const by = new Map<string, Incident[]>(arts.map((a) => [a.id, extractArticle(a).incidents]));

  const [blast] = by.get('ex-quetta-blast')!;
  assert.equal(blast?.sub_event_type.value, 'Remote explosive/landmine/IED');
  // "on Tuesday" in an article of Wednesday 12 March 2025.
  assert.equal(v(blast!.event_date), '2025-03-11');
  assert.equal(v(blast!.location), 'Quetta');
  assert.equal(v(blast!.admin1), 'Balochistan');
  assert.equal(blast!.fatalities.value, 4);
  assert.equal(v(blast!.injuries), 6);
  assert.equal(v(blast!.inter2), 1);

  const [follow] = by.get('ex-quetta-followup')!;
  assert.equal(follow?.sub_event_type.value, 'Remote explosive/landmine/IED');
  assert.equal(v(follow!.event_date), '2025-03-11');
  assert.equal(follow!.fatalities.value, 5, 'the toll rose to five');

  const [strike] = by.get('ex-khost-strike')!;
  assert.equal(strike?.sub_event_type.value, 'Air/drone strike');
  assert.equal(v(strike!.admin1), 'Khost');
  assert.ok(strike!.disputed, 'police and residents disagree');

  const [protest] = by.get('ex-lahore-protest')!;
  assert.equal(protest?.sub_event_type.value, 'Peaceful protest');
  assert.equal(v(protest!.inter1), 6);
  assert.equal(protest!.fatalities.value, 0);

  assert.deepEqual(by.get('ex-flood'), [], 'floods are not political violence');
});

/** Lower case, curly apostrophes straightened: the gold and the article write them differently. */
const fold = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'");

test('[seed] every gold claim with its value and source, and every gold person with a role', { skip: SKIP_SHARED }, () => {
  const [seed] = jsonl(join(EVAL, 'seed/articles.jsonl'));
  const gold = JSON.parse(readFileSync(join(EVAL, 'seed/gold.json'), 'utf8')) as {
    claims: { value: number; source: string; period?: string }[];
    entities: { people: { name: string; role: string }[] };
  };
  const r = extractArticle(seed!);
  for (const g of gold.claims) {
    const c = r.claims.find((x) => x.value === g.value);
    assert.ok(c, `no claim of ${g.value}`);
    // The source as the gold names it, or its last word in ours ("Interior Ministry").
    const src = fold(c.source ?? '');
    assert.ok(src === fold(g.source) || src.includes(fold(g.source).split(' ').pop()!), `${g.value}: source ${c.source}, gold ${g.source}`);
    // A period the gold gives as months must be those months; a year, that year.
    if (g.period && /^\d{4}-\d{2}\/\d{4}-\d{2}$/.test(g.period)) assert.equal(c.period, g.period, `${g.value}: period`);
    else if (g.period && /^\d{4}$/.test(g.period)) assert.ok(c.period?.startsWith(g.period), `${g.value}: period ${c.period}, gold ${g.period}`);
  }
  for (const g of gold.entities.people) {
    const p = r.people.find((x) => x.name === g.name);
    assert.ok(p, `no person ${g.name}`);
    // Every longer word of the gold role's first part is in ours ("spokesperson, Afghanistan's defence ministry").
    const want = fold(g.role.split(';')[0]!).split(/[\s,()]+/).filter((w) => w.length >= 4);
    assert.ok(p.role && want.every((w) => fold(p.role!).includes(w)), `${g.name}: role ${p.role}, gold ${g.role}`);
  }
});
