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
import { fusedConfidence, incidentFeatures, loadConfidenceModel, noteContext } from '../src/extract/confidence.js';
import { reportIncidents } from '../src/run.js';
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

test(here + 'the headline naming the place or the toll is a feature; a headline about something else is not', () => {
  const text = 'QUETTA: Gunmen killed five labourers in Turbat on Friday, police said.';
  const about = extractArticle({ id: 't1', published: '2024-05-11', title: 'Five labourers shot dead in Turbat', text } as Article, { incidentsOnly: true }).incidents[0]!;
  assert.equal(incidentFeatures(about).place_in_title, 1);
  assert.equal(incidentFeatures(about).toll_in_title, 1);
  const other = extractArticle({ id: 't2', published: '2024-05-11', title: 'Budget talks stall in Islamabad over 15 per cent tax', text } as Article, { incidentsOnly: true }).incidents[0]!;
  assert.equal(incidentFeatures(other).place_in_title, 0);
  assert.equal(incidentFeatures(other).toll_in_title, 0);
});

test(here + 'an incident two outlets tell is surer than either report; two copies of one wire story are one outlet', () => {
  const model = loadConfidenceModel();
  if (!model || !model.incident.features.includes('outlets_2plus')) return assert.fail('data/confidence.json has no outlets_2plus weight');
  const a = { id: 'o1', published: '2024-05-11', text: 'QUETTA: Gunmen killed five labourers in Turbat on Friday, police said. The men were building a house.' } as Article;
  const b = { id: 'o2', published: '2024-05-11', text: 'Five construction workers were shot dead by unidentified gunmen in Turbat, Balochistan, on Friday, a police official told reporters. No group claimed the killings.' } as Article;
  const ra = extractArticle(a);
  const rb = extractArticle(b);
  const single = Math.max(ra.incidents[0]!.confidence!, rb.incidents[0]!.confidence!);
  const [fused, ...rest] = reportIncidents([ra, rb]);
  assert.equal(rest.length, 0, 'the two reports are one incident');
  assert.deepEqual(fused!.articles, ['o1', 'o2']);
  assert.ok(fused!.confidence! > single, `${fused!.confidence} > ${single}`);
  // the same text under a second id: one outlet, the surest report's confidence
  const copy = reportIncidents([ra, extractArticle({ ...a, id: 'o3', url: 'https://example.org/copy' } as Article)]);
  assert.equal(copy.length, 1);
  assert.equal(copy[0]!.confidence, ra.incidents[0]!.confidence);
  assert.equal(fusedConfidence([0.7], 1, model), 0.7);
});
