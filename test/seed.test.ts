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
