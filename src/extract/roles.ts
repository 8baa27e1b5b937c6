/**
 * Lexicons for people and organisations: the head nouns of roles and titles, the modifiers that
 * may stand in a title, and the words that make a capitalised name an organisation.
 * General news vocabulary; each group says why it exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Head nouns of a role. 'security analyst Amir Rana', 'Enayatullah Khowarazami, spokesperson for
 * …', 'the director of … (PIPS)'. A title phrase must contain one of these to count as a role.
 */
export const ROLE_HEADS: ReadonlySet<string> = new Set([
  // government and diplomacy
  'minister', 'president', 'vice-president', 'premier', 'chancellor', 'secretary', 'representative',
  'envoy', 'ambassador', 'diplomat', 'consul', 'governor', 'mayor', 'senator', 'congressman',
  'congresswoman', 'lawmaker', 'legislator', 'parliamentarian', 'mp', 'speaker', 'official',
  'officials', 'administrator', 'commissioner', 'deputy', 'undersecretary', 'attaché', 'king', 'queen',
  'prince', 'emir', 'sultan', 'sheikh', 'chief', 'head', 'leader', 'chairman', 'chairwoman', 'chair',
  'chairperson', 'president-elect', 'nominee', 'candidate', 'delegate', 'councillor', 'councilman',
  'councilwoman', 'aide', 'adviser', 'advisor', 'counsellor', 'counselor', 'strategist', 'pollster',
  'operative', 'surrogate', 'staffer', 'manager', 'director', 'coordinator', 'negotiator',
  // spokespeople and press
  'spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'journalist', 'reporter',
  'correspondent', 'editor', 'columnist', 'anchor', 'host', 'commentator', 'blogger', 'publisher',
  // security forces and armed groups
  'commander', 'general', 'colonel', 'major', 'captain', 'lieutenant', 'sergeant', 'brigadier',
  'admiral', 'marshal', 'officer', 'inspector', 'superintendent', 'constable', 'soldier', 'fighter',
  'militant', 'militants', 'insurgent', 'warlord',
  // expertise and civil society
  'analyst', 'expert', 'researcher', 'scholar', 'professor', 'academic', 'economist', 'historian',
  'lecturer', 'fellow', 'founder', 'co-founder', 'cofounder', 'executive', 'ceo', 'president',
  'member', 'activist', 'campaigner', 'organiser', 'organizer', 'lawyer', 'attorney', 'judge',
  'justice', 'prosecutor', 'cleric', 'imam', 'mullah', 'bishop', 'priest', 'pastor', 'rabbi',
  'doctor', 'surgeon', 'physician', 'nurse', 'teacher', 'student', 'witness', 'resident', 'farmer',
  'worker', 'volunteer', 'chief-of-staff', 'partner', 'owner', 'consultant', 'donor', 'voter',
  // business, letters and public life: 'the billionaire said', 'the author wrote'
  'businessman', 'businesswoman', 'billionaire', 'tycoon', 'mogul', 'magnate', 'entrepreneur',
  'author', 'writer', 'novelist', 'actor', 'actress', 'comedian', 'filmmaker', 'veteran',
  // people in a conflict zone: 'the villager said', 'the rebel added'
  'rebel', 'villager', 'survivor', 'refugee', 'elder',
  // a race for office: 'the Democratic front-runner said' ('front-runner' is read as 'runner')
  'frontrunner', 'runner', 'hopeful', 'contender', 'challenger', 'incumbent', 'developer',
]);

/**
 * Titles written before a name and dropped from it: 'Sen. Ted Cruz', 'Mr. Trump', 'Gen. X',
 * 'President Obama'. Lower-cased, without the full stop.
 */
export const NAME_TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt',
  'sgt', 'adm', 'cmdr', 'rev', 'sir', 'dame', 'lord', 'lady', 'hon', 'sheikh', 'mullah', 'maulana',
  'president', 'senator', 'governor', 'secretary', 'minister', 'ambassador', 'judge', 'justice',
  'speaker', 'chairman', 'general', 'colonel', 'major', 'captain', 'lieutenant', 'sergeant',
  'brigadier', 'admiral', 'commander', 'representative', 'congressman', 'congresswoman', 'mayor',
  'prime', 'premier', 'king', 'queen', 'prince', 'princess', 'emir', 'pope', 'father', 'imam',
  'candidate', 'nominee', 'former', 'vice', 'deputy', 'acting', 'interim', 'chief', 'special',
  'foreign', 'interior', 'defence', 'defense', 'finance', 'state', 'attorney', 'press', 'first',
  'supreme', 'leader', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'house',
  'senate', 'majority', 'minority', 'whip', 'republican', 'democratic', 'democrat', 'gop',
  'presidential', 'vice-presidential', 'federal', 'u.s', 'u.s.', 'us', 'uk', 'un', 'nato', 'eu',
]);

