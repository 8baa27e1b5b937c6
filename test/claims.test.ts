import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../src/text/analyze.js';
import { findPeople } from '../src/extract/people.js';
import { findClaims } from '../src/extract/claims.js';

const here = '[claims] ';

function claimsOf(text: string, published: string | null) {
  const doc = analyze(text);
  return findClaims(doc, findPeople(doc, 'a'), 'a', published).map((c) => [c.value, c.qualifier, c.what, c.period, c.source]);
}

test(here + 'according to X: values, qualifiers, period carried to the next sentence', () => {
  const t =
    'According to Nigeria’s Defence Ministry, more than 300 attacks in the first six months of this year killed at least 410 people. ' +
    'Among the casualties were at least 120 soldiers and 95 farmers.';
  assert.deepEqual(claimsOf(t, '2023-08-02'), [
    [300, 'more than', 'attacks', '2023-01/2023-06', 'Defence Ministry'],
    [410, 'at least', 'people killed', '2023-01/2023-06', 'Defence Ministry'],
    [120, 'at least', 'soldiers killed', '2023-01/2023-06', 'Defence Ministry'],
    [95, 'at least', 'farmers killed', '2023-01/2023-06', 'Defence Ministry'],
  ]);
});

test(here + 'a reporting verb credits its subject; a year gives the period', () => {
  const t =
    'The Sahel Monitoring Centre (SMC), a research group based in Dakar, reported 212 kidnappings in 2022.';
  assert.deepEqual(claimsOf(t, '2023-03-01'), [[212, null, 'kidnappings', '2022-01/2022-12', 'Sahel Monitoring Centre']]);
});

test(here + 'a figure inside a quote belongs to the speaker; durations are not claims', () => {
  const t = '“The group has 4,000 fighters and has fought for two decades,” said analyst Musa Bello.';
  assert.deepEqual(claimsOf(t, null), [[4000, null, 'fighters', null, 'Musa Bello']]);
});

test(here + 'a number with neither source nor period is not a claim', () => {
  assert.deepEqual(claimsOf('Gunmen burned two houses in the village.', null), []);
});
