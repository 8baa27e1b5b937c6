/**
 * Actors: who did what to whom, in ACLED's naming style and with its inter codes.
 *
 * `findActors` reads every actor mention of a document off one precompiled token trie built from
 * data/actors.json (named groups with their aliases and acronyms; templates for state forces,
 * civilians, protesters, rioters and unidentified armed groups) and data/demonyms.json (country
 * names and demonyms, which give state forces their country: 'Pakistani soldiers' ->
 * Military Forces of Pakistan).
 *
 * `assignActors` picks actor1 (the side that acts) and actor2 (the side acted on) for one event
 * from voice and position cues ('Taliban attacked police', 'police were attacked by Taliban',
 * 'clashes between X and Y'), then fills what the text leaves out with ACLED's defaults by
 * sub-event type (Protesters (Country) for protests, Civilians (Country) as the target of
 * violence against civilians, Unidentified Armed Group (Country) for an attack without a named
 * perpetrator). A default not named in the text is marked `derived` and points at the words it
 * came from. The subject of the trigger verb in the trigger's own sentence weighs most; sources
 * ('X said', 'according to X') and allies ('backed by X') are no party; unarmed locals who turn
 * violent are rioters; 'the coalition' is named by the war it fights in (data/actors.json
 * byCountry). A group that claims the attack is its perpetrator when the event names none; on a
 * front with two known sides (data/actors.json fronts) unattributed fire is between them.
 *
 * Assumes: English text; an actor's words are contiguous ('Tehreek-e-Taliban Pakistan (TTP)').
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Evidence, Field, SubEventType } from '../core/types.js';
import type { Doc } from '../text/doc.js';
import { firstStartingAt, sentenceIndexAt } from '../text/doc.js';

export interface ActorMention {
  start: number;
  end: number;
  text: string;
  sentence: number;
  actor: string;
  inter: number;
  kind: string;
  country: string | null;
  /**
   * The earlier mention this one's country was read from ('A Turkish drone hit … the drone
   * strike': the drone is Turkey's): part of the value's evidence.
   */
  via?: { start: number; end: number; text: string };
}

export interface ActorAssignment {
  actor1: Field<string> | null;
  inter1: Field<number> | null;
  actor2: Field<string> | null;
  inter2: Field<number> | null;
}

// ---------------------------------------------------------------------------------------------
// The dictionary, compiled once at load time.

interface RawEntry {
  name: string;
  inter: number | 'state';
  kind: string;
  country?: string | null;
  aliases: string[];
  acronyms?: string[];
  source?: string;
  reason?: string;
  byCountry?: Record<string, string>;
  /** For a coalition: the enemies it was formed against ('Islamic State ({country})'). */
  fights?: string[];
  /** For a template: its key when it shares its kind with another ('military post'). */
  key?: string;
  /** A place a force holds ('checkpoint'), which stands for the force only when none is named. */
  holds?: boolean;
}
interface ActorFile {
  templates: RawEntry[];
  actors: RawEntry[];
  fronts?: Front[];
  /** The name of a drive-by shooting's unnamed perpetrators, by country. */
  driveBy?: Record<string, string>;
  militiaByOrigin?: Record<string, string>;
}
/**
 * A war with two known sides on one front: a clash or shelling there that names no side (or one)
 * is between them ('explosions were recorded near Horlivka', in Donetsk in 2020: Ukraine's forces
 * and the Donbas separatists).
 */
interface Front {
  country: string;
  /** The front's first-level regions; none = the whole country. */
  admin1?: string[];
  /** ISO dates, both inclusive; a missing end is open. */
  from: string;
  to?: string;
  /** The two sides; the first is the one ACLED usually lists as actor1. */
  sides: { name: string; inter: number }[];
  /** The event types the front applies to (default: FRONT_TYPES). */
  types?: SubEventType[];
  /** The side (index) that unnamed gunmen or insurgents fighting the state's forces there are:
   *  set only where one armed group dominates the front. */
  unnamed?: number;
  source: string;
}
interface DemonymFile {
  the: string[];
  homeIn?: Record<string, string>;
  actsAs?: Record<string, Record<string, string>>;
  countries: Record<string, { alt: string[]; dem: string[] }>;
  /** Capitals the news uses for the state ('accused Kyiv of …'): read only by blamedState. */
  capitals?: Record<string, string>;
}

interface Entry {
  /** The name, or a template with '{country}'. */
  name: string;
  inter: number | 'state';
  kind: string;
  country: string | null;
  /** True for names with '{country}' (filled from context or the event's country). */
  template: boolean;
  /** A generic word ('soldiers', 'gunmen', 'civilians'), as against a named actor. */
  generic: boolean;
  /** For a word whose referent depends on the war ('the coalition'): the actor by event country. */
  byCountry: Map<string, string> | null;
  /** A place a force holds ('checkpoint'). */
  holds?: boolean;
}

interface Hit {
  entry: Entry | null;
  /** For a country word: the country. */
  country: string | null;
  /** Acronyms match only as written: the exact surface of each word. */
  exact: string[] | null;
  /** For a country word: the country's name ('Israel'), not a demonym ('Israeli'). */
  isName?: boolean;
}
interface TrieNode {
  next: Map<string, TrieNode>;
  hits: Hit[];
}

/** data/ is found by walking up from this file, so it works from src/ (tsx) and dist/src/ (tsc). */
function dataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'data', 'actors.json'))) return join(dir, 'data');
    dir = dirname(dir);
  }
  throw new Error('data/actors.json not found');
}

const WORD = /[\p{L}\p{N}]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const foldWord = (w: string): string =>
  NON_ASCII.test(w) ? w.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase() : w.toLowerCase();
const wordsOf = (s: string): string[] => s.match(WORD) ?? [];

interface Dictionary {
  root: TrieNode;
  /** Templates by kind ('military', 'civilians', …). */
  templates: Map<string, Entry>;
  /** Country name -> the name as used in actor names ('Philippines' -> 'the Philippines'). */
  withArticle: Set<string>;
  /** De facto states at home in another country's territory (Artsakh in Azerbaijan). */
  homeIn: Map<string, string>;
  /** A state's forces fighting abroad inside a coalition: country -> event country -> name. */
  actsAs: Map<string, Map<string, string>>;
  fronts: Front[];
  /** The name of a drive-by shooting's unnamed perpetrators, by country. */
  driveBy: Map<string, string>;
  /** Country → the unit of origin ACLED names its communal militias after ('County'). */
  militiaByOrigin: Map<string, string>;
  /** Named actors' inter codes (numeric ones). */
  interOf: Map<string, number>;
  /** Demonyms (lower case) and their countries, for plurals: 'Palestinians', 'Afghans'. */
  demonyms: Map<string, string>;
  /** Coalitions and the enemies they were formed against (names as in the dictionary). */
  fights: Map<string, { name: string; inter: number }[]>;
  /** A trie of capitals that stand for their state ('Kyiv', 'Ankara'), for blamedState only. */
  capitals: TrieNode;
}

let dict: Dictionary | null = null;

function newNode(): TrieNode {
  return { next: new Map(), hits: [] };
}

function addPhrase(root: TrieNode, phrase: string, hit: Hit): void {
  const ws = wordsOf(phrase);
  if (ws.length === 0) return;
  let node = root;
  for (const w of ws) {
    const k = foldWord(w);
    let n = node.next.get(k);
    if (!n) node.next.set(k, (n = newNode()));
    node = n;
  }
  node.hits.push(hit.exact ? { ...hit, exact: ws } : hit);
}

/** Build (once) the trie over every alias, acronym, country name and demonym. */
export function loadActorDictionary(): Dictionary {
  if (dict) return dict;
  const dir = dataDir();
  const actors = JSON.parse(readFileSync(join(dir, 'actors.json'), 'utf8')) as ActorFile;
  const dem = JSON.parse(readFileSync(join(dir, 'demonyms.json'), 'utf8')) as DemonymFile;
  const root = newNode();
  const templates = new Map<string, Entry>();
  const add = (raw: RawEntry, generic: boolean) => {
    const entry: Entry = {
      name: raw.name,
      inter: raw.inter,
      kind: raw.kind,
      country: raw.country ?? null,
      template: raw.name.includes('{country}'),
      generic,
      byCountry: raw.byCountry ? new Map(Object.entries(raw.byCountry)) : null,
      ...(raw.holds ? { holds: true } : {}),
    };
    if (generic) templates.set(raw.key ?? raw.kind, entry);
    for (const a of raw.aliases) addPhrase(root, a, { entry, country: null, exact: null });
    for (const a of raw.acronyms ?? []) addPhrase(root, a, { entry, country: null, exact: [] });
  };
  for (const t of actors.templates) add(t, true);
  for (const a of actors.actors) add(a, false);
  for (const [country, c] of Object.entries(dem.countries)) {
    for (const n of [country, ...c.alt, ...c.dem]) {
      // Short all-capital alternatives (UAE, US, DRC) only as written: 'us' is a pronoun.
      const exact = /^[A-Z.]{2,4}$/.test(n) ? [] : null;
      addPhrase(root, n, { entry: null, country, exact, isName: !c.dem.includes(n) });
    }
  }
  const capitals = newNode();
  for (const [city, country] of Object.entries(dem.capitals ?? {})) addPhrase(capitals, city, { entry: null, country, exact: null, isName: true });
  dict = { root, capitals, templates, withArticle: new Set(dem.the), homeIn: new Map(Object.entries(dem.homeIn ?? {})),
    actsAs: new Map(Object.entries(dem.actsAs ?? {}).map(([k, v]) => [k, new Map(Object.entries(v))])),
    fronts: actors.fronts ?? [],
    driveBy: new Map(Object.entries(actors.driveBy ?? {}).filter(([k]) => !k.startsWith('_'))),
    militiaByOrigin: new Map(Object.entries(actors.militiaByOrigin ?? {}).filter(([k]) => !k.startsWith('_'))),
    interOf: new Map(actors.actors.filter((a) => typeof a.inter === 'number').map((a) => [a.name, a.inter as number])),
    demonyms: new Map(Object.entries(dem.countries).flatMap(([country, c]) => c.dem.map((x) => [x.toLowerCase(), country] as [string, string]))),
    fights: new Map(
      actors.actors
        .filter((a) => a.fights)
        .map((a) => [a.name, a.fights!.map((f) => ({ name: f, inter: Number(actors.actors.find((x) => x.name === f)?.inter ?? 2) }))]),
    ),
  };
  return dict;
}

const fill = (d: Dictionary, name: string, country: string | null): string => {
  if (!name.includes('{country}')) return name;
  if (country === null) {
    // 'Protesters ({country})' -> 'Protesters'; 'Military Forces of {country}' -> 'Military Forces'.
    return name.replace(/\s*\(\{country\}\)/, '').replace(/\s+of \{country\}/, '').replace('{country}', '').trim();
  }
  const c = d.withArticle.has(country) && /of \{country\}/.test(name) ? `the ${country}` : country;
  return name.replace('{country}', c);
};

// ---------------------------------------------------------------------------------------------
// Word runs of a document (letters and digits), cached per document.

interface Words {
  start: number[];
  end: number[];
  lower: string[];
}
const wordCache = new WeakMap<Doc, Words>();

function wordsOfDoc(doc: Doc): Words {
  let w = wordCache.get(doc);
  if (w) return w;
  w = { start: [], end: [], lower: [] };
  WORD.lastIndex = 0;
  for (let m = WORD.exec(doc.text); m; m = WORD.exec(doc.text)) {
    w.start.push(m.index);
    w.end.push(m.index + m[0].length);
    w.lower.push(foldWord(m[0]));
  }
  wordCache.set(doc, w);
  return w;
}

/** Index of the first word starting at or after `pos`. */
function wordAt(w: Words, pos: number): number {
  return firstStartingAt(w.start.length, (i) => w.start[i]!, pos);
}

const sentenceOf = sentenceIndexAt;

/** Words that may stand between a country word and a force noun: 'Pakistan's national army'. */
const COUNTRY_GAP = new Set(['the', 's', 'national', 'security', 'special', 'regular', 'border', 'federal', 'provincial', 'local', 'armed', 'government', 'state', 'elite']);
/** State-force and civilian templates read their country from a neighbouring country word. */
const COUNTRY_FROM_CONTEXT = new Set(['military', 'police', 'government', 'civilians', 'protesters', 'rioters']);

/** Generic words for a state's forces, which combine: 'military police forces'. */
const STATE_FORCE = new Set(['military', 'police']);

/**
 * What each mention was matched from, for assignActors. Mentions are plain objects that callers
 * may copy, so the key is the document and the mention's span and name.
 */
type MentionInfo = { entry: Entry; w0: number; w1: number };
const infoByDoc = new WeakMap<Doc, Map<string, MentionInfo>>();
const infoKey = (m: { start: number; end: number; actor: string }) => `${m.start}:${m.end}:${m.actor}`;
const infoOf = (doc: Doc, m: ActorMention): MentionInfo | undefined => infoByDoc.get(doc)?.get(infoKey(m));

