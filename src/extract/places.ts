/**
 * Places: find place names in a text (findPlaces) and resolve the place of an incident to
 * country / admin1 / admin2 / location / coordinates / geo_precision (resolveLocation).
 *
 * Finding. Every capitalised span of up to `gaz.maxWords` words is looked up by its fold key,
 * longest first ('Nawa-e Barakzayi', 'Sar-e Pol', 'Dera Ismail Khan'). Countries named or implied
 * by a demonym ('Afghan forces', 'Pakistani troops') and admin1 names found exactly give the
 * text's country context; a span not found exactly is then looked up by its transliteration
 * skeleton within those countries only (the news writes 'Barmal', GeoNames 'Bêrmal'). A
 * capitalised span found nowhere is still kept, without candidates, where the text itself says it
 * is a place: "in Buleda (Kech, Balochistan)", "in Regi of Deh Rahwod district".
 *
 * Resolving. Each candidate is scored by the clues the text gives: the country context; the
 * text's own hierarchy (another place in the sentence that contains it or lies in it: 'Barmal
 * district of Paktika province', '(Kech, Balochistan)'); the unit word after it ('district',
 * 'province', 'city'); population. The incident's place is the most specific resolved mention of
 * the focus sentences.
 */
import type { Evidence, Field } from '../core/types.js';
import type { Doc, Token } from '../text/doc.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, km, loadGazetteer, type GazPlace, type Gazetteer } from '../geo/gazetteer.js';
import { foldName, nameKey, plainName, skeleton } from '../geo/names.js';

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  sentence: number;
  candidates: GazPlace[];
  /** 'near Khost', 'outskirts of Quetta', '10 km from Jalalabad'. */
  near?: boolean;
  /** What the word after the name says it is: 'Barmal district' → admin2, 'Paktika province' → admin1. */
  unit?: 'admin1' | 'admin2' | 'place' | 'area';
  /**
   * Its place in a parenthesised hierarchy "X (A, B)", which names admin units: A a district
   * (or the town a commune is named after), B its province ("near Mamove (Beni, Nord-Kivu)").
   */
  paren?: 'district' | 'province';
  /** 'Damascus countryside' taken for the governorate named for it (Rural Damascus): the text's name is the city's, not the unit's. */
  rural?: boolean;
  /** The candidates were found by skeleton (spelling-blind) match only. */
  fuzzy?: boolean;
  /** Candidates from this index on were found by skeleton match (spelling variants), not by name. */
  exactCount?: number;
  /**
   * A name the gazetteer does not know, kept because the text puts a place there ('near
   * Mineralne') and a context clue says in which provinces (see Chosen.regionFallback).
   */
  unknown?: boolean;
  /** A country named by the article's source, not its text (no span; see sourceMentions). */
  source?: boolean;
  /** The few characters before the name ('near ', 'in the '). */
  before?: string;
  /** A country named by its people ('Afghan', 'Pakistani'): context only, never the location. */
  demonym?: boolean;
  /**
   * For a context clue ('the OSCE SMM observed …', see Gazetteer.contextClues): the admin1 units
   * it points at, which favour the namesakes that lie in them ('near Viktorivka': the one in
   * Donetsk oblast, not those near Odesa).
   */
  regions?: readonly number[];
}

export interface ResolvedLocation {
  country: Field<string> | null;
  admin1: Field<string> | null;
  admin2: Field<string> | null;
  location: Field<string> | null;
  latitude: Field<number> | null;
  longitude: Field<number> | null;
  geo_precision: Field<number> | null;
}

/**
 * Capitalised words that are place names somewhere in GeoNames but, in news, almost always
 * something else: sentence openers, months and days, and words of the conflict vocabulary
 * ('Police' is a town in Poland, 'Taliban' an alternate name of a Turkish village).
 */
const NOT_PLACES = new Set(
  (
    'a an the on in at of for to from by with and or but as after before during since until while when where ' +
    'he she it they we i you his her their its this that these those there here some several many all both no ' +
    'one two three four five six seven eight nine ten also however meanwhile later earlier according ' +
    'january february march april may june july august september october november december ' +
    // Languages ('its English-language magazine'; English is also a town in Indiana).
    'english arabic ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow ' +
    'police army military forces force security government state islamic taliban militants militant ' +
    'soldiers troops fighters rebels protesters president minister governor officials official spokesman ' +
    'national federal central provincial district province city town village area region ' +
    'north south east west northern southern eastern western upper lower new old ' +
    'fatalities fatality reported report coded size unknown unidentified gunmen civilians civilian ' +
    'christian muslim hindu sunni shia party union council court people man woman men women boy girl ' +
    'mr mrs ms dr gen col maj capt lt sgt ' +
    // Capitalised common nouns of institutions and objects, namesakes of small towns somewhere:
    // "a Molotov cocktail", "the Central Bank in Sidon", "the North Zone of Rio de Janeiro",
    // "the Palace of Justice", "an NGO", "the refugee Camp".
    'molotov bank zone justice palace camp ngo ministry committee federation coalition mission frontline front'
  ).split(' '),
);

/**
 * Words that are no place on their own but may end a longer name ('Zinda Jan district'): month
 * abbreviations ('On Jan. 9': 'Jan' is an alternate name of Jackson, Mississippi) and
 * prepositions that open a sentence ('Near Mosul, seven strikes …').
 */
const NOT_ALONE = new Set(
  (
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'near outside inside around across between into towards toward via along beyond amid under over through ' +
    'throughout within against following additionally elsewhere nearby overnight'
  ).split(' '),
);

/**
 * Lower-case or punctuation tokens inside a place name: 'Nawa-e Barakzayi', 'Dara i Sufi', 'Deir
 * ez-Zor', and the French 'Port-au-Prince', 'Fort-de-France', 'Aix-en-Provence', 'Boulogne-sur-Mer'
 * (without them the chain stops at 'Port' and 'Prince' is read alone, a namesake).
 */
