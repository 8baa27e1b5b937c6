/**
 * The features an incident's confidence is computed from (src/extract/confidence.ts), on texts
 * written for these tests.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../src/text/analyze.js';
import { loadGazetteer } from '../src/geo/gazetteer.js';
import { countryShares, findPlaces } from '../src/extract/places.js';
import { extractArticle } from '../src/pipeline.js';
import { incidentFeatures, noteContext } from '../src/extract/confidence.js';
import type { Article } from '../src/core/types.js';

const here = '[confidence] ';

test(here + "a country's share of the article: the country it is about has 1, one a single stray name points at little", () => {
  const doc = analyze('QUETTA: Gunmen killed five labourers in Turbat in Pakistan\'s Balochistan province on Friday, police said. Pakistani officials blamed separatists. A spokesman in Herat condemned the attack.');
  const shares = countryShares(findPlaces(doc, loadGazetteer()));
  assert.equal(shares.get('Pakistan'), 1);
  assert.ok((shares.get('Afghanistan') ?? 1) < 0.5, String(shares.get('Afghanistan')));
});

test(here + 'an incident in a minor country of its article, known only to the month, is marked so in its features', () => {
  const [inc] = extractArticle({ id: 'c', published: '2024-05-11', text: 'QUETTA: Gunmen killed five labourers in Turbat on Friday, police said.' } as Article, { incidentsOnly: true }).incidents;
  assert.ok(inc);
  const f = incidentFeatures(inc);
  assert.equal(f.minor_country, 0);
  assert.equal(f.month_only, 0);
  noteContext(inc, { countryShare: 0.2, rank: 0 });
  assert.equal(incidentFeatures(inc).minor_country, 1);
  assert.equal(incidentFeatures({ ...inc, time_precision: { ...inc.time_precision!, value: 3 } }).month_only, 1);
});
