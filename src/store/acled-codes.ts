/**
 * ACLED's value conventions for the columns sitrep does not extract itself: the country's ISO
 * 3166-1 numeric code (`iso`), its three-letter code (the prefix of `event_id_cnty`), ACLED's
 * region, and the one-sentence summary ACLED writes in `notes`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { dataDir } from '../geo/gazetteer.js';

interface CountryCodes {
  alpha2: string;
  alpha3: string;
  numeric: number;
  region: string | null;
}

let table: Map<string, CountryCodes> | null = null;

/** Every name sitrep writes a country by (ACLED's own, and the other names) → its codes. */
function codesTable(): Map<string, CountryCodes> {
  if (table) return table;
  const names = JSON.parse(readFileSync(join(dataDir(), 'country-names.json'), 'utf8')) as { countries: Record<string, { name: string; alt: string[] }> };
  const regions = JSON.parse(readFileSync(join(dataDir(), 'acled-regions.json'), 'utf8')) as { regions: Record<string, string[]> };
  const regionOf = new Map<string, string>();
  for (const [r, codes] of Object.entries(regions.regions)) for (const c of codes) regionOf.set(c, r);
  table = new Map();
  for (const [a2, c] of Object.entries(names.countries)) {
    const numeric = countries.alpha2ToNumeric(a2);
    const alpha3 = countries.alpha2ToAlpha3(a2);
    // Kosovo (XK) has no ISO code; ACLED writes 0 for it.
    const codes: CountryCodes = { alpha2: a2, alpha3: alpha3 ?? a2 + 'X', numeric: numeric ? Number(numeric) : 0, region: regionOf.get(a2) ?? null };
    for (const n of [c.name, ...c.alt]) if (!table.has(n.toLowerCase())) table.set(n.toLowerCase(), codes);
  }
  return table;
}

export function countryCodes(country: string | null | undefined): CountryCodes | null {
  if (!country) return null;
  return codesTable().get(country.trim().toLowerCase()) ?? null;
}

/**
 * ACLED's event id: the country's three letters and a number. sitrep's incident ids are stable
 * hashes ('i' and 10 hex digits), so the number is that hash read as a decimal: the same incident
 * keeps its event_id_cnty from one export to the next.
 */
export function eventIdCnty(id: string, country: string | null): string {
  const prefix = countryCodes(country)?.alpha3 ?? 'XXX';
  const hex = /^i([0-9a-f]{6,12})$/.exec(id)?.[1];
  return prefix + (hex ? String(parseInt(hex, 16)) : id.replace(/[^A-Za-z0-9]/g, ''));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2025-03-11' → '11 March 2025', as ACLED's notes open. */
export function longDate(d: string): string {
  const [y, m, day] = d.split('-');
  return `${Number(day)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** How ACLED's notes tell each sub-event type: "X {verb} Y". */
const VERBS: Record<string, [withTarget: string, alone: string]> = {
  'Armed clash': ['clashed with', 'were involved in an armed clash'],
  'Government regains territory': ['regained territory from', 'regained territory'],
  'Non-state actor overtakes territory': ['took territory from', 'took territory'],
  'Chemical weapon': ['used a chemical weapon against', 'used a chemical weapon'],
  'Air/drone strike': ['carried out an air/drone strike on', 'carried out an air/drone strike'],
  'Suicide bomb': ['carried out a suicide bombing against', 'carried out a suicide bombing'],
  'Shelling/artillery/missile attack': ['shelled', 'carried out shelling'],
  'Remote explosive/landmine/IED': ['detonated an explosive device against', 'detonated an explosive device'],
  'Grenade': ['threw a grenade at', 'threw a grenade'],
  'Sexual violence': ['committed sexual violence against', 'committed sexual violence'],
  'Attack': ['attacked', 'carried out an attack'],
  'Abduction/forced disappearance': ['abducted', 'abducted people'],
  'Peaceful protest': ['held a protest against', 'held a protest'],
  'Protest with intervention': ['held a protest and were met by', 'held a protest that was intervened in'],
  'Excessive force against protesters': ['used excessive force against', 'used excessive force against protesters'],
  'Violent demonstration': ['rioted against', 'rioted'],
  'Mob violence': ['attacked', 'engaged in mob violence'],
  'Agreement': ['reached an agreement with', 'reached an agreement'],
  'Arrests': ['arrested', 'made arrests'],
  'Change to group/activity': ['changed activity towards', 'changed activity'],
  'Disrupted weapons use': ['disrupted weapons use of', 'disrupted weapons use'],
  'Headquarters or base established': ['established a base against', 'established a base'],
  'Looting/property destruction': ['looted or destroyed property of', 'looted or destroyed property'],
  'Non-violent transfer of territory': ['took over territory from', 'took over territory'],
  'Other': ['acted against', 'carried out an activity'],
};

export interface SummaryFields {
  event_date: string | null;
  sub_event_type: string | null;
  actor1: string | null;
  actor2: string | null;
  location: string | null;
  admin2: string | null;
  admin1: string | null;
  country: string | null;
  fatalities: number | null;
  fatalities_low?: number | null;
  fatalities_high?: number | null;
}

/**
 * ACLED's `notes`: one short sentence of who did what to whom, where and when, and the toll.
 * "On 11 March 2025, Unidentified Armed Group (Pakistan) detonated an explosive device against
 * Police Forces of Pakistan in Quetta (Quetta, Balochistan). 4 fatalities."
 */
export function summary(v: SummaryFields): string {
  const when = v.event_date ? `On ${longDate(v.event_date)}, ` : '';
  const verb = VERBS[v.sub_event_type ?? ''] ?? ['acted against', v.sub_event_type ? `were involved in an incident (${v.sub_event_type})` : 'were involved in an incident'];
  const who = v.actor1 ?? 'an unidentified actor';
  const what = v.actor2 ? `${verb[0]} ${v.actor2}` : verb[1];
  const within = [v.admin2, v.admin1].filter((x, i, a) => x && a.indexOf(x) === i);
  const place = v.location ? ` in ${v.location}${within.length ? ` (${within.join(', ')})` : ''}` : v.admin1 ? ` in ${v.admin1}` : v.country ? ` in ${v.country}` : '';
  let toll = '';
  if (v.fatalities !== null) {
    const range = v.fatalities_low != null && v.fatalities_high != null && v.fatalities_low !== v.fatalities_high ? ` (accounts give ${v.fatalities_low} to ${v.fatalities_high})` : '';
    toll = ` ${v.fatalities} ${v.fatalities === 1 ? 'fatality' : 'fatalities'}${range}.`;
  }
  const s = `${when}${who} ${what}${place}.${toll}`;
  return s.charAt(0).toUpperCase() + s.slice(1);
}