/** Every actor mention in the document, longest match first, left to right. */
export function findActors(doc: Doc): ActorMention[] {
  const d = loadActorDictionary();
  const w = wordsOfDoc(doc);
  const n = w.lower.length;
  const text = doc.text;
  // Country words by word index (for 'Pakistani soldiers', 'forces of India').
  const countryAt = new Map<number, { country: string; end: number }>();
  const countryEndingAt = new Map<number, { country: string; w0: number }>();
  const raw: { entry: Entry; w0: number; w1: number; country?: string }[] = [];
  const byCountryWord: { entry: Entry; w0: number; w1: number; country: string }[] = [];
  // A leading tag is a heading, not a sentence: 'Movement of forces: On 1 May, ...'.
  const tags: { start: number; end: number }[] = [];
  for (const p of doc.paragraphs) {
    const m = LEADING_TAG.exec(text.slice(p.start, Math.min(p.end, p.start + 60)));
    if (m) tags.push({ start: p.start, end: p.start + m[0].length });
  }

  for (let i = 0; i < n; ) {
    let node: TrieNode | undefined = d.root;
    let best: { hit: Hit; end: number } | null = null;
    for (let j = i; j < n && node; j++) {
      node = node.next.get(w.lower[j]!);
      if (!node || node.hits.length === 0) continue;
      for (const h of node.hits) {
        if (h.exact && !exactMatch(text, w, i, h.exact)) continue;
        // A named actor beats a country word of the same length ('Afghan' the demonym never
        // competes with a one-word actor, but keep the order explicit).
        if (!best || j + 1 > best.end || (j + 1 === best.end && best.hit.entry === null && h.entry !== null)) {
          best = { hit: h, end: j + 1 };
        }
      }
    }
    if (!best) {
      // A demonym in the plural names people of that country: 'killed 20 Palestinians'.
      const plural = /^\p{Lu}/u.test(text[w.start[i]!]!) && w.lower[i]!.endsWith('s') ? d.demonyms.get(w.lower[i]!.slice(0, -1)) : undefined;
      if (plural !== undefined) raw.push({ entry: d.templates.get('civilians')!, w0: i, w1: i + 1, country: plural });
      i++;
      continue;
    }
    // 'anti-Houthi forces', 'anti-Taliban militia', 'anti-government fighters': the words name
    // the other side ('anti-riot police' is a police unit and stays).
    if (
      i > 0 && w.lower[i - 1] === 'anti' && text.slice(w.end[i - 1]!, w.start[i]!) === '-' &&
      (best.hit.entry === null || !best.hit.entry.generic || w.lower[i] === 'government' || w.lower[i] === 'regime')
    ) {
      i = best.end;
      continue;
    }
    // The next word, over an abbreviation's dot or a possessive: 'U.S. strikes', "Israel's jets".
    let nx = best.end;
    if (nx + 1 < n && w.lower[nx] === 's' && /^['’]$/.test(text.slice(w.end[nx - 1]!, w.start[nx]!))) nx++;
    const after = w.lower[nx] ?? '';
    const tight = nx < n && /^[.]?\s+$/.test(text.slice(w.end[nx - 1]!, w.start[nx]!));
    // over a word or two that say what kind ('a Russian ballistic missile', "Russia's major
    // missile strike", 'Israeli fighter jets')
    let wx = nx;
    while (wx < nx + 2 && !STATE_WEAPON_NOUNS.has(w.lower[wx] ?? '') && WEAPON_MODIFIERS.has(w.lower[wx] ?? '') && wx + 1 < n && /^[\s-]+$/.test(text.slice(w.end[wx]!, w.start[wx + 1]!))) wx++;
    const weapon = STATE_WEAPON_NOUNS.has(w.lower[wx] ?? '');
    if (best.hit.entry === null) {
      const country = best.hit.country!;
      countryAt.set(i, { country, end: best.end });
      countryEndingAt.set(best.end, { country, w0: i });
      // A country word before a word of air power or artillery names its forces: 'U.S.
      // airstrikes', 'Israeli artillery shelled', 'a Russian patrol'. Only these nouns:
      // 'Palestinian rockets' or 'an Afghan attack' do not say whose forces fired.
      // A country's name before a verb of attack does too: 'Israel struck ...', 'accused
      // Israel of bombarding ...'.
      if (
        tight && (weapon || (best.hit.isName && (stateAttacks(w, nx) || (after === 'of' && STATE_ATTACK_VERBS.has(w.lower[nx + 1] ?? '') && w.lower[i - 1] === 'accused'))))
      ) {
        byCountryWord.push({ entry: d.templates.get('military')!, w0: i, w1: best.end, country });
      }
    } else if (
      // 'military' as a modifier of a thing, not a force: 'the military wing of Hamas',
      // 'military reinforcements', 'military sources said'.
      best.hit.entry.generic && best.hit.entry.kind === 'military' && best.end === i + 1 && tight && NOT_A_FORCE_AFTER.has(after)
    ) {
      // not a mention
    } else if (best.hit.entry.generic && best.hit.entry.kind === 'military' && inOwnName(text, w, i, countryEndingAt)) {
      // 'Army' ending a movement's own name is no state's army: 'the Paraguayan People's Army',
      // 'the Lord's Resistance Army' (groups we know are in data/actors.json).
    } else raw.push({ entry: best.hit.entry, w0: i, w1: best.end });
    i = best.end;
  }
  if (byCountryWord.length > 0) {
    // Unless the words after it are a force already ('Syrian air force', 'U.S. forces').
    const starts = new Set(raw.map((r) => r.w0));
    for (const c of byCountryWord) if (!starts.has(c.w1)) raw.push(c);
    raw.sort((a, b) => a.w0 - b.w0);
  }

  // A named actor followed at once by a generic word is one mention: 'Taliban militants',
  // 'TTP fighters', 'Afghan National Army soldiers'.
  const merged: { entry: Entry; w0: number; w1: number; country: string | null }[] = [];
  for (const r of raw) {
    const prev = merged[merged.length - 1];
    if (
      prev && prev.w1 === r.w0 && !prev.entry.generic && r.entry.generic &&
      (r.entry.kind === 'military' || r.entry.kind === 'police' || r.entry.kind === 'unidentified' || r.entry.kind === 'gang') &&
      /^[\s-]*$/.test(text.slice(w.end[prev.w1 - 1]!, w.start[r.w0]!))
    ) {
      prev.w1 = r.w1;
      continue;
    }
    // Two generic force words are one force: 'Turkish Army Forces', 'military police forces'.
    if (
      prev && prev.w1 === r.w0 && prev.entry.generic && r.entry.generic &&
      (r.entry === prev.entry || (STATE_FORCE.has(prev.entry.kind) && STATE_FORCE.has(r.entry.kind)) ||
        // 'pro-regime militia forces': the militia's forces.
        (prev.entry.kind === 'unidentified' && STATE_FORCE.has(r.entry.kind))) &&
      text.slice(w.end[prev.w1 - 1]!, w.start[r.w0]!).trim() === ''
    ) {
      prev.w1 = r.w1;
      continue;
    }
    // A generic word before a name describes it: 'the paramilitary Rapid Support Forces', 'the
    // militant group Hamas'.
    if (
      prev && prev.w1 === r.w0 && prev.entry.generic && !r.entry.generic && prev.country === null &&
      (prev.entry.kind === 'military' || prev.entry.kind === 'police' || prev.entry.kind === 'unidentified') &&
      text.slice(w.end[prev.w1 - 1]!, w.start[r.w0]!).trim() === ''
    ) {
      merged[merged.length - 1] = { ...r, w0: prev.w0, country: r.country ?? null };
      continue;
    }
    merged.push({ ...r, country: r.country ?? null });
  }

  // 'a pro-STC Security Belt forces checkpoint': 'pro-X' before another force is that force's
  // allegiance, not a party of its own ('pro-Houthi forces' is one mention, kept).
  for (let k = merged.length - 2; k >= 0; k--) {
    const m = merged[k]!;
    const next = merged[k + 1]!;
    if (
      m.w0 > 0 && w.lower[m.w0 - 1] === 'pro' && text.slice(w.end[m.w0 - 1]!, w.start[m.w0]!) === '-' &&
      next.w0 === m.w1 && text.slice(w.end[m.w1 - 1]!, w.start[next.w0]!).trim() === ''
    ) merged.splice(k, 1);
  }

  sidingWithGovernment(d, text, w, merged);

  // 'Tiv militias', 'Bani Ali and Al Badi tribesmen', 'militiamen from the Ayr sub-clan': a militia
  // named by its community is ACLED's '<Community> Ethnic Militia (Country)' (4); one word may
  // name two ('X and Y tribesmen'), one mention each.
  const named: typeof merged = [];
  const taken = new Set(merged.flatMap((m) => Array.from({ length: m.w1 - m.w0 }, (_, i) => m.w0 + i)));
  for (const [k, c] of countryAt) for (let j = k; j < c.end; j++) taken.add(j);
  for (const m of merged) {
    const communities = m.entry.generic && isMilitiaWord(m.entry, w.lower[m.w1 - 1]!) ? communitiesOf(doc, w, m.w0, m.w1, taken) : [];
    if (communities.length === 0) {
      named.push(m);
      continue;
    }
    for (const c of communities) {
      const qualifier = c.qualifier ?? qualifierOf(w.lower.slice(m.w0, m.w1));
      const entry: Entry = { name: `${c.name} ${qualifier} Militia ({country})`, inter: 4, kind: 'identity militia', country: null, template: true, generic: true, byCountry: null };
      named.push({ entry, w0: c.w0, w1: c.w1, country: null });
    }
  }
  merged.splice(0, merged.length, ...named);

  const out: ActorMention[] = [];
  const infos = new Map<string, MentionInfo>();
  infoByDoc.set(doc, infos);
  for (const m of merged) {
    if (tags.length > 0 && tags.some((t) => w.start[m.w0]! >= t.start && w.start[m.w0]! < t.end)) continue;
    let w0 = m.w0;
    let country = m.country ?? (m.entry.template ? null : m.entry.country);
    const countries: string[] = [];
    if (m.entry.template && m.country === null && COUNTRY_FROM_CONTEXT.has(m.entry.kind)) {
      // Look back over at most three gap words for a country word: "Pakistan's military".
      for (let k = m.w0 - 1, gaps = 0; k >= 0 && gaps <= 3; k--) {
        if (hasStop(text, w.end[k]!, w.start[k + 1]!, true)) break;
        const c = countryEndingAt.get(k + 1);
        if (c) {
          country = c.country;
          w0 = c.w0;
          break;
        }
        if (!COUNTRY_GAP.has(w.lower[k]!)) break;
        gaps++;
      }
      // Or forward: 'security forces of India', 'military forces of India and Pakistan' (one
      // mention per country, on the same words).
      if (country === null && w.lower[m.w1] === 'of') {
        let k = m.w1 + 1;
        // 'Armed Forces of the Philippines'
        if (w.lower[k] === 'the' && countryAt.has(k + 1)) k++;
        for (let c = countryAt.get(k); c; ) {
          countries.push(c.country);
          k = c.end;
          if (w.lower[k] !== 'and' && !(text.slice(w.end[k - 1]!, w.start[k] ?? 0).trim() === ',')) break;
          if (w.lower[k] === 'and') k++;
          c = countryAt.get(k);
        }
        country = countries.shift() ?? null;
      }
    }
    // 'A Turkish drone struck … was hit by the drone strike': aircraft and drones without a
    // country are those of the last aircraft the text gave one, not the place's own forces.
    let via: ActorMention | undefined;
    if (country === null && m.entry.template && m.entry.kind === 'military' && AIR_POWER.has(w.lower[m.w1 - 1]!)) {
      for (let k = out.length - 1; k >= 0; k--) {
        const o = out[k]!;
        // (an aircraft, or a country word before a weapon: 'Turkish drone', 'A Russian missile hit')
        const nextWord = /^\s+([a-z]+)/.exec(text.slice(o.end, o.end + 20))?.[1] ?? '';
        if (o.kind === 'military' && o.country !== null && (AIR_POWER.has(o.text.split(/\s+/).pop()!.toLowerCase()) || STATE_WEAPON_NOUNS.has(nextWord))) { via = o; country = o.country; break; }
      }
    }
    // 'The Israeli army killed nine … arrested by the army': 'the army' with no country is the
    // army the text has named with one, where it has named only one country's army so far.
    if (country === null && !via && m.entry.template && m.entry.kind === 'military' && w0 > 0 && w.lower[w0 - 1] === 'the' && THE_ARMY.has(w.lower[m.w1 - 1]!) && m.w1 === w0 + 1) {
      const armies = out.filter((o) => o.kind === 'military' && o.country !== null);
      if (armies.length > 0 && armies.every((o) => o.country === armies[0]!.country)) {
        via = armies[armies.length - 1]!;
        country = via.country;
      }
    }
    // 'Central Command said its forces struck …', 'the Taliban said their fighters …': a force
    // word after 'its' or 'their' is the forces of the actor named last before it in the sentence
    // (a named one, or a state's forces with their country), not the forces of the place.
    const owner = country === null && !via && m.entry.template && STATE_FORCE.has(m.entry.kind) ? ownerOfForces(doc, w, w0, out, infos) : null;
    if (owner) {
      const mention: ActorMention = {
        start: w.start[w0]!, end: w.end[m.w1 - 1]!, text: text.slice(w.start[w0]!, w.end[m.w1 - 1]!), sentence: sentenceOf(doc, w.start[w0]!),
        actor: owner.m.actor, inter: owner.m.inter, kind: owner.m.kind, country: owner.m.country, via: { start: owner.m.start, end: owner.m.end, text: owner.m.text },
      };
      infos.set(infoKey(mention), { entry: owner.entry, w0, w1: m.w1 });
      out.push(mention);
      continue;
    }
    // 'Turkish and Russian forces', 'Turkey and Russia conducted a joint patrol': a force of each,
    // the first named first.
    if (STATE_FORCE.has(m.entry.kind) && country !== null && w0 > 0 && w.lower[w0 - 1] === 'and') {
      const c1 = countryEndingAt.get(w0 - 1);
      if (c1 && c1.country !== country) {
        // (the first country's force by the template: 'Russian forces' is a named entry of Russia's)
        const t = m.entry.template ? m.entry : d.templates.get(m.entry.kind)!;
        const first: ActorMention = {
          start: w.start[c1.w0]!, end: w.end[m.w1 - 1]!, text: text.slice(w.start[c1.w0]!, w.end[m.w1 - 1]!),
          sentence: sentenceOf(doc, w.start[c1.w0]!), actor: fill(d, t.name, c1.country), inter: 1, kind: t.kind, country: c1.country,
        };
        infos.set(infoKey(first), { entry: t, w0: c1.w0, w1: m.w1 });
        out.push(first);
        w0 = c1.w0;
      }
    }
    const start = w.start[w0]!;
    const end = w.end[m.w1 - 1]!;
    const inter = m.entry.inter === 'state' ? 1 : m.entry.inter;
    const mention: ActorMention = {
      start,
      end,
      text: text.slice(start, end),
      sentence: sentenceOf(doc, start),
      actor: fill(d, m.entry.name, country),
      inter,
      kind: m.entry.kind,
      country,
      ...(via ? { via: { start: via.start, end: via.end, text: via.text } } : {}),
    };
    infos.set(infoKey(mention), { entry: m.entry, w0, w1: m.w1 });
    out.push(mention);
    for (const c of countries) {
      const more: ActorMention = { ...mention, actor: fill(d, m.entry.name, c), country: c };
      infos.set(infoKey(more), { entry: m.entry, w0, w1: m.w1 });
      out.push(more);
    }
  }
  return out;
}

/** Kinds that own no forces: 'residents … their troops' points past them. */
const NO_FORCES = new Set(['civilians', 'protesters', 'rioters']);
/**
 * The actor whose forces 'its forces' / 'their troops' (at word w0) are: the last mention before
 * it in its sentence that owns forces, when that one is named or a state's forces with their
 * country ('US Central Command said its forces'); null otherwise ('the army said its troops').
 */
function ownerOfForces(doc: Doc, w: Words, w0: number, out: ActorMention[], infos: Map<string, MentionInfo>): { m: ActorMention; entry: Entry } | null {
  if (w0 === 0 || (w.lower[w0 - 1] !== 'its' && w.lower[w0 - 1] !== 'their')) return null;
  const sentence = sentenceOf(doc, w.start[w0]!);
  for (let k = out.length - 1; k >= 0; k--) {
    const o = out[k]!;
    if (o.sentence !== sentence) return null;
    if (NO_FORCES.has(o.kind)) continue;
    const info = infos.get(infoKey(o));
    if (!info) return null;
    const ok = (STATE_FORCE.has(o.kind) && o.country !== null) || (!info.entry.generic && o.kind !== 'unidentified');
    return ok ? { m: o, entry: info.entry } : null;
  }
  return null;
}

/** Words for a community's armed men: 'militias', 'tribesmen', 'clansmen'. */
const MILITIA_WORDS = new Set(['militia', 'militias', 'militiaman', 'militiamen', 'tribesmen', 'tribesman', 'clansmen', 'clansman']);
const IDENTITY_KINDS = new Set(['tribal militia', 'clan militia', 'communal militia']);
const isMilitiaWord = (e: Entry, last: string): boolean => IDENTITY_KINDS.has(e.kind) || (e.kind === 'unidentified' && MILITIA_WORDS.has(last));
/** ACLED's qualifier of an identity militia by the words the text uses: 'tribesmen' -> Tribal. */
/** The entry an alias names (the first one, for the dictionary's own phrases). */
function entryOfAlias(d: Dictionary, phrase: string): Entry | null {
  let node: TrieNode | undefined = d.root;
  for (const x of wordsOf(phrase)) node = node?.next.get(foldWord(x));
  return node?.hits.find((h) => h.entry !== null)?.entry ?? null;
}

/** 'a local militia allied with the federal government', 'militiamen loyal to the army'. */
const SIDES_WITH_GOVERNMENT = /^\s*,?\s*(?:(?:which|that|who)\s+(?:is|are|was|were)\s+)?(?:allied|aligned|loyal|affiliated|fighting\s+alongside|backed\s+by|supported\s+by|armed\s+by)\s*(?:with|to)?\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}?(?:government|army|armed\s+forces|state|authorities)\b/iu;

/**
 * A militia the text puts on the government's side ('a local militia allied with the federal
 * government') is ACLED's pro-government militia (3), not a communal militia (4) of the place: its
 * allegiance, not its community, is what the text says of it.
 */
function sidingWithGovernment(d: Dictionary, text: string, w: Words, merged: { entry: Entry; w0: number; w1: number }[]): void {
  const proGovernment = entryOfAlias(d, 'pro-government militia');
  if (!proGovernment) return;
  for (const m of merged) {
    if (!m.entry.generic || !isMilitiaWord(m.entry, w.lower[m.w1 - 1]!)) continue;
    if (SIDES_WITH_GOVERNMENT.test(text.slice(w.end[m.w1 - 1]!, w.end[m.w1 - 1]! + 90))) m.entry = { ...proGovernment, generic: true };
  }
}

function qualifierOf(words: string[]): string | undefined {
  for (const x of words) {
    if (/^(?:tribe|tribes|tribal|tribesm[ae]n)$/.test(x)) return 'Tribal';
    if (/^(?:clan|clans|subclan|subclans|clansm[ae]n)$/.test(x)) return 'Clan';
    if (/^(?:communal|community|communities|local|village|villages)$/.test(x)) return 'Communal';
  }
  return words.length > 0 ? 'Ethnic' : undefined;
}
/** Capitalised words that name no community: 'Local militiamen', 'Suspected tribesmen', 'Shia militias'. */
const NOT_A_COMMUNITY = new Set([
  'local', 'armed', 'suspected', 'alleged', 'rival', 'unknown', 'unidentified', 'the', 'a', 'an', 'some', 'several', 'other',
  'allied', 'pro', 'anti', 'tribal', 'ethnic', 'communal', 'clan', 'sub', 'village', 'community', 'many', 'two', 'three',
  'dozens', 'hundreds', 'government', 'state', 'federal', 'national', 'shia', 'shiite', 'sunni', 'christian', 'muslim',
  'islamist', 'islamic', 'youth', 'youths', 'civilian', 'self', 'defence', 'defense', 'popular', 'private', 'criminal',
  'on', 'in', 'at', 'and', 'of', 'by', 'later', 'meanwhile', 'also', 'when', 'after', 'before', 'then', 'there', 'these', 'those',
]);

/** The token at character `pos`, and the one after it, or null. */
function tokenAt(doc: Doc, pos: number): { t: Doc['tokens'][number]; next: Doc['tokens'][number] | undefined } | null {
  const toks = doc.tokens;
  let lo = 0;
  let hi = toks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = toks[mid]!;
    if (t.end <= pos) lo = mid + 1;
    else if (t.start > pos) hi = mid - 1;
    else return { t, next: toks[mid + 1] };
  }
  return null;
}

/** The part-of-speech tag of the token at character `pos`, and the next token's. */
function posAt(doc: Doc, pos: number): { pos: string; next: string | null } | null {
  const at = tokenAt(doc, pos);
  return at ? { pos: at.t.pos, next: at.next?.pos ?? null } : null;
}

/**
 * The communities a militia word names, in text order: proper nouns right before it ('Tiv
 * militias', 'Bani Ali and Al Badi tribesmen') or after 'from' ('militias from Umumubu and Omor',
 * 'militiamen from the Ayr sub-clan'). Not a country's name or demonym ('Sudanese tribesmen'), nor
 * the words of another mention.
 */
function communitiesOf(
  doc: Doc,
  w: Words,
  w0: number,
  w1: number,
  taken: Set<number>,
): { name: string; w0: number; w1: number; qualifier?: string }[] {
  const text = doc.text;
  // (not a word of another mention or a country word: 'pro-Hadi Al Humayqani tribal militia')
  const isName = (k: number) =>
    k >= 0 && k < w.lower.length && !taken.has(k) && /^\p{Lu}/u.test(text[w.start[k]!]!) && !NOT_A_COMMUNITY.has(w.lower[k]!) &&
    posAt(doc, w.start[k]!)?.pos === 'PROPN';
  const joined = (k: number) => /^[\s-]?$/.test(text.slice(w.end[k]!, w.start[k + 1]!)) && text.slice(w.end[k]!, w.start[k + 1]!) !== '\n';
  // A run of up to four name words ending at word `end` (exclusive), or null.
  const runBefore = (end: number): number | null => {
    let k = end;
    while (k - 1 >= 0 && end - (k - 1) <= 4 && isName(k - 1) && (k === end || joined(k - 1))) k--;
    return k === end ? null : k;
  };
  const out: { name: string; w0: number; w1: number; qualifier?: string }[] = [];
  const k0 = w0 > 0 && joined(w0 - 1) ? runBefore(w0) : null;
  if (k0 !== null) {
    // 'Bani Ali and Al Badi tribesmen': the first community too.
    if (w.lower[k0 - 1] === 'and' && k0 >= 2) {
      const j0 = runBefore(k0 - 1);
      if (j0 !== null) out.push({ name: text.slice(w.start[j0]!, w.end[k0 - 2]!), w0: j0, w1 });
    }
    out.push({ name: text.slice(w.start[k0]!, w.end[w0 - 1]!), w0: k0, w1 });
    return out;
  }
  // 'militias from Umumubu and Omor', 'militiamen from the Ayr sub-clan of Habar Gedir'.
  if (w.lower[w1] !== 'from') return out;
  let k = w1 + 1;
  if (w.lower[k] === 'the') k++;
  for (let n = 0; n < 2; n++) {
    const a = k;
    while (k < w.lower.length && k - a < 4 && isName(k) && (k === a || joined(k - 1))) k++;
    if (k === a) break;
    out.push({ name: text.slice(w.start[a]!, w.end[k - 1]!), w0, w1: k });
    if (w.lower[k] !== 'and') break;
    k++;
  }
  // 'from the Ayr and Saleban sub clans': the kind of community after the last name is all of theirs.
  const kind = qualifierOf(w.lower.slice(k, k + 2).filter((x) => x === 'sub' || qualifierOf([x]) !== 'Ethnic'));
  if (kind !== undefined) for (const c of out) c.qualifier = kind;
  return out;
}

/**
 * Whether the capitalised force word at word `i` ('Army', 'Forces') ends a proper name that is not
 * a country's: 'People's Army', 'Liberation Army', 'Resistance Forces' (but 'Pakistani Army',
 * 'National Army', 'Special Forces' are a state's).
 */
