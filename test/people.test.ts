import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../src/text/analyze.js';
import { findPeople } from '../src/extract/people.js';

const here = '[people] ';

const TEXT =
  'Kenya’s Special Envoy for Somalia Joseph Mwangi met the interim Somali Foreign Minister Abdi Warsame in Nairobi.\n' +
  'Halima Odhiambo, spokesperson for Kenya’s interior ministry, said the talks went well.\n' +
  'Security analyst Peter Kamau said the deal was fragile. Kamau, who is also the director of the Nairobi-based think tank Horn Policy Institute (HPI), added that al-Shabaab (AS) remained strong.\n' +
  'Mwang said he would return next month. Mwangi added that Mwangi was hopeful.';

test(here + 'people with roles from titles before the name and appositions after it', () => {
  const p = findPeople(analyze(TEXT), 'a');
  const byName = new Map(p.people.map((x) => [x.name, x.role]));
  assert.equal(byName.get('Joseph Mwangi'), 'Kenya’s Special Envoy for Somalia');
  assert.equal(byName.get('Abdi Warsame'), 'interim Somali Foreign Minister');
  assert.equal(byName.get('Halima Odhiambo'), 'spokesperson for Kenya’s interior ministry');
  const kamau = byName.get('Peter Kamau') ?? '';
  assert.match(kamau, /^Security analyst; director of .*Horn Policy Institute/);
});

test(here + 'a surname alone, a one-letter slip, and an acronym resolve to the full name', () => {
  const p = findPeople(analyze(TEXT), 'a');
  assert.equal(p.resolve('Kamau'), 'Peter Kamau');
  assert.equal(p.resolve('Mwang'), 'Joseph Mwangi');
  assert.equal(p.resolve('HPI'), 'Horn Policy Institute');
  assert.equal(p.resolve('Nairobi'), 'Nairobi');
});

test(here + 'organisations with their acronyms', () => {
  const p = findPeople(analyze(TEXT), 'a');
  const hpi = p.organisations.find((o) => o.acronym === 'HPI');
  assert.equal(hpi?.name, 'Horn Policy Institute');
  for (const o of p.organisations) for (const e of o.evidence) assert.equal(TEXT.slice(e.start, e.end), e.text);
});

test(here + 'a full name written once with a slip takes the spelling the article repeats', () => {
  const t = 'Envoy Karim Hassa arrived on Monday. Hassan said the talks were useful. Hassan left on Tuesday.';
  const p = findPeople(analyze(t), 'a');
  assert.deepEqual(p.people.map((x) => x.name), ['Karim Hassan']);
});

test(here + 'an age, a role before the name, or "of <Org>" after it marks a person whose given name we do not know', () => {
  const t =
    'Ondrej Vasquelo, 61, a shopkeeper in Garissa, backed the plan. ' +
    'The county commissioner, Baraka Wekesa Tuvo, visited the market. ' +
    'Ziyad Ombenga of Moi University studied the results. ' +
    'Tafari Quillon of the Horn Policy Institute wrote about it.';
  const p = findPeople(analyze(t), 'a');
  const byName = new Map(p.people.map((x) => [x.name, x]));
  assert.ok(byName.has('Ondrej Vasquelo'), 'age apposition');
  assert.equal(byName.get('Baraka Wekesa Tuvo')?.role, 'county commissioner');
  assert.equal(byName.get('Ziyad Ombenga')?.organisation, 'Moi University');
  assert.equal(byName.get('Tafari Quillon')?.organisation, 'Horn Policy Institute');
  assert.ok(!p.organisations.some((o) => o.name.includes('Ombenga')), 'no organisation swallows the person');
});

test(here + 'a weekday or month after "on" ends an organisation name', () => {
  const t = 'The Peace and Security Council on Friday condemned the raid. The Security Council on March 3 met again.';
  const names = findPeople(analyze(t), 'a').organisations.map((o) => o.name);
  assert.ok(names.includes('Peace and Security Council'), names.join(' | '));
  assert.ok(!names.some((n) => /Friday|March/.test(n)), names.join(' | '));
});

test(here + 'title words between an organisation word and a name end the organisation before them', () => {
  const t =
    'Senate Minority Whip Odira Kanyua (Kisumu) spoke first. Foreign Ministry Spokesman Ayub Korir said the envoy had left. ' +
    'County Assembly Speaker Wekesa Tuvo replied.';
  const p = findPeople(analyze(t), 'a');
  const people = p.people.map((x) => x.name);
  const orgs = p.organisations.map((o) => o.name);
  for (const n of ['Odira Kanyua', 'Ayub Korir', 'Wekesa Tuvo']) assert.ok(people.includes(n), n + ' in ' + people.join(' | '));
  assert.ok(orgs.includes('Foreign Ministry'), orgs.join(' | '));
  assert.ok(!orgs.some((o) => /Kanyua|Korir|Tuvo|^Senate$/.test(o)), orgs.join(' | '));
});

test(here + 'a role word inside a run ends the title; a place after of/in takes no apposition or verb', () => {
  const t =
    'Former Acme-Global CEO Carla Moretti named a drama as her guilty pleasure.\n' +
    'Representative Debbie Okafor of Florida, the national party chairwoman, also expressed concern.\n' +
    'One pastor supporting the senator, Darran Whiting of Liberty Baptist Church in Marion, said he had made 150 calls.';
  const names = findPeople(analyze(t), 'a').people.map((x) => x.name);
  assert.deepEqual(names, ['Carla Moretti', 'Debbie Okafor', 'Darran Whiting']);
});

test(here + 'two neighbouring letters swapped are one slip: the surname alone finds the full name', () => {
  const t = 'Mayor Lukas Ferrandi visited the market on Monday. Ferradni said the stalls would reopen.';
  const p = findPeople(analyze(t), 'a');
  assert.equal(p.resolve('Ferradni'), 'Lukas Ferrandi');
  assert.deepEqual(p.people.map((x) => x.name), ['Lukas Ferrandi']);
});