/**
 * Words that make a capitalised name an organisation: 'Afghan Ministry of Defense',
 * 'Pak Institute for Peace Studies', 'United Nations Security Council', 'Pakistani Taliban'.
 */
export const ORG_WORDS: ReadonlySet<string> = new Set([
  'ministry', 'ministries', 'department', 'office', 'institute', 'institution', 'council',
  'committee', 'commission', 'agency', 'organisation', 'organization', 'party', 'army', 'navy',
  'force', 'forces', 'police', 'government', 'authority', 'authorities', 'bureau', 'service',
  'services', 'corps', 'brigade', 'brigades', 'battalion', 'regiment', 'division', 'front',
  'movement', 'union', 'association', 'foundation', 'university', 'college', 'school', 'center',
  'centre', 'group', 'network', 'coalition', 'alliance', 'court', 'parliament', 'assembly',
  'congress', 'senate', 'house', 'emirate', 'caliphate', 'state', 'taliban', 'times', 'post',
  'news', 'journal', 'tribune', 'herald', 'guardian', 'telegraph', 'gazette', 'press', 'radio',
  'television', 'tv', 'bank', 'fund', 'company', 'corporation', 'inc', 'ltd', 'llc', 'relations',
  'affairs', 'studies', 'nations', 'republic', 'kingdom', 'federation', 'cabinet', 'secretariat',
  'directorate', 'command', 'guard', 'guards', 'militia', 'hezbollah', 'hamas', 'jazeera',
  'watch', 'campaign', 'club', 'board', 'foundation', 'trust', 'society', 'project', 'program',
  'programme', 'mission', 'embassy', 'consulate', 'administration', 'legislature', 'diary',
  'portal', 'observatory', 'crescent', 'cross', 'reuters', 'afp', 'ap', 'bbc', 'cnn', 'fox', 'nbc',
  'cbs', 'abc', 'msnbc', 'politico', 'breitbart', 'league', 'caucus',
]);

/** Common nouns that name an organisation in a bare definite NP: 'the ministry said'. */
export const ORG_NOMINALS: ReadonlySet<string> = new Set([
  'ministry', 'department', 'government', 'army', 'military', 'police', 'agency', 'office',
  'council', 'committee', 'commission', 'group', 'organisation', 'organization', 'campaign',
  'party', 'embassy', 'statement', 'coalition', 'administration', 'militants', 'authorities',
  'court', 'institute', 'center', 'centre', 'observatory', 'white house', 'pentagon', 'spokesman',
]);

export const MONTHS_AND_DAYS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'today', 'tonight', 'yesterday', 'tomorrow',
]);

/** data/country-names.json, found by walking up from this file (works from src/ and dist/src/). */
function countryFile(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const p = join(dir, 'data', 'country-names.json');
    if (existsSync(p)) return p;
    dir = dirname(dir);
  }
  return null;
}
interface CountryFile {
  countries: Record<string, { name: string; alt: string[]; demonyms: string[] }>;
}
/**
 * Country names and demonyms (from data/country-names.json): they open titles ('Afghan interim
 * interior minister', 'Pakistani diplomat') and sit before names ('… for Afghanistan Mohammad
 * Sadiq'), and are never a person's name.
 */
const COUNTRY_FILE: CountryFile = (() => {
  const path = countryFile();
  return path ? (JSON.parse(readFileSync(path, 'utf8')) as CountryFile) : { countries: {} };
})();
/** Demonyms alone, as written ('Pakistani', 'Afghan'): they say whose officials speak. */
export const DEMONYMS: ReadonlySet<string> = new Set(Object.values(COUNTRY_FILE.countries).flatMap((c) => c.demonyms));
export const COUNTRY_WORDS: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  for (const c of Object.values(COUNTRY_FILE.countries)) {
    for (const n of [c.name, ...c.alt, ...c.demonyms]) out.add(n.toLowerCase());
  }
  for (const w of ['american', 'americans', 'british', 'u.s.', 'u.s', 'us', 'uk', 'un', 'kurdish',
    'arab', 'western', 'european', 'islamic', 'muslim', 'christian', 'jewish', 'shia', 'sunni'])
    out.add(w);
  return out;
})();