const CONNECTORS = /^-?(?:-|e|i|ye|yi|al|el|ez|az|adh|ad|ar|as|ash|de|da|du|del|des|la|le|les|au|aux|en|sur|di|do|dos|das|y|wa|ul|and|'|’)$/;
/** Capitalised words that end a place name: 'Kabul University', 'Peshawar Press Club', 'Pul-e-Charkhi Prison'. */
const AFTER_PLACE = new Set(
  ('university airport airbase base prison jail hospital club press road highway bridge mosque market bazaar square ' +
    'sector camp office headquarters stadium station school college court chowk gate checkpoint post police army ' +
    'corps brigade command valley river dam zone').split(' '),
);

/** Last words of an institution's name: 'Defense Department', 'Interior Ministry', 'Border Agency'. */
const ORG_AFTER = new Set(['department', 'ministry', 'agency', 'council', 'committee', 'commission', 'service', 'services', 'authority', 'institute', 'party', 'movement', 'front', 'foundation', 'organisation', 'organization', 'association', 'union', 'bureau', 'directorate', 'administration']);
const LEADING_ARTICLE = /^(?:al|el|ar|as|ash|ad|an|az|at) (?=\S{3})/;
const ARTICLES = new Set(['al', 'el', 'ar', 'as', 'ash', 'ad', 'an', 'az', 'at', 'al-', 'el-', 'ar-', 'as-', 'ad-', 'an-', 'az-', 'at-']);
/**
 * 'al-Hasakeh', 'al Hasakeh', 'ar-Raqqa': the next word is capitalised. Only 'al'/'el' may stand
 * apart; the others need their hyphen, or 'an Islamabad court' would start a name.
 */
function startsCapAfterArticle(doc: Doc, i: number): boolean {
  const t = doc.tokens[i]!;
  let k = i + 1;
  const hyphen = t.lower.endsWith('-') || doc.tokens[k]?.lower === '-';
  if (!hyphen && t.lower !== 'al' && t.lower !== 'el') return false;
  if (doc.tokens[k]?.lower === '-') k++;
  const n = doc.tokens[k];
  return !!n && n.start - doc.tokens[k - 1]!.end <= 1 && isCap(doc, n);
}
const PLACE_PREP = /^(?:in|at|near|of|from|outside|inside|around|across|to|into|towards?|between|and)$/;
/** Nouns of a place that 'of' names: "the town of X", "the outskirts of X". */
const PLACE_OF = /^(?:town|towns|village|villages|city|cities|district|districts|province|provinces|region|area|areas|outskirts|suburb|suburbs|capital|governorate|county|counties|state|neighbou?rhood|hamlet|settlement|municipality|port|camp|valley|tehsil|oblast|raion|locality|commune|department|prefecture|sub-district)$/;
/**
 * Does the word before token i say that a place follows, strongly enough to read a name not
 * found exactly as a spelling variant? 'in', 'near', 'at' do; 'of' only after a place noun
 * ("the town of Barmal", not "the Ministry of Health" or "the Republic of …"); 'from', 'to' and
 * 'and' do not (a spelling variant of an English word is too easy to find: 'Health' read as Holt).
 */
function variantPrep(tokens: Doc['tokens'], i: number): boolean {
  const w = tokens[i - 1]?.lower ?? '';
  if (/^(?:in|at|near|outside|inside|around|into|towards?)$/.test(w)) return true;
  if (w !== 'of') return false;
  return PLACE_OF.test(tokens[i - 2]?.lower ?? '');
}
/** The English '-ish' adjectives of peoples and languages ('Kurdish region', 'Turkish side'),
 *  from general knowledge: a spelling variant of some village is no reading of them (exact
 *  gazetteer names are still looked up). A list, not the ending: places end in '-ish' too
 *  (Afghanistan's Ishkamish district). */
const PEOPLE_ADJECTIVE = /^(?:Kurd|Turk|Brit|Ir|Scott|Pol|Span|Dan|Finn|Swed|Flem|Corn|Jew|Moor)ish$/;
const ACRONYM = /^(?:[A-Z][A-Z&]{1,5}|(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]{1,3}[A-Z])$/;
/** A capitalised name and a comma before a mention, and after it the end of the clause or a lower-case word. */
const COMMA_BEFORE = /\p{Lu}[\p{L}'’-]*\s*,\s*$/u;
const COMMA_LAST = /^(?:\s*$|\s*[.;:)]|\s*,\s*(?:\p{Ll}|\d))/u;
/**
 * The weight of the country an article's source names (see sourceMentions): as much as a
 * province named, so that a national outlet's 'Tripoli' is its own country's city, not the
 * larger namesake abroad; places and provinces the text names still outweigh it together.
 */
const SOURCE_WEIGHT = 3;
/** A preposition that puts a place after it: 'in', 'near', 'outside of the'. */
const PREP_BEFORE = /\b(?:in|at|near|outside|around|outskirts of)\s+(?:the\s+)?$/i;
/** A key that starts with the Arabic article glued on: 'aljfara', 'elmina' (not 'alabama': a consonant must follow). */
const GLUED_ARTICLE = /^(?:al|el)[b-df-hj-np-tv-z][a-z]{3,}$/;
/** A name key ending in a number: 'zolote 5', 'shakhta 3'. */
const NUMBER_SUFFIX = /^(.+?) (?:no )?\d{1,2}$/;
/** Words after "A-B" that make it a road between two places. */
const ROAD_AFTER = new Set(['road', 'highway', 'motorway', 'intersection', 'junction', 'crossroads', 'route', 'bridge']);
const STREET = new Set(['road', 'street', 'avenue', 'boulevard', 'lane']);

/** Words after a name that say what it is. */
const UNIT_AFTER: Record<string, PlaceMention['unit']> = {
  province: 'admin1', provinces: 'admin1', state: 'admin1', governorate: 'admin1', region: 'admin1', oblast: 'admin1',
  department: 'admin1', division: 'admin1',
  district: 'admin2', districts: 'admin2', tehsil: 'admin2', agency: 'admin2', county: 'admin2', municipality: 'admin2',
  raion: 'admin2', subdistrict: 'admin2',
  // Nigeria's local government areas ('Bungudu LGA', 'Damboa Local Government Area'; see unitAt)
  // and Congo's territories ('Djugu territory') are the second level, as ACLED codes them.
  lga: 'admin2', lgas: 'admin2', territory: 'admin2',
  city: 'place', town: 'place', village: 'place', villages: 'place', township: 'place', camp: 'place',
  hamlet: 'place', settlement: 'place',
  // "in Idleb countryside": the rural part of a governorate, as Syrian and Iraqi sources write it.
  countryside: 'admin1',
  area: 'area', areas: 'area', neighbourhood: 'area', neighborhood: 'area', locality: 'area', outskirts: 'area',
};
const TAKEN_TO = /\b(?:taken|shifted|rushed|moved|transferred|evacuated|brought|referred|airlifted)\s+to\s+(?:[\w'’-]+\s+){0,4}?(?:in|at)\s+$/i;
/** A name after an age apposition: "Dayton, 42, of Woodbridge, Virginia" is where he is from. */
const HOMETOWN = /(\p{Lu}[\p{L}.'’-]*),\s+\d{1,3},\s+(?:of|from)\s+$/u;
const MONTH_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;
/** Words before a name that put the event near it rather than in it. */
const NEAR_BEFORE = /(?:\bnear|\boutskirts of|\bvicinity of|\bclose to|\bkm (?:from|of)|\bkilometres (?:from|of)|\bkilometers (?:from|of)|\bmiles (?:from|of)|\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west) of)\s+(?:the\s+)?$/i;
const UPPER = /^\p{Lu}/u;
/** Words before a name (or a list of names) that say where people come from. */
/**
 * "nine labourers from Punjab were shot dead near Kharan": people told by where they come from,
 * a plural of people right before 'from' (not 'fighters from X attacked', where X may be a base;
 * nor 'troops'), which says nothing of where the event was.
 */
const PEOPLE_FROM = /\b(?:people|persons|passengers|labou?rers|workers|pilgrims|travell?ers|tourists|migrants|natives|traders|students|truckers|drivers|labou?r|settlers|families)\s+from\s+(?:the\s+)?$/i;
const ORIGIN_BEFORE = /\b(?:were|was|are|is|hailed|hail|hailing|originally)\s+(?:all\s+|both\s+|originally\s+)?from\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s*(?:,|,?\s+and|,?\s+or)\s+)*$/u;
/**
 * "the central government in Lagos", "the authorities in Kampala": the seat of a government that
 * speaks or acts from it, not where the story happened (nor a clue to its province).
 */
const SEAT_OF = /\b(?:(?:central|federal|national|regional|provincial|military|interim)\s+)?(?:government|authorities|junta|regime|leadership)\s+in\s+$/i;
/** A speech verb right after a name: the name is who spoke. */
const SPEAKER_VERB = /^\s+(?:said|says|told|tells|added|adds)\b/;

/** The unit word at token k: UNIT_AFTER's, or 'Local Government Area' (three words) as admin2. */
function unitAt(tokens: readonly Token[], k: number): PlaceMention['unit'] {
  const t = tokens[k];
  if (!t) return undefined;
  if (t.lower === 'local') return tokens[k + 1]?.lower === 'government' && /^(?:areas?|councils?)$/.test(tokens[k + 2]?.lower ?? '') ? 'admin2' : undefined;
  return UNIT_AFTER[t.lower];
}

/**
 * A word that goes on a name begun by a word that is no place ('the Islamic Republic', 'the
 * Central Bank'): alone, no place either, though a town somewhere bears it ('Republic', Missouri).
 */
function afterInstitutionWord(doc: Doc, i: number): boolean {
  const prev = doc.tokens[i - 1];
  const t = doc.tokens[i]!;
  return !!prev && prev.sentence === t.sentence && t.start - prev.end <= 1 && isCap(doc, prev) && NOT_PLACES.has(prev.lower) &&
    !/^(?:north|south|east|west|northern|southern|eastern|western|upper|lower|new|old|central)$/.test(prev.lower);
}

/** Parts of speech that no place name has. */
const NOT_NAME_POS = new Set(['VERB', 'ADJ', 'ADV', 'PRON', 'DET', 'ADP', 'AUX', 'CCONJ', 'SCONJ', 'PART', 'NUM']);
/**
 * A word capitalised only because it opens the sentence and tagged as no name ('Set up in 2019,
 * the VDP …', 'More than 40 …', 'Our team …'): alone, no place, although a town somewhere bears it.
 */
function commonOpener(doc: Doc, t: Token): boolean {
  if (!NOT_NAME_POS.has(t.pos)) return false;
  const se = doc.sentences[t.sentence];
  return !!se && /^[\s"“‘'(]*$/.test(doc.text.slice(se.start, t.start));
}

function isCap(doc: Doc, t: Token): boolean {
  // Called on nearly every token: ASCII letters without a regex or a one-letter string.
  const c = doc.text.charCodeAt(t.start);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(doc.text.slice(t.start, t.start + 1));
}

export interface PlaceContext {
  /** The article's source ('National News Agency Lebanon', 'Daily Star (Lebanon)'): see sourceMentions. */
  source?: string;
}

/** Find place names in the document (see the file comment). */
/** Small words a name's initials skip ('Islamic State of Iraq and the Levant' is ISIL). */
const INITIALS_SKIP = new Set(['of', 'the', 'and', 'for', 'in', 'de', 'du', 'des', 'la', 'al', 'el']);
const ACRONYMS = new WeakMap<Doc, Set<string>>();

/**
 * Acronyms the text spells out: a run of capitalised words and, in brackets right after it,
 * letters taken in order from their initials, the first one first ('the Sudan Armed Forces (SAF)',
 * 'Islamic State of Iraq and the Levant (ISIL)'). Such a body's short form is no place, wherever
 * the text uses it.
 */
function definedAcronyms(doc: Doc): Set<string> {
  let out = ACRONYMS.get(doc);
  if (out) return out;
  out = new Set<string>();
  for (const m of doc.text.matchAll(/((?:[\p{Lu}][\p{L}'’-]*\s+(?:(?:of|the|and|for|de|al|el)\s+)*){1,8})\(([A-Z]{2,6})\)/gu)) {
    const initials = m[1]!.trim().split(/\s+/).filter((w) => !INITIALS_SKIP.has(w.toLowerCase())).map((w) => w[0]!.toUpperCase()).join('');
    const acr = m[2]!;
    let k = 0;
    for (const ch of initials) if (ch === acr[k]) k++;
    if (k === acr.length && acr[0] === initials[0]) out.add(acr);
  }
  ACRONYMS.set(doc, out);
  return out;
}

export function findPlaces(doc: Doc, gaz: Gazetteer, ctx: PlaceContext = {}): PlaceMention[] {
  const { tokens, text } = doc;
  const out: PlaceMention[] = ctx.source ? sourceMentions(ctx.source, gaz) : [];
  const misses: { i: number; j: number }[] = [];
  const keys: string[] = out.map(() => '');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'punctuation') continue;
    // A lower-case Arabic article starts a name when a capitalised word follows: 'in al-Hasakeh'.
    if (!isCap(doc, t) && !(ARTICLES.has(t.lower) && startsCapAfterArticle(doc, i))) continue;
    // A word such as 'North' or 'Lower' is no place alone, but starts 'North Sinai', 'Lower Juba'.
    const bare = t.lower.endsWith('.') ? t.lower.slice(0, -1) : t.lower;
    const stopStart = NOT_PLACES.has(bare) || NOT_ALONE.has(bare);
    // Demonyms: context only ('Afghan forces'). The US dollar is quoted everywhere ("against the
    // high US dollar exchange rate" in Beirut) and says nothing of the place.
    if (t.lower === 'us' && /^dollars?$/.test(tokens[i + 1]?.lower ?? '')) continue;
    // ('a French-speaking province', 'English-language media': a language, not a people)
    const dem = /^-(?:speaking|speakers?|language|medium)\b/.test(text.slice(t.end, t.end + 12)) ? null : gaz.countryOfWord(t.lower);
    // A demonym is its people, not a namesake province abroad ('Somali troops' are Somalia's, not
    // of Ethiopia's Somali region); with a unit word it is the province ('the Somali region').
    const demonymOnly = !!dem && !unitAt(tokens, i + 1);
    // Longest span first: consecutive tokens of the sentence, at most one character apart.
    let j = i;
    while (
      j + 1 < tokens.length && j + 1 - i < gaz.maxWords * 2 &&
      tokens[j + 1]!.sentence === t.sentence && tokens[j + 1]!.start - tokens[j]!.end <= 1
    ) j++;
    // The capitalised chain from here: a match must cover all of it, or stop before a word that
    // is no part of a place name ('Kabul Police', 'Peshawar Press Club', 'Balkh Province'), so
    // that 'Husain Khel' or 'Ashraf Gani' do not become Husain (Croatia) or Ashraf (Iran).
    let chainEnd = i;
    while (chainEnd + 1 <= j && (isCap(doc, tokens[chainEnd + 1]!) || CONNECTORS.test(tokens[chainEnd + 1]!.lower))) chainEnd++;
    while (chainEnd > i && !isCap(doc, tokens[chainEnd]!)) chainEnd--;
    let found = false;
    for (let e = chainEnd; e >= i; e--) {
      const last = tokens[e]!;
      if (last.type === 'punctuation' || (e > i && !isCap(doc, last) && !/^\d/.test(text[last.start]!))) continue;
      if (e === i && (stopStart || commonOpener(doc, t) || afterInstitutionWord(doc, i))) continue;
      let container: GazPlace[] | null = null;
      // "the Chtaura-Masnaa road", "the Bar Elias-el Marj intersection": a road named after the
      // two places it joins; the first is the place, the event near it.
      const roadPair = e < chainEnd && tokens[e + 1]!.lower === '-' && ROAD_AFTER.has(tokens[chainEnd + 1]?.lower ?? '');
      if (e < chainEnd && !roadPair) {
        const after = tokens[e + 1]!;
        if (!NOT_PLACES.has(after.lower) && !unitAt(tokens, e + 1) && !AFTER_PLACE.has(after.lower)) {
          container = containerFollows(doc, gaz, e + 1, chainEnd);
          if (!container) continue;
        }
      }
      const surface = text.slice(t.start, last.end);
      const key = nameKey(surface);
      if (!key || (e === i && key.length < 3 && !/^[A-Z]{2,}$/.test(surface))) continue;
      let ids = gaz.lookup(key);
      // The Arabic article is often left out of a name: 'Ar-Raqqa' is GeoNames' 'Raqqa'.
      if (ids.length === 0 && LEADING_ARTICLE.test(key)) ids = gaz.lookup(key.replace(LEADING_ARTICLE, ''));
      if (ids.length === 0) continue;
      // 'on Murree road', 'Jinnah Avenue': a street named after a place is not that place.
      if (STREET.has(tokens[e + 1]?.lower ?? '')) break;
      let cands = ids.map((id) => gaz.get(id));
      if (e === i && demonymOnly && !cands.some((c) => c.countryCode === dem)) continue;
      // "in Tijuana Baja California": only the Tijuana that lies in Baja California; "in San
      // Francisco Campeche, Campeche" names no San Francisco of Campeche, so the chain is one name.
      if (container) {
        const cs = container;
        cands = cands.filter((c) => cs.some((o) => o.id !== c.id && gaz.contains(o, c)));
        if (cands.length === 0) continue;
      }
      // A country's name names the country, not its namesake towns ('in Lebanon' is not Lebanon,
      // Tennessee, nor Lebanon County); a province of that name stays a candidate ('Atlanta, Georgia').
      if (cands.some((c) => c.kind === 'country')) cands = cands.filter((c) => c.kind === 'country' || c.kind === 'admin1');
      // A demonym right before the name says in which country it lies: 'Iraqi Kurdistan' is no
      // province of Iran, 'Indian Punjab' no province of Pakistan. Not known there: no place.
      const owner = i > 0 && t.start - tokens[i - 1]!.end <= 1 && isCap(doc, tokens[i - 1]!) ? gaz.countryOfWord(tokens[i - 1]!.lower) : null;
      if (owner && !cands.some((c) => c.kind === 'country')) {
        cands = cands.filter((c) => c.countryCode === owner);
        if (cands.length === 0) { i = e; found = true; break; }
      }
      // An acronym ('LNA', 'HTS', 'SMM') names a town only by accident; it may name a
      // province or country ('KP', 'AJK', 'UAE', 'DRC').
      if (e === i && ACRONYM.test(surface)) {
        // ... and one the text spells out in brackets ('the Sudan Armed Forces (SAF)') names that
        // body wherever it stands, not a province or a country that shares the letters.
        if (definedAcronyms(doc).has(surface)) {
          i = e;
          found = true;
          break;
        }
        cands = cands.filter((c) => c.kind !== 'place');
        if (cands.length === 0) break;
      }
      // "…, Baloch said.", "District officer Karim Baloch told reporters": a name right
      // before a speech verb, after no preposition, is the speaker (a person named after his
      // district), not a place. A country or province speaking is its government: kept as a clue.
      if (SPEAKER_VERB.test(text.slice(last.end, last.end + 12)) && !PLACE_PREP.test(tokens[i - 1]?.lower ?? '') &&
        !cands.some((c) => c.kind === 'country' || c.kind === 'admin1')) {
        i = e;
        found = true;
        break;
      }
      // "The victims were from Wazirabad, Mandi Bahauddin and Gujranwala": where people come from,
      // not where the event was (nor a clue to its province); a country stays a clue.
      if ((ORIGIN_BEFORE.test(text.slice(Math.max(0, t.start - 120), t.start)) || PEOPLE_FROM.test(text.slice(Math.max(0, t.start - 30), t.start)) || SEAT_OF.test(text.slice(Math.max(0, t.start - 40), t.start))) && !cands.some((c) => c.kind === 'country')) {
        i = e;
        found = true;
        break;
      }
      // "Scott C. Dayton, 42, of Woodbridge, Virginia, died … in northern Syria": a person's home
      // town, no place of the story (nor a clue to its country).
      const home = HOMETOWN.exec(text.slice(Math.max(0, t.start - 40), t.start));
      if (home && !MONTH_WORD.test(home[1]!)) {
        // ... and the state or country after it ("of New York, New York,").
        i = e;
        if (tokens[e + 1]?.lower === ',') {
          let k = e + 2;
          while (k < tokens.length && tokens[k]!.sentence === t.sentence && isCap(doc, tokens[k]!) && tokens[k]!.start - tokens[k - 1]!.end <= 1) k++;
          if (k > e + 2) i = k - 1;
        }
        found = true;
        break;
      }
      const m = mention(doc, t.start, last.end, t.sentence, cands, e);
      if (roadPair) m.near = true;
      if (dem && cands.every((c) => c.kind === 'country') && foldName(surface) !== foldName(gaz.countryName(dem))) {
        m.demonym = true;
      }
      out.push(m);
      keys.push(key);
      i = e;
      found = true;
      break;
    }
    if (found) continue;
    if (dem) {
      out.push({ ...mention(doc, t.start, t.end, t.sentence, [gaz.get(gaz.countryId(dem))], i), demonym: true });
      keys.push('');
      continue;
    }
    if (stopStart) continue;
    // Not found: the chain, for a skeleton lookup or as an unknown place. 'and' joins a name
    // only where the gazetteer holds it whole ('Jammu and Kashmir'); else it joins two names
    // ('Narang Wa Badil and Chawkay districts'), looked at one by one.
    let stop = chainEnd;
    for (let k = i + 1; k <= chainEnd; k++) if (tokens[k]!.lower === 'and') { stop = k - 1; break; }
    // 'the Defense Department', 'the Interior Ministry': an institution's name, no place.
    if (stop > i && ORG_AFTER.has(tokens[stop]!.lower)) { i = stop; continue; }
    let e = stop;
    while (e > i && (NOT_PLACES.has(tokens[e]!.lower) || AFTER_PLACE.has(tokens[e]!.lower) || UNIT_AFTER[tokens[e]!.lower] || tokens[e]!.lower === 'local' || tokens[e]!.lower === 'government')) e--;
    if (t.pos === 'PROPN' || t.start > doc.sentences[t.sentence]!.start) misses.push({ i, j: e });
    i = stop;
  }

  // Context clues: a mission or party found in one country ("the OSCE SMM observed … near
  // Viktorivka"), as a demonym is, with the provinces it points at.
  const cre = gaz.contextRe;
  if (cre) {
    cre.lastIndex = 0;
    for (let mt = cre.exec(text); mt; mt = cre.exec(text)) {
      let g = 1;
      while (g < mt.length && mt[g] === undefined) g++;
      const clue = gaz.contextClues[g - 1];
      const cid = clue ? gaz.countryId(clue.country) : -1;
      if (!clue || cid < 0) continue;
      const start = mt.index;
      const end = start + mt[0].length;
      let si = 0;
      while (si + 1 < doc.sentences.length && doc.sentences[si + 1]!.start <= start) si++;
      out.push({ start, end, text: text.slice(start, end), sentence: si, candidates: [gaz.get(cid)], demonym: true, regions: clue.regions });
      keys.push('');
    }
  }
  // A clue's name holds no place of the gazetteer ('Kurdistan Region' is Iraq's, not Iran's
  // Kurdistan province; 'Tehreek-e-Taliban Pakistan' names no place).
  // (only clues of several words can hold a name: a one-word demonym is skipped before the scan)
  const clues = out.filter((m) => m.demonym && !m.source && m.candidates.length === 1 && /\s/.test(m.text) && out.some((o) => o !== m && !o.demonym && o.start >= m.start && o.end <= m.end));
  if (clues.length > 0) {
    for (let k = out.length - 1; k >= 0; k--) {
      const o = out[k]!;
      if (!o.demonym && clues.some((m) => o.start >= m.start && o.end <= m.end)) { out.splice(k, 1); keys.splice(k, 1); }
    }
  }
  // The text's countries: named, implied by a demonym, or holding an admin1 it names.
  const weights = countryWeights(out);
  const top = [...weights.entries()].sort((a, b) => b[1] - a[1]);
  const countries = top.filter(([, w]) => w >= 1).slice(0, 3).map(([cc]) => cc);

  // Spelling variants within those countries: 'Barmal' for GeoNames' 'Bêrmal', and for names
  // found exactly elsewhere, their namesakes here ('Khogyani' is a district of Ghazni in
  // GeoNames' name table and of Nangarhar under another spelling).
  if (countries.length > 0) {
    for (let k = 0; k < out.length; k++) {
      const m = out[k]!;
      const key = keys[k]!;
      if (m.demonym || key.length < 4 || m.candidates.some((c) => c.kind === 'country')) continue;
      const have = new Set(m.candidates.map((c) => c.id));
      const extra: GazPlace[] = [];
      const sk = skeleton(key);
      for (const cc of countries) for (const id of gaz.lookupSkeleton(sk, cc)) if (!have.has(id)) extra.push(gaz.get(id));
      if (extra.length > 0 && extra.length <= 8) {
        m.exactCount = m.candidates.length;
        m.candidates = m.candidates.concat(extra);
      }
    }
  }
  const hasRegions = out.some((m) => m.regions && m.regions.length > 0);
  for (const { i, j } of misses) {
    const a = tokens[i]!;
    const b = tokens[j]!;
    const key = nameKey(text.slice(a.start, b.end));
    let cands: GazPlace[] = [];
    // A numbered settlement or mine ('Zolote-5', 'Mine No. 3' of a town) lies by the place it is
    // numbered after: that place, at the precision of 'near'.
    const numbered = NUMBER_SUFFIX.exec(key);
    if (numbered && numbered[1]!.length >= 4) {
      const base = gaz.lookup(numbered[1]!).map((id) => gaz.get(id)).filter((c) => c.kind === 'place' &&
        (countries.length > 0 ? countries.includes(c.countryCode) : c.population >= 100000));
      if (base.length > 0 && base.length <= 8) {
        const m = mention(doc, a.start, b.end, a.sentence, base, j);
        m.near = true;
        out.push(m);
        continue;
      }
    }
    if (key.length >= 4 || (key.length >= 3 && (unitAfter(doc, j) === 'admin1' || unitAfter(doc, j) === 'admin2'))) {
      const sk = skeleton(key);
      // 'the Syrian town of Dabiq': the text says in which country to look.
      const said = countryBefore(doc, gaz, a.start);
      const where = said ? [said] : countries;
      if (where.length > 0) {
        for (const cc of where) for (const id of gaz.lookupSkeleton(sk, cc)) cands.push(gaz.get(id));
        // The Arabic article written as one word with the name ('Aljfara' for Al Jifarah).
        if (cands.length === 0 && GLUED_ARTICLE.test(key)) {
          const sk2 = skeleton(key.slice(2));
          for (const cc of where) for (const id of gaz.lookupSkeleton(sk2, cc)) cands.push(gaz.get(id));
        }
        if (cands.length > 8) cands = [];
      } else if (key.length >= 5 && /^(?:in|at|near|of|outside)$/.test(tokens[i - 1]?.lower ?? '')) {
        // No country in sight ("observed 2 explosions near Verkhnyoshyrokivske", "in Ar-Raqqa"):
        // a name after a preposition is looked up by skeleton everywhere; kept are admin units
        // and towns of some size, if nearly unique.
        for (const id of gaz.lookupSkeletonAnywhere(sk)) {
          const c = gaz.get(id);
          if (c.kind !== 'place' || c.population >= 5000) cands.push(c);
        }
        if (cands.length > 3) cands = [];
      }
    }
    // A facility or quarter named after its town ("near Donetsk Filtration Station", "at the
    // Mosul Dam Lake"): the town, at precision 2, where the text says a place follows.
    if (cands.length === 0 && j > i && PLACE_PREP.test(tokens[i - 1]?.lower ?? '')) {
      const pre = prefixPlace(doc, gaz, i, j, countries);
      if (pre) { out.push(pre); continue; }
    }
    const m = mention(doc, a.start, b.end, a.sentence, cands, j);
    // A spelling variant is trusted only where the text says a place follows ('in Barmal',
    // 'Barmal district'), not for any name ('Tipu', 'Rana') or acronym ('PICSS').
    // ... or, for a province or district, in parentheses after a name ("in Wadi X (Aljfara)").
    const inParen = tokens[i - 1]?.lower === '(' && i >= 2 && isCap(doc, tokens[i - 2]!);
    if (inParen && !m.unit && !PLACE_PREP.test(tokens[i - 1]?.lower ?? '')) cands = cands.filter((c) => c.kind === 'admin1' || c.kind === 'admin2');
    if (cands.length > 0 && (ACRONYM.test(m.text) || PEOPLE_ADJECTIVE.test(m.text) || !(m.unit || inParen || variantPrep(tokens, i)))) cands = [];
    m.candidates = cands;
    if (cands.length > 0) {
      m.fuzzy = true;
      m.exactCount = 0;
      out.push(m);
    } else if (saysPlace(doc, i, j, m)) {
      out.push(m);
    } else if (hasRegions && /^(?:in|at|near|outside|around)$/.test(tokens[i - 1]?.lower ?? '') && !ACRONYM.test(m.text)) {
      // "the OSCE SMM observed … near Mineralne": a village the gazetteer lacks, in the
      // provinces the clue points at.
      m.unknown = true;
      out.push(m);
    }
  }
  out.sort((x, y) => x.start - y.start);
  // "X (A, B)": the text's hierarchy names admin units, A a district (or the town that gives a
  // commune its name) and B its province ("in Mansila (Mansila, Yagha)", "near Mamove (Beni,
  // Nord-Kivu)"), not their namesake towns abroad (see PlaceMention.paren).
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]!;
    const b = out[k + 1]!;
    if (b.sentence !== a.sentence) continue;
    if (!/\(\s*$/.test(text.slice(Math.max(0, a.start - 3), a.start))) continue;
    if (!/^\s*(?:district|province|territory|county)?\s*,\s*$/i.test(text.slice(a.end, b.start))) continue;
    if (!/^\s*(?:district|province|state|region)?\s*\)/i.test(text.slice(b.end, b.end + 12))) continue;
    a.paren = 'district';
    b.paren = 'province';
  }
  // "in Barangay Magdawat, Pinabacdao, Samar.", "in Cuauhtemoc, Ciudad de Mexico, around 20
  // drivers": the last of names joined by commas, where the clause goes on without another
  // name, is their province or district, as notes write the hierarchy.
  for (const m of out) {
    if (m.paren || m.unit || m.demonym) continue;
    if (!COMMA_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))) continue;
    if (!COMMA_LAST.test(text.slice(m.end, m.end + 4))) continue;
    m.paren = 'province';
  }
  // "near Pakistan's South Waziristan": the place after the possessive is the one near.
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]!;
    const b = out[k + 1]!;
    if (!a.near || a.sentence !== b.sentence) continue;
    const between = text.slice(a.end, b.start);
    // ... and so is its container: "near Pakistan's South Waziristan tribal district in Khyber
    // Pakhtunkhwa province" says nothing of where the event was.
    if (/^['’]s\s+$/.test(between) || /^(?:\s+[a-z]+){0,3}\s+(?:in|of)\s+(?:the\s+)?$|^\s*,\s*$/.test(between)) b.near = true;
  }
  // "Damascus countryside", "the countryside of Damascus": where a governorate is named for a
  // city's countryside ('Rural Damascus', Rif Dimashq), it is that governorate, not the city's own.
  for (const m of out) {
    if (m.unit !== 'admin1' || m.demonym || m.source) continue;
    if (!/^\s*countryside\b/i.test(text.slice(m.end, m.end + 14)) && !/\bcountryside of\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 20), m.start))) continue;
    const rural = gaz.lookup(nameKey(`rural ${m.text}`)).map((id) => gaz.get(id)).filter((c) => c.kind === 'admin1');
    if (rural.length > 0) {
      m.candidates = rural;
      m.rural = true;
    }
  }
  return joinCompassDistricts(dropOutletSeats(dropBorders(out, text), text), text);
}