function inOwnName(text: string, w: Words, i: number, countryEndingAt: Map<number, { country: string; w0: number }>): boolean {
  if (i === 0 || !/^(?:army|forces)$/.test(w.lower[i]!) || !/^\p{Lu}/u.test(text[w.start[i]!]!)) return false;
  let k = i - 1;
  if (!/^\s+$/.test(text.slice(w.end[k]!, w.start[i]!))) return false;
  // "People's Army": the word before the possessive.
  if (w.lower[k] === 's' && k > 0 && /^['’]$/.test(text.slice(w.end[k - 1]!, w.start[k]!))) k--;
  return (
    /^\p{Lu}/u.test(text[w.start[k]!]!) && !countryEndingAt.has(k + 1) && !COUNTRY_GAP.has(w.lower[k]!) &&
    !OWN_NAME_OK.has(w.lower[k]!) && !isSentenceStart(text, w.start[k]!)
  );
}
/** Capitalised words before 'Army'/'Forces' that still name a state's force: 'Armed Forces', 'Air Forces'. */
const OWN_NAME_OK = new Set(['armed', 'air', 'defence', 'defense', 'royal', 'ground', 'land', 'naval', 'regime', 'coalition', 'allied', 'joint', 'international', 'foreign']);
const isSentenceStart = (text: string, at: number): boolean => /(?:^|[.!?]\s+|\n\s*)$/.test(text.slice(Math.max(0, at - 3), at));

/** 'Movement of forces:', 'Looting:', 'Property destruction:' at the start of a paragraph. */
const LEADING_TAG = /^\s*[A-Z][A-Za-z/&-]*(?: [A-Za-z/&-]+){0,3}:\s/;

/** Nouns of air power and artillery after a country word: 'U.S. airstrikes', 'Israeli artillery'. */
const STATE_WEAPON_NOUNS = new Set([
  'strike', 'strikes', 'airstrike', 'airstrikes', 'air', 'bombardment', 'bombardments', 'shelling',
  'artillery', 'warplanes', 'warplane', 'aircraft', 'jets', 'helicopters', 'helicopter', 'gunships', 'drone', 'drones',
  'patrol', 'patrols', 'convoy', 'reinforcements', 'incursion', 'incursions', 'raid', 'raids', 'offensive',
  'bombing', 'bombings', 'tanks', 'navy', 'missile', 'missiles',
]);
/** Words between a country word and its weapon: 'Russian ballistic missile', "Russia's major missile strike". */
const WEAPON_MODIFIERS = new Set([
  'ballistic', 'cruise', 'guided', 'hypersonic', 'long', 'range', 'short', 'precision', 'combat', 'fighter', 'kamikaze',
  'attack', 'heavy', 'massive', 'major', 'fresh', 'new', 'latest', 'deadly', 'overnight', 'rocket', 'artillery', 'tank', 'naval', 'military',
]);
/** A state's army in one word: 'the army' is the one the text named with a country. */
const THE_ARMY = new Set(['army', 'military']);
/** Words of aircraft: a bare one ('the drone') is the last one the text gave a country. */
/** Words before an aircraft that give it to the state in power: 'junta jets', 'regime warplanes', 'army drones'. */
const STATE_OWNED_AIRCRAFT = /^(?:the\s+)?(?:junta|regime|army|military|government|govt)['’]?s?\s/i;
const AIR_POWER = new Set(['drone', 'drones', 'warplane', 'warplanes', 'jets', 'jet', 'aircraft', 'helicopter', 'helicopters', 'gunships']);
/** Verbs of attack after a country's name: 'Israel struck', 'Turkey shelled'. */
const STATE_ATTACK_VERBS = new Set([
  'struck', 'bombed', 'shelled', 'attacked', 'launched', 'conducted', 'carried', 'fired', 'targeted', 'pounded',
  'raided', 'bombarded', 'bombarding', 'striking', 'attacking', 'shelling', 'bombing', 'targeting', 'launching',
  'carrying', 'conducting', 'firing',
]);
/**
 * Whether the words from k are a verb of attack in the active voice: 'struck', 'had hit' ('Ukraine
 * had hit Belgorod with missiles'), but not 'hit by' ('Ukraine hit by a wave of drones').
 */
function stateAttacks(w: Words, k: number): boolean {
  const v = /^(?:had|has|have)$/.test(w.lower[k] ?? '') ? k + 1 : k;
  const verb = w.lower[v] ?? '';
  if (w.lower[v + 1] === 'by') return false;
  return STATE_ATTACK_VERBS.has(verb) || (v > k && PERFECT_ATTACK_VERBS.has(verb));
}
/** Verbs of attack read only after 'had' / 'has' ('hit' alone is as often a passive headline). */
const PERFECT_ATTACK_VERBS = new Set(['hit', 'struck', 'shelled', 'bombed', 'attacked', 'launched', 'fired', 'targeted']);
/** Nouns after 'military' that make it an adjective of a thing rather than a force. */
const NOT_A_FORCE_AFTER = new Set([
  'wing', 'wings', 'reinforcements', 'reinforcement', 'equipment', 'hardware', 'sources', 'source',
  'official', 'officials', 'spokesman', 'spokesperson', 'spokeswoman', 'media', 'circles', 'court', 'courts',
  'hospital', 'academy', 'experts', 'expert', 'analyst', 'analysts', 'aid', 'exercise', 'exercises', 'drills',
  'campaign', 'service', 'uniform', 'uniforms', 'supplies', 'cooperation', 'tribunal', 'prosecutor', 'spending',
  'budget', 'parade', 'leadership', 'intelligence', 'statement', 'zone',
]);

/** Whether text[from, to) holds a clause break (. ; : ! ?, and with `parens` also brackets). */
function hasStop(text: string, from: number, to: number, parens: boolean): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // . : ; ! ?
    if (c === 46 || c === 58 || c === 59 || c === 33 || c === 63) return true;
    if (parens && (c === 40 || c === 41)) return true;
  }
  return false;
}

function exactMatch(text: string, w: Words, i: number, exact: string[]): boolean {
  for (let k = 0; k < exact.length; k++) {
    const s = w.start[i + k];
    if (s === undefined || text.slice(s, w.end[i + k]) !== exact[k]) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Roles: who acts, who is acted on.

/** 'killed by Taliban militants', 'shelling by Afghan forces', 'fire from Indian troops'. */
const AGENT_BEFORE = new Set(['by', 'from', 'between']);
/** Words after which a mention is the target: 'attacked a police post', 'killing 3 soldiers'. */
const PATIENT_BEFORE = new Set([
  'on', 'against', 'at', 'into', 'targeting', 'targeted', 'target', 'killing', 'killed', 'kill', 'kills',
  'injuring', 'injured', 'wounding', 'wounded', 'attacked', 'attacking', 'attack', 'attacks', 'ambushed', 'ambushing',
  'abducted', 'abducting', 'abduct', 'kidnapped', 'kidnapping', 'arrested', 'arresting', 'arrest', 'detained',
  'detaining', 'shot', 'shooting', 'beat', 'beating', 'hit', 'hitting', 'struck', 'striking', 'murdered', 'executed',
  'assaulted', 'lynched', 'tortured', 'raped', 'robbed', 'stormed', 'besieged', 'seized', 'captured', 'dispersed',
  'disperse', 'harassed', 'thrashed', 'stabbed', 'beheaded', 'hanged', 'burned', 'bombed', 'shelled', 'pounded',
  'raided', 'dispersing', 'fired', 'opened', 'engaged', 'repulsed', 'repelled', 'tortured', 'looted', 'torched',
  'destroyed', 'destroying', 'damaged', 'damaging',
]);
/** What a side loses a place from: 'from ISIL control', 'from the hands of the Taliban'. */
const LOST_HOLD = new Set(['control', 'hands', 'grip', 'rule', 'occupation', 'militants', 'fighters', 'insurgents', 'terrorists', 'hold']);
/** Verbs of taking ground: 'from' after them names the side that lost it. */
const RETAKE_VERBS = new Set([
  'liberated', 'liberate', 'liberating', 'freed', 'free', 'freeing', 'recaptured', 'recapture', 'recapturing', 'retook', 'retake',
  'retaken', 'retaking', 'cleared', 'clear', 'clearing', 'seized', 'seize', 'seizing', 'wrested', 'wrest', 'expelled', 'expel',
  'drove', 'driven', 'drive', 'ousted', 'oust', 'evicted', 'captured', 'capture', 'capturing', 'reclaimed', 'regained', 'regain',
  'took', 'take', 'taken', 'taking', 'won', 'pushed', 'routed',
]);
/** Nouns of places a side holds: 'in the rebel-held town' (not 'in the Houthi-controlled prison'). */
const PLACE_NOUNS = new Set([
  'town', 'towns', 'city', 'cities', 'village', 'villages', 'area', 'areas', 'district', 'districts', 'neighbourhood',
  'neighborhood', 'neighbourhoods', 'neighborhoods', 'region', 'regions', 'territory', 'territories', 'province', 'part',
  'parts', 'side', 'countryside', 'suburb', 'suburbs', 'enclave', 'zone', 'zones', 'quarter', 'quarters', 'east', 'west',
  'north', 'south', 'governorate', 'county',
]);
const PREPOSITIONS = new Set(['over', 'in', 'on', 'with', 'from', 'of', 'at', 'to', 'into', 'near', 'by', 'inside', 'aboard', 'onto', 'toward', 'towards', 'under', 'behind']);
const DETERMINERS = new Set(['the', 'a', 'an', 'two', 'three', 'four', 'five', 'several', 'some', 'his', 'her', 'their', 'its']);
/** Whether the mention starting at word `w0` is the object of a preposition ('over two military vehicles'). */
function afterPreposition(w: Words, w0: number): boolean {
  let k = w0 - 1;
  while (k >= 0 && (DETERMINERS.has(w.lower[k]!) || /^\d+$/.test(w.lower[k]!))) k--;
  return k >= 0 && PREPOSITIONS.has(w.lower[k]!);
}
/** Whether a verb of taking ground stands in the clause before word `k` ('from'), within eight words. */
function retakeBefore(text: string, w: Words, k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 8; j--) {
    if (hasStop(text, w.end[j]!, w.start[j + 1]!, true)) return false;
    if (RETAKE_VERBS.has(w.lower[j]!)) return true;
  }
  return false;
}
/** Nouns before 'between' that name no fighting: 'tensions between', 'talks between'. */
const NO_FIGHT_BETWEEN = new Set([
  'tension', 'tensions', 'talks', 'negotiations', 'agreement', 'deal', 'truce', 'ceasefire', 'dispute', 'disputes', 'rivalry',
  'mediation', 'meeting', 'meetings', 'dialogue', 'reconciliation', 'exchange', 'swap', 'relations', 'cooperation', 'coordination',
]);
/** Attack nouns before 'of' + the attacker: 'an attack of Boko Haram'. */
const ATTACK_OF = new Set(['attack', 'attacks', 'offensive', 'incursion', 'incursions', 'onslaught', 'infiltration', 'assault']);
/** Words to step over when looking back from a mention: numbers, determiners, hedges. */
const SKIP_BEFORE = new Set([
  'the', 'a', 'an', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'one', 'several', 'some',
  'many', 'dozens', 'scores', 'hundreds', 'least', 'at', 'more', 'than', 'about', 'around', 'over', 'nearly', 'up',
  'to', 'suspected', 'alleged', 'unknown', 'unidentified', 'armed', 'local', 'of', 'number', 'group', 'their', 'its',
  'his', 'her', 'off', 'duty', 'fellow', 'other', 'innocent', 'also', 'and', 'including', 'dozen',
  'former', 'retired', 'serving', 'presumed', 'presumably', 'reportedly', 'apparently', 'likely', 'possibly', 'purported', 'allegedly',
]);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'dozens', 'scores', 'hundreds', 'dozen', 'eleven', 'twelve', 'twenty']);
const AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'had', 'has', 'have', 'got', 'get']);
/** Verbs that make the word before them the one who acts: 'Taliban militants attacked'. */
const ACTIVE_VERBS = new Set([
  'attacked', 'attack', 'attacks', 'killed', 'kill', 'kills', 'shot', 'opened', 'fired', 'ambushed', 'stormed',
  'raided', 'targeted', 'clashed', 'clash', 'fought', 'exchanged', 'engaged', 'abducted', 'kidnapped', 'arrested',
  'detained', 'launched', 'conducted', 'carried', 'shelled', 'struck', 'bombed', 'planted', 'laid', 'placed',
  'claimed', 'seized', 'captured', 'overran', 'took', 'set', 'torched', 'burned', 'burnt', 'looted', 'beat',
  'stabbed', 'hurled', 'threw', 'pelted', 'blocked', 'staged', 'held', 'protested', 'rallied', 'marched', 'gathered',
  'demonstrated', 'dispersed', 'used', 'lobbed', 'detonated', 'assassinated', 'executed', 'beheaded', 'released',
  'freed', 'destroyed', 'demolished', 'recaptured', 'retook', 'regained',
  'defused', 'hit', 'mortared', 'rocketed', 'targeting', 'attacking', 'killing', 'conducting', 'carrying',
  'launching', 'shooting', 'firing', 'tortured', 'raped', 'assaulted', 'lynched', 'robbed', 'vandalised', 'vandalized',
  'damaged', 'besieged', 'surrounded', 'joined', 'surrendered', 'pursued', 'chased', 'intercepted',
  'confronted', 'invaded', 'entered', 'advanced', 'deployed', 'arrived', 'withdrew', 'established', 'recruited',
  'clashes', 'thwarted', 'foiled', 'ransacked', 'demolished', 'hacked', 'lynched', 'abused', 'whipped', 'flogged', 'reportedly', 'allegedly', 'also', 'have', 'has',
]);
/** Nouns of a force's parts and posts, between the force and its verb: 'a police convoy was attacked'. */
const HEAD_NOUNS = new Set([
  'personnel', 'convoy', 'convoys', 'patrol', 'patrols', 'post', 'posts', 'checkpoint', 'checkpoints', 'vehicle', 'vehicles',
  'base', 'bases', 'camp', 'camps', 'station', 'unit', 'units', 'team', 'teams', 'position', 'positions', 'outpost', 'outposts',
  'officer', 'officers', 'member', 'members', 'commander', 'commanders', 'chief', 'helicopter', 'truck', 'tank', 'tanks',
]);
/** Adverbs between a subject and its verb: 'forces reportedly thwarted'. */
/** Weekdays, for a day between a subject and its verb. */
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/**
 * The word after a day phrase starting at v ('on Friday', 'late on Sunday', 'early Monday',
 * 'yesterday', 'overnight', 'last night'), or v when there is none: the day stands between a
 * subject and its verb without changing who did what.
 */
function overDay(text: string, w: Words, v: number): number {
  const at = (k: number) => w.lower[k] ?? '';
  const open = (k: number) => k < w.start.length && !hasStop(text, w.end[k - 1]!, w.start[k]!, true);
  let k = v;
  if ((at(k) === 'late' || at(k) === 'early') && open(k + 1)) k++;
  if (at(k) === 'on' && WEEKDAYS.has(at(k + 1))) k += 2;
  else if (WEEKDAYS.has(at(k)) && k > v) k++;
  else if (at(k) === 'yesterday' || at(k) === 'overnight') k++;
  else if (at(k) === 'last' && (at(k + 1) === 'night' || at(k + 1) === 'week')) k += 2;
  else return v;
  // (the day closes the phrase only when the verb follows in the same clause)
  return open(k) ? k : v;
}
const VERB_ADVERBS = new Set(['reportedly', 'allegedly', 'also', 'later', 'then', 'again', 'jointly', 'successfully', 'subsequently', 'swiftly', 'quickly', 'immediately', 'apparently', 'earlier']);
/** 'shot back', 'fought off': the one who answers an attack (not 'set off explosives'). */
const BACK_OFF = new Map([
  ['back', new Set(['shot', 'shoot', 'shoots', 'fired', 'fire', 'fires', 'fought', 'fight', 'fights', 'hit', 'hits', 'struck', 'strike', 'strikes', 'beat', 'pushed'])],
  ['off', new Set(['fought', 'fight', 'fights', 'beat', 'beats', 'fended', 'fend', 'held', 'warded'])],
]);
/** What a vehicle or a person strikes when it is the target: 'struck an IED'. */
const MINE_WORDS = new Set(['ied', 'ieds', 'mine', 'mines', 'landmine', 'landmines', 'explosive', 'explosives', 'bomb', 'device']);
/**
 * The defender of an attack: 'Afghan forces repulsed their attack' - the attacker is actor1. Not
 * 'foiled' or 'thwarted': who foils an attack acts ('police foiled a bomb plot', 'pro-Hadi forces
 * thwarted a Houthi incursion' has the pro-Hadi forces first in ACLED's coding).
 */
const DEFENDER_VERBS = new Set(['repulsed', 'repelled', 'repulse', 'repel', 'responded', 'retaliated', 'reacted', 'defended', 'resisted', 'pushed', 'fended', 'returned']);
/** A mention used as the modifier of an attack noun acts: 'a Taliban attack', 'NDS operations'. */
/** 'attempted to attack', 'tried to storm': the one who tries acts. */
const TRY_VERBS = new Set(['attempted', 'tried', 'sought', 'attempt', 'try', 'attempting', 'trying']);
/** Participles that, with no object and a preposition after them, are a passive without 'were': 'militants killed in a raid'. */
const REDUCED_PASSIVE = new Set(['killed', 'shot', 'arrested', 'detained', 'abducted', 'kidnapped', 'captured', 'executed']);
const REDUCED_PASSIVE_AFTER = new Set(['in', 'during', 'by', 'near', 'while', 'after', 'amid', 'following', 'when']);
const ATTACK_NOUNS = new Set(['attack', 'attacks', 'assault', 'assaults', 'ambush', 'ambushes', 'offensive', 'operation', 'operations', 'raid', 'raids', 'airstrike', 'airstrikes', 'strike', 'strikes', 'shelling', 'fire', 'gunfire', 'bombardment', 'bombing', 'bomb', 'ied', 'mine', 'landmine', 'rocket', 'rockets', 'mortar', 'mortars', 'drone', 'drones', 'attackers', 'offensives', 'onslaught', 'incursion', 'infiltration', 'sniper', 'snipers', 'counterattack']);
const PARTICIPLE = /(?:ed|en|wn|shot|hit|struck|beat|burnt|slain|held|caught|taken|left)$/;

interface Scored {
  m: ActorMention;
  /** Read from a generic word ('soldiers'), so the ACLED name is derived. */
  generic: boolean;
  name: string;
  inter: number;
  agent: number;
  patient: number;
  order: number;
}

/**
 * Verbs of saying: 'X said', 'X confirmed the attacks', 'X officials said' make X a source, not
 * a party. 'claimed' is left out on purpose: 'TTP claimed responsibility' names the perpetrator.
 */
const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'confirmed', 'confirms', 'confirm', 'stated', 'states', 'told', 'tells', 'added', 'reported',
  'reports', 'announced', 'announces', 'denied', 'denies', 'deny', 'insisted', 'insists', 'alleged', 'alleges',
  'warned', 'warns', 'noted', 'condemned', 'condemns', 'acknowledged', 'blamed', 'blames', 'quoted', 'tweeted',
  'posted', 'wrote', 'urged', 'accused', 'accuses', 'declared', 'explained', 'revealed', 'disclosed', 'asserted',
  'maintained', 'maintains', 'mentioned', 'informed', 'briefed', 'spokesman', 'spokesperson', 'spokeswoman',
  'sources', 'source', 'officials', 'official', 'statement',
]);
/** Words that may stand between a source and its verb of saying: 'X also confirmed', 'X has said'. */
const SPEECH_GAP = new Set(['also', 'later', 'earlier', 'has', 'had', 'have', 'officially', 'publicly', 'separately', 'however', 'then', 'further', 'in', 'a',
  // the office that speaks for a named side: 'the Taliban government confirmed', 'Houthi authorities said'
  'government', 'authorities', 'administration', 'ministry', 'interior', 'defence', 'defense']);
/**
 * Participles after which 'by' names no party to the violence: 'the government, ruled by the
 * Taliban, confirmed ...', 'militias backed by Turkey', 'a report issued by the UN'.
 */
const NON_VIOLENT_BY = new Set([
  'ruled', 'led', 'backed', 'supported', 'confirmed', 'reported', 'claimed', 'issued', 'owned', 'controlled', 'run',
  'governed', 'announced', 'stated', 'funded', 'sponsored', 'organised', 'organized', 'called', 'condemned',
  'denied', 'recognised', 'recognized', 'dominated', 'accused', 'blamed', 'designated', 'followed', 'mediated',
  'brokered', 'welcomed', 'appointed', 'formed', 'founded', 'trained', 'armed', 'equipped', 'financed', 'aided',
  'assisted', 'escorted', 'protected', 'guarded', 'rescued', 'evacuated', 'treated', 'investigated', 'documented',
  'verified', 'imposed', 'ordered', 'demanded', 'visited', 'hosted', 'quoted', 'cited', 'published', 'posted',
  'shared', 'released', 'said', 'signed', 'agreed', 'described', 'praised', 'criticised', 'criticized',
]);
/**
 * Verbs of those who come after the violence (police, rescuers, investigators): their subject is
 * no party to it ('police cordoned off the area', 'police are investigating the blast').
 */
const RESPONDER_VERBS = new Set([
  'cordoned', 'cordon', 'cordoning', 'investigating', 'investigated', 'inquiring', 'probing', 'probed', 'collected',
  'collecting', 'recovered', 'recovering', 'retrieved', 'shifted', 'shifting', 'rushed', 'transported', 'cleared',
  'sealed', 'sealing', 'registered', 'lodged', 'examined', 'examining', 'gathering', 'removed', 'shifted',
]);
/** Before a mention: the source that speaks for it ('a spokesman for the army', 'officials of the police'). */
const SOURCE_OF = /\b(?:spokes(?:man|woman|person|people)|officials?|sources?|statement|communiqu[eé]|press\s+office|media\s+wing)\s+(?:for|of|from)\s+(?:the\s+)?(?:[\p{L}-]+\s+(?:of\s+)?(?:the\s+)?){0,4}$/iu;
/** Forms of 'to be': 'were from the CRPF' says where they belong. */
const BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being']);
/** Verbs whose object is an ally: 'to support Iraqi forces', 'assisting the army'. */
const SUPPORT_VERBS = new Set(['support', 'supports', 'supporting', 'assist', 'assists', 'assisting', 'help', 'helps', 'helping', 'aid', 'aids', 'aiding', 'backing', 'reinforce', 'reinforcing', 'accompany', 'accompanying', 'advise', 'advising', 'train', 'training', 'equip', 'equipping']);
/** Participles before 'by' that name an ally: 'supported by', 'backed by'. */
const SUPPORT_BY = new Set(['supported', 'backed', 'assisted', 'aided', 'escorted', 'accompanied', 'reinforced']);
/** Verbs of taking and things taken: 'from' after them names the victim ('looted from residents', 'stole cattle from herders'). */
const TAKING_FROM = new Set(['looted', 'stole', 'stolen', 'robbed', 'took', 'taken', 'seized', 'snatched', 'extorted', 'confiscated', 'grabbed', 'collected', 'demanded', 'money', 'cattle', 'livestock', 'goods', 'belongings', 'valuables', 'items', 'phones', 'cash']);
interface Roles {
  agent: number;
  patient: number;
  /**
   * Named as the one who says or confirms ('X said', 'according to X') or as an ally ('backed
   * by X'), not as a party.
   */
  speaker: boolean;
  /** The grammatical subject of the trigger verb. */
  subject: boolean;
}

function roleScores(doc: Doc, w: Words, m: ActorMention, info: MentionInfo | undefined, trigger: { start: number; end: number }, triggerSentence: number): Roles {
  const w0 = info ? info.w0 : wordAt(w, m.start);
  const w1 = info ? info.w1 : Math.max(w0 + 1, wordAt(w, m.end));
  const text = doc.text;
  let agent = 0;
  let patient = 0;
  let speaker = false;
  let subject = false;
  // 'a spokesman of the national police command in Maputo': the office a source
  // speaks for is no party to what it reports.
  if (SOURCE_OF.test(text.slice(Math.max(doc.sentences[m.sentence]!.start, m.start - 60), m.start))) speaker = true;
  // Look back over numbers and determiners to the word that governs the mention.
  let sawNumber = false;
  for (let k = w0 - 1, steps = 0; k >= 0 && steps < 6; k--, steps++) {
    const gapEnd = w.start[k + 1] ?? w.end[k]!;
    if (hasStop(text, w.end[k]!, gapEnd, false)) break;
    // 'On 3 March 2020, Taliban militants attacked': a comma ends the phrase (the date's
    // number is not a head count).
    let comma = false;
    for (let c = w.end[k]!; c < gapEnd && !comma; c++) comma = text.charCodeAt(c) === 44;
    if (comma) break;
    const lw = w.lower[k]!;
    if (/^\d+$/.test(lw) || NUMBER_WORDS.has(lw)) {
      sawNumber = true;
      continue;
    }
    // 'the coalition continues to support Iraqi forces with air strikes': an ally, no party.
    if (SUPPORT_VERBS.has(lw)) {
      speaker = true;
      break;
    }
    if (lw === 'to' && w.lower[k - 1] === 'according') {
      // 'according to security officials', 'according to the Taliban'.
      speaker = true;
      break;
    }
    if (AGENT_BEFORE.has(lw)) {
      // 'tensions between tribesmen and pro-Houthi forces', 'talks between': no fight.
      if (lw === 'between' && k > 0 && NO_FIGHT_BETWEEN.has(w.lower[k - 1]!)) break;
      // 'ruled by the Afghan Taliban' names no attacker; 'killed by Taliban militants' does.
      if (lw === 'by' && k > 0 && NON_VIOLENT_BY.has(w.lower[k - 1]!)) {
        // 'regime forces supported by the SDF against Turkish forces': an ally of one side,
        // which ACLED lists as an associated actor, not as the other side.
        if (SUPPORT_BY.has(w.lower[k - 1]!)) speaker = true;
        break;
      }
      // 'three of the jawans were from the CRPF', 'the attackers are from Cuei-bet': where one
      // belongs, no act.
      if (lw === 'from' && k > 0 && BE.has(w.lower[k - 1]!)) break;
      // 'looted from residents', 'stole cattle from herders': the ones robbed.
      if (lw === 'from' && k > 0 && TAKING_FROM.has(w.lower[k - 1]!)) {
        patient += 3;
        break;
      }
      // 'liberated the town of Dabiq from ISIL control', 'retook the area from the Taliban': the
      // side that loses ground.
      if (lw === 'from' && (LOST_HOLD.has(w.lower[w1] ?? '') || retakeBefore(text, w, k))) {
        patient += 3;
        break;
      }
      agent += 3;
      break;
    }
    // 'at least 13 militants': no preposition.
    if (lw === 'at' && (w.lower[k + 1] === 'least' || w.lower[k + 1] === 'most')) continue;
    // 'targeting a pro-STC Security Belt checkpoint': over the allegiance.
    if (k > 0 && w.lower[k - 1] === 'pro' && text.slice(w.end[k - 1]!, w.start[k]!) === '-') {
      k--;
      continue;
    }
    if (PATIENT_BEFORE.has(lw)) {
      patient += 3;
      break;
    }
    // 'repelled an attack of Boko Haram'.
    if (lw === 'of' && k > 0 && ATTACK_OF.has(w.lower[k - 1]!)) {
      agent += 3;
      break;
    }
    if (SKIP_BEFORE.has(lw)) continue;
    break;
  }
  if (sawNumber) patient += 1;
  // Look after: 'were killed' (target), 'attacked' / '-planted' (actor).
  const next = w.lower[w1];
  const sep = w1 < w.start.length ? text.slice(w.end[w1 - 1]!, w.start[w1]!) : '.';
  if (next !== undefined && !/[.;:!?]/.test(sep)) {
    // 'X said', 'X also confirmed the attacks', 'X spokesman Y said': a source of the report.
    for (let k = w1, gap = 0; k < w.lower.length && gap <= 2; k++) {
      if (k > w1 && hasStop(text, w.end[k - 1]!, w.start[k]!, false)) break;
      const lw = w.lower[k]!;
      if (SPEECH_VERBS.has(lw)) {
        speaker = true;
        break;
      }
      if (!SPEECH_GAP.has(lw)) break;
      gap++;
    }
    // The verb may follow a head noun and an adverb: 'a police convoy was attacked', 'Pakistan
    // military personnel were killed', 'pro-Hadi forces reportedly thwarted'.
    // (Not in a prepositional phrase: 'armed men over two military vehicles stormed the office'.)
    let v = w1;
    if (HEAD_NOUNS.has(w.lower[v] ?? '') && text.slice(w.end[v - 1]!, w.start[v]!).trim() === '' && !afterPreposition(w, w0)) v++;
    for (let g = 0; g < 2 && VERB_ADVERBS.has(w.lower[v] ?? '') && !hasStop(text, w.end[v - 1]!, w.start[v]!, true); g++) v++;
    // Over the day: 'Three policemen on Friday were killed', 'gunmen late on Sunday stormed'.
    v = overDay(text, w, v);
    // 're-captured', 're-took': the verb after the prefix.
    if (w.lower[v] === 're' && text.slice(w.end[v]!, w.start[v + 1] ?? 0) === '-') v++;
    const nv = w.lower[v] ?? '';
    const vsep = v < w.start.length ? text.slice(w.end[v - 1]!, w.start[v]!) : '.';
    if (v !== w1 && (/[.;:!?,]/.test(vsep) || v >= w.lower.length)) {
      // (a clause break after the head noun or adverb: no verb of the mention's own)
    } else if (sep === '-' && /^(planted|laid|placed|led|affiliated|linked)$/.test(next)) agent += 3;
    // 'destroyed an ISIL-held building', 'shelled government-held districts': who holds a place is
    // not who struck it, rather the side whose place was struck; 'a car bomb in the rebel-held
    // town of Azaz' names where, not who.
    else if (sep === '-' && /^(controlled|held|run|occupied|dominated|besieged)$/.test(next)) {
      if (afterPreposition(w, w0) && [1, 2, 3].some((k) => PLACE_NOUNS.has(w.lower[w1 + k] ?? ''))) speaker = true;
      else patient += 1;
    }
    else if (AUX.has(nv)) {
      const after = w.lower[v + 1] ?? '';
      const after2 = w.lower[v + 2] ?? '';
      if (RAISING.has(after) && after2 === 'to') {
        // 'IS fighters are reported to have killed 50 men', 'jets were said to have fired
        // missiles': the passive belongs to the report; the mention is the verb's subject.
        const vv = w.lower[v + 3] === 'have' || w.lower[v + 3] === 'be' ? v + 4 : v + 3;
        if (ACTIVE_VERBS.has(w.lower[vv] ?? '')) agent += 2;
      } else if ((PARTICIPLE.test(after) && !/^(been)$/.test(after)) || (after === 'been' && PARTICIPLE.test(after2))) {
        // 'were killed' unless it is 'have killed' (active perfect: 'militants have killed').
        if (nv === 'have' || nv === 'has' || nv === 'had') {
          if (after === 'been') patient += 3;
          // 'police have cordoned off the area', 'police has collected CCTV footage': responders.
          else if (RESPONDER_VERBS.has(after)) speaker = true;
          else agent += 2;
        } else patient += 3;
      }
    } else if (RESPONDER_VERBS.has(nv)) {
      // 'Law enforcement agencies cordoned off the area', 'police inquiring into the blast': those
      // who came after the violence, no party to it.
      speaker = true;
    } else if (DEFENDER_VERBS.has(nv) || BACK_OFF.get(w.lower[v + 1] ?? '')?.has(nv)) {
      // 'police repulsed the attack', 'the police shot back', 'the ISF fought off counterattacks'
      // (more than being killed: '13 Taliban were killed when Afghan forces repulsed their attack'
      // has the Taliban attacking).
      patient += 5;
    } else if (v === w1 && ATTACK_NOUNS.has(nv) && sep.trim() === '') {
      agent += 3;
    } else if (TRY_VERBS.has(nv) && w.lower[v + 1] === 'to' && (ACTIVE_VERBS.has(w.lower[v + 2] ?? '') || /^(?:storm|ambush|raid|seize|capture|overrun)$/.test(w.lower[v + 2] ?? ''))) {
      // 'insurgents attempted to raid the camp', 'militants tried to storm the base'.
      agent += 2;
    } else if (ACTIVE_VERBS.has(nv) && REDUCED_PASSIVE.has(nv) && REDUCED_PASSIVE_AFTER.has(w.lower[nv === 'shot' && w.lower[v + 1] === 'dead' ? v + 2 : v + 1] ?? '')) {
      // 'a guard died and as many raiders killed in the exchange': a past
      // participle straight before 'in', 'during' or 'by' is a passive without its 'were'.
      patient += 2;
    } else if (ACTIVE_VERBS.has(nv)) {
      if (/^(?:struck|hit|stepped|ran|drove)$/.test(nv) && [1, 2, 3, 4].some((k) => MINE_WORDS.has(w.lower[v + k] ?? ''))) {
        // 'an army vehicle struck an IED': the one who hits a mine is its target.
        patient += 3;
      } else if (sawNumber && /^(killed|shot|hit|struck|attacked|detained|arrested|abducted|kidnapped|injured|wounded)$/.test(nv)) {
        // 'soldiers killed in an attack' (headline passive) stays neutral when a number precedes.
        patient += 1;
      } else agent += 2;
    } else if (nv === 'and') {
      // 'the Myanmar military and AA clashed': the verb after the pair is both sides'.
      for (let k = v + 1; k < Math.min(w.lower.length, v + 8); k++) {
        // (a comma ends the pair: 'attacked an Afghan convoy and reinforcements, killing ...')
        if (hasStop(text, w.end[k - 1]!, w.start[k]!, false) || text.slice(w.end[k - 1]!, w.start[k]!).includes(',')) break;
        if (AUX.has(w.lower[k]!)) {
          // '1 Taliban commander and his guard were killed': both are the passive's subject.
          const p = w.lower[k + 1] ?? '';
          if (!/^(?:have|has|had)$/.test(w.lower[k]!) && PARTICIPLE.test(p) && p !== 'been') patient += 3;
          break;
        }
        if (VERB_ADVERBS.has(w.lower[k]!)) continue;
        // 'pro-Hadi forces and Popular Resistance fighters thwarted attacks': both defend.
        if (DEFENDER_VERBS.has(w.lower[k]!)) {
          patient += 4;
          break;
        }
        if (ACTIVE_VERBS.has(w.lower[k]!)) {
          agent += 2;
          break;
        }
      }
    }
  }
  // Position against the trigger, in the same sentence: before = subject side.
  if (m.sentence === triggerSentence) {
    // (A trigger phrase may begin inside the mention: 'Israeli jets were reported to have fired'.)
    if (m.start < trigger.start) {
      agent += 1;
      // The grammatical subject of the trigger verb: 'The Pakistani military conducted air
      // strikes', 'gunmen on motorbikes shot dead a trader' (a few words may stand between).
      if (isSubjectOf(doc, w, text, w1, trigger)) {
        agent += SUBJECT_BONUS;
        subject = true;
      }
    } else if (m.start >= trigger.end) patient += 1;
  }
  return { agent, patient, speaker, subject };
}

/** Whether the token at `pos` is tagged as a verb. */
function triggerIsVerb(doc: Doc, pos: number): boolean {
  const at = tokenAt(doc, pos);
  if (!at) return false;
  const { t, next } = at;
  if (t.pos === 'VERB') return true;
  // The tagger reads some past tenses as adjectives: 'opposition forces liberated/ADJ the
  // town'. A participle followed by a determiner or a name is a verb with its object.
  return t.pos === 'ADJ' && /ed$/i.test(doc.text.slice(t.start, t.end)) && next !== undefined && (next.pos === 'DET' || next.pos === 'NUM' || next.pos === 'PROPN');
}

/**
 * What being the subject of the trigger verb in the trigger's own sentence adds: more than a
 * single cue elsewhere ('ruled by the Taliban' in a follow-on sentence), so 'The Pakistani
 * military conducted air strikes' keeps the Pakistani military as the actor.
 */
const SUBJECT_BONUS = 3;

/** Passives of reporting that raise the subject of the next verb: 'X were reported to have fired'. */
const RAISING = new Set(['reported', 'said', 'believed', 'thought', 'alleged', 'understood', 'known', 'feared', 'suspected', 'claimed', 'seen', 'expected', 'rumoured', 'rumored', 'presumed']);

/** Words between a subject and its verb that keep the subject: 'militants reportedly attacked'. */
const SUBJECT_GAP = new Set(['reportedly', 'allegedly', 'also', 'then', 'later', 'had', 'have', 'has', 'jointly', 'again', 'today', 'yesterday', 'on', 'in', 'at', 'riding', 'motorbikes', 'motorcycles', 'motorcycle', 'a', 'the', 'car', 'who', 'which']);

/** Whether the mention ending at word `w1` is the subject of the trigger (an active verb phrase). */
function isSubjectOf(doc: Doc, w: Words, text: string, w1: number, trigger: { start: number; end: number }): boolean {
  const t0 = wordAt(w, trigger.start);
  // Only a verb has a subject ('left three militants dead' has none); a defender's verb has the
  // defender as its subject ('police repulsed the attack'), which DEFENDER_VERBS scores.
  if (!triggerIsVerb(doc, trigger.start) || DEFENDER_VERBS.has(w.lower[t0] ?? '')) return false;
  if (t0 < w1 || t0 - w1 > 4) return false;
  if (t0 >= w.lower.length) return false;
  // 'militants attacked a post of the police, injuring a policeman': the participle after a
  // comma belongs to the main clause's subject, not to the noun before it.
  if (hasStop(text, w.end[w1 - 1]!, trigger.start, true) || text.slice(w.end[w1 - 1]!, trigger.start).includes(',')) return false;
  for (let k = w1; k < t0; k++) if (!SUBJECT_GAP.has(w.lower[k]!)) return false;
  // A passive trigger ('soldiers were killed') has its subject as the target; the trigger word
  // itself may be an auxiliary-led phrase, so look at its first word too.
  const first = w.lower[t0]!;
  if (AUX.has(first) && first !== 'has' && first !== 'have' && first !== 'had') return false;
  return true;
}