/** "Tonj North County", "Lamu West sub-county": a compass word and a district's unit word after a name. */
const COMPASS_DISTRICT = /^ ((?:North|South|East|West|Central|North-?[Ee]ast|North-?[Ww]est|South-?[Ee]ast|South-?[Ww]est))\s+(?:County|District|[Ss]ub-?[Cc]ounty|Constituency|Woreda)\b/;

/**
 * "in Tonj North County": a district named after its town and a compass point, which the
 * gazetteer may lack; read as the town's name alone, the text's district was lost (and 'North
 * County' read as a place abroad). The town's mention takes the compass word and names a
 * district (the district is then read from the text, see fromPick); a mention of the words after is dropped.
 */
function joinCompassDistricts(out: PlaceMention[], text: string): PlaceMention[] {
  const joined: PlaceMention[] = [];
  for (const m of out) {
    if (m.source || m.demonym || !m.candidates.some((c) => c.kind === 'place')) continue;
    const cd = COMPASS_DISTRICT.exec(text.slice(m.end, m.end + 40));
    if (!cd) continue;
    const end = m.end + 1 + cd[1]!.length;
    m.text = text.slice(m.start, end);
    m.end = end;
    m.unit = 'admin2';
    joined.push(m);
  }
  if (joined.length === 0) return out;
  return out.filter((o) => o.source || !joined.some((m) => m !== o && o.start >= m.start && o.start < m.end));
}

/**
 * "reports the Coastal Radio Network (Kismayo)", "said the Daily Post (Lagos)": a place in
 * parentheses right after a news outlet's name, as aggregators credit outlets, is where the outlet
 * is based, no place of the story. The outlet's name is known by its last word.
 */
const OUTLET_SEAT_BEFORE = /\b(?:Network|Media|News|Radio|Post|Times|Star|Observer|Nation|Telegraph|Daily|Agency|Today|Express|Mail|Tribune|Herald|Guardian|Standard|Monitor|Online|TV|Television|Press|Gazette|Journal|Chronicle|Independent|Reporter|Vanguard|Punch|Leadership|Sun)\s*\(\s*$/;

function dropOutletSeats(out: PlaceMention[], text: string): PlaceMention[] {
  return out.filter((m) => m.source || !/^\s*\)/.test(text.slice(m.end, m.end + 3)) || !OUTLET_SEAT_BEFORE.test(text.slice(Math.max(0, m.start - 16), m.start)));
}

/** A name right before one of these names a border, not a place ('near the Niger border'). */
const BORDER_AFTER = /^\s+(?:border|borders|frontier|boundary)\b/i;

/**
 * 'a hamlet near the Niger border', 'fighting along the Pakistan border': a country's name before
 * 'border' names the line the event lies by, not the side it lies on, which the text's other places
 * tell; read as a place, it drew events abroad or into a namesake province (Nigeria's Niger State).
 * Such mentions are dropped.
 */
function dropBorders(out: PlaceMention[], text: string): PlaceMention[] {
  return out.filter((m) => m.demonym || m.source || !m.candidates.some((c) => c.kind === 'country') || !BORDER_AFTER.test(text.slice(m.end, m.end + 12)));
}

/**
 * The countries an article's source names: a country name or demonym in it ('National News
 * Agency Lebanon', 'Pajhwok Afghan News', 'Ministry of Defence of Azerbaijan'), a context clue
 * ('OSCE SMM-Ukraine', 'DPR Armed Forces Press Service'), or a national outlet it is
 * (country-names.json `outlets`: 'El Nashra' is Lebanese). Local outlets mostly report their own
 * country, so the source is country context, as a named country is; it is never a location and
 * never evidence (its mentions have no span in the text: sentence -1).
 */
function sourceMentions(source: string, gaz: Gazetteer): PlaceMention[] {
  const out: PlaceMention[] = [];
  const seen = new Set<string>();
  // A government speaks of abroad as much as of home ('US State Department', 'UK Government'):
  // the country it names is no clue.
  const official = OFFICIAL_SOURCE.test(source);
  const add = (cc: string, regions?: readonly number[]) => {
    const id = gaz.countryId(cc);
    if (id < 0 || (seen.has(cc) && !regions)) return;
    seen.add(cc);
    out.push({
      start: 0, end: 0, text: source, sentence: -1, candidates: [gaz.get(id)], demonym: true,
      source: true, ...(regions ? { regions } : {}),
    });
  };
  const words = source.split(SOURCE_SPLIT).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const two = i + 1 < words.length ? gaz.countryOfWord(nameKey(`${words[i]} ${words[i + 1]}`)) : null;
    const cc = two ?? gaz.countryOfWord(nameKey(words[i]!));
    if (cc && !official) add(cc);
  }
  for (const re of [gaz.contextRe, gaz.outletRe]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let mt = re.exec(source); mt; mt = re.exec(source)) {
      let g = 1;
      while (g < mt.length && mt[g] === undefined) g++;
      const clue = re === gaz.contextRe ? gaz.contextClues[g - 1] : gaz.outlets[g - 1];
      if (clue) add(clue.country, clue.regions.length > 0 ? clue.regions : undefined);
    }
  }
  return out;
}
const SOURCE_SPLIT = /[^\p{L}]+/u;