const ev = (articleId: string, doc: Doc, s: { start: number; end: number }): Evidence => ({
  article: articleId,
  start: s.start,
  end: s.end,
  text: doc.text.slice(s.start, s.end),
});

/**
 * Words for the people of a place acting together: 'villagers', 'local residents', 'locals'.
 * Not 'people' or 'men' alone: 'armed men', 'a group of people attacked a man' are ACLED's
 * unidentified armed groups.
 */
const COLLECTIVE = /\b(?:villagers|residents|locals|local people|citizens|inhabitants|community members|townspeople|dwellers|youths|students|workers|farmers|herders|traders|villagers|worshippers|relatives|family members|families|prisoners|inmates|detainees|migrants|refugees)$/i;
/** A demonym in the plural: 'Palestinians hurled stones' (people of a nation acting together). */
const NATIONALS = /^\p{Lu}\p{L}+s$/u;
/** Generic words that a following 'of X' / 'from X' gives to a named group. */
const OWNED_BY_KINDS = new Set(['military', 'police', 'unidentified']);
const OWNER_LINK = /^\s*(?:from|of|loyal to|belonging to|affiliated with|linked to|allied to|allied with)\s/i;
/** A named group put after the generic word: 'militants (suspected TTP)', 'gunmen, believed to be Al Shabaab,'. */
const APPOSITION = /^\s*(?:\(\s*(?:(?:suspected|alleged|allegedly|reportedly|likely|presumably|possibly|probably|believed to be)\s+)?(?:of\s+)?|[,–—-]\s*(?:suspected|alleged|allegedly|reportedly|likely|presumably|possibly|probably|believed to be)\s+(?:to be\s+)?(?:members of\s+|of\s+)?)(?:the\s+)?$/i;
/** Whether `between` (the text from a generic word to a named group) makes the group the word's owner. */
const ownerLink = (between: string): boolean =>
  between.length <= 60 && ((OWNER_LINK.test(between) && !/[.;:!?()]/.test(between)) || APPOSITION.test(between));
/**
 * The words between an aircraft with no country and the side that flies it: 'a drone strike
 * conducted by the RSF', 'drones operated by the army', 'a drone likely belonging to the Turkish
 * army'. The aircraft is that side's instrument, not a side of its own.
 */
const FLOWN_BY = /^\s+(?:(?:strikes?|attacks?|raids?|bombing)\s+)?(?:(?:was|were|is|are|allegedly|reportedly|apparently|likely|probably)\s+){0,2}(?:(?:conducted|carried\s+out|launched|operated|flown|fired|sent|used|deployed)\s+by|belonging\s+to|owned\s+by)\s+(?:the\s+)?$/i;
/** A bare aircraft word with no country of its own: 'the drone', 'jets'. */
const isAircraft = (m: ActorMention): boolean =>
  m.kind === 'military' && m.country === null && !m.via && AIR_POWER.has(m.text.split(/\s+/).pop()!.toLowerCase());
/**
 * Stage: an aircraft word ('drone') whose flyer the same clause names ('conducted by the RSF') is
 * no actor of its own: its cues go to the flyer and it leaves the candidates.
 */
function flyersOfAircraft(doc: Doc, scored: Scored[]): void {
  for (let k = 0; k + 1 < scored.length; k++) {
    const plane = scored[k]!;
    const m = plane.m;
    if (!plane.generic || m.kind !== 'military' || m.country !== null || m.via || !AIR_POWER.has(m.text.split(/\s+/).pop()!.toLowerCase())) continue;
    const flyer = scored[k + 1]!;
    if (flyer.m.sentence !== m.sentence || PASSIVE_KINDS.has(flyer.m.kind) || !FLOWN_BY.test(doc.text.slice(m.end, flyer.m.start))) continue;
    flyer.agent += plane.agent;
    flyer.patient += plane.patient;
    flyer.order = Math.min(flyer.order, plane.order);
    scored.splice(k, 1);
    k--;
  }
}
/** Words for unnamed persons, and the shooting that makes them an armed group. */
const SHOOTERS = /\b(?:man|men|people|persons|individuals|person|individual)$/i;
const SHOOTING_AFTER = /^[^.;]*?\b(?:opened fire|shot|fired|shooting at|gunned)\b/i;
/** What stands between two conjoined subjects: 'X and Y', 'X, as well as the Y', 'X and "Resistance" Y'. */
const CONJUNCT = /^\s*(?:,|and|as well as|,\s*and)\s*(?:the\s+|their\s+|its\s+)?(?:(?:allied|affiliated|local|other|["“”'‘’]?\p{Lu}[\p{L}-]*["“”'‘’]?)\s+){0,2}$/u;
/** Words that say an armed group is not known: 'unidentified gunmen', 'unknown armed men'. */
const SAID_UNKNOWN = /\b(?:unidentified|unknown|unnamed|anonymous)\b/i;
/** Kinds that never act first when someone else is named. */
const PASSIVE_KINDS = new Set(['civilians']);
const STATE_KINDS = new Set(['military', 'police', 'government']);
/** Forces that fly air strikes: a state's military, or a foreign force or coalition. */
const AIR_FORCE_KINDS = new Set(['military', 'external']);
/** A sentence that has its subject striking from the air, after the subject. */
const STRIKES_AFTER = /\b(?:conducted|carried out|launched|struck|hit|bombed|targeted)\b[^.;]*?\b(?:air ?strikes?|strikes?|raids?|sorties?)\b|\b(?:air ?strikes?|bombed|bombarded)\b/i;
const NON_STATE_NAMED = (m: ActorMention) =>
  !STATE_KINDS.has(m.kind) && m.kind !== 'civilians' && m.kind !== 'protesters' && m.kind !== 'rioters' && m.kind !== 'unidentified' && m.kind !== 'gang' &&
  m.kind !== 'unidentified military';

const PROTESTS = new Set<SubEventType>(['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters']);
const RIOTS = new Set<SubEventType>(['Violent demonstration', 'Mob violence']);
const AGAINST_CIVILIANS = new Set<SubEventType>(['Attack', 'Abduction/forced disappearance', 'Sexual violence']);
/** An attack on a base, post or convoy of the state's forces: 'a raid on an army camp', 'stormed a police station'. */
const FORCES_TARGET = /\b(?:raid(?:ed|s)?|attack(?:ed|s)?|storm(?:ed|s)?|ambush(?:ed|es)?|overr?an|assault(?:ed|s)?)\s+(?:on\s+)?(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w'’-]+\s+){0,3}?(?:army|military|police|security|gendarmerie|soldiers['’]?)\s+(?:camp|base|post|checkpoint|check\s?post|checkpost|station|barracks|convoy|patrol|outpost|position|garrison)s?\b/i;
/** Bombings whose maker an unnamed armed group is by default (see assignActors). */
const BOMBINGS = new Set<SubEventType>(['Suicide bomb', 'Remote explosive/landmine/IED', 'Grenade']);
/**
 * Violence no crowd carries out: villagers said to act in such an event (carrying the wounded
 * away) are no rioters. (Not shelling or bombs: a crowd's tear-gas 'shells' and 'bombs' are read
 * so at times, and the crowd there is what the text tells.)
 */
const NO_CROWD_WEAPONS = new Set<SubEventType>(['Air/drone strike', 'Suicide bomb']);
/** Violence by one side against people or property that do not fight back. */
const ONE_SIDED = new Set<SubEventType>(['Attack', 'Abduction/forced disappearance', 'Sexual violence', 'Looting/property destruction', 'Arrests']);
/** Types where a missing perpetrator is an unidentified armed group. */
const NEEDS_PERPETRATOR = new Set<SubEventType>([
  'Attack', 'Abduction/forced disappearance', 'Sexual violence', 'Armed clash', 'Remote explosive/landmine/IED',
  'Suicide bomb', 'Grenade', 'Shelling/artillery/missile attack', 'Air/drone strike', 'Looting/property destruction',
  'Non-state actor overtakes territory',
]);

/** Words of a fight between two crowds. */
/**
 * Generic words for a state's forces that do not say which branch ('security forces', 'forces',
 * 'security personnel', 'jawans'), as against the army's own words ('soldiers', 'troops', 'army').
 */
const BRANCH_UNSAID = /^(?:\p{Lu}[\p{L}'’.-]*\s+)?(?:[Ss]ecurity\s+(?:forces?|personnel|agents|officers)|[Ff]orces|[Pp]ersonnel|[Jj]awans?)$/u;

/**
 * 'Six jawans died … four of them belonged to the Central Reserve Police Force': words that do not
 * say which branch ('security forces', 'jawans', 'personnel') are the police branch of that state
 * the event names, not the army they default to. Only where the event names one police force of
 * that state and no other (a named army or militia is no branch these words would stand for).
 */
function namedBranchOfForces(scored: Scored[], country: string | null): void {
  const home = (s: Scored) => s.m.country ?? country;
  const named = scored.filter((s) => !s.generic && s.m.kind === 'police');
  for (const s of scored) {
    if (!s.generic || s.m.kind !== 'military' || !BRANCH_UNSAID.test(s.m.text)) continue;
    const branches = new Set(named.filter((x) => home(x) === home(s) && x.inter === s.inter).map((x) => x.name));
    if (branches.size !== 1) continue;
    const branch = named.find((x) => x.name === [...branches][0])!;
    s.name = branch.name;
    s.m = { ...s.m, kind: branch.m.kind };
  }
}

/** The force facing a crowd: a police mention where there is one, else the first state force. */
function interveningForce(scored: Scored[]): Scored | undefined {
  return scored.find((s) => s.m.kind === 'police') ?? scored.find((s) => s.m.kind === 'military');
}

const MUTUAL = /\b(?:each other|one another|two groups|rival groups|both groups|two rival|two factions|two families|two tribes|two clans|rival clans|rival tribes|two communities)\b/i;
/** The text from an event's first sentence to its last. */
const eventText = (doc: Doc, sentences: number[]): string => {
  if (sentences.length === 0) return '';
  const a = doc.sentences[Math.min(...sentences)]!;
  const b = doc.sentences[Math.max(...sentences)]!;
  return doc.text.slice(a.start, b.end);
};

/** An event as assignActors reads it. */
interface EventIn {
  sentences: number[];
  trigger: { start: number; end: number };
  subEventType: SubEventType;
  country: string | null;
  /** The event's first-level region and date (YYYY-MM-DD), where known: they place it on a front. */
  admin1?: string | null;
  date?: string | null;
}
type Side = { actor: Field<string>; inter: Field<number> };
/** What every stage of assignActors reads: the event, its mentions, and how names and fields are made. */
interface Ctx {
  d: Dictionary;
  doc: Doc;
  w: Words;
  articleId: string;
  event: EventIn;
  type: SubEventType;
  country: string | null;
  byArticle: ArticleMentions;
  inEvent: Set<number>;
  /** The mentions in the event's sentences (narrowed by scoreCandidates). */
  ms: ActorMention[];
  triggerSentence: number;
  triggerEv: Evidence[];
  resolve: (m: ActorMention, info: MentionInfo | undefined) => { name: string; inter: number } | null;
  field: <T>(value: T, evidence: Evidence[], rule: string, derived?: boolean) => Field<T>;
  fromMention: (s: Scored & { all?: Scored[] }, rule: string) => Side;
  byDefault: (kind: string, rule: string, evidence?: Evidence[]) => Side;
}
/** The sides chosen so far, and the candidates they were read from. */
interface Chosen {
  a1: Side | null;
  a2: Side | null;
  act?: Scored;
  target?: Scored;
}

const net = (s: Scored) => s.agent - s.patient;

/**
 * An article's mentions without the common-noun aliases that name a group only in another country
 * than the event's (foreignCommonNoun). The same array when none is left out, and one array per
 * country otherwise: the article's mention index (articleMentions) is cached by array, and an
 * article of thousands of incidents must not rebuild it for each.
 */
const WITHOUT_FOREIGN = new WeakMap<ActorMention[], { length: number; byCountry: Map<string | null, ActorMention[]> }>();
function withoutForeignCommonNouns(mentions: ActorMention[], country: string | null): ActorMention[] {
  let cached = WITHOUT_FOREIGN.get(mentions);
  if (!cached || cached.length !== mentions.length) WITHOUT_FOREIGN.set(mentions, (cached = { length: mentions.length, byCountry: new Map() }));
  const byCountry = cached.byCountry;
  let kept = byCountry.get(country);
  if (!kept) {
    const filtered = mentions.filter((m) => !foreignCommonNoun(m, country));
    kept = filtered.length === mentions.length ? mentions : filtered;
    byCountry.set(country, kept);
  }
  return kept;
}

/**
 * Actor 1 and 2 of an event, as a pipeline: the event's mentions and the makers of names
 * (eventContext) → each mention's cues (scoreCandidates) → the crowd's sides in demonstrations
 * and communal fights (crowdSides) or else the acting and acted-on sides (chooseSides) → ACLED's
 * conventions for what the event's sentences leave out: civilians as victims, a strike's striker
 * and target named earlier, a perpetrator claimed or blamed elsewhere in the article, a front's
 * sides and the defaults.
 */
export function assignActors(doc: Doc, mentions: ActorMention[], event: EventIn, articleId: string): ActorAssignment {
  const ctx = eventContext(doc, withoutForeignCommonNouns(mentions, event.country), event, articleId);
  const scored = scoreCandidates(ctx);
  const crowd = crowdSides(ctx, scored);
  if (crowd) return crowd;
  const ch = chooseSides(ctx, scored);
  civiliansAsVictims(ctx, scored, ch);
  strikeSidesNamedEarlier(ctx, ch);
  perpetratorFromArticle(ctx, ch);
  definiteGroupWords(ctx, ch);
  conventionalSides(ctx, scored, ch);
  militiaOfOrigin(ctx, ch);
  return pack(ch.a1, ch.a2);
}

/**
 * A named group read from a common noun of its dictionary entry ('separatists' for the Donbas
 * republics' forces, 'communist rebels' for the NPA) names it only in its own country: in a story
 * from Balochistan 'separatists' are the country's own, unnamed. A name or acronym ('DPR', 'NPA')
 * keeps naming the group anywhere, and state forces are read as they always are.
 */
function foreignCommonNoun(m: ActorMention, country: string | null): boolean {
  return country !== null && m.country !== null && m.country !== country && !STATE_KINDS.has(m.kind) && m.text === m.text.toLowerCase();
}

/** The event's mentions, and the makers of its names and fields. */
function eventContext(doc: Doc, mentions: ActorMention[], event: EventIn, articleId: string): Ctx {
  const d = loadActorDictionary();
  const byArticle = articleMentions(doc, mentions);
  const type = event.subEventType;
  const country = event.country;
  const ctx = {
    d, doc, w: wordsOfDoc(doc), articleId, event, type, country, byArticle,
    inEvent: new Set(event.sentences), ms: byArticle.inSentences(event.sentences), triggerSentence: sentenceOf(doc, event.trigger.start),
  } as Ctx;
  // The names as they stand in this event: templates take the event's country; a state's
  // forces outside their own country are external forces (8).
  ctx.resolve = (m: ActorMention, info: MentionInfo | undefined): { name: string; inter: number } | null => {
    const entry = info?.entry ?? d.templates.get(m.kind);
    // 'the coalition' is the anti-IS coalition in Syria and Iraq, the Saudi-led one in Yemen.
    // Unnamed rebels in Syria are ACLED's 'Opposition Rebels (Syria)'; elsewhere the template's.
    if (entry?.byCountry) {
      const named = country === null ? undefined : entry.byCountry.get(country);
      if (named !== undefined) return { name: named, inter: d.interOf.get(named) ?? m.inter };
      if (!entry.template) return null;
    }
    let name = m.actor;
    let c = m.country;
    if (entry && entry.template && m.country === null) {
      c = country;
      name = fill(d, entry.name, country);
    }
    let inter = m.inter;
    if ((entry?.inter === 'state' || (!entry && STATE_KINDS.has(m.kind))) && c !== null && country !== null && c !== country && d.homeIn.get(c) !== country) {
      inter = 8;
      // 'Saudi forces fired artillery at villages in Sadah': the Saudi-led coalition in Yemen.
      // Not against an enemy the coalition was not formed for: US strikes on al-Qaeda in Idlib
      // are the United States' own, US raids on Islamic State cells the anti-IS coalition's.
      const coalition = m.kind === 'military' ? d.actsAs.get(c)?.get(country) : undefined;
      const fights = coalition === undefined ? undefined : d.fights.get(coalition);
      const enemies = ctx.ms.filter(NON_STATE_NAMED).map((x) => x.actor);
      if (coalition !== undefined && (!fights || enemies.length === 0 || enemies.some((e) => fights.some((f) => e.startsWith(unfilled(f.name)))))) name = coalition;
    }
    return { name, inter };
  };

  const field = <T>(value: T, evidence: Evidence[], rule: string, derived?: boolean): Field<T> =>
    derived ? { value, evidence, rule, derived: true } : { value, evidence, rule };
  // A generic word ('a man', 'soldiers') names the actor only through ACLED's convention, so the
  // name is derived from it; a named actor ('TTP', 'Ansar Allah') is read off the text.
  ctx.fromMention = (s: Scored & { all?: Scored[] }, rule: string) => {
    const evidence = (s.all ?? [s]).flatMap((x) => (x.m.via ? [ev(articleId, doc, x.m), ev(articleId, doc, x.m.via)] : [ev(articleId, doc, x.m)]));
    const derived = s.generic;
    return { actor: field(s.name, evidence, rule, derived), inter: field(s.inter, evidence, rule, derived) };
  };
  const triggerEv = [ev(articleId, doc, event.trigger)];
  ctx.byDefault = (kind: string, rule: string, evidence: Evidence[] = triggerEv) => {
    const t = d.templates.get(kind)!;
    const inter = t.inter === 'state' ? 1 : t.inter;
    const name = fill(d, t.name, country);
    return { actor: field(name, evidence, rule, true), inter: field(inter, evidence, rule, true) };
  };

  ctx.field = field;
  ctx.triggerEv = triggerEv;
  return ctx;
}

/** Each mention's agent and patient cues: one Scored per mention that can be a side. */
function scoreCandidates(ctx: Ctx): Scored[] {
  const { d, doc, w, articleId, event, type, country, byArticle, inEvent, triggerSentence, triggerEv, resolve, field, fromMention, byDefault } = ctx;
  let ms = ctx.ms;
  // 'Taliban militants ... the militants': a generic armed group next to a named one is the named one.
  // Not when the text says they are unknown: 'unidentified armed men opened fire on a vehicle
  // carrying the leader of the Southern Resistance'.
  // Nor when the named group is said to be theirs: 'militants (suspected TTP)' (their cues go to the
  // group below).
  // Where the event names one group only, the generic words are its men and their cues are its
  // cues: '10 suspected Kuki militants were killed … the militants had opened fire on the police
  // station' has the Kuki militia attacking (standIns). With several groups named, whose men they
  // are is unknown and the generic words are dropped.
  const standIns = new Set<ActorMention>();
  let soleNamed: ActorMention | null = null;
  if (ms.some(NON_STATE_NAMED)) {
    // (a source is not the group whose men they are: '…, the Taliban government confirmed')
    const ts = sentenceOf(doc, event.trigger.start);
    // (a militia known only by its allegiance, 'a local militia allied with the government', is
    // no named group whose men the generic words would be)
    const named = ms.filter((x) => NON_STATE_NAMED(x) && !(x.kind === 'militia' && infoOf(doc, x)?.entry.generic));
    if (named.every((x) => x.actor === named[0]!.actor) && !named.every((x) => roleScores(doc, w, x, infoOf(doc, x), event.trigger, ts).speaker)) soleNamed = named[0]!;
    ms = ctx.ms = ms.filter((m, i) => {
      if (m.kind !== 'unidentified' || SAID_UNKNOWN.test(doc.text.slice(Math.max(0, m.start - 14), m.end))) return true;
      const next = ms[i + 1];
      if (next !== undefined && next.sentence === m.sentence && NON_STATE_NAMED(next) && ownerLink(doc.text.slice(m.end, next.start))) return true;
      if (soleNamed !== null) standIns.add(m);
      return soleNamed !== null;
    });
  }
  // 'the government' only when no force is named.
  if (ms.some((m) => m.kind === 'military' || m.kind === 'police')) ms = ctx.ms = ms.filter((m) => m.kind !== 'government');

  // In a strategic development the one who announces may be the actor ('the government
  // announced a curfew'); in violence a source is only a source.
  const speakersAreNoParty = NEEDS_PERPETRATOR.has(type) || RIOTS.has(type);
  const triggerIsNoun = !triggerIsVerb(doc, event.trigger.start);
  const scored: Scored[] = [];
  ms.forEach((m, order) => {
    const info = infoOf(doc, m);
    const r = standIns.has(m) ? resolve(soleNamed!, infoOf(doc, soleNamed!)) : resolve(m, info);
    if (r === null) return;
    // An aircraft sets off no bomb: in a suicide bombing or an IED blast, 'a drone strike' named
    // in the same sentences is another event told beside it ('four years after a drone strike').
    if (BOMBINGS.has(type) && isAircraft(m)) return;
    const s = roleScores(doc, w, m, info, event.trigger, triggerSentence);
    // A source of the report is no party to it: 'The Afghan government also confirmed the
    // attacks', 'according to security officials'.
    // (Not the words right before the trigger: 'assisted by US-led coalition air strikes' has the
    // coalition as the striker.)
    if (s.speaker && speakersAreNoParty && !(triggerIsNoun && m.end <= event.trigger.start && /^\s*$/.test(doc.text.slice(m.end, event.trigger.start)))) return;
    // A group named with no role two sentences or more from the trigger is context, not a party:
    // "... bombings in Istanbul. “This attack ...” “... working closely with Turkey within NATO and
    // the counter-ISIL coalition”".
    if (NEEDS_PERPETRATOR.has(type) && s.agent === 0 && s.patient === 0 && Math.abs(m.sentence - triggerSentence) >= 2 && !PASSIVE_KINDS.has(m.kind)) return;
    const agent = s.agent;
    let patient = s.patient;
    if (m.kind === 'civilians' && !PROTESTS.has(type) && !NO_CROWD_WEAPONS.has(type) && s.agent >= 2 && s.agent > s.patient && (COLLECTIVE.test(m.text) || NATIONALS.test(m.text))) {
      // Unarmed people who turn violent are rioters in ACLED's terms: 'villagers beat a
      // suspected thief', 'residents pelted the police with stones', 'locals clashed with police'.
      // 'Venezuelan migrants attacked a police officer': rioters named by their nationality.
      const t = d.templates.get('rioters')!;
      scored.push({ m: { ...m, kind: 'rioters', inter: 5 }, generic: true, name: fill(d, t.name, m.country ?? country), inter: 5, agent, patient, order });
      return;
    }
    if (m.kind === 'civilians' && NEEDS_PERPETRATOR.has(type) && s.agent >= 2 && s.agent > s.patient && SHOOTERS.test(m.text) && SHOOTING_AFTER.test(doc.text.slice(m.end, m.end + 40))) {
      // 'men in a car opened fire on the police': people who shoot are an armed group.
      const t = d.templates.get('unidentified')!;
      scored.push({ m: { ...m, kind: 'unidentified', inter: 3 }, generic: true, name: fill(d, t.name, country), inter: 3, agent, patient, order });
      return;
    }
    if (PASSIVE_KINDS.has(m.kind)) patient += 2;
    if (standIns.has(m)) {
      // (only where they act: '3 militants were killed' counts the group's losses in a fight it
      // may well have started, 'Taliban attacked a post … 3 militants were killed')
      if (agent > patient) scored.push({ m: { ...m, kind: soleNamed!.kind }, generic: true, name: r.name, inter: r.inter, agent: agent - patient, patient: 0, order });
      return;
    }
    scored.push({ m, generic: info?.entry.generic ?? false, name: r.name, inter: r.inter, agent, patient, order });
    if (s.subject) {
      // 'National Resistance and Saudi-led coalition forces fired ...': every conjunct of the
      // subject is a subject; the first named leads (ACLED puts the others in assoc_actor).
      for (let k = scored.length - 2; k >= 0; k--) {
        const prev = scored[k]!;
        const next = scored[k + 1]!;
        // (a name or two may qualify the next conjunct: 'pro-Hadi and "Resistance" fighters')
        if (prev.m.sentence !== m.sentence || !CONJUNCT.test(doc.text.slice(prev.m.end, next.m.start))) break;
        prev.agent += SUBJECT_BONUS;
      }
    }
  });

  // 'an attack on a check point killed two local policemen': the checkpoint stands for the force
  // only when no other force is said to suffer.
  // ('3 local policemen were killed following an attack on a check point', but not 'Taliban
  // attacked a checkpoint').
  if (scored.some((s) => !infoOf(doc, s.m)?.entry.holds && !PASSIVE_KINDS.has(s.m.kind) && s.m.kind !== 'unidentified' && s.agent - s.patient <= 0)) {
    for (let k = scored.length - 1; k >= 0; k--) if (infoOf(doc, scored[k]!.m)?.entry.holds) scored.splice(k, 1);
  }
  // 'forces from the 6th Southern Resistance Brigade', 'fighters of the Arakan Army': the
  // generic word is the named group's men, so its cues are the named group's.
  for (let k = 0; k + 1 < scored.length; k++) {
    const g = scored[k]!;
    const named = scored[k + 1]!;
    if (!g.generic || named.generic || named.m.sentence !== g.m.sentence || !OWNED_BY_KINDS.has(g.m.kind)) continue;
    const between = doc.text.slice(g.m.end, named.m.start);
    if (!ownerLink(between)) continue;
    named.agent += g.agent;
    named.patient += g.patient;
    named.order = Math.min(named.order, g.order);
    scored.splice(k, 1);
    k--;
  }
  flyersOfAircraft(doc, scored);
  namedBranchOfForces(scored, country);
  return scored;
}

/** Demonstrations, riots and communal fights: the crowd's side and the one facing it (null for other events). */
function crowdSides(ctx: Ctx, scored: Scored[]): ActorAssignment | null {
  const { d, doc, w, articleId, event, type, country, byArticle, inEvent, triggerSentence, triggerEv, resolve, field, fromMention, byDefault } = ctx;
  // Rank by how much each mention acts rather than is acted on; ties keep text order, except
  // that of two state forces the one at home comes first ('forces of India and Pakistan
  // exchanged fire', in Pakistan: Pakistan's forces first, India's as external forces).
  const ranked = [...scored].sort(
    (a, b) =>
      net(b) - net(a) ||
      (STATE_KINDS.has(a.m.kind) && STATE_KINDS.has(b.m.kind) ? (a.inter === 1 ? 0 : 1) - (b.inter === 1 ? 0 : 1) : 0) ||
      a.order - b.order,
  );

  let a1: Side | null = null;
  let a2: Side | null = null;
  // Clans, tribes or communities fighting ('clashes between two clans', 'tribesmen clashed'):
  // identity militias (4) on both sides, not rioters; retype.ts makes the fight an armed clash.
  const militias = RIOTS.has(type) ? scored.filter((s) => IDENTITY_KINDS.has(s.m.kind) || s.m.kind === 'identity militia') : [];
  if (militias.length > 0) {
    a1 = fromMention(militias[0]!, 'actors.identity-militia');
    const other = militias.find((s) => s.name !== militias[0]!.name);
    const mutual = MUTUAL.exec(eventText(doc, event.sentences));
    if (other) a2 = fromMention(other, 'actors.identity-militia');
    else if (mutual) a2 = fromMention(militias[0]!, 'actors.mutual-militias');
    return pack(a1, a2);
  }
  if (PROTESTS.has(type) || RIOTS.has(type)) {
    // ACLED names demonstrators by country only: 'journalists protested' -> Protesters (Pakistan).
    const kind = PROTESTS.has(type) ? 'protesters' : 'rioters';
    let mutual: RegExpExecArray | null = null;
    const named = scored.find((s) => s.m.kind === kind);
    a1 = named ? fromMention(named, `actors.${kind}`) : byDefault(kind, `actors.default-${kind}`);
    // 'about 500 Venezuelan migrants protested in Bogota': ACLED names demonstrators by their
    // own nationality where the text gives one that is not the event country's.
    // (Not nationals named after the protesters: 'rioters hurled rocks ... Palestinians and
    // Syrians also took part' in Lebanon.)
    const foreign = scored.find(
      (s) =>
        (s.m.kind === 'civilians' || s.m.kind === kind) && s.m.country !== null && s.m.country !== country && s.agent >= s.patient &&
        (!named || s.order <= named.order || s.m.sentence === triggerSentence),
    );
    if (foreign) {
      const t = d.templates.get(kind)!;
      const evidence = [ev(articleId, doc, foreign.m)];
      a1 = { actor: field(fill(d, t.name, foreign.m.country), evidence, `actors.${kind}-nationality`, true), inter: field(a1.inter.value, evidence, `actors.${kind}-nationality`, true) };
    }
    if (type === 'Protest with intervention' || type === 'Excessive force against protesters' || type === 'Violent demonstration' || type === 'Mob violence') {
      const force = interveningForce(scored);
      if (force && force.m.kind === 'military' && force.generic && BRANCH_UNSAID.test(force.m.text)) {
        // 'security forces fired tear gas at the protesters': ACLED codes the force that polices
        // a crowd as the police unless the text says it was the army ('soldiers', 'troops').
        const evidence = [ev(articleId, doc, force.m)];
        const name = fill(d, d.templates.get('police')!.name, force.m.country ?? country);
        a2 = { actor: field(name, evidence, 'actors.crowd-force-is-police', true), inter: field(force.inter, evidence, 'actors.crowd-force-is-police', true) };
      } else if (force) a2 = fromMention(force, 'actors.intervening-force');
      else if (type === 'Protest with intervention' || type === 'Excessive force against protesters') a2 = byDefault('police', 'actors.default-police');
      else if (RIOTS.has(type) && (mutual = MUTUAL.exec(eventText(doc, event.sentences)))) {
        // 'two groups of the community clashed ... attacked each other': rioters on both sides.
        const at = doc.sentences[Math.min(...event.sentences)]!.start + mutual.index;
        a2 = byDefault(kind, 'actors.mutual-rioters', [ev(articleId, doc, { start: at, end: at + mutual[0].length })]);
      } else if (type === 'Violent demonstration') {
        // 'rioters pelted a bus, injuring two passengers': a named, harmed bystander.
        const victim = scored.find((s) => s.m.kind === 'civilians' && net(s) < -2);
        if (victim) a2 = fromMention(victim, 'actors.victim');
      } else if (type === 'Mob violence') {
        const victim = scored.find((s) => s.m.kind === 'civilians') ?? ranked.filter((s) => s.m.kind !== kind).pop();
        a2 = victim ? fromMention(victim, 'actors.victim') : byDefault('civilians', 'actors.default-civilians');
      }
    }
    return pack(a1, a2);
  }

  return null;
}

/** The side that acts and the side acted on, by their cues summed per name. */
function chooseSides(ctx: Ctx, scored: Scored[]): Chosen {
  const { d, doc, w, articleId, event, type, country, byArticle, inEvent, triggerSentence, triggerEv, resolve, field, fromMention, byDefault } = ctx;
  let a1: Side | null = null;
  let a2: Side | null = null;
  // One candidate per actor name, its cues summed over its mentions: 'Taliban militants
  // attacked an army post ... soldiers killed 2 Taliban militants' weighs both sentences.
  const byName = new Map<string, Scored & { all: Scored[] }>();
  for (const s of scored) {
    const c = byName.get(s.name);
    if (c) {
      c.agent += s.agent;
      c.patient += s.patient;
      c.all.push(s);
      if (s.inter === 8) c.inter = 8;
    } else byName.set(s.name, { ...s, all: [s] });
  }
  const distinct = [...byName.values()].sort(
    (a, b) =>
      net(b) - net(a) ||
      (STATE_KINDS.has(a.m.kind) && STATE_KINDS.has(b.m.kind) ? (a.inter === 1 ? 0 : 1) - (b.inter === 1 ? 0 : 1) : 0) ||
      a.order - b.order,
  );
  const actors = distinct.filter((s) => !PASSIVE_KINDS.has(s.m.kind));
  const bystanders = distinct.filter((s) => PASSIVE_KINDS.has(s.m.kind));
  let act: Scored | undefined;
  let target: Scored | undefined;
  if (actors.length >= 2) {
    act = actors[0];
    // The target: the most acted-on other armed side; civilians caught up in a battle are not
    // its second actor ('1 soldier and 1 civilian were killed in clashes with Taliban').
    // Of several sides acted on, the first named ('9 soldiers and 5 militiamen were killed').
    // A state's police and army are one side: of the others, not the actor's own state forces
    // ('jawans of the CRPF and the DRG were killed in an encounter with Maoists').
    const sameSide = (s: Scored) => STATE_KINDS.has(act!.m.kind) && STATE_KINDS.has(s.m.kind) && s.inter === 1 && act!.inter === 1;
    const others = actors.slice(1).some((s) => !sameSide(s)) ? actors.slice(1).filter((s) => !sameSide(s)) : actors.slice(1);
    const acted = others.filter((s) => net(s) < 0);
    target = acted.length > 0 ? acted.reduce((a, b) => (b.order < a.order ? b : a)) : others[others.length - 1];
    // In one-sided violence a side that only acts is an ally, not the victim: 'regime and
    // pro-regime militia forces looted crops' (the victims default to civilians below).
    if (acted.length === 0 && ONE_SIDED.has(type) && target && net(target) > 0) target = undefined;
  } else if (actors.length === 1) {
    const only = actors[0]!;
    // One side only: it acts unless the text has it acted on in a violent event ('3 soldiers
    // were killed'); in a non-violent one it is the actor ('Houthi reinforcements arrived').
    if (net(only) >= 0 || bystanders.length > 0 || !NEEDS_PERPETRATOR.has(type)) {
      act = only;
      target = bystanders[0];
    } else target = only;
  } else if (NEEDS_PERPETRATOR.has(type)) {
    target = bystanders[0];
  } else {
    // 'Residents found a body': with nobody else named, civilians are the actor.
    act = bystanders[0];
  }
  // A bomb's maker is not the police or army of the country it went off in unless the text says
  // they set it off: forces only named there ('police said', 'security personnel were among the
  // dead') are its target or bystanders ('a suicide bomber blew himself up … security personnel').
  if (act && BOMBINGS.has(type) && STATE_KINDS.has(act.m.kind) && act.inter === 1 && net(act) <= 0) {
    if (!target) target = act;
    act = undefined;
  }
  if (act) a1 = fromMention(act, net(act) > 0 ? 'actors.agent' : 'actors.first-ranked');
  // An aircraft the text gives no country ('a drone strike hit a house', and no earlier 'Turkish
  // drone'): nobody is said to have flown it, so it is ACLED's Unidentified Military Forces (8),
  // not the forces of the country it struck.
  // (Not aircraft the words give to the state in power: 'junta jets', 'regime warplanes', 'army
  // drones' are the forces of the country the event is in.)
  if (act && a1 && type === 'Air/drone strike' && act.generic && act.m.kind === 'military' && act.m.country === null && !act.m.via &&
    AIR_POWER.has(act.m.text.split(/\s+/).pop()!.toLowerCase()) && !STATE_OWNED_AIRCRAFT.test(act.m.text)) {
    a1 = byDefault('unidentified military', 'actors.unattributed-aircraft', [ev(articleId, doc, act.m)]);
  }
  if (target) a2 = fromMention(target, net(target) < 0 ? 'actors.target' : 'actors.other-side');

  return { a1, a2, act, target };
}

/** Violence against civilians: the victims are civilians whatever words name them. */
function civiliansAsVictims(ctx: Ctx, scored: Scored[], ch: Chosen): void {
  const { d, doc, w, articleId, event, type, country, byArticle, inEvent, triggerSentence, triggerEv, resolve, field, fromMention, byDefault } = ctx;
  let { a1, a2 } = ch;
  const { target } = ch;
  if (AGAINST_CIVILIANS.has(type)) {
    // Violence against civilians: the target is civilians whatever words name them.
    if (!a2 || target?.m.kind !== 'civilians') {
      const civ = scored.find((s) => s.m.kind === 'civilians');
      // ... unless the attack was on a base, post or convoy of the state's forces and the dead
      // are only 'people' ('killed at least eight people in a raid on an army camp'): those
      // forces are its target (and retype.ts makes it the battle ACLED codes).
      const post = type === 'Attack' && (!civ || /^(?:people|persons|individuals)$/i.test(civ.m.text)) ? FORCES_TARGET.exec(eventText(doc, event.sentences)) : null;
      if (post) {
        const at = doc.sentences[Math.min(...event.sentences)]!.start;
        const kind = /police|gendarmerie/i.test(post[0]) ? 'police' : 'military';
        const evidence = [ev(articleId, doc, { start: at + post.index, end: at + post.index + post[0].length })];
        a2 = byDefault(kind, 'actors.forces-post-attacked', evidence);
      } else a2 = civ ? fromMention(civ, 'actors.civilians') : byDefault('civilians', 'actors.default-civilians');
    }
    // A perpetrator read as the target ('a man was shot by police' has police as agent already).
    if (a1 && a2 && a1.actor.value === a2.actor.value) a1 = null;
  }
  Object.assign(ch, { a1, a2 });
}

/** An air strike's striker or target named in an earlier summary sentence, or the coalition's enemy. */
function strikeSidesNamedEarlier(ctx: Ctx, ch: Chosen): void {
  const { d, doc, w, articleId, event, type, country, byArticle, inEvent, triggerSentence, triggerEv, resolve, field, fromMention, byDefault } = ctx;
  let { a1, a2 } = ch;
  if (!a1 && type === 'Air/drone strike') {
    // 'Coalition military forces conducted 26 strikes … Near Mosul, seven strikes engaged four
    // ISIL units': a strike that names no striker is by the force an earlier sentence has
    // striking, the nearest one before it.
    const striker = byArticle.strikers()
      .filter((m) => m.end <= event.trigger.start && !inEvent.has(m.sentence))
      .pop();
    const r = striker ? resolve(striker, infoOf(doc, striker)) : null;
    if (striker && r) {
      const evidence = [ev(articleId, doc, striker)];
      a1 = { actor: field(r.name, evidence, 'actors.striker-named-earlier', true), inter: field(r.inter, evidence, 'actors.striker-named-earlier', true) };
      if (a2 && a2.actor.value === r.name) a2 = null;
    }
  }
  // 'A drone struck …' with no country (Unidentified Military Forces so far) or no striker at all.
  if ((!a1 || a1.actor.rule === 'actors.unattributed-aircraft') && type === 'Air/drone strike') {
    const only = articleAirForce(ctx);
    if (only) {
      a1 = { actor: field(only.name, only.evidence, 'actors.article-air-force', true), inter: field(only.inter, only.evidence, 'actors.article-air-force', true) };
      if (a2 && a2.actor.value === only.name) a2 = null;
    }
  }
  if (!a2 && a1 && type === 'Air/drone strike') {
    // '... conducted 26 strikes against ISIL terrorists. Near Tal Afar, one strike destroyed a
    // VBIED factory': a listed strike that names no target hits the target the summary names,
    // when the summary's striker is this strike's ('U.S. strikes against al-Qaida' say nothing of
    // the coalition's).
    const striker = a1.actor.value;
    const bySameStriker = (sentence: number) =>
      byArticle.inSentences([sentence]).some((x) => AIR_FORCE_KINDS.has(x.kind) && (x.kind === 'military' ? x.actor : resolve(x, infoOf(doc, x))?.name) === striker);
    const summary = byArticle.summaryTargets()
      .filter((m) => m.end <= event.trigger.start && !inEvent.has(m.sentence) && bySameStriker(m.sentence))
      .pop();
    const r = summary ? resolve(summary, infoOf(doc, summary)) : null;
    if (summary && r && r.name !== a1?.actor.value) {
      const evidence = [ev(articleId, doc, summary)];
      a2 = { actor: field(r.name, evidence, 'actors.target-named-earlier', true), inter: field(r.inter, evidence, 'actors.target-named-earlier', true) };
    }
  }
  // 'the coalition conducted 10 airstrikes, including strikes against tactical units': a
  // coalition's strikes that name no target hit the enemy it was formed against (where the
  // article names that enemy at all).
  const fights = a1 ? d.fights.get(a1.actor.value) : undefined;
  if (!a2 && fights && type === 'Air/drone strike' && byArticle.someActorStartsWith(unfilled(fights[0]!.name))) {
    const enemy = fights[0]!;
    const name = fill(d, enemy.name, country);
    a2 = { actor: field(name, a1!.actor.evidence, 'actors.coalition-enemy', true), inter: field(enemy.inter, a1!.actor.evidence, 'actors.coalition-enemy', true) };
  }
  Object.assign(ch, { a1, a2 });
}

/** Words of a force's aircraft: 'a Turkish drone', 'Israeli warplanes', 'the Syrian air force'. */
const AIRCRAFT = /\b(?:drones?|warplanes?|(?:fighter )?jets?|aircraft|air ?force|gunships?|helicopters?|air ?strikes?|strikes?)\b/i;
/**
 * 'A drone hit a car near a border town … Two days later a Turkish drone hit a second car':
 * a strike that names no striker, in an article whose strikes and aircraft are all one state's,
 * is by that state (ACLED's coders read the article, not the sentence). Two air forces named
 * (Turkish and Iraqi jets, or Iraqi planes and the coalition's air strikes) leave it unidentified.
 */
/** A mention and the two words after it: 'Turkish' + 'drone struck', 'Israeli' + 'fighter jets'. */
const withNextWords = (doc: Doc, m: ActorMention) =>
  doc.text.slice(m.start, m.end) + (doc.text.slice(m.end, m.end + 40).match(/^['’]?s?[\s-]+[\p{L}-]+(?:\s+[\p{L}-]+)?/u)?.[0] ?? '');
function articleAirForce(ctx: Ctx): { name: string; inter: number; evidence: Evidence[] } | null {
  const { doc, articleId, byArticle, resolve } = ctx;
  const strikers = new Set(byArticle.strikers());
  const forces = byArticle.all().filter((m) => AIR_FORCE_KINDS.has(m.kind) && (m.country !== null || m.kind === 'external') && (strikers.has(m) || AIRCRAFT.test(withNextWords(doc, m))));
  const names = new Map<string, { name: string; inter: number; evidence: Evidence[] }>();
  for (const m of forces) {
    const r = resolve(m, infoOf(doc, m));
    if (r && !names.has(r.name)) names.set(r.name, { ...r, evidence: [ev(articleId, doc, m)] });
  }
  return names.size === 1 ? [...names.values()][0]! : null;
}

/**
 * Generic words for a perpetrator that name no group: a claim or a blame elsewhere in the article
 * names it ('gunmen', 'militants'; 'gang members' … 'the G9 federation claimed responsibility').
 */
const UNNAMED_PERPETRATORS = new Set(['unidentified', 'gang']);

/** A perpetrator the event does not name, from the article: 'the group', a claim, a group or state held responsible. */
function perpetratorFromArticle(ctx: Ctx, ch: Chosen): void {
  const { d, doc, w, articleId, event, type, country, byArticle, inEvent, triggerSentence, triggerEv, resolve, field, fromMention, byDefault } = ctx;
  let { a1 } = ch;
  const { a2, act } = ch;
  // 'Militants attacked a checkpoint ... JNIM claimed responsibility': whoever claims the attack
  // is its perpetrator when the event itself names none.
  // (Also where the first-ranked side is not said to act at all — 'the targeted base is run by a
  // local militia … Al-Shabaab claimed responsibility': the militia is the target.)
  if (NEEDS_PERPETRATOR.has(type) && (!a1 || (act && act.generic && UNNAMED_PERPETRATORS.has(act.m.kind)) || a1.actor.rule === 'actors.unattributed-aircraft' || a1.actor.rule === 'actors.first-ranked')) {
    // (a claim anywhere later in the article is for its lead incident: 'Five soldiers were
    // killed … [four paragraphs on] The TTP took responsibility for the attack.' A feature lede
    // of a few short sentences may come first — 'The patrol set out at dawn. It never came
    // back.' — so an incident told in the first four sentences is the lead.)
    const lead = Math.min(...event.sentences) <= 3;
    // 'Al-Shabaab … On Tuesday, the group ambushed a convoy': 'the group' doing the act is the
    // armed group the article last named.
    let claim = groupAnaphor(doc, byArticle, event.trigger);
    let rule = 'actors.the-group';
    if (!claim) {
      claim = claimant(doc, w, byArticle, event.sentences) ?? (lead ? claimant(doc, w, byArticle, event.sentences, doc.sentences.length) : null);
      rule = 'actors.claimed-responsibility';
    }
    // With no claim, the group the sources hold responsible or suspect ('CODECO was responsible
    // for the killings', 'JNIM is widely suspected', 'blamed on al-Shabaab'): ACLED codes the
    // suspected group as the actor.
    if (!claim) {
      claim = blamedGroup(doc, w, byArticle, event.sentences) ?? (lead ? blamedGroup(doc, w, byArticle, event.sentences, doc.sentences.length) : null);
      rule = 'actors.held-responsible';
    }
    // With no group claimed or blamed, a state the text holds responsible ('a strike blamed on
    // Turkey', 'Turkey has been blamed'): ACLED codes the suspected state's forces.
    if (!claim) {
      const state = blamedState(doc, w, event.sentences) ?? (lead ? blamedState(doc, w, event.sentences, doc.sentences.length) : null);
      if (state) {
        claim = { start: state.start, end: state.end, text: doc.text.slice(state.start, state.end), sentence: sentenceOf(doc, state.start), actor: fill(d, d.templates.get('military')!.name, state.country), inter: 1, kind: 'military', country: state.country };
        rule = 'actors.state-held-responsible';
      }
    }
    // 'Four soldiers of country A died in border fighting … country B's army shelled their
    // posts': a lead battle with one side, a state's forces at
    // home, and nobody named against them is against the one foreign state whose forces the
    // article names.
    if (!claim && !a1 && lead && FOREIGN_FRONT.has(type)) {
      const foe = foreignForceOfArticle(byArticle, ch.target);
      if (foe) {
        claim = foe;
        rule = 'actors.foreign-force-of-article';
      }
    }
    const r = claim ? resolve(claim, infoOf(doc, claim)) : null;
    if (claim && r && r.name !== a2?.actor.value) {
      const evidence = [ev(articleId, doc, claim)];
      a1 = { actor: field(r.name, evidence, rule), inter: field(r.inter, evidence, rule) };
    }
  }
  ch.a1 = a1;
}

/** Words for an armed group's men that, with 'the', point back to a group named before ('the rebels'). */
const GROUP_NOUN = /(?:^|\s)(?:rebels?|militants?|insurgents?|terrorists?|jihadists?|guerrillas?|guerillas?|extremists?|separatists?)$/i;
const DEFINITE_BEFORE = /\b(?:the|these|those)\s+$/i;

/**
 * 'Maoists fired on a patrol … In March, the rebels killed a councillor': 'the rebels', 'the
 * militants' are a definite description of an armed group the article has named before. Where
 * the article names one such group before the words, the side they stand for is that group
 * (ACLED's coders read the article, not the sentence). Two groups named before leave it unknown;
 * so do words without 'the' ('militants attacked a post'), which introduce someone new.
 */
function definiteGroupWords(ctx: Ctx, ch: Chosen): void {
  const { doc, articleId, byArticle, resolve, field } = ctx;
  const named = (s: Scored | undefined, side: Side | null): Side | null => {
    if (!s || !side || !s.generic || s.m.kind !== 'unidentified' || !side.actor.value.startsWith('Unidentified Armed Group')) return null;
    const words = ((s as Scored & { all?: Scored[] }).all ?? [s]).map((x) => x.m).filter((m) => GROUP_NOUN.test(m.text) && DEFINITE_BEFORE.test(doc.text.slice(Math.max(0, m.start - 8), m.start)));
    if (words.length === 0) return null;
    const first = words.reduce((a, b) => (b.start < a.start ? b : a));
    const before = byArticle.all().filter((m) => m.end <= first.start && NON_STATE_NAMED(m) && !(m.kind === 'militia' && infoOf(doc, m)?.entry.generic));
    const names = new Map<string, { m: ActorMention; r: { name: string; inter: number } }>();
    for (const m of before) {
      const r = resolve(m, infoOf(doc, m));
      if (r) names.set(r.name, { m, r });
    }
    if (names.size !== 1) return null;
    const { m, r } = [...names.values()][0]!;
    const evidence = [ev(articleId, doc, first), ev(articleId, doc, m)];
    return { actor: field(r.name, evidence, 'actors.definite-group-words', true), inter: field(r.inter, evidence, 'actors.definite-group-words', true) };
  };
  const a1 = named(ch.act, ch.a1);
  if (a1 && a1.actor.value !== ch.a2?.actor.value) ch.a1 = a1;
  const a2 = named(ch.target, ch.a2);
  if (a2 && a2.actor.value !== ch.a1?.actor.value) ch.a2 = a2;
}

/** Battles a foreign state's forces fight across a border. */
const FOREIGN_FRONT = new Set<SubEventType>(['Armed clash', 'Shelling/artillery/missile attack']);
/** The one foreign state whose military the article names, against a side that is a state's forces at home (null if none or several). */
function foreignForceOfArticle(byArticle: ArticleMentions, target: Scored | undefined): ActorMention | null {
  if (!target || !STATE_KINDS.has(target.m.kind) || target.inter !== 1 || target.m.country === null) return null;
  const home = target.m.country;
  const foreign = byArticle.all().filter((m) => m.kind === 'military' && m.country !== null && m.country !== home);
  return foreign.length > 0 && foreign.every((m) => m.country === foreign[0]!.country) ? foreign[0]! : null;
}

/** Unnamed attackers 'from X County': the men a place sends, before the unit word ('County'). */
const FROM_ORIGIN = (unit: string) =>
  new RegExp(String.raw`\b(?:[Aa]rmed\s+)?(?:men|youths?|gunmen|attackers|raiders|militia(?:men)?|assailants)\s+(?:\p{L}+\s+){0,2}?from\s+((?:\p{Lu}[\p{L}'’-]*\s+){1,2})([${unit[0]}${unit[0]!.toLowerCase()}]${unit.slice(1)})\b`, 'gu');
const VICTIMS_BEFORE = /\b(?:killed|killing|shot|shooting|wounded|wounding|injured|abducted|kidnapped|attacked|attacking|targeted|of)\s+(?:[\p{L}\d-]+\s+){0,2}$/iu;
/**
 * 'the attackers were armed youths from Rumbek County': where ACLED names communal militias by
 * their place of origin (data/actors.json militiaByOrigin), an unidentified perpetrator is that
 * place's communal militia, when the article gives one origin (spellings folded: 'Cuei-bet').
 */
function militiaOfOrigin(ctx: Ctx, ch: Chosen): void {
  const { d, doc, articleId, country, field } = ctx;
  const unit = country === null ? undefined : d.militiaByOrigin.get(country);
  if (!unit || !ch.a1 || ch.a1.inter.value === 1 || !/^Unidentified (?:Armed Group|Communal Militia)/.test(ch.a1.actor.value)) return;
  const origins = new Map<string, { name: string; at: number; end: number; asName: boolean }>();
  for (const m of doc.text.matchAll(FROM_ORIGIN(unit))) {
    // 'killed five youths from Rumbek County': the victims' origin, not the attackers'.
    if (VICTIMS_BEFORE.test(doc.text.slice(Math.max(0, m.index! - 40), m.index!))) continue;
    const name = m[1]!.trim();
    const key = name.toLowerCase().replace(/[-'’\s]/g, '');
    const seen = origins.get(key);
    // Prefer the spelling written with the unit capitalised, as a name ('Cueibet County').
    const asName = m[2] === unit;
    if (!seen || (asName && !seen.asName)) origins.set(key, { name, at: m.index!, end: m.index! + m[0].length, asName });
  }
  if (origins.size !== 1) return;
  const o = [...origins.values()][0]!;
  const evidence = [ev(articleId, doc, { start: o.at, end: o.end })];
  ch.a1 = { actor: field(`${o.name} Communal Militia (${country})`, evidence, 'actors.militia-of-origin', true), inter: field(4, evidence, 'actors.militia-of-origin', true) };
}

/** ACLED's conventions where the text names a side nowhere: a front's sides, drive-bys, the defaults. */
function conventionalSides(ctx: Ctx, scored: Scored[], ch: Chosen): void {
  const { d, doc, w, articleId, event, type, country, byArticle, inEvent, triggerSentence, triggerEv, resolve, field, fromMention, byDefault } = ctx;
  let { a1, a2 } = ch;
  const { act } = ch;
  // On a known front, fighting that names no side, or one, is between the front's two sides.
  const front = frontOf(d, type, country, event.admin1 ?? null, event.date ?? null);
  if (front) {
    const sideOf = (f: { actor: Field<string> } | null) => (f ? front.sides.findIndex((x) => x.name === f.actor.value) : -1);
    const side = (i: number, rule: string) => {
      const x = front.sides[i]!;
      return { actor: field(x.name, triggerEv, rule, true), inter: field(x.inter, triggerEv, rule, true) };
    };
    unnamedAsFrontSide(front, a1, a2, (i) => (a1 = side(i, 'actors.front-unnamed-side')), (i) => (a2 = side(i, 'actors.front-unnamed-side')));
    const s1 = sideOf(a1);
    const s2 = sideOf(a2);
    if (!a1 && !a2) {
      a1 = side(0, 'actors.front-sides');
      a2 = side(1, 'actors.front-sides');
    } else if (s1 >= 0 && !a2) a2 = side(1 - s1, 'actors.front-other-side');
    else if (!a1 && s2 >= 0) a1 = side(1 - s2, 'actors.front-other-side');
  }
  // 'a man was killed in a drive-by shooting by two armed men on a motorcycle': organised crime's
  // hallmark, named by the country's convention (data/actors.json driveBy).
  const driveBy = country === null ? undefined : d.driveBy.get(country);
  if (driveBy && NEEDS_PERPETRATOR.has(type) && (!a1 || (act?.generic && act.m.kind === 'unidentified')) && /\bdrive-?by\b/i.test(eventText(doc, event.sentences))) {
    const evidence = a1?.actor.evidence ?? triggerEv;
    a1 = { actor: field(driveBy, evidence, 'actors.drive-by', true), inter: field(3, evidence, 'actors.drive-by', true) };
  }
  if (type === 'Arrests' && !a1) a1 = byDefault('police', 'actors.default-police');
  // An air strike nobody claims is by an unidentified state's aircraft (ACLED's 'Unidentified
  // Military Forces', 8): armed groups seldom fly.
  if (!a1 && type === 'Air/drone strike') a1 = byDefault('unidentified military', 'actors.default-unidentified-military');
  if (!a1 && NEEDS_PERPETRATOR.has(type)) a1 = byDefault('unidentified', 'actors.default-unidentified');
  // 'a shoot-out took place in the neighbourhood': a clash with no side named has two unknown sides.
  if (type === 'Armed clash' && scored.length === 0 && !a2) a2 = byDefault('unidentified', 'actors.default-unidentified');
  // 'The Military Police carried out an operation ... a shoot-out broke out and two suspects died':
  // a clash has two sides; a state force's unnamed opponent is an unidentified armed group.
  if (type === 'Armed clash' && !a2 && a1 && act && STATE_KINDS.has(act.m.kind) && a1.inter.value === 1) {
    a2 = byDefault('unidentified', 'actors.default-unidentified');
  }
  if ((type === 'Looting/property destruction' || type === 'Arrests') && !a2) a2 = byDefault('civilians', 'actors.default-civilians');
  Object.assign(ch, { a1, a2 });
}

/**
 * 'the group', 'the militant group', 'the outfit' as the subject of the event's verb or of the
 * clause the event's word ends ('the group ambushed a convoy', '… ambushed a convoy, killing five'): a definite description of an armed group the text has named before. It
 * stands for the last named non-state group in the same sentence or the five before it.
 */
const THE_GROUP_BEFORE = /\b(?:the|this|that)\s+(?:(?:terrorist|militant|armed|jihadist|extremist|insurgent|rebel|islamist)\s+)?(?:group|outfit|organi[sz]ation|movement)\s+(?:(?:has|had|have|also|then|later|reportedly|allegedly|again)\s+){0,2}(?:(?:\p{L}+ed|struck|hit|shot|blew\s+up|overran|stormed|seized|took|fought)\b[^.;:]{0,120})?$/iu;
function groupAnaphor(doc: Doc, byArticle: ArticleMentions, trigger: { start: number; end: number }): ActorMention | null {
  const s = sentenceOf(doc, trigger.start);
  const before = doc.text.slice(Math.max(doc.sentences[s]!.start, trigger.start - 80), trigger.start);
  const hit = THE_GROUP_BEFORE.exec(before);
  if (!hit) return null;
  const at = trigger.start - before.length + hit.index;
  const range: number[] = [];
  for (let k = Math.max(0, s - 5); k <= s; k++) range.push(k);
  const named = byArticle.inSentences(range).filter((m) => NON_STATE_NAMED(m) && m.end <= at);
  return named.length > 0 ? named.reduce((a, b) => (b.start > a.start ? b : a)) : null;
}

/** What a claim of an attack is for: 'claimed responsibility', 'claimed the attack'. */
const CLAIMED_WHAT = new Set(['responsibility', 'attack', 'attacks', 'bombing', 'bombings', 'blast', 'blasts', 'killing', 'killings', 'assassination', 'ambush', 'explosion', 'operation', 'raid', 'abduction', 'kidnapping', 'firing', 'shelling']);
/** The named non-state groups of the event's sentences and the `reach` sentences after them, in text order. */
function namedGroupsNear(doc: Doc, byArticle: ArticleMentions, sentences: number[], reach: number, named = NON_STATE_NAMED): ActorMention[] {
  if (sentences.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of sentences) { lo = Math.min(lo, s); hi = Math.max(hi, s + reach); }
  hi = Math.min(hi, doc.sentences.length - 1);
  const range: number[] = [];
  for (let s = lo; s <= hi; s++) range.push(s);
  return byArticle.inSentences(range).filter((m) => m.sentence >= lo && m.sentence <= hi && named(m));
}
/**
 * A group that can claim an attack: a named non-state group, or a named gang or cartel (a cartel
 * claims by its banners as an armed group does by a statement), never an unidentified one; or a
 * state force named as such, not by a generic word ('the Revolutionary Guards claimed
 * responsibility for the missile attack').
 */
const claimingGroup = (doc: Doc) => (m: ActorMention): boolean =>
  NON_STATE_NAMED(m) || (m.kind === 'gang' && !m.actor.startsWith('Unidentified')) ||
  ((m.kind === 'military' || m.kind === 'police') && infoOf(doc, m)?.entry.generic === false);

/**
 * A named armed group that claims the event: 'JNIM claimed responsibility', 'the TTP took
 * responsibility', 'for which Daesh has claimed responsibility', 'the attack was claimed by ISWAP'.
 * In the event's sentences or the `reach` after them (two by default: further on, a claim may be
 * for another attack; the caller reaches to the end of the article for its lead incident).
 */
function claimant(doc: Doc, w: Words, byArticle: ArticleMentions, sentences: number[], reach = 2): ActorMention | null {
  for (const m of namedGroupsNear(doc, byArticle, sentences, reach, claimingGroup(doc))) {
    const w0 = wordAt(w, m.start);
    const w1 = Math.max(w0 + 1, wordAt(w, m.end));
    // 'X (also) claimed/has claimed responsibility', 'X claimed the attack'.
    for (let k = w1, gap = 0; k < w.lower.length && gap <= 2; k++) {
      if (hasStop(doc.text, w.end[k - 1]!, w.start[k]!, false)) break;
      const lw = w.lower[k]!;
      if (lw === 'claimed' || lw === 'claims' || lw === 'claiming') {
        const what = [w.lower[k + 1], w.lower[k + 2], w.lower[k + 3]];
        if (what.some((x) => x !== undefined && CLAIMED_WHAT.has(x))) return m;
        break;
      }
      // 'X took/accepted/owned responsibility for the attack'.
      if (/^(?:took|takes|taking|accepted|accepts|owned)$/.test(lw)) {
        if (w.lower[k + 1] === 'responsibility') return m;
        break;
      }
      if (!SPEECH_GAP.has(lw) && !CLAIM_GAP.test(lw)) break;
      gap++;
    }
    // Over an apposition or a day: 'The Resistance Front (TRF), an offshoot of LeT, claimed
    // responsibility', 'the militant group on Friday claimed responsibility'.
    if (CLAIM_OVER.test(doc.text.slice(m.end, Math.min(doc.sentences[m.sentence]!.end, m.end + 160)))) return m;
    // 'claimed by X'.
    if (w0 >= 2 && w.lower[w0 - 1] === 'by' && w.lower[w0 - 2] === 'claimed') return m;
    if (w0 >= 3 && w.lower[w0 - 1] === 'the' && w.lower[w0 - 2] === 'by' && w.lower[w0 - 3] === 'claimed') return m;
    // A claim by signature: 'banners signed by X were left at the scene'.
    const se = doc.sentences[m.sentence]!;
    if (SIGNED_BY.test(doc.text.slice(Math.max(se.start, m.start - 120), m.start))) return m;
  }
  return null;
}

/**
 * A claim by signature: messages, banners, notes or leaflets left at or after an attack and
 * 'signed by' a group are how cartels and some insurgents claim attacks (ACLED codes the signing
 * group as the actor). Tested on the text before the group's name.
 */
const SIGNED_BY = /\b(?:messages?|banners?|notes?|narco-?mantas?|mantas?|leaflets?|letters?|posters?|graffiti|signs?|placards?|pamphlets?)\b[^.;]{0,60}?\b(?:(?:apparently|allegedly|reportedly|purportedly|supposedly)\s+)?signed\s+by\s+(?:the\s+)?$/i;

/**
 * After a group's name, its claim over what the word-by-word scan does not cross: an apposition
 * between commas ('X (TRF), a shadow group of Y, claimed responsibility') or the day of the claim
 * ('X on Thursday claimed responsibility', 'X late on Friday took responsibility').
 */
const CLAIM_OVER = /^(?:\s*\([^()]{1,20}\))?(?:\s+(?:terrorist|militant|jihadist|armed|extremist|insurgent)?\s*(?:group|outfit|organi[sz]ation))?(?:\s*,[^,.;:]{1,110},|\s+(?:late\s+|early\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\s+(?:later|swiftly|quickly|soon)\s+)\s*(?:(?:has|had|have|also|later|quickly|swiftly)\s+)*(?:claimed\s+(?:responsibility|the\s+(?:attack|attacks|bombing|bombings|blast|blasts|killing|killings|assassination|ambush|explosion|raid|abduction|kidnapping))|(?:took|accepted|owned)\s+responsibility)\b/i;
/** Words between a group's name and its claim: 'the Islamic State group, a jihadist faction, today claimed'. */
const CLAIM_GAP = /^(?:militants|fighters|group|jihadist|jihadists|extremist|terrorist|militant|outfit|organisation|organization|has|have|later|quickly|reportedly|swiftly|today|yesterday|also)$/;
/** After a group's name: 'was responsible for', 'is widely suspected', 'were behind the attack'. */
const HELD_AFTER = /^\)?(?:\s+(?:group|militia|militants|fighters|rebels|insurgents))?(?:\s*,[^,.;:()]{1,90},)?\s+(?:(?:was|were|is|are|has been|have been|is being|are being)\s+)(?:(?:widely|likely|most likely|probably|also|believed to be|thought to be|being)\s+)*(?:responsible\s+for|suspected|blamed|behind\s+the)\b/i;
/** Before a group's name: 'blamed the attack on', 'attributed to', 'suspected', 'the hallmarks of'. */
const HELD_BEFORE = /(?:\bblamed\s+(?:(?:it|the\s+\w+|them)\s+)?on|\battributed\s+(?:it\s+|the\s+\w+\s+)?to|\bsuspected(?:\s+(?:jihadists?|militants?|fighters|insurgents|members|rebels|gunmen))?(?:\s+(?:belonging\s+to|of|from|linked\s+to|affiliated\s+with))?|\bhallmarks?\s+of)\s+(?:the\s+)?(?:al[-\s]Qaeda[’']s\s+)?$/i;
/**
 * A named armed group the text holds responsible for the event or suspects of it, where no group
 * claims it: 'CODECO … was responsible for the killings', 'suspected jihadists belonging to JNIM',
 * 'police blamed the attack on al-Shabaab'. In the event's sentences and the `reach` after them,
 * as for claimant.
 */
function blamedGroup(doc: Doc, w: Words, byArticle: ArticleMentions, sentences: number[], reach = 2): ActorMention | null {
  for (const m of namedGroupsNear(doc, byArticle, sentences, reach)) {
    const se = doc.sentences[m.sentence]!;
    // (Not denied: 'no group has been blamed', 'X denied being behind the attack'.)
    const after = doc.text.slice(m.end, Math.min(se.end, m.end + 140));
    const before = doc.text.slice(Math.max(se.start, m.start - 80), m.start);
    // (the parent's name comes first: 'al Qaeda's' + 'Group for Support of Islam and Muslims'.)
    if (/^['’]s\s/.test(after)) continue;
    if (HELD_AFTER.test(after) || HELD_BEFORE.test(before)) return m;
  }
  return null;
}

/**
 * The cues that a text holds a state (named by its country's name) responsible for an attack,
 * as data: ACLED codes the suspected state's forces as the actor ('blamed on Turkey' ->
 * Military Forces of Turkey). `before` is tested on the sentence's text up to the name, `after`
 * on the text from its end. Each with its reason.
 */
const STATE_BLAME: { before?: RegExp; after?: RegExp; reason: string }[] = [
  { before: /\bblam(?:ed|ing|es)\s+(?:(?:it|them|the\s+\w+(?:\s+\w+)?)\s+on\s+)?$/i, reason: "'an attack blamed on Turkey', 'officials said, blaming Turkey', 'he blamed Turkey': the accused state" },
  { before: /\battribut(?:ed|ing|es)\s+(?:it\s+|them\s+|the\s+\w+(?:\s+\w+)?\s+)?to\s+$/i, reason: "'Baghdad attributed the attack to Turkey': the same, in other words" },
  { before: /\b(?:accus(?:ed|ing|es)|suspect(?:ed|ing|s))\s+$/i, after: /^\s+of\s+(?:\w+\s+)?(?:carrying|launching|conducting|firing|attacking|striking|shelling|bombing|bombarding|being\s+behind|staging|orchestrating)\b/i, reason: "'accused Israel of carrying out the strike': an accusation of this attack (not 'accused X of corruption')" },
  { before: /\b(?:shelled|fired|launched|struck)\s+from\s+(?:the\s+)?(?:territory|soil|side)\s+of\s+$/i, reason: "'the villages were shelled from the soil of Ruritania': the fire came from that state's side" },
  { after: /^\s+(?:(?:has|have|had)\s+been\s+|was\s+|is\s+|were\s+)(?:(?:also|widely|likely|reportedly|repeatedly)\s+)?blamed\b/i, reason: "'Turkey has been blamed for all three strikes'" },
  { after: /^\s+(?:(?:was|is|being|had\s+been|has\s+been)\s+)(?:(?:likely|probably|reportedly)\s+)?(?:behind|responsible\s+for)\s+(?:the|this|these|both|all)\b/i, reason: "'officials suspect Ruritania being behind the raid', 'the navy was responsible for the strike'" },
];
/** The country whose name (not demonym) begins at word k, and the word after it. */
function countryNameAt(d: Dictionary, text: string, w: Words, k: number): { country: string; w1: number } | null {
  let best: { country: string; w1: number } | null = null;
  // (a capital standing for its state: 'accused Kyiv of carrying out the attack')
  for (const root of [d.root, d.capitals]) {
    let node: TrieNode | undefined = root;
    for (let j = k; j < w.lower.length && node; j++) {
      if (j > k && hasStop(text, w.end[j - 1]!, w.start[j]!, true)) break;
      node = node.next.get(w.lower[j]!);
      for (const h of node?.hits ?? []) {
        if (h.entry !== null || !h.isName || h.country === null) continue;
        if (h.exact && !exactMatch(text, w, k, h.exact)) continue;
        if (!best || j + 1 > best.w1) best = { country: h.country, w1: j + 1 };
      }
    }
  }
  return best;
}
/**
 * A state the text holds responsible for the event, where no group claims it or is blamed:
 * 'an attack blamed on Turkey', 'Turkey has been blamed for all three'. In the event's sentences
 * and the `reach` after them, as for blamedGroup. The span is the country's name.
 */
function blamedState(doc: Doc, w: Words, sentences: number[], reach = 2): { country: string; start: number; end: number } | null {
  if (sentences.length === 0) return null;
  const d = loadActorDictionary();
  const lo = Math.min(...sentences);
  const hi = Math.min(doc.sentences.length - 1, Math.max(...sentences) + reach);
  const text = doc.text;
  for (let s = lo; s <= hi; s++) {
    const se = doc.sentences[s]!;
    for (let k = wordAt(w, se.start); k < w.lower.length && w.start[k]! < se.end; k++) {
      const c = countryNameAt(d, text, w, k);
      if (!c) continue;
      const start = w.start[k]!;
      const end = w.end[c.w1 - 1]!;
      const before = text.slice(Math.max(se.start, start - 60), start);
      const after = text.slice(end, Math.min(se.end, end + 80));
      if (STATE_BLAME.some((r) => (!r.before || r.before.test(before)) && (!r.after || r.after.test(after)))) return { country: c.country, start, end };
      k = c.w1 - 1;
    }
  }
  return null;
}

/**
 * An article's actor mentions, indexed once for all its incidents (assignActors is called for
 * each): by sentence, and the few that may name an earlier striker or its target. Each incident
 * then takes time for its own sentences, not for the whole text.
 */
interface ArticleMentions {
  /** The mentions in these sentences, in the order of the list. */
  inSentences(sentences: readonly number[]): ActorMention[];
  /** Air forces followed by strike words in their sentence ('Coalition military forces conducted 26 strikes'). */
  strikers(): ActorMention[];
  /** Named groups after 'against'/'targeting'/'on' and strike words ('conducted 26 strikes against ISIL'). */
  summaryTargets(): ActorMention[];
  someActorStartsWith(prefix: string): boolean;
  /** Every mention of the article. */
  all(): ActorMention[];
}
const ARTICLE_MENTIONS = new WeakMap<ActorMention[], { doc: Doc; length: number; value: ArticleMentions }>();
function articleMentions(doc: Doc, mentions: ActorMention[]): ArticleMentions {
  const cached = ARTICLE_MENTIONS.get(mentions);
  if (cached && cached.doc === doc && cached.length === mentions.length) return cached.value;
  const bySentence = new Map<number, number[]>();
  mentions.forEach((m, i) => {
    let l = bySentence.get(m.sentence);
    if (!l) bySentence.set(m.sentence, (l = []));
    l.push(i);
  });
  let strikers: ActorMention[] | null = null;
  let targets: ActorMention[] | null = null;
  const prefixes = new Map<string, boolean>();
  const value: ArticleMentions = {
    inSentences(sentences) {
      const idx: number[] = [];
      for (const s of new Set(sentences)) for (const i of bySentence.get(s) ?? []) idx.push(i);
      idx.sort((a, b) => a - b);
      return idx.map((i) => mentions[i]!);
    },
    strikers: () => (strikers ??= mentions.filter((m) => AIR_FORCE_KINDS.has(m.kind) && STRIKES_AFTER.test(doc.text.slice(m.end, doc.sentences[m.sentence]!.end)))),
    summaryTargets: () => (targets ??= mentions
      .filter((m) => NON_STATE_NAMED(m))
      .filter((m) => /\b(?:against|targeting|on)\s+(?:the\s+)?$/i.test(doc.text.slice(Math.max(0, m.start - 16), m.start)))
      .filter((m) => STRIKES_AFTER.test(doc.text.slice(doc.sentences[m.sentence]!.start, m.start)))),
    someActorStartsWith(prefix) {
      let v = prefixes.get(prefix);
      if (v === undefined) prefixes.set(prefix, (v = mentions.some((m) => m.actor.startsWith(prefix))));
      return v;
    },
    all: () => mentions,
  };
  ARTICLE_MENTIONS.set(mentions, { doc, length: mentions.length, value });
  return value;
}

/** A name without its '({country})' slot: 'Islamic State ({country})' -> 'Islamic State'. */
const unfilled = (name: string): string => name.replace(/\s*\(\{country\}\)$/, '');

/** Fighting types a front's sides take part in. */
const FRONT_TYPES = new Set<SubEventType>(['Armed clash', 'Shelling/artillery/missile attack', 'Air/drone strike', 'Remote explosive/landmine/IED', 'Grenade']);
const foldName = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/**
 * 'gunmen attacked a checkpoint manned by defence volunteers in Yala': on a front where one armed
 * group fights the state (data/actors.json fronts, 'unnamed'), an unidentified armed group facing
 * the state's forces (inter 1) is that group. Facing civilians it stays unidentified: anyone may
 * shoot a villager.
 */
function unnamedAsFrontSide(front: Front, a1: Side | null, a2: Side | null, set1: (i: number) => void, set2: (i: number) => void): void {
  if (front.unnamed === undefined) return;
  const unidentified = (s: Side | null) => s !== null && s.inter.value === 3 && s.actor.value.startsWith('Unidentified Armed Group');
  const state = (s: Side | null) => s !== null && s.inter.value === 1;
  if (unidentified(a1) && state(a2)) set1(front.unnamed);
  else if (unidentified(a2) && state(a1)) set2(front.unnamed);
}

function frontOf(d: Dictionary, type: SubEventType, country: string | null, admin1: string | null, date: string | null): Front | null {
  if (country === null || date === null) return null;
  for (const f of d.fronts) {
    if (f.country !== country || date < f.from || (f.to !== undefined && date > f.to)) continue;
    if (!(f.types ? f.types.includes(type) : FRONT_TYPES.has(type))) continue;
    if (f.admin1 && (admin1 === null || !f.admin1.some((a) => foldName(a) === foldName(admin1)))) continue;
    return f;
  }
  return null;
}

function pack(
  a1: { actor: Field<string>; inter: Field<number> } | null,
  a2: { actor: Field<string>; inter: Field<number> } | null,
): ActorAssignment {
  return { actor1: a1?.actor ?? null, inter1: a1?.inter ?? null, actor2: a2?.actor ?? null, inter2: a2?.inter ?? null };
}