/** 'the Syrian town of ', 'Iraq's province of ': a country, or its demonym, and a unit word. */
const COUNTRY_UNIT_OF = /\b(\p{Lu}\p{L}+(?:['’]s)?)\s+(?:town|village|city|district|province|governorate|region|area|border town|port city)\s+of\s+$/u;

/** The country a text names for the place that starts at `start` ('the Syrian town of Dabiq'), or null. */
function countryBefore(doc: Doc, gaz: Gazetteer, start: number): string | null {
  const mt = COUNTRY_UNIT_OF.exec(doc.text.slice(Math.max(0, start - 60), start));
  if (!mt) return null;
  const word = mt[1]!.replace(/['’]s$/, '');
  return gaz.countryOfWord(nameKey(word)) ?? null;
}
const OFFICIAL_SOURCE = /\b(?:government|department|ministry|embassy|foreign|office|presidency|parliament)\b/i;

/**
 * How strongly the text points at each country: holding an admin1 the text names (3), named
 * (2), implied by a demonym (1.5), holding a district (1.5) or a town (1) it names; a town name
 * shared by several countries splits its weight.
 */
function countryWeights(places: PlaceMention[]): Map<string, number> {
  const w = new Map<string, number>();
  // A name repeated is no new clue ('protesters in Tripoli … in Tripoli' says no more than once).
  const seen = new Set<string>();
  for (const m of places) {
    // (A country named again is: the text's subject, 'Syria … Syria' against one 'Russia'.)
    if (!m.demonym && !m.source && !m.candidates.some((c) => c.kind === 'country')) {
      const k = m.text.toLowerCase();
      if (seen.has(k)) continue;
      seen.add(k);
    }
    for (const [cc, v] of ownWeights(m)) w.set(cc, (w.get(cc) ?? 0) + v);
  }
  return w;
}

/**
 * Each country's weight in the text (countryWeights) as a share of the heaviest one's, by the
 * country's name: 1 for the country the text is about, near 0 for one a single ambiguous name
 * points at ('Amaq' read as a town in the United States in a story about Sri Lanka).
 */
export function countryShares(places: PlaceMention[], gaz: Gazetteer = loadGazetteer()): Map<string, number> {
  // (the weights resolveLocation's article index already holds: read once per article)
  const w = articlePlaces(places, gaz).weights;
  const top = Math.max(0, ...w.values());
  const names = new Map<string, string>();
  for (const m of places) for (const c of m.candidates) names.set(c.countryCode, c.country);
  const out = new Map<string, number>();
  if (top > 0) for (const [cc, v] of w) if (names.has(cc)) out.set(names.get(cc)!, v / top);
  return out;
}

/** What one mention adds to countryWeights. */
function ownWeights(m: PlaceMention): Map<string, number> {
  const per = new Map<string, number>();
  // A spelling variant of a province the text says is one ('Idleb countryside') counts as named.
  const provinces = m.fuzzy && m.unit === 'admin1' ? m.candidates.filter((c) => c.kind === 'admin1') : [];
  if (provinces.length === 1) per.set(provinces[0]!.countryCode, 3);
  const n = m.exactCount ?? m.candidates.length;
  // A country's name points at the country, not at its namesake provinces abroad ('Mali, Niger
  // and Burkina Faso' is no clue to Nigeria's Niger State; "Atlanta, Georgia" is still read by
  // its hierarchy in choose).
  const named = m.candidates.find((c) => c.kind === 'country' && foldName(c.name) === foldName(m.text));
  if (named && !m.unit) {
    per.set(named.countryCode, m.source ? SOURCE_WEIGHT : m.demonym ? 1.5 : 2);
    return per;
  }
  for (let i = 0; i < n; i++) {
    const c = m.candidates[i]!;
    const v = c.kind === 'country' ? (m.source ? SOURCE_WEIGHT : m.demonym ? 1.5 : 2) : c.kind === 'admin1' ? 3 : c.kind === 'admin2' ? 1.5 : 1;
    per.set(c.countryCode, Math.max(per.get(c.countryCode) ?? 0, v));
  }
  // A town name shared by several countries says little; a province or country name a lot.
  const size = per.size;
  for (const [cc, v] of per) if (v < 1.5) per.set(cc, v / size);
  return per;
}

/**
 * The longest leading part of the unknown name i..j that names a place: within the text's
 * countries if it has some, else a province or a town of 100,000 people. Null if none.
 */
function prefixPlace(doc: Doc, gaz: Gazetteer, i: number, j: number, countries: string[]): PlaceMention | null {
  const { tokens, text } = doc;
  for (let k = j - 1; k >= i; k--) {
    if (!isCap(doc, tokens[k]!)) continue;
    const key = nameKey(text.slice(tokens[i]!.start, tokens[k]!.end));
    if (key.length < 4) continue;
    const cands = gaz.lookup(key).map((id) => gaz.get(id)).filter((c) =>
      c.kind !== 'country' && (countries.length > 0 ? countries.includes(c.countryCode) : c.kind === 'admin1' || c.population >= 100000));
    if (cands.length === 0) continue;
    const m = mention(doc, tokens[i]!.start, tokens[k]!.end, tokens[i]!.sentence, cands, k);
    m.near = true;
    return m;
  }
  return null;
}

/**
 * The provinces or countries tokens a..b name, or null: a name may end before them, as in
 * notes that write the hierarchy without a comma ("in Tijuana Baja California").
 */
function containerFollows(doc: Doc, gaz: Gazetteer, a: number, b: number): GazPlace[] | null {
  const key = nameKey(doc.text.slice(doc.tokens[a]!.start, doc.tokens[b]!.end));
  if (key.length < 4) return null;
  const out = gaz.lookup(key).map((id) => gaz.get(id)).filter((c) => c.kind === 'admin1' || c.kind === 'country');
  return out.length > 0 ? out : null;
}

/** The unit word right after token j ('Zhari district' → admin2). */
function unitAfter(doc: Doc, j: number): PlaceMention['unit'] {
  return unitAt(doc.tokens, j + 1);
}

function mention(doc: Doc, start: number, end: number, sentence: number, candidates: GazPlace[], lastToken: number): PlaceMention {
  const m: PlaceMention = { start, end, text: doc.text.slice(start, end), sentence, candidates };
  let n = lastToken + 1;
  // "Chawkay (Suki) district": the unit word may follow an alternate name in parentheses.
  if (doc.tokens[n]?.lower === '(') {
    let k = n + 1;
    while (k < doc.tokens.length && k < n + 6 && doc.tokens[k]!.lower !== ')') k++;
    if (doc.tokens[k]?.lower === ')') n = k + 1;
  }
  const next = doc.tokens[n];
  if (next && next.sentence === sentence) {
    const u = unitAt(doc.tokens, n);
    if (u) m.unit = u;
  }
  // "Kaduna State", "Balkh Province": the unit word inside a name the gazetteer holds whole.
  const own = lastToken > 0 && doc.tokens[lastToken]!.start > start ? UNIT_AFTER[doc.tokens[lastToken]!.lower] : undefined;
  if (!m.unit && own && own !== 'area' && own !== 'place') m.unit = own;
  const before = doc.text.slice(Math.max(0, start - 40), start);
  if (NEAR_BEFORE.test(before)) m.near = true;
  // "in the southern countryside of Idleb": a governorate.
  if (!m.unit && /\bcountryside of\s+(?:the\s+)?$/i.test(before)) m.unit = 'admin1';
  // "the city of Kharkiv" (not Kharkiv oblast), "the province of Kunar", "the district of Zhari".
  const unitOf = m.unit ? null : UNIT_BEFORE.exec(before);
  if (unitOf) m.unit = UNIT_BEFORE_KIND[unitOf[1]!.toLowerCase()];
  m.before = before.slice(-12);
  return m;
}

const UNIT_BEFORE = /\b(city|town|village|province|governorate|oblast|district)\s+of\s+$/i;
const UNIT_BEFORE_KIND: Record<string, PlaceMention['unit']> = {
  city: 'place', town: 'place', village: 'place', province: 'admin1', governorate: 'admin1', oblast: 'admin1', district: 'admin2',
};

/** An unknown capitalised span that the text presents as a place: "in Buleda (Kech, …)", "in Regi of X district". */
const UNIT_OF = /\b(?:town|village|city|district|province|governorate|region|hamlet|settlement|suburb|neighbou?rhood|(?:district|provincial|province)\s+(?:headquarters|centre|center))\s+of\s+$/i;

function saysPlace(doc: Doc, i: number, j: number, m: PlaceMention): boolean {
  const prev = doc.tokens[i - 1];
  const next = doc.tokens[j + 1];
  const prevIn = !!prev && /^(?:in|at|near|of|from|outside|inside|around)$/.test(prev.lower);
  // 'a raid on Kuriga village', 'an attack on Bula town': a unit word says it is a place.
  if (m.unit && prev && /^(?:on|to|into|towards?|across|through)$/.test(prev.lower)) return true;
  // 'raided the Madabanciya hamlet', 'in the Kwamdi village': a settlement word after a name.
  if (prev?.lower === 'the' && /^(?:village|hamlet|settlement)$/.test(next?.lower ?? '') && next!.sentence === m.sentence) return true;
  // 'in the Mir Ali area of North Waziristan': an area of a place the text names.
  if (prev?.lower === 'the' && next?.lower === 'area' && doc.tokens[j + 2]?.lower === 'of' && next.sentence === m.sentence) return true;
  if (!prevIn) return false;
  if (m.unit) return true;
  // 'the Syrian town of Dabiq', 'the village of Kafr Nabl', 'the district headquarters of
  // Dand-e-Ghori': the text says a place follows (not an acronym: 'the headquarters of UGTT').
  if (prev.lower === 'of' && !ACRONYM.test(m.text) && UNIT_OF.test(doc.text.slice(Math.max(0, m.start - 40), m.start))) return true;
  return !!next && next.sentence === m.sentence && (next.lower === '(' || next.lower === 'of' || next.lower === ',');
}

const KIND_RANK = { country: 0, admin1: 1, admin2: 2, place: 3 } as const;

interface Chosen {
  m: PlaceMention;
  c: GazPlace | null;
  score: number;
  /**
   * A context clue points at provinces and this mention's namesakes all lie elsewhere in that
   * country: it is read as a place of those provinces the gazetteer does not know (see choose).
   */
  regionFallback?: boolean;
  /** A namesake abroad, dropped (see choose): no place of the story, known or unknown. */
  foreign?: boolean;
}

/** A town of a country nothing else in the text points at, below this size, is taken for a namesake (see choose). */
const FOREIGN_NAMESAKE_POP = 100000;
/**
 * The weight (see countryWeights) another country needs for a province nothing else points at to
 * be taken for a namesake abroad: two provinces of it named, or a province and the country.
 */
const ADMIN1_ABROAD = 6;
/** A village of a clue's country outside the provinces the clue points at is taken for a namesake below this size. */
const REGION_OVERRIDE_POP = 100000;

/** "X (A)": one unit in parentheses after a name, its province or district ("in Wadi X (Aljfara)"). */
const PAREN_ONE = /^\s*\(\s*\p{Lu}[^(),;]{1,38}?\s*\)/u;
/** "X (A, B)": the text's own hierarchy after a name, as ACLED-style notes and some reports write it. */
const PAREN_HIERARCHY = /^\s*(?:city|town|village|area|district|tehsil)?\s*\(\s*([^(),;]{2,40}?)\s*,\s*([^(),;]{2,40}?)\s*\)/i;

/**
 * How far apart two mentions of one sentence may be and still be read as the text's hierarchy.
 * Beyond 160 characters only the same sentence counts; a sentence of many thousand characters
 * (a text without full stops) would otherwise make every mention meet every other, in time
 * quadratic in the text. No sentence of the development sets comes near it.
 */
const SAME_SENTENCE_REACH = 2000;

/** Whether mentions are sorted by start and by sentence, as findPlaces returns them. */
function inTextOrder(places: readonly PlaceMention[]): boolean {
  for (let k = 1; k < places.length; k++) {
    if (places[k]!.start < places[k - 1]!.start || places[k]!.sentence < places[k - 1]!.sentence) return false;
  }
  return true;
}

/**
 * Whether mention o (before m, or after it) may still be within reach of m, or a mention beyond
 * it may: a bound in text order, so that walking out from m can stop (`longest`: the longest
 * mention, as an earlier one's end is not ordered).
 */
function reachable(o: PlaceMention, m: PlaceMention, longest: number): boolean {
  if (o.start <= m.start) {
    const gap = m.start - (o.start + longest);
    return gap <= SAME_SENTENCE_REACH && (gap <= 160 || o.sentence === m.sentence);
  }
  const gap = o.start - m.end;
  return gap <= SAME_SENTENCE_REACH && (gap <= 160 || o.sentence === m.sentence);
}

/** Score every candidate of every mention by the clues of the text; keep each mention's best. */
function choose(places: PlaceMention[], gaz: Gazetteer, weights: Map<string, number>): Chosen[] {
  const chosen: Chosen[] = [];
  let regions: Set<number> | null = null;
  const strong = countryWeights(places.filter((m) => !m.demonym || m.regions || m.source));
  // The countries of clues that point at provinces ('OSCE SMM' → Donetsk, Luhansk of Ukraine).
  const regionCountries = new Set<string>();
  for (const m of places) {
    if (!m.regions || m.regions.length === 0) continue;
    for (const r of m.regions) (regions ??= new Set()).add(r);
    for (const c of m.candidates) regionCountries.add(c.countryCode);
  }
  // Mentions are in text order (findPlaces sorts them): the other mentions within reach of one
  // are found by walking out from it, not by scanning the whole article (see NEAR_REACH).
  const ordered = inTextOrder(places);
  let longest = 0;
  for (const o of places) longest = Math.max(longest, o.end - o.start);
  const provinces = provinceSupport(places);
  for (let k = 0; k < places.length; k++) {
    const m = places[k]!;
    // The mentions the hierarchy below may look at: within 160 characters, or in the same
    // sentence within SAME_SENTENCE_REACH (the whole list where the order is not the text's).
    let lo = 0;
    let hi = places.length - 1;
    if (ordered) {
      lo = k;
      while (lo > 0 && reachable(places[lo - 1]!, m, longest)) lo--;
      hi = k;
      while (hi + 1 < places.length && reachable(places[hi + 1]!, m, 0)) hi++;
    }
    if (m.candidates.length === 0) {
      const stem = m.unknown && regions ? stemInRegion(m, regions, gaz) : null;
      chosen.push(stem ? { m, c: stem, score: 1 } : { m, c: null, score: 0, ...(m.unknown && regions ? { regionFallback: true } : {}) });
      continue;
    }
    let best: GazPlace | null = null;
    let bestScore = -Infinity;
    const exact = m.exactCount ?? m.candidates.length;
    // The country context the rest of the text gives: a town's own name is no clue to its own
    // country ("the OSCE SMM observed … near Komsomolets" is not in Kazakhstan, "protesters in
    // Lebanon … in Nabatiyeh" not in the US).
    // Only a named country or province, or a context clue, counts as the other clue: a demonym
    // is mostly a foreign force's ("Iranian militia positions … in Dar'a"). A city of 200,000
    // is a clue itself ("in Caracas … sold in the United States").
    const own = ownWeights(m);
    let otherClue = false;
    // A name found in one country only is a clue itself ('Kilkis' next to "migrants from Afghanistan").
    // Unless another country is named outright or is the source's (3): then a village known
    // only abroad is a namesake ('el Mina' in a Lebanese outlet's report is not Mauritania's).
    for (const [cc, w] of strong) {
      const rest = w - (own.get(cc) ?? 0);
      if ((own.size > 1 && rest >= 1.5) || (!own.has(cc) && rest >= 3)) { otherClue = true; break; }
    }
    let bestOutside = false;
    let bestHierarchy = false;
    for (let ci = 0; ci < m.candidates.length; ci++) {
      const c = m.candidates[ci]!;
      let s = 0;
      let hierarchy = false;
      const cw = weights.get(c.countryCode) ?? 0;
      s += Math.min(cw, 6);
      if (weights.size > 0 && cw === 0) s -= 4;
      else if (otherClue && c.kind === 'place' && c.population < 200000 && (own.get(c.countryCode) ?? 0) < 1.5 && cw - (own.get(c.countryCode) ?? 0) <= 0) s -= 4;
      // The text's own hierarchy: another mention nearby that contains this one or lies in it.
      for (let q = lo; q <= hi; q++) {
        if (q === k) continue;
        const o = places[q]!;
        const dist = o.start > m.end ? o.start - m.end : m.start - o.end;
        if (dist > 160 && o.sentence !== m.sentence) continue;
        if (dist > SAME_SENTENCE_REACH) continue;
        // The same name again in another sentence is no hierarchy: 'in Tripoli … in Tripoli' does
        // not put the town in its namesake province ('Ghazni city of Ghazni province' does).
        if (o.sentence !== m.sentence && o.text === m.text) continue;
        let hit = false;
        for (const oc of o.candidates) {
          if (oc.id === c.id) continue;
          if ((oc.kind !== 'country' && gaz.contains(oc, c)) || (c.kind !== 'country' && oc.kind !== 'country' && gaz.contains(c, oc))) { hit = true; break; }
          // A quarter of a city the text names ("in Ermita, Manila", "in Cuauhtemoc, Ciudad de
          // Mexico"): a city of 100,000 holds what lies within 25 km of it.
          if (oc.kind === 'place' && c.kind !== 'country' && c.kind !== 'admin1' && oc.population >= 100000 && oc.countryCode === c.countryCode &&
            Math.abs(oc.lat - c.lat) < 0.3 && km(oc.lat, oc.lon, c.lat, c.lon) < 25) { hit = true; break; }
        }
        if (hit) { s += dist < 40 ? 5 : 3; hierarchy = true; }
      }
      // A name found in several provinces of the country: the one the article's other,
      // unambiguous places lie in ('Bijapur' with Jagdalpur and Bastar is Chhattisgarh's).
      if (c.kind !== 'country' && c.kind !== 'admin1' && c.admin1Id >= 0) {
        let others = 0;
        // (the province's mentions are in text order: from the first within reach, and no further than needed)
        const list = provinces.get(c.admin1Id) ?? [];
        let lo = 0;
        let hi = list.length;
        while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]!.sentence < m.sentence - COHERENCE_SENTENCES) lo = mid + 1; else hi = mid; }
        const seen = new Set<string>();
        for (let q = lo; q < list.length && list[q]!.sentence <= m.sentence + COHERENCE_SENTENCES && others < 2; q++) {
          const o = list[q]!;
          if (o.text !== m.text && !seen.has(o.text)) { seen.add(o.text); others++; }
        }
        if (others > 0 && m.candidates.some((o) => o.countryCode === c.countryCode && o.admin1Id >= 0 && o.admin1Id !== c.admin1Id)) s += PROVINCE_COHERENCE * others;
      }
      if (m.unit === 'admin1') s += c.kind === 'admin1' ? 3 : -1;
      else if (m.paren === 'province') s += c.kind === 'admin1' || c.kind === 'admin2' ? 3 : -1;
      else if (m.paren === 'district') s += c.kind === 'admin2' ? 3 : c.kind === 'place' && c.seat <= 2 ? 1 : c.kind === 'place' ? 0 : -1;
      else if (m.unit === 'admin2') s += c.kind === 'admin2' ? 3 : c.kind === 'place' && c.seat <= 2 ? 1 : -1;
      else if (m.unit === 'place') s += c.kind === 'place' ? 2 : 0;
      s += c.kind === 'admin1' ? 1.5 : c.kind === 'admin2' ? 0.8 : c.kind === 'country' ? 2 : Math.log10(c.population + 1) / 2.5;
      if (c.kind === 'place' && c.seat <= 2) s += 0.5;
      // A spelling variant is a weaker reading than the name itself; a town read so, against an
      // exact match in the same country, needs the text's hierarchy, not only a bigger population
      // ('Daquq' is not Dihok). (A province's variant stays: 'Fizuli' for GeoNames' 'Füzuli'.)
      if (ci >= exact) s -= hierarchy || c.kind !== 'place' || !m.candidates.slice(0, exact).some((e) => e.countryCode === c.countryCode) ? 1.5 : 4;
      // In a province a context clue points at ("the OSCE SMM observed … near Vodyane").
      if (regions && regions.has(c.admin1Id)) s += 3;
      // ... and not in its other provinces: a village of the clue's country outside them is a
      // namesake ('near Lozove' in an OSCE SMM report is not the Lozove of Crimea), unless the
      // text itself puts it there ('Sokilnyky, Lviv oblast'); a city stays a candidate.
      const outside = !!regions && !m.demonym && c.kind === 'place' && c.population < REGION_OVERRIDE_POP &&
        regionCountries.has(c.countryCode) && !regions.has(c.admin1Id) && !hierarchy;
      if (outside) s -= 6;
      if (s > bestScore) { bestScore = s; best = c; bestOutside = outside; bestHierarchy = hierarchy; }
    }
    // A name known only abroad, rejected by the context, after 'in'/'near' where a clue names
    // provinces ("the OSCE SMM observed … near Komsomolets", not the one of Kazakhstan).
    const abroad = !!regions && !!best && bestScore < 0 && !regionCountries.has(best.countryCode) && !m.demonym && best.kind === 'place' &&
      m.candidates.every((c) => !regionCountries.has(c.countryCode)) && PREP_BEFORE.test(m.before ?? '');
    // A namesake abroad: the story is plainly in another country (otherClue), nothing but this
    // name points at the candidate's country, the text puts it in no unit, and it is a small
    // place or an abbreviation ('KIA' in a report from Myanmar is the Kachin Independence Army,
    // not a village of the Solomon Islands; 'Amaq' not a hamlet in Nebraska).
    // (Where a context clue names provinces, such a name is read in them instead: below.)
    // A province is such a namesake only where the story is plainly elsewhere, by its provinces
    // and places (ADMIN1_ABROAD): 'ERBIL, Kurdistan Region – … Duhok province' is not in Iran's
    // Kurdistan province.
    const lone = !!best && (weights.get(best.countryCode) ?? 0) - (own.get(best.countryCode) ?? 0) <= 0;
    const farOff = !!best && best.kind === 'admin1' && lone && [...strong.entries()].some(([cc, w]) => cc !== best!.countryCode && w >= ADMIN1_ABROAD);
    if (!regions && best && otherClue && !bestHierarchy && !m.demonym && !m.source && lone &&
      (((best.kind === 'place' || best.kind === 'admin2') && (best.population < FOREIGN_NAMESAKE_POP || isAbbrev(m.text))) || farOff)) {
      chosen.push({ m, c: null, score: 0, foreign: true });
      continue;
    }
    if (bestOutside || abroad) {
      const stem = regions ? stemInRegion(m, regions, gaz) : null;
      chosen.push(stem ? { m, c: stem, score: 1 } : { m, c: null, score: 0, regionFallback: true });
    }
    else chosen.push({ m, c: best, score: bestScore });
  }
  return chosen;
}

/** What each other, unambiguous place in a namesake's province adds to its score (see choose). */
const PROVINCE_COHERENCE = 1.5;
/** ... when they are told within this many sentences of it: an article may range over several provinces. */
const COHERENCE_SENTENCES = 2;

/**
 * The provinces the article's unambiguous places lie in: for each admin1, the mentions whose every reading (below the country) lies in it ('Jagdalpur', 'Bastar' →
 * Chhattisgarh). Demonyms and countries say nothing of a province.
 */
function provinceSupport(places: PlaceMention[]): Map<number, PlaceMention[]> {
  const out = new Map<number, PlaceMention[]>();
  for (const m of places) {
    if (m.demonym || m.source || m.fuzzy) continue;
    let a1 = -1;
    let one = true;
    for (const c of m.candidates) {
      if (c.kind === 'country') continue;
      if (c.admin1Id < 0 || (a1 >= 0 && c.admin1Id !== a1)) { one = false; break; }
      a1 = c.admin1Id;
    }
    if (!one || a1 < 0) continue;
    let l = out.get(a1);
    if (!l) out.set(a1, (l = []));
    l.push(m);
  }
  return out;
}

/**
 * Resolve the place of an incident. focus: the sentences that report it (indexes into
 * doc.sentences); the rest of the doc is context.
 */
export function resolveLocation(doc: Doc, places: PlaceMention[], focus: number[], articleId: string): ResolvedLocation {
  const none: ResolvedLocation = {
    country: null, admin1: null, admin2: null, location: null, latitude: null, longitude: null, geo_precision: null,
  };
  if (places.length === 0) return none;
  const gaz = loadGazetteer();
  const ev = (m: { start: number; end: number; text: string }): Evidence => ({ article: articleId, start: m.start, end: m.end, text: m.text });
  // What does not depend on the incident is worked out once per article (see ArticlePlaces).
  const ap = articlePlaces(places, gaz);
  const { chosen, topCountry } = ap;

  const inFocus = ap.inFocus(focus);
  // With no place in its own sentences, an incident is placed by the whole text, the same for
  // every such incident of the article: worked out once.
  if (inFocus.length === 0) {
    const key = `\u0000${articleId}`;
    let r = ap.unfocused.get(key);
    if (!r) ap.unfocused.set(key, (r = resolveIn(doc, places, ap, inFocus, ev, gaz)));
    return structuredClone(r);
  }
  return resolveIn(doc, places, ap, inFocus, ev, gaz);
}

/** The words before a place told as where something happened: 'in the southern city of Rafah', 'in the capital Baghdad', 'a rocket strike on the towns of X and Y' (a strike's target). */
const TOLD_IN = /\b(?:(?:in|at|such as)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:(?:city|town|village|capital|port|district|area)(?:\s+of)?\s+)?|on\s+the\s+(?:[a-z-]+\s+)?(?:cities|towns|villages)\s+of\s+)$/;
/** Between two places of a list: 'Rangpur, Dhaka and Chittagong', ', the western city of X and the southern city of Y'. */
const LISTED_AFTER = /^\s*(?:,|and|,\s*and)\s*(?:the\s+)?(?:[a-z-]+\s+)?(?:(?:city|town|village|capital|port|district|area)(?:\s+of)?\s+)?$/;

/** A place of a list in one sentence (see listedPlaces): the mention and where it resolves. */
export interface ListedPlace {
  m: PlaceMention;
  location: ResolvedLocation;
}

/**
 * The towns a sentence lists as the places of one kind of violence, one after another: "kill 18
 * protesters in Basra, while seven die in Karbala, and two more are gunned down in the capital
 * Baghdad", "clashes in Rangpur, Dhaka and Chittagong". ACLED codes an event for each place. Two
 * or more known places of one country, each told with 'in'/'at' (or listed after one), none
 * inside another, none a reference point ('near'), a dateline, or an end of a road or front
 * ('between X and Y', 'from X to Y'); otherwise [].
 */
export function listedPlaces(doc: Doc, places: PlaceMention[], sentence: number, articleId: string): ListedPlace[] {
  if (places.length < 2) return [];
  const gaz = loadGazetteer();
  const ap = articlePlaces(places, gaz);
  const ev = (m: { start: number; end: number; text: string }): Evidence => ({ article: articleId, start: m.start, end: m.end, text: m.text });
  const inSentence = ap.inFocus([sentence]);
  const picked: Chosen[] = [];
  for (const x of inSentence) {
    if (!x.c || x.c.kind !== 'place' || x.m.fuzzy || x.m.unit === 'admin2' || x.m.near || x.m.demonym || x.m.source || isDateline(doc, x.m) || x.score < 0) continue;
    const prev = picked[picked.length - 1];
    const before = doc.text.slice(prev ? prev.m.end : Math.max(doc.sentences[sentence]!.start, x.m.start - 40), x.m.start);
    // told with 'in'/'at', or listed right after such a place ("in Rangpur, Dhaka and Chittagong")
    const listed = prev !== undefined && LISTED_AFTER.test(before);
    if (salience(doc, x.m) !== 2 && !TOLD_IN.test(doc.text.slice(Math.max(doc.sentences[sentence]!.start, x.m.start - 40), x.m.start)) && !listed) continue;
    if (/\b(?:between|from)\s+(?:the\s+)?$/i.test(doc.text.slice(Math.max(0, x.m.start - 12), x.m.start)) || /^\s*(?:to|and)\s+\p{Lu}[^,.;]{0,30}\s+(?:road|highway|axis|front)/u.test(doc.text.slice(x.m.end, x.m.end + 50))) return [];
    if (picked.some((y) => y.c!.id === x.c!.id || y.c!.countryCode !== x.c!.countryCode || gaz.contains(y.c!, x.c!) || gaz.contains(x.c!, y.c!) ||
      (y.c!.admin2Id >= 0 && y.c!.admin2Id === x.c!.admin2Id))) continue;
    picked.push(x);
  }
  if (picked.length < 2) return [];
  return picked.map((x) => ({ m: x.m, location: fromPick(x, ap, gaz, ev, doc) }));
}

/**
 * What resolving an incident's place needs of the article, whichever the incident: the chosen
 * reading of each mention (choose), the countries' weights, and indexes that find a mention by
 * its sentence, its offset or the unit it lies in, so that placing each of an article's
 * incidents takes time for its own sentences, not for the whole text (a text of a thousand
 * incidents and a thousand places took time in the product of the two).
 */
interface ArticlePlaces {
  chosen: Chosen[];
  topCountry: string | null;
  /** How strongly the text points at each country (countryWeights). */
  weights: Map<string, number>;
  /** chosen is in text order: the offset searches below may bisect. */
  ordered: boolean;
  inFocus(focus: number[]): Chosen[];
  /** The first chosen mention whose start is greater than `after` (or at least, with `orEqual`). */
  firstAfter(after: number, orEqual?: boolean): number;
  /** Chosen mentions whose reading lies in a unit or is it, by the unit's id, in order. */
  inUnit: Map<number, Chosen[]>;
  memo: Map<string, unknown>;
  unfocused: Map<string, ResolvedLocation>;
  placesLength: number;
}

const ARTICLE_PLACES = new WeakMap<PlaceMention[], ArticlePlaces>();

function articlePlaces(places: PlaceMention[], gaz: Gazetteer): ArticlePlaces {
  const cached = ARTICLE_PLACES.get(places);
  if (cached && cached.placesLength === places.length) return cached;
  const weights = countryWeights(places);
  const chosen = choose(places, gaz, weights);
  // The country: the context weights plus the scores of the mentions resolved in it, so that a
  // province and district that confirm each other outweigh a passing 'US forces'.
  const byCountry = new Map(weights);
  for (const x of chosen) if (x.c && !x.m.demonym && x.c.kind !== 'country') byCountry.set(x.c.countryCode, (byCountry.get(x.c.countryCode) ?? 0) + Math.max(0, x.score));
  const topCountry = [...byCountry.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const bySentence = new Map<number, number[]>();
  chosen.forEach((x, i) => {
    if (x.m.demonym) return;
    let l = bySentence.get(x.m.sentence);
    if (!l) bySentence.set(x.m.sentence, (l = []));
    l.push(i);
  });
  const inUnit = new Map<number, Chosen[]>();
  for (const x of chosen) {
    if (!x.c) continue;
    for (const id of new Set([x.c.id, x.c.admin1Id, x.c.admin2Id])) {
      if (id < 0) continue;
      let l = inUnit.get(id);
      if (!l) inUnit.set(id, (l = []));
      l.push(x);
    }
  }
  const ordered = inTextOrder(places);
  const ap: ArticlePlaces = {
    chosen,
    topCountry,
    weights,
    ordered,
    inFocus(focus) {
      const idx: number[] = [];
      for (const s of new Set(focus)) for (const i of bySentence.get(s) ?? []) idx.push(i);
      idx.sort((a, b) => a - b);
      return idx.map((i) => chosen[i]!);
    },
    firstAfter(after, orEqual = false) {
      let lo = 0;
      let hi = chosen.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const st = chosen[mid]!.m.start;
        if (st > after || (orEqual && st === after)) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
    inUnit,
    memo: new Map(),
    unfocused: new Map(),
    placesLength: places.length,
  };
  ARTICLE_PLACES.set(places, ap);
  return ap;
}

function resolveIn(doc: Doc, places: PlaceMention[], ap: ArticlePlaces, inFocus: Chosen[],
  ev: (m: { start: number; end: number; text: string }) => Evidence, gaz: Gazetteer): ResolvedLocation {
  const none: ResolvedLocation = {
    country: null, admin1: null, admin2: null, location: null, latitude: null, longitude: null, geo_precision: null,
  };
  const { chosen, topCountry } = ap;
  let candidates = (inFocus.length > 0 ? inFocus : chosen.filter((x) => !x.m.demonym)).filter((x) => !x.c || x.score >= 0);
  // "TYRE (AP) — An air strike near the southern border killed …": where the event's sentences
  // place it only in a part of a country, the dateline is where the report was written; the
  // article's first place of that country told with 'in'/'at' further on says where ("The strike
  // on Wadi al-Kfour in Nabatieh province"), else the country alone.
  const placed = candidates.filter((x) => x.c && x.c.kind !== 'country');
  if (inFocus.length > 0 && placed.length > 0 && placed.every((x) => isDateline(doc, x.m))) {
    const told = [...new Set(inFocus.map((x) => x.m.sentence))].map((i) => doc.sentences[i]).filter(Boolean).map((se) => doc.text.slice(se!.start, se!.end)).join(' ');
    if (PART_OF_COUNTRY.test(told)) {
      const cc = placed[0]!.c!.countryCode;
      const later = chosen.find((x) => x.c && x.c.kind !== 'country' && x.c.countryCode === cc && !isDateline(doc, x.m) && !x.m.near && !x.m.demonym &&
        x.m.sentence > placed[0]!.m.sentence && salience(doc, x.m) === 2);
      candidates = candidates.filter((x) => !placed.includes(x)).concat(later ? [later] : []);
    }
  }
  // "Insurgents raided an army post in the south of Borno State … The gunmen overran
  // the post in Ngamdu village, Kaga local government area": where the event's sentences name
  // only a province, the next sentences may say where in it; a place of that province told
  // there with 'in'/'at' narrows it down.
  if (inFocus.length > 0) {
    const last = Math.max(...inFocus.map((x) => x.m.sentence));
    // the first place of the next sentences that `inside` accepts, told with 'in'/'at' (or as a unit)
    const toldAfter = (inside: (c: GazPlace) => boolean, units: boolean, unique = false): Chosen | undefined => {
      for (let k = ap.firstAfter(doc.sentences[last]!.end - 1); k < chosen.length && chosen[k]!.m.sentence <= last + NARROWING_SENTENCES; k++) {
        const x = chosen[k]!;
        if (!x.c || !inside(x.c) || x.m.near || x.m.demonym || isDateline(doc, x.m)) continue;
        if (unique && new Set(x.m.candidates.filter(inside).map((c) => c.admin1Id)).size > 1) continue;
        if (salience(doc, x.m) === 2 || (units ? !!x.m.unit : x.m.unit === 'admin2')) return x;
      }
      return undefined;
    };
    const provs = candidates.filter((x) => x.c && x.c.kind !== 'country');
    const prov = provs[0]?.c;
    // The same where they name only the country ("killing 15 volunteers at checkpoints in
    // Thailand's south … The attack in Yala's Lam Phaya district"): a place of that country.
    const countries = new Set(candidates.filter((x) => x.c?.kind === 'country').map((x) => x.c!.countryCode));
    const narrower = prov && prov.kind === 'admin1' && provs.every((x) => x.c!.kind === 'admin1' && x.c!.id === prov.id)
      ? toldAfter((c) => c.admin1Id === prov.id && c.kind !== 'admin1', false)
      : provs.length === 0 && countries.size === 1
        // (a name found in several provinces of the country, 'Sabon Gari', is no clue without its province)
        ? ((cc: string) => toldAfter((c) => c.countryCode === cc && c.kind !== 'country', true, true))([...countries][0]!)
        : undefined;
    if (narrower) candidates = candidates.concat([narrower]);
  }

  // The admin1 the text is about: the one its focus mentions support most. A province it names
  // counts triple; a name after 'in'/'at' double ("in Paktika province"); a dateline
  // ("Islamabad, Pakistan –") and a reference point ("near Pakistan's South Waziristan") little;
  // a name repeated once ("near Vodyane, Donetsk ... near Vodyane"); the text's main country
  // half as much again.
  // A place 'near' which, after an earlier 'in X' of the same sentence, is a reference point:
  // "in the Barmal district of Afghanistan, near Pakistan's South Waziristan".
  const refPoints = new Set<PlaceMention>();
  // The candidates of a mention's sentence, in order (the whole text's where no focus narrows
  // them: comparing each with all took time quadratic in the text).
  const bySentence = new Map<number, Chosen[]>();
  for (const x of candidates) {
    let l = bySentence.get(x.m.sentence);
    if (!l) bySentence.set(x.m.sentence, (l = []));
    l.push(x);
  }
  const sameSentence = (x: Chosen): Chosen[] => bySentence.get(x.m.sentence) ?? [];
  for (const x of candidates) {
    // (Not after a place the gazetteer lacks: "in al-Madham area near Haditha" is best told by Haditha.)
    if (x.m.near && sameSentence(x).some((y) => y.c && y.m.sentence === x.m.sentence && y.m.end <= x.m.start && !y.m.near && salience(doc, y.m) === 2)) refPoints.add(x.m);
  }
  const support = new Map<number, number>();
  const counted = new Set<string>();
  // The first sentence of the event says where it was; later ones add background ("people
  // protested in Lviv … Sternenko stabbed a man … in Odessa on 24 May 2018").
  let first = Infinity;
  for (const x of candidates) if (x.c && x.m.sentence < first) first = x.m.sentence;
  for (const x of candidates) {
    if (!x.c || x.c.admin1Id < 0) continue;
    const key = `${x.m.text}\u0000${x.c.id}`;
    if (counted.has(key)) continue;
    counted.add(key);
    // A town of a country the article hardly points at, beside its main one ('Amaq' read as a
    // town of the United States in a story about Sri Lanka), is a stray reading, not the place.
    if (x.c.kind === 'place' && x.c.countryCode !== topCountry && (ap.weights.get(x.c.countryCode) ?? 0) < STRAY_COUNTRY_SHARE * (ap.weights.get(topCountry ?? '') ?? 0) &&
      candidates.some((y) => y.c?.countryCode === topCountry)) continue;
    const w = Math.max(0.5, x.score) * (x.c.kind === 'admin1' && (!x.m.fuzzy || x.m.unit === 'admin1') ? 3 : 1) * (refPoints.has(x.m) ? 0 : salience(doc, x.m)) *
      (x.c.countryCode === topCountry ? 1.5 : 1) * (x.m.sentence === first ? (inFocus.length === 0 ? LEDE_WEIGHT : 1.3) : 1);
    if (w <= 0) continue;
    support.set(x.c.admin1Id, (support.get(x.c.admin1Id) ?? 0) + w);
  }
  let dom = [...support.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? -1;
  // "in La Sabana, Guerrero", "in Cawayan, Masbate": a province written after a place and a
  // comma is the text's own hierarchy; a namesake of the place in another province does not
  // outweigh it.
  for (const y of candidates) {
    if (!y.c || (y.c.kind !== 'admin1' && y.c.kind !== 'admin2') || y.c.admin1Id < 0 || y.c.admin1Id === dom || y.m.fuzzy) continue;
    const x = sameSentence(y).find((z) => z.m.end <= y.m.start && z.m.sentence === y.m.sentence && /^\s*,\s*$/.test(doc.text.slice(z.m.end, y.m.start)));
    // Not in a list of provinces ("in Kabul, Ghor, Laghman and Balkh provinces"), nor a province
    // of another country ("Islamabad, FCT").
    if (!x || !x.c || x.c.kind !== 'place' || x.c.countryCode !== y.c.countryCode || x.c.admin1Id === y.c.admin1Id || x.m.near || refPoints.has(x.m)) continue;
    if (x.m.candidates.some((c) => c.kind === 'admin1') || /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)\p{Lu}/u.test(doc.text.slice(y.m.end, y.m.end + 12))) continue;
    dom = y.c.admin1Id;
    break;
  }
  // With no province in sight, a country the event's own sentences name ("killed in Syria")
  // outweighs the countries of the rest of the text (a soldier's home town in Virginia).
  const named = dom < 0 && inFocus.length > 0 ? candidates.filter((x) => x.c?.kind === 'country' && !x.m.demonym && !x.m.source && !refPoints.has(x.m)) : [];
  const focusCountry = named.length > 0 && named.every((x) => x.c!.countryCode === named[0]!.c!.countryCode) ? named[0]!.c!.countryCode : null;
  const country = dom >= 0 ? gaz.get(dom).countryCode : focusCountry ?? topCountry;
  const pool = candidates.filter((x) => !x.c || !country || x.c.countryCode === country);

  // The most specific mention inside that admin1; a dateline only where nothing else is in it
  // ("PESHAWAR: … a convoy in North Waziristan's Mir Ali area": North Waziristan, not Peshawar).
  let pick: Chosen | null = null;
  const inDom = (x: Chosen) => !!x.c && (dom < 0 || x.c.admin1Id === dom || x.c.kind === 'country') && !refPoints.has(x.m);
  const datelineOnly = pool.some((x) => inDom(x) && x.c?.kind !== 'country' && !isDateline(doc, x.m));
  // The event's first sentence with a place says where it was; a later sentence only narrows it
  // down ("… in Mastung district on Friday. … The injured have been shifted to Quetta": Mastung,
  // not Quetta; "in Paktika province … The strikes hit Barmal district": Barmal).
  let firstSentence = Infinity;
  for (const x of pool) if (inDom(x) && x.c!.kind !== 'country' && !(datelineOnly && isDateline(doc, x.m))) firstSentence = Math.min(firstSentence, x.m.sentence);
  for (const x of pool) {
    if (!inDom(x) || (datelineOnly && isDateline(doc, x.m))) continue;
    if (pick && x.m.sentence > firstSentence && pick.m.sentence === firstSentence && KIND_RANK[pick.c!.kind] >= KIND_RANK.admin2 &&
      pick.c!.id !== x.c!.id && !gaz.contains(pick.c!, x.c!)) continue;
    if (!pick || KIND_RANK[x.c!.kind] > KIND_RANK[pick.c!.kind]) pick = x;
  }

  // Several districts of one province named together: the province, at precision 3
  // ("in Dawlat Abad, Balkh, Charbolak and Sholgara districts of Balkh province").
  const admin2s = new Set(pool.filter((x) => x.c && x.c.kind === 'admin2' && x.c.admin1Id === dom).map((x) => x.c!.id));
  if (admin2s.size >= 3) {
    const prov = pool.find((x) => x.c && x.c.id === dom);
    if (prov) return fromPick(prov, ap, gaz, ev, doc);
  }

  // What the text says against the gazetteer: a name it puts inside the province although the
  // gazetteer does not know it there ("in Buleda (Kech, Balochistan)", "in Surobi district,
  // Kabul", a district GeoNames files under its old province).
  const domPlace = dom >= 0 ? gaz.get(dom) : null;
  for (const x of pool) {
    if (x.c && x.c.admin1Id === dom) continue;
    if (x.c && x.c.kind === 'country') continue;
    // An abbreviation or a namesake abroad is no place the gazetteer lacks ("held by the KIA in
    // Kachin State": the KIA is the Kachin Independence Army).
    if (!x.c && (x.foreign || isAbbrev(x.m.text))) continue;
    let paren: RegExpExecArray | null = PAREN_HIERARCHY.exec(doc.text.slice(x.m.end, x.m.end + 90));
    if (!paren) {
      // "X (A)" only where A is a province or district the text's place lies in: not an
      // acronym ("Pashtun Tahafuz Movement (PTM)") nor another name ("Qazi (Qaziyan) village").
      const one = PAREN_ONE.exec(doc.text.slice(x.m.end, x.m.end + 60));
      const end = one ? x.m.end + one[0].length : 0;
      if (one && someBetween(ap, x.m.end, end, (z) => !!z.c && (z.c.kind === 'admin1' || z.c.kind === 'admin2') && (z.c.id === dom || z.c.admin1Id === dom) &&
        z.m.start > x.m.end && z.m.end < end)) paren = one;
    }
    const isDistrict = x.m.unit === 'admin2';
    // "near Vodyane, Donetsk": a name and, after a comma, the province.
    const commaProvince = !paren && !isDistrict && domPlace !== null && followedByProvince(ap, x, dom, doc);
    // "Bara town in Idleb countryside", "the village of X in the countryside of Hama": the
    // province right after 'in'/'of'.
    const inProvince = !paren && !isDistrict && !commaProvince && domPlace !== null && provinceAfterIn(ap, x, dom, doc);
    if (!paren && !isDistrict && !commaProvince && !inProvince) continue;
    const container = domPlace ? inside(ap, x, dom) : null;
    if (!container) continue;
    const rank = paren ? 3 : 2;
    // The pick may be the container itself read as its namesake town ("Dihdadi district, Balkh":
    // Balkh the town): then the district the text names wins.
    if (pick && pick.m !== container.m && pick.c && KIND_RANK[pick.c.kind] > rank) continue;
    if (pick && pick.m !== container.m && pick.c && KIND_RANK[pick.c.kind] === rank && pick.m.start < x.m.start) continue;
    // ("in the Mir Ali area of North Waziristan": the district the text puts it in is its admin2)
    return fromText(x, domPlace!, ap, gaz, ev, doc, inProvince && container.c?.kind === 'admin2' ? container : undefined);
  }

  // A place the gazetteer knows only elsewhere, or not at all, where a context clue names the
  // provinces ("the OSCE SMM observed … near Mineralne"): the place as the text names it, in the
  // province the clues point at most.
  if (!pick || !pick.c || pick.c.kind === 'country') {
    const fb = candidates.find((x) => x.regionFallback && !refPoints.has(x.m));
    const region = fb ? memo(ap, 'clue-region', () => clueRegion(places, gaz)) : null;
    if (fb && region) return fromText(fb, region, ap, gaz, ev, doc);
  }
  // A place the gazetteer lacks, which the text presents as one ('the Syrian town of Dabiq'),
  // with nothing more precise than its country: the place as the text names it, in that
  // country, without coordinates (a country's centre would mislead on a map).
  if ((!pick || !pick.c || pick.c.kind === 'country') && country) {
    const u = candidates.find((x) => !x.c && !x.foreign && !x.m.demonym && !x.m.source && !x.m.near && !refPoints.has(x.m) && !isAbbrev(x.m.text));
    // ... in the one province the article's places of that country all lie in ("a junta air
    // raid on Pazigyi village … in Sagaing Region"): under it, by name, at its coordinates.
    const sole = u ? memo(ap, `sole-province\u0000${country}`, () => soleProvince(ap, country, gaz)) : null;
    if (u && sole) return fromText(u, sole, ap, gaz, ev, doc);
    if (u) {
      const e = [ev(u.m)];
      return {
        ...none,
        country: { value: gaz.countryName(country), evidence: pick?.c ? [ev(pick.m)] : e, rule: 'place.country-context', derived: true },
        location: { value: textName(u.m), evidence: e, rule: 'place.location-text-unknown' },
      };
    }
  }
  if (!pick || !pick.c) {
    if (!country) return none;
    const cm = memo(ap, `country-mention\u0000${country}`, () => places.find((m) => !m.source && m.candidates.some((c) => c.countryCode === country)));
    if (!cm) return none;
    return { ...none, country: { value: gaz.countryName(country), evidence: [ev(cm)], rule: 'place.country-context', derived: true } };
  }
  // "Police were ambushed … in Michoacan state. … at a house in El Chorro, a village in the
  // municipality of Aguililla": where the event's sentences give only the province (or the
  // dateline), a district of that province the text names as a district anywhere, and no other
  // district of it, is where it happened.
  if (dom >= 0 && (pick.c.kind === 'admin1' || isDateline(doc, pick.m))) {
    const d = memo(ap, `named-district\u0000${dom}`, () => namedDistrict(doc, ap, dom, gaz));
    if (d) return fromPick(d, ap, gaz, ev, doc);
  }
  return fromPick(pick, ap, gaz, ev, doc);
}

/**
 * Words before a district that put the event in it: 'in the municipality of', 'at the district
 * of', or 'in (the)' before 'X district' (not 'had come from X district').
 */
const IN_DISTRICT = /\b(?:in|at)\s+(?:the\s+)?(?:(?:municipality|district|county|tehsil|raion|local government area|territory)\s+of\s+)?$/i;
const DISTRICT_OF = /\b(?:municipality|district|county|tehsil|raion|local government area|territory)\s+of\s+$/i;

/**
 * The one district of province `dom` that the text names as a district ("in the municipality of
 * X", "X district"), as a Chosen at that district; null where it names none or several.
 */
function namedDistrict(doc: Doc, ap: ArticlePlaces, dom: number, gaz: Gazetteer): Chosen | null {
  let found: Chosen | null = null;
  for (const x of ap.chosen) {
    if (x.m.near || x.m.demonym || x.m.source || isDateline(doc, x.m)) continue;
    const c = x.m.candidates.find((k) => k.kind === 'admin2' && k.admin1Id === dom);
    if (!c) continue;
    const before = doc.text.slice(Math.max(0, x.m.start - 50), x.m.start);
    if ((x.m.unit !== 'admin2' && !DISTRICT_OF.test(before)) || !IN_DISTRICT.test(before)) continue;
    if (found && found.c!.id !== c.id) return null;
    found ??= { ...x, c };
  }
  if (!found) return null;
  const d = found.c!;
  // Every other place of the province the text names lies in that district ("in Maradun and
  // Bakura local government areas", "Nacotuco in Macomia district … two villagers in Nangade
  // district": no one district).
  for (const x of ap.chosen) {
    if (!x.c || x.c.admin1Id !== dom || x.c.kind === 'admin1' || x.c.kind === 'country' || x.m.demonym || x.m.source || isDateline(doc, x.m)) continue;
    if (x.c.id !== d.id && !gaz.contains(d, x.c)) return null;
  }
  return found;
}

/** The one province that every resolved place of the country in the article lies in, or null. */
function soleProvince(ap: ArticlePlaces, country: string, gaz: Gazetteer): GazPlace | null {
  let a1 = -1;
  for (const x of ap.chosen) {
    if (!x.c || x.m.demonym || x.m.source || x.c.kind === 'country' || x.c.countryCode !== country || x.score < 0) continue;
    if (x.c.admin1Id < 0 || (a1 >= 0 && x.c.admin1Id !== a1)) return null;
    a1 = x.c.admin1Id;
  }
  return a1 >= 0 ? gaz.get(a1) : null;
}

/** A value worked out once per article. */
function memo<T>(ap: ArticlePlaces, key: string, f: () => T): T {
  if (ap.memo.has(key)) return ap.memo.get(key) as T;
  const v = f();
  ap.memo.set(key, v);
  return v;
}

/** Whether a chosen mention starting after `after` and before `before` passes `test` (in text order: bisected). */
function someBetween(ap: ArticlePlaces, after: number, before: number, test: (z: Chosen) => boolean): boolean {
  if (!ap.ordered) return ap.chosen.some(test);
  for (let i = ap.firstAfter(after); i < ap.chosen.length && ap.chosen[i]!.m.start < before; i++) if (test(ap.chosen[i]!)) return true;
  return false;
}

/**
 * A place of the clue's provinces whose name differs from the text's only in its Slavic ending
 * ('Holubivske' / 'Holubivka', 'Troitske' / 'Troitskoye'): the same stem of five letters or
 * more, such places in one province only. The event is then near it (the mention is marked so).
 */
function stemInRegion(m: PlaceMention, regions: Set<number>, gaz: Gazetteer): GazPlace | null {
  const key = nameKey(m.text);
  const stem = key.replace(SLAVIC_ENDING, '');
  if (stem.length < 5 || stem.includes(' ') || stem === key && key.length < 6) return null;
  let found: GazPlace | null = null;
  // The prefix range is walked far (a common stem such as 'novos' has some 180 places worldwide)
  // before the region filter: a short limit cut off the right village without a sign.
  for (const id of gaz.lookupPrefix(stem, 1000)) {
    const c = gaz.get(id);
    if (c.kind !== 'place' || !regions.has(c.admin1Id)) continue;
    const rest = nameKey(c.name).slice(stem.length);
    if (!nameKey(c.name).startsWith(stem) || !SLAVIC_ENDING_WHOLE.test(rest)) continue;
    // Several such places: still one province, or no answer.
    if (found && found.id !== c.id && found.admin1Id !== c.admin1Id) return null;
    found ??= c;
  }
  if (found) m.near = true;
  return found;
}
const SLAVIC_ENDING = /(?:s[ck]oye|s[ck]oe|s[ck]e|s[ck]yi|s[ck]iy|ivka|ovka|yevka|ka|ove|ovo|ovoye|ne|noye|nyi|e|ye|ie|a|o|i|y)$/;
// What may follow the stem in the gazetteer's name: an ending, after an optional suffix the text's
// ending swallowed ('Holubivka' → stem 'holub', gazetteer 'Holubivske' → 'iv' + 'ske').
const SLAVIC_ENDING_WHOLE = /^(?:iv|ov|ev|yev)?(?:s[ck]oye|s[ck]oe|s[ck]e|s[ck]yi|s[ck]iy|ivka|ovka|yevka|ka|ove|ovo|ovoye|ne|noye|nyi|e|ye|ie|a|o|i|y)?$/;

/**
 * The province the text's context clues point at most: counted over the clues, ties going to the
 * province a clue lists first (country-names.json lists a clue's provinces most-reported first).
 */
function clueRegion(places: PlaceMention[], gaz: Gazetteer): GazPlace | null {
  const score = new Map<number, number>();
  for (const m of places) {
    if (!m.regions) continue;
    m.regions.forEach((r, k) => score.set(r, (score.get(r) ?? 0) + 1 - k * 0.01));
  }
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? gaz.get(best[0]) : null;
}

/** A part of a country named by its direction: 'in southern Lebanon', 'in the north of Iraq', "Niger's restive southwest region", 'the western part of'. */
/** Below this share of the main country's weight, a town's country is a stray reading (see resolveIn). */
const STRAY_COUNTRY_SHARE = 0.25;

/** How many sentences after an event's own a place may narrow down its province (see resolveIn). */
const NARROWING_SENTENCES = 2;
/** Where an event's own sentences name no place ("Four women were among those detained"), the
 *  text's first sentence with a place says where the story is; a province named later as the
 *  subject of talk ("the situation in <province>") weighs less than it. */
const LEDE_WEIGHT = 5;
const PART_OF_COUNTRY = /\b(?:in|across|on)\s+(?:the\s+)?(?:(?:(?:far|deep)\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+\p{Lu}|(?:north|south|east|west)\s+of\s+(?:the\s+)?\p{Lu})|\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:part|parts|region|regions|border|borderlands)\b/u;

/** How much a mention says "the event was here" (see resolveLocation). */
function salience(doc: Doc, m: PlaceMention): number {
  if (m.near) return 0.5;
  // Where the wounded were taken is not where they were hurt: "taken to hospitals in Erbil".
  if (TAKEN_TO.test(doc.text.slice(Math.max(0, m.start - 60), m.start))) return 0.2;
  const before = doc.text.slice(Math.max(0, m.start - 12), m.start);
  if (/\b(?:in|at|inside|across|into)\s+(?:the\s+)?$/i.test(before)) return 2;
  if (isDateline(doc, m)) return 0.2;
  return 1;
}

/**
 * A dateline: the text's first words, followed by a comma, dash or colon ("Islamabad, Pakistan –",
 * "MOGADISHU, Somalia (AP) —", "PESHAWAR:"). It says where the report was written.
 */
function isDateline(doc: Doc, m: PlaceMention): boolean {
  const p = doc.paragraphs[0];
  // (an agency in parentheses may come first: 'BEIRUT (AP) —', 'KHARKIV (Reuters) -')
  if (m.start >= 40 || !p || m.start < p.start || !/^\s*(?:\([^()]{1,30}\)\s*)?[,–—:-]/.test(doc.text.slice(m.end, m.end + 36))) return false;
  // Only capitalised names before it ('ISLAMABAD, Pakistan'), not a sentence's words ('On 9 May
  // 2020, in Maiwand, Kandahar').
  const before = doc.text.slice(p.start, m.start);
  // (what comes before is the dateline's first name and a comma: 'Near Mosul, a car bomb …'
  // opens a sentence, not a dateline)
  return (before.trim() === '' || /,\s*$/.test(before)) && !/[.!?\d]/.test(before) && !/(?:^|[\s,(])\p{Ll}/u.test(before);
}

/** "X, Donetsk": the next mention, after only a comma, is the province `dom`. */
function followedByProvince(ap: ArticlePlaces, x: Chosen, dom: number, doc: Doc): boolean {
  for (const y of ap.ordered ? ap.chosen.slice(ap.firstAfter(x.m.end), ap.firstAfter(x.m.end) + 1) : ap.chosen) {
    if (y.m.start <= x.m.end) continue;
    return !!y.c && (y.c.id === dom || (y.c.kind === 'admin2' && y.c.admin1Id === dom)) && /^\s*,\s*$/.test(doc.text.slice(x.m.end, y.m.start));
  }
  return false;
}

/** "X town in Y countryside", "the X area of Y district": the next mention, after only 'in'/'of' words, is the province `dom` or a district of it. */
function provinceAfterIn(ap: ArticlePlaces, x: Chosen, dom: number, doc: Doc): boolean {
  for (const y of ap.ordered ? ap.chosen.slice(ap.firstAfter(x.m.end), ap.firstAfter(x.m.end) + 1) : ap.chosen) {
    if (y.m.start <= x.m.end) continue;
    return !!y.c && (y.c.id === dom || (y.c.kind === 'admin2' && y.c.admin1Id === dom)) && y.m.sentence === x.m.sentence && IN_PROVINCE_BETWEEN.test(doc.text.slice(x.m.end, y.m.start));
  }
  return false;
}
const IN_PROVINCE_BETWEEN = /^\s*(?:town|village|city|area)?\s*,?\s*(?:in|of)\s+(?:the\s+)?(?:[a-z]+ern\s+)?(?:countryside\s+of\s+(?:the\s+)?)?$/i;

/** The mention after x, within the sentence, that puts it inside admin1 `dom`, or null. */
function inside(ap: ArticlePlaces, x: Chosen, dom: number): Chosen | null {
  const from = ap.ordered ? ap.firstAfter(x.m.end, true) : 0;
  for (let i = from; i < ap.chosen.length; i++) {
    const y = ap.chosen[i]!;
    if (ap.ordered && y.m.start - x.m.end > 90) break;
    if (!y.c || y.m.sentence !== x.m.sentence || y.m.start < x.m.end || y.m.start - x.m.end > 90) continue;
    if (y.c.id === dom || y.c.admin1Id === dom) return y;
  }
  return null;
}

/** The name as the text writes it, without a unit word inside the mention ('Kech District' → 'Kech'). */
function textName(m: { text: string }): string {
  return m.text.replace(/\s+(?:District|Province|City|Town|Village|Governorate|State|Region|Tehsil|Agency)$/i, '');
}

/** The skeleton of a name, its glued article dropped ('Aljfara' as 'Jfara'). */
const skel = (s: string) => {
  const k = nameKey(s);
  return skeleton(GLUED_ARTICLE.test(k) ? k.slice(2) : k);
};

/**
 * The name to report for an admin unit. A province: the gazetteer's, which follows ACLED's names
 * (the text's 'Sulaimani', 'Duhok', 'Baluchistan', 'SWEIDA' are ACLED's Sulaymaniyah, Dahuk,
 * Balochistan, As-Sweida; measured: news-dev admin1 0.88 → 0.92, re3d-news 0.69 → 0.94; on the
 * 2020 notes, which spell provinces as ACLED then did, 0.94 → 0.93: their 'Banadir' and 'Fizuli'
 * against the gazetteer's 'Banaadir' and 'Fuzuli'), with the
 * text's naming mention as evidence. A district: as the text spells it where the text names it (by
 * a mention resolved to it or lying in it whose spelling differs only in transliteration:
 * 'Tarinkot' for GeoNames' 'Tarīn Kōṯ'), else the gazetteer's: GeoNames' district names are
 * further from ACLED's than the news' own spellings (acled-2020-afpak admin2 0.92 against 0.67).
 * Except where GeoNames writes the district in plain Latin letters outside the countries of
 * TEXT_SPELLED_DISTRICTS: such a name is an administration's or the humanitarian datasets'
 * romanisation ('Penjwin', 'Dokan', 'Nassriya', 'Nushki'), the conflict data's too, while the news
 * spells the town after which the district is named as it likes ('Penjwen', 'Noshki'); a name with
 * diacritics ('Ḩarīb') is a scholarly transliteration no one writes (news-dev admin2
 * 0.680 → 0.720, acled-2020 0.705 → 0.706, acled-2020-afpak unchanged).
 */
function adminField(unit: GazPlace, ap: ArticlePlaces, ev: (m: PlaceMention) => Evidence, fallback: Evidence[], rule: string): Field<string> {
  const x = memo(ap, `admin\u0000${unit.id}`, () => namingMention(unit, ap));
  if (x) {
    const gazName = rule === 'place.admin1' || (rule === 'place.admin2' && gazetteerSpelled(unit));
    return { value: gazName ? textName({ text: plainName(unit.name) }) : textName(x.m), evidence: [ev(x.m)], rule: `${rule}-named` };
  }
  return { value: plainName(unit.name), evidence: fallback, rule: `${rule}-gazetteer`, derived: true };
}

/**
 * Countries whose districts are written as the text spells them, though GeoNames has a plain Latin
 * name (see adminField), each with its reason.
 */
const TEXT_SPELLED_DISTRICTS: ReadonlyMap<string, string> = new Map([
  ['AF', "GeoNames writes Afghan districts in a romanisation of its own ('Puli Khumri', 'Chahar Dara', 'Chak-e Wardak') that neither the news nor the conflict data use (acled-2020-afpak admin2 0.901 → 0.864 when read from it)"],
]);
const PLAIN_LATIN = /^[A-Za-z' -]+$/;

/** Whether a district is reported by the gazetteer's name even where the text names it (see adminField). */
function gazetteerSpelled(unit: GazPlace): boolean {
  return unit.kind === 'admin2' && !TEXT_SPELLED_DISTRICTS.has(unit.countryCode) && PLAIN_LATIN.test(unit.name);
}

/** The first mention that names `unit` as adminField reads it (over the mentions in it: ap.inUnit). */
function namingMention(unit: GazPlace, ap: ArticlePlaces): Chosen | null {
  const want = skel(unit.name);
  for (const x of ap.inUnit.get(unit.id) ?? []) {
    if (!x.c || (x.c.id !== unit.id && x.c.admin1Id !== unit.id && x.c.admin2Id !== unit.id)) continue;
    // The text's name of the unit: a spelling of the gazetteer's, or any name by which the
    // text names the unit itself ('Almargeb' for Murqub), unless an abbreviation ('KP').
    if (skel(textName(x.m)) !== want && (x.c.id !== unit.id || isAbbrev(x.m.text) || x.m.rural)) continue;
    return x;
  }
  return null;
}

function precisionOf(m: PlaceMention, kind: GazPlace['kind']): number {
  if (kind === 'place') return m.near || m.unit === 'area' ? 2 : 1;
  return kind === 'admin2' ? 2 : 3;
}

function fromPick(pick: Chosen, ap: ArticlePlaces, gaz: Gazetteer, ev: (m: PlaceMention) => Evidence, doc: Doc): ResolvedLocation {
  let c = pick.c!;
  const e = [ev(pick.m)];
  const field = <T>(value: T, rule: string, derived: boolean, evidence = e): Field<T> => ({ value, evidence, rule, ...(derived ? { derived } : {}) });
  const precision = precisionOf(pick.m, c.kind);
  let location: Field<string> | null = c.kind === 'country' ? null : field(textName(pick.m), `place.location-${c.kind}`, false);
  // A province alone ("in Helmand province"): reported, as ACLED does, at its capital, which
  // gives the district and the coordinates; the precision stays 3.
  if (c.kind === 'admin1' && c.seatId >= 0) {
    const seat = gaz.get(c.seatId);
    if (skel(seat.name) !== skel(textName(pick.m))) location = field(plainName(seat.name), 'place.location-province-capital', true);
    c = seat;
  }
  let admin1 = c.admin1Id < 0 ? null : adminField(gaz.get(c.admin1Id), ap, ev, e, 'place.admin1');
  let admin2 = c.admin2Id < 0 ? null : adminField(gaz.get(c.admin2Id), ap, ev, e, 'place.admin2');
  // A town is in the district of its own name where its province has one: GeoNames files some
  // capitals in a neighbouring district ('Baghdad' in Al Rusafa, 'Najaf' in Kufa, though both
  // provinces have a district of the city's name, governed from it).
  if (admin2 && c.kind === 'place') {
    const own = namesakeDistrict(c, gaz);
    if (own) admin2 = adminField(own, ap, ev, e, 'place.admin2');
    // In Russia and Belarus a city of oblast significance is a district of its own (an urban
    // okrug, 'Belgorod Municipality'), no part of the rural raion named after it that GeoNames
    // files it in ('Belgorod' in Belgorodskiy raion, 'Lida' in Lidskiy).
    else if (OWN_OKRUG.has(c.countryCode) && c.population >= OKRUG_POP && adjectiveOf(gaz.get(c.admin2Id).name, c.name)) admin2 = cityDistrict(c, ap, ev);
  }
  // A town GeoNames files in no district, though its province has a district of its name (towns
  // of the newer GeoNames extract come without district codes): that district, as for a town
  // filed in another ('Mocimboa da Praia' district of its town).
  if (!admin2 && c.kind === 'place' && c.admin2Id < 0) {
    const own = districtNamedAfter(c, gaz);
    // The text's name of the town names the district too, in the text's spelling (see adminField).
    if (own) admin2 = c === pick.c && skel(textName(pick.m)) === skel(own.name) ? field(textName(pick.m), 'place.admin2-town-named', false) : adminField(own, ap, ev, e, 'place.admin2');
  }
  // No district in GeoNames (Syria, Lebanon, Libya, Iran): the district named after the nearest
  // seat; a city of CITY_SEAT_POP is the seat of its own ('Mahabad', not Naqadeh 40 km off).
  if (!admin2 && c.kind === 'place') {
    const seat = c.seat <= 2 || c.population >= CITY_SEAT_POP ? c : gaz.nearestSeat(c, 40);
    // (the district the seat governs, where GeoNames files the seat in none: Lebanon's cazas)
    const governed = seat && seat.admin2Id < 0 ? gaz.districtGovernedFrom(seat) : null;
    if (governed) admin2 = adminField(governed, ap, ev, e, 'place.admin2');
    else if (seat) {
      const named = memo(ap, `seat\u0000${seat.id}`, () => (ap.inUnit.get(seat.id) ?? []).find((x) => x.c?.id === seat.id && skel(textName(x.m)) === skel(seat.name)));
      admin2 = named
        ? field(textName(named.m), 'place.admin2-seat-named', false, [ev(named.m)])
        : field(plainName(seat.name), 'place.admin2-nearest-seat', true);
    }
  }
  // "in Nusay district": the text says the name is a district, though the gazetteer knows only
  // the town; the district is read from the text.
  // (Not 'a sub-district of X' where X governs the gazetteer's district: 'the Zalan sub-district of
  // Chwarta' names Sharbazher district by its seat; 'X district' itself may be newer than GeoNames'
  // districts, as Afghanistan's 'Nusay district' is.)
  if (pick.m.unit === 'admin2' && pick.c!.kind === 'place' && (!admin2 || admin2.derived) && !(admin2 && governs(c, gaz) && SUBDISTRICT_OF.test(doc.text.slice(Math.max(0, pick.m.start - 20), pick.m.start)))) {
    admin2 = field(textName(pick.m), 'place.admin2-text', false);
  }
  // "Hyderabad city (Hyderabad, Sindh)": the text's own district where the gazetteer has none.
  const paren = parenAfter(pick.m, doc, ev);
  if (paren && c.kind === 'place' && (!admin2 || admin2.derived) && !isAbbrev(paren.a.text)) {
    admin2 = { value: textName(paren.a), evidence: [paren.a], rule: 'place.admin2-parenthesis' };
  }
  // "Qoryoley (Qoryooley, Lower Shabelle)": the province as the text names it, where the
  // gazetteer's name for it is another spelling or another language ('Shamal Sina' for North Sinai).
  if (paren && (!admin1 || admin1.derived)) {
    const b = paren1(paren.b, admin1);
    if (b) admin1 = b;
  }
  // A district named after its province ('Irbil' district of Erbil governorate, 'Raqqa' of
  // Ar-Raqqa) is one name in two spellings: the province's, which follows the convention of the
  // conflict data (see adminField), serves both.
  // (Not a province's name with its unit word: 'Belgorod Oblast' names no district.)
  if (admin2 && admin1 && admin2.value !== admin1.value && skel(admin2.value) === skel(admin1.value) && nameKey(admin1.value) === foldName(admin1.value)) {
    admin2 = { ...admin2, value: admin1.value };
  }
  const sar = SAR_OF_CHINA.get(c.countryCode);
  // A special administrative region of China: its districts are the second level (see SAR_OF_CHINA).
  // (a district named alone is the place, not its seat: 'Yuen Long', not Yuen Long Kau Hui)
  if (sar) return { ...placeFields(c, pick.c!.kind === 'admin1' ? field(textName(pick.m), 'place.location-admin1', false) : location, precision, pick, e), country: field('China', 'place.country-sar', true), admin1: field(sar, 'place.admin1-sar', true), admin2: admin1 };
  return {
    country: field(c.country, 'place.country-gazetteer', true),
    admin1,
    admin2,
    location,
    latitude: field(round4(c.lat), 'place.gazetteer-coordinates', true),
    longitude: field(round4(c.lon), 'place.gazetteer-coordinates', true),
    geo_precision: field(precision, pick.m.near ? 'place.precision-near' : `place.precision-${pick.c!.kind}`, true),
  };
}

/**
 * Regions GeoNames files as countries that the conflict data codes as a province of China, their
 * districts (GeoNames' first level) as its second: 'Yuen Long' is China, Hong Kong, Yuen Long.
 */
const SAR_OF_CHINA: ReadonlyMap<string, string> = new Map([['HK', 'Hong Kong'], ['MO', 'Macau']]);

/** The coordinates, location and precision fields of a resolved place. */
function placeFields(c: GazPlace, location: Field<string> | null, precision: number, pick: Chosen, e: Evidence[]): Omit<ResolvedLocation, 'country' | 'admin1' | 'admin2'> {
  const field = <T>(value: T, rule: string): Field<T> => ({ value, evidence: e, rule, derived: true });
  return {
    location,
    latitude: field(round4(c.lat), 'place.gazetteer-coordinates'),
    longitude: field(round4(c.lon), 'place.gazetteer-coordinates'),
    geo_precision: field(precision, pick.m.near ? 'place.precision-near' : `place.precision-${pick.c!.kind}`),
  };
}

/** 'a sub-district of ' right before a name: the name is the district's (a nahiya lies in a district named after its seat). */
const SUBDISTRICT_OF = /\bsub-?district\s+of\s+(?:the\s+)?$/i;
/** Whether a town is the seat of the district the gazetteer files it in. */
const governs = (c: GazPlace, gaz: Gazetteer) => c.admin2Id >= 0 && gaz.get(c.admin2Id).seatId === c.id;

/** A town of this size is the seat of its district, whether or not GeoNames marks it so (see fromPick). */
const CITY_SEAT_POP = 100000;

/**
 * The district of a town's province named after the town, where GeoNames puts the town in
 * another; null if the town's own district bears its name (by any of the town's names:
 * 'Chaghcharan' district of the town GeoNames calls Fayrōz Kōh) or there is no such district.
 */
function namesakeDistrict(c: GazPlace, gaz: Gazetteer): GazPlace | null {
  const d = gaz.get(c.admin2Id);
  if (skel(d.name) === skel(c.name) || gaz.lookup(nameKey(d.name)).includes(c.id)) return null;
  return districtNamedAfter(c, gaz, d.id);
}

/** The district of a town's province that bears the town's name (other than `not`), or null. */
function districtNamedAfter(c: GazPlace, gaz: Gazetteer, not = -1): GazPlace | null {
  if (c.admin1Id < 0) return null;
  const capital = CAPITAL_DISTRICT.find((r) => r.country === c.countryCode);
  for (const key of [nameKey(c.name), ...(capital ? [nameKey(`${capital.prefix} ${c.name}`)] : [])]) {
    for (const id of gaz.lookup(key)) {
      const o = gaz.get(id);
      if (o.kind === 'admin2' && o.admin1Id === c.admin1Id && o.id !== not) return o;
    }
  }
  return null;
}

/**
 * Countries whose provinces' capital districts are named by a word and the province's (or its
 * capital's) name, a word the news writes alone as the district's name.
 */
const CAPITAL_DISTRICT: readonly { country: string; prefix: string; word: RegExp; reason: string }[] = [
  {
    country: 'TH', prefix: 'Mueang', word: /^(?:mueang|muang|muaeng)$/,
    reason: "each province's capital district is Amphoe Mueang <province> ('Mueang Yala'); the news writes 'Muang district' of the province",
  },
];

/** "in Muang district" of a province: that province's capital district, or null. */
function capitalDistrictOf(name: string, prov: GazPlace, gaz: Gazetteer): GazPlace | null {
  const rule = CAPITAL_DISTRICT.find((r) => r.country === prov.countryCode && r.word.test(nameKey(name)));
  if (!rule) return null;
  const id = gaz.lookup(nameKey(`${rule.prefix} ${plainName(prov.name)}`)).find((i) => gaz.get(i).kind === 'admin2' && gaz.get(i).admin1Id === prov.id);
  return id === undefined ? null : gaz.get(id);
}

/** Countries where a city of oblast significance is its own district, apart from the raion named after it. */
const OWN_OKRUG = new Set(['RU', 'BY']);
/** The size from which a town is taken for a city of oblast significance (see fromPick). */
const OKRUG_POP = 50000;
/** Whether a district's name is the adjective of a town's ('Belgorodskiy' of Belgorod, 'Lidskiy' of Lida). */
function adjectiveOf(district: string, town: string): boolean {
  const d = nameKey(district);
  const t = nameKey(town).replace(/[aeiouy]$/, '');
  return d.startsWith(t) && /^[a-z]{0,3}s?k(?:iy|ii|yi|y|i|aya|oy)$/.test(d.slice(t.length));
}

/** A city's own district: its name, as the text writes it where the text names the city. */
function cityDistrict(c: GazPlace, ap: ArticlePlaces, ev: (m: PlaceMention) => Evidence): Field<string> {
  const named = memo(ap, `seat\u0000${c.id}`, () => (ap.inUnit.get(c.id) ?? []).find((x) => x.c?.id === c.id && skel(textName(x.m)) === skel(c.name)));
  return named
    ? { value: textName(named.m), evidence: [ev(named.m)], rule: 'place.admin2-city-named' }
    : { value: plainName(c.name), evidence: [], rule: 'place.admin2-city', derived: true };
}

/** The "(A, B)" after a mention, as evidence spans. */
function parenAfter(m: PlaceMention, doc: Doc, ev: (m: PlaceMention) => Evidence): { a: Evidence; b: Evidence } | null {
  const after = doc.text.slice(m.end, m.end + 90);
  const p = PAREN_HIERARCHY.exec(after);
  if (!p) return null;
  const aStart = m.end + after.indexOf(p[1]!, p[0].indexOf('('));
  const bStart = m.end + after.indexOf(p[2]!, aStart - m.end + p[1]!.length);
  const span = (start: number, text: string) => ev({ start, end: start + text.length, text, sentence: m.sentence, candidates: [] });
  return { a: span(aStart, p[1]!), b: span(bStart, p[2]!) };
}

/**
 * The province named last in "(A, B)", to report where the gazetteer gave none or only derived
 * one: the text's spelling, unless it is an abbreviation ('KPK') or names another province of
 * the gazetteer than the one found.
 */
function paren1(b: Evidence, current: Field<string> | null): Field<string> | null {
  if (isAbbrev(b.text) || !/^\p{Lu}/u.test(b.text)) return null;
  // A district the gazetteer knows ('(Diguel, Soum)': Soum is a province of Burkina Faso's Sahel
  // region, GeoNames' admin2) is no admin1.
  {
    const gaz = loadGazetteer();
    const kinds = gaz.lookup(nameKey(b.text)).map((id) => gaz.get(id).kind);
    if (kinds.includes('admin2') && !kinds.includes('admin1')) return null;
  }
  if (current && skel(current.value) !== skel(b.text)) {
    // Another name for the same province is fine; a different province of the gazetteer is not.
    const gaz = loadGazetteer();
    const ids = gaz.lookup(nameKey(b.text));
    if (ids.some((id) => gaz.get(id).kind === 'admin1')) return null;
  }
  return { value: textName(b), evidence: [b], rule: 'place.admin1-parenthesis' };
}

const isAbbrev = (s: string) => /^[A-Z&]{1,4}$/.test(s.trim());

/**
 * A place the text puts inside a province although the gazetteer does not know it there: its
 * name and district are read from the text, its province is the one the text names; coordinates
 * are its own where the gazetteer has a namesake within 100 km of the province, else the
 * province's (precision 2 then, as the coordinates are the unit's).
 */
function fromText(x: Chosen, prov: GazPlace, ap: ArticlePlaces, gaz: Gazetteer, ev: (m: PlaceMention) => Evidence, doc: Doc, district?: Chosen): ResolvedLocation {
  const e = [ev(x.m)];
  const paren = parenAfter(x.m, doc, ev);
  // Coordinates: the place's own namesake near the province, else the district the text names
  // in "(Kech, Balochistan)" or "the X area of Y district", else the province's.
  let coordFrom: GazPlace = district?.c ?? prov;
  for (const c of x.m.candidates) {
    if (c.countryCode === prov.countryCode && km(c.lat, c.lon, prov.lat, prov.lon) < 100) { coordFrom = c; break; }
  }
  if (coordFrom === prov && paren) {
    // The district named, or its namesake town (its seat, as a rule): "Setharja town (Khairpur, Sindh)".
    const at = ap.ordered ? ap.chosen[ap.firstAfter(paren.a.start, true)] : ap.chosen.find((z) => z.m.start === paren.a.start);
    const y = at?.m.start === paren.a.start ? at : undefined;
    const inProv = y?.m.candidates.filter((c) => c.admin1Id === prov.id && c.kind !== 'admin1') ?? [];
    const best = y?.c && inProv.includes(y.c) ? y.c : inProv.find((c) => c.kind === 'admin2') ?? inProv[0];
    if (best) coordFrom = best;
  }
  const capital = x.m.unit === 'admin2' ? capitalDistrictOf(textName(x.m), prov, gaz) : null;
  const admin2: Field<string> | null = capital ? { value: plainName(capital.name), evidence: e, rule: 'place.admin2-capital-district' }
    : x.m.unit === 'admin2' ? { value: textName(x.m), evidence: e, rule: 'place.admin2-text' }
    : paren && !isAbbrev(paren.a.text) ? { value: textName(paren.a), evidence: [paren.a], rule: 'place.admin2-parenthesis' }
    : district?.c ? { value: textName(district.m), evidence: [ev(district.m)], rule: 'place.admin2-text-hierarchy' } : null;
  let provField = adminField(prov, ap, ev, e, 'place.admin1');
  if (paren && provField.derived) provField = paren1(paren.b, provField) ?? provField;
  const own = x.m.candidates.includes(coordFrom);
  const precision = !own ? 2 : precisionOf(x.m, x.m.unit === 'admin2' ? 'admin2' : 'place');
  return {
    country: { value: prov.country, evidence: provField.evidence, rule: 'place.country-gazetteer', derived: true },
    admin1: provField,
    admin2,
    location: { value: textName(x.m), evidence: e, rule: 'place.location-text' },
    latitude: { value: round4(coordFrom.lat), evidence: e, rule: own ? 'place.gazetteer-coordinates' : 'place.unit-coordinates', derived: true },
    longitude: { value: round4(coordFrom.lon), evidence: e, rule: own ? 'place.gazetteer-coordinates' : 'place.unit-coordinates', derived: true },
    geo_precision: { value: precision, evidence: e, rule: 'place.precision-text-hierarchy', derived: true },
  };
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** data/ua-raions.json: Ukraine's 2020 raions by oblast and GeoNames' name, and the day from which they are reported. */
let uaRaions: { since: string; names: Map<string, string> } | null = null;
function loadUaRaions(): { since: string; names: Map<string, string> } {
  if (uaRaions) return uaRaions;
  const d = JSON.parse(readFileSync(join(dataDir(), 'ua-raions.json'), 'utf8')) as { since: string; raions: Record<string, Record<string, string>> };
  const names = new Map<string, string>();
  for (const [oblast, rs] of Object.entries(d.raions)) for (const [geo, name] of Object.entries(rs)) names.set(`${skel(oblast)}|${skel(geo)}`, name);
  return (uaRaions = { since: d.since, names });
}

/**
 * The district by the event's date, where the units changed: in Ukraine from 2021, the raions of
 * the 2020 reform by their official names ('Kharkivskyi' for GeoNames' 'Kharkiv Raion', which
 * holds Kharkiv city; 'Kryvorizkyi' for Kryvyi Rih). Before that the same towns were cities of
 * oblast significance, districts of their own name, and are left so.
 */
export function datedAdmin2(loc: ResolvedLocation, date: string | null): ResolvedLocation {
  if (!date || loc.country?.value !== 'Ukraine' || !loc.admin1 || !loc.admin2) return loc;
  const ua = loadUaRaions();
  if (date < ua.since) return loc;
  const name = ua.names.get(`${skel(loc.admin1.value)}|${skel(loc.admin2.value)}`);
  return name ? { ...loc, admin2: { ...loc.admin2, value: name, rule: 'place.admin2-raion-2020' } } : loc;
}
