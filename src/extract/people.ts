/**
 * People and organisations named in an article, with their roles.
 *
 * - Names are runs of capitalised tokens ('Amir Khan Muttaqi'); titles, roles and country words
 *   at their front are read as the role, not the name ('Pakistan's Special Representative for
 *   Afghanistan Mohammad Sadiq').
 * - Roles come from the title before a name ('security analyst Amir Rana') and from an
 *   apposition after it ('Enayatullah Khowarazami, spokesperson for Afghanistan's defence
 *   ministry,' / 'Rana, who is also the director of … (PIPS),').
 * - A surname used alone resolves to the full name ('Rana' → 'Amir Rana'); a spelling that
 *   differs by one letter from the surname the article uses more often is read as a slip
 *   ('Mohammad Sadi' once, 'Sadiq' five times → 'Mohammad Sadiq').
 * - Organisations: capitalised runs with an organisation word ('Afghan Ministry of Defense') and
 *   acronyms with their expansion ('Tehreek-e-Taliban Pakistan (TTP)').
 */
import type { Evidence, Organisation, Person } from '../core/types.js';
import type { Doc, Token } from '../text/doc.js';
import { COUNTRY_WORDS, MONTHS_AND_DAYS, NAME_TITLES, ORG_WORDS, ROLE_HEADS } from './roles.js';
import { ATTRIBUTION_FILLERS, SPEECH_VERBS } from './speech-verbs.js';
import { GIVEN_NAME_GENDER } from './first-names.js';

export interface PeopleIndex {
  people: Person[];
  organisations: Organisation[];
  /** 'Rana' -> 'Amir Rana', 'Sadi' -> 'Mohammad Sadiq' (variant spelling), 'PIPS' -> 'Pak Institute for Peace Studies' */
  resolve(name: string): string;
}

/** A capitalised first letter (Latin, with accents); the rest may hold letters, marks, ' ’ . - */
const CAP_WORD = /^[A-Z\u00C0-\u00DE][\p{L}\p{M}'’.\-]*$/u;
const ALL_CAPS = /^[A-Z0-9&.\-]{2,}$/;
/** Parts of speech that are never part of a name even when capitalised ('The', 'He', 'And'). */
const NON_NAME_POS = new Set(['DET', 'PRON', 'CCONJ', 'ADP', 'SCONJ', 'AUX', 'PART', 'NUM', 'PUNCT', 'SYM']);
const OPENERS = new Set(['“', '"', '‘', "'", '«', '(', '[', '—', '–', '-', ':']);

/** Token range [ts, te) of a run of capitalised tokens within one sentence. */
export interface Chain {
  ts: number;
  te: number;
  start: number;
  end: number;
}

export const tokText = (doc: Doc, t: Token): string => doc.text.slice(t.start, t.end);
/** Lower case without a final full stop: 'Sen.' → 'sen'. */
const bare = (s: string): string => s.toLowerCase().replace(/\.$/, '');

function isCapToken(doc: Doc, i: number, midWords: ReadonlySet<string> | null): boolean {
  const t = doc.tokens[i]!;
  if (NON_NAME_POS.has(t.pos)) return false;
  const s = tokText(doc, t);
  if (!CAP_WORD.test(s)) return false;
  // A capital at the start of a sentence or after an opening mark says nothing ('Discussions
  // within military circles …'), unless the tagger reads the word as a proper noun or the
  // article capitalises it mid-sentence too ('Jolly, who was elected …' after 'Rep. David Jolly').
  const prev = doc.tokens[i - 1];
  const first = !prev || prev.sentence !== t.sentence || OPENERS.has(tokText(doc, prev));
  if (!first || t.pos === 'PROPN' || (midWords !== null && midWords.has(s))) return true;
  // A given name the tagger reads as a verb or noun ('Josh Hendler, a party operative, …',
  // 'Will Ochieng said'): known given name, then a proper noun right after it.
  const next = doc.tokens[i + 1];
  return !!next && next.sentence === t.sentence && next.pos === 'PROPN' && next.start === t.end + 1 && GIVEN_NAME_GENDER.has(t.lower);
}

/**
 * Runs of capitalised tokens, one sentence at a time. Tokens glued by hyphens stay together
 * ('Tehreek-e-Taliban', 'Islamabad-based' is cut after 'Islamabad' because 'based' is lower case
 * and followed by a space).
 */
/** Words the article capitalises inside a sentence (so they are names wherever they stand). */
export function midSentenceCaps(doc: Doc): Set<string> {
  const toks = doc.tokens;
  const midWords = new Set<string>();
  for (let k = 1; k < toks.length; k++) {
    const prev = toks[k - 1]!;
    if (prev.sentence === toks[k]!.sentence && !OPENERS.has(tokText(doc, prev)) && isCapToken(doc, k, null)) midWords.add(tokText(doc, toks[k]!));
  }
  return midWords;
}

const CHAINS = new WeakMap<Doc, { chains: Chain[]; midWords: Set<string> }>();

/** Capitalised runs of a document and its mid-sentence capitals, computed once per document. */
export function capChainsOf(doc: Doc): { chains: Chain[]; midWords: Set<string> } {
  let c = CHAINS.get(doc);
  if (!c) {
    const midWords = midSentenceCaps(doc);
    c = { chains: capChains(doc, midWords), midWords };
    CHAINS.set(doc, c);
  }
  return c;
}

export function capChains(doc: Doc, mid?: Set<string>): Chain[] {
  const out: Chain[] = [];
  const toks = doc.tokens;
  const midWords = mid ?? midSentenceCaps(doc);
  let i = 0;
  while (i < toks.length) {
    if (!isCapToken(doc, i, midWords)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const prev = toks[j - 1]!;
      const t = toks[j];
      if (!t || t.sentence !== prev.sentence) break;
      const gap = doc.text.slice(prev.end, t.start);
      if (gap === ' ' && isCapToken(doc, j, midWords)) {
        j++;
        continue;
      }
      // 'Col. John “J.D.” Dorrian': a nickname in quotation marks inside the name.
      if (gap === ' ' && (doc.text[t.start] === '“' || doc.text[t.start] === '"')) {
        const m = NICKNAME.exec(doc.text.slice(t.start, t.start + 40));
        if (m) {
          const close = t.start + m[0].length - 2;
          let q = j + 1;
          while (toks[q] && toks[q]!.start < close) q++;
          if (toks[q] && toks[q]!.start === close && isCapToken(doc, q + 1, midWords)) {
            j = q + 1;
            continue;
          }
        }
      }
      // 'Tehreek-e-Taliban': hyphen and the next part glued on both sides, then a capital part.
      const next = toks[j + 1];
      const after = toks[j + 2];
      if (gap === '' && tokText(doc, t) === '-' && next && next.start === t.end && next.sentence === t.sentence) {
        if (CAP_WORD.test(tokText(doc, next))) {
          j += 2;
          continue;
        }
        if (after && tokText(doc, after) === '-' && after.start === next.end) {
          j += 2;
          continue;
        }
      }
      break;
    }
    // A hyphenated run must not end on a dangling hyphen.
    while (j > i + 1 && tokText(doc, toks[j - 1]!) === '-') j--;
    out.push({ ts: i, te: j, start: toks[i]!.start, end: toks[j - 1]!.end });
    i = j;
  }
  return out;
}

const isRoleHead = (w: string): boolean => ROLE_HEADS.has(bare(w));

/** Levenshtein distance up to 1 (true when the two strings differ by at most one edit). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  // Two neighbouring letters swapped ('Gandmara'/'Gandamra') is one slip of the hand.
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) return true;
  }
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < la && j < lb) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (la > lb) i++;
    else if (lb > la) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (la - i) + (lb - j) <= 1;
}

/** Two spellings of one surname: equal, or one edit apart when both have 4+ letters ('Sadi'/'Sadiq'). */
export function sameSurname(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  return x.length >= 4 && y.length >= 4 && x[0] === y[0] && withinOneEdit(x, y);
}

/**
 * A nickname in quotation marks between the parts of a name, with the space after it and the
 * capital that follows: '“J.D.” D' in 'John “J.D.” Dorrian'.
 */
export const NICKNAME = /^[“"]([A-Z][\p{L}.'’-]*(?: [A-Z][\p{L}.'’-]*)?)[”"] (?=[A-Z])/u;

/** Strip a possessive, a leading article, titles and a nickname: "the Sen. Ted Cruz's" → 'Ted Cruz'. */
export function cleanName(name: string): string {
  let s = name.trim().replace(/[’']s$/u, '').replace(/[’']$/u, '');
  s = s.replace(/ [“"][^“”"]{1,24}[”"] /gu, ' ');
  s = s.replace(/^(the|a|an)\s+/i, '');
  const words = s.split(/\s+/);
  let k = 0;
  // 'Interior Ministry', 'Foreign Office': an organisation keeps its leading words.
  if (ORG_WORDS.has(bare(words[words.length - 1]!))) return s;
  while (k < words.length - 1 && NAME_TITLES.has(bare(words[k]!)) && /^[A-Z]/.test(words[k + 1]!)) k++;
  return words.slice(k).join(' ');
}

interface PersonMention {
  name: string; // residual name as written
  start: number;
  end: number;
  roles: { text: string; start: number; end: number }[];
  strong: boolean; // a multi-word name with a cue, or a titled name
}

interface PersonAcc {
  name: string;
  first: number;
  evidence: Evidence[];
  roles: { text: string; start: number; end: number }[];
}

export function findPeople(doc: Doc, articleId: string): PeopleIndex {
  const text = doc.text;
  const toks = doc.tokens;
  const { chains, midWords } = capChainsOf(doc);
  const ev = (start: number, end: number): Evidence => ({ article: articleId, start, end, text: text.slice(start, end) });

  // ---- organisations: acronyms with their expansion, and runs with an organisation word ----
  const orgs = new Map<string, { name: string; acronym: string | null; evidence: Evidence[] }>();
  const acronyms = new Map<string, string>();
  const addOrg = (name: string, start: number, end: number, acronym: string | null) => {
    const key = name.toLowerCase();
    let o = orgs.get(key);
    if (!o) orgs.set(key, (o = { name, acronym, evidence: [] }));
    if (acronym && !o.acronym) o.acronym = acronym;
    if (!o.evidence.some((e) => e.start === start)) o.evidence.push(ev(start, end));
  };
  findAcronyms(text, (name, start, end, acr) => {
    addOrg(name, start, end, acr);
    if (!acronyms.has(acr)) acronyms.set(acr, name);
  });

  // Org runs: chains joined over 'of', 'for', 'and', 'on' when either side has an org word
  // ('Ministry of Foreign Affairs', 'Pak Institute for Peace Studies').
  const hasOrgWord = (c: Chain) => {
    for (let k = c.ts; k < c.te; k++) if (ORG_WORDS.has(bare(tokText(doc, toks[k]!)))) return true;
    return false;
  };
  const joiners = new Set(['of', 'for', 'and', 'on']);
  for (let ci = 0; ci < chains.length; ci++) {
    let c = chains[ci]!;
    let org = hasOrgWord(c);
    let cj = ci;
    while (cj + 1 < chains.length) {
      const n = chains[cj + 1]!;
      const mid = toks[c.te];
      if (!mid || n.ts !== c.te + 1 || !joiners.has(mid.lower) || mid.sentence !== toks[n.ts]!.sentence) break;
      if (!(org || hasOrgWord(n))) break;
      // 'the Security Council on Friday': a weekday or month after 'on' is a date, not a name part.
      if (mid.lower === 'on' && MONTHS_AND_DAYS.has(bare(tokText(doc, toks[n.ts]!)))) break;
      // 'David Woodard of Clemson University': a person's name before 'of' and an organisation
      // is the person with an affiliation, not part of the organisation's name.
      if (mid.lower === 'of' && !org && looksLikePersonName(doc, c)) break;
      c = { ts: c.ts, te: n.te, start: c.start, end: n.end };
      org = true;
      cj++;
    }
    if (!org) continue;
    // 'Secretary of State John Kerry': a run whose words after its last organisation word open
    // with a known given name ends with a person; the organisation stops before them (and a
    // title joined to an organisation word is no organisation at all).
    {
      let lastOrg = -1;
      for (let k = c.ts; k < c.te; k++) if (ORG_WORDS.has(bare(tokText(doc, toks[k]!)))) lastOrg = k;
      // Title words may stand between ('Senate Minority Leader Harry Reid').
      let nameAt = lastOrg + 1;
      while (lastOrg >= 0 && nameAt < c.te - 1 && NAME_TITLES.has(bare(tokText(doc, toks[nameAt]!)))) nameAt++;
      const tail = c.te - nameAt;
      let named = nameAt > lastOrg + 1;
      for (let q = nameAt; q < c.te && named; q++) if (COUNTRY_WORDS.has(bare(tokText(doc, toks[q]!))) || MONTHS_AND_DAYS.has(bare(tokText(doc, toks[q]!)))) named = false;
      if (lastOrg >= 0 && tail >= 2 && tail <= 4 && (GIVEN_NAME_GENDER.has(toks[nameAt]!.lower) || named)) {
        ci = cj;
        // ('Foreign Ministry Spokesman Ali Omar' keeps 'Foreign Ministry'; a lone 'Senate' goes.)
        const titled = nameAt > lastOrg + 1;
        if (titled ? lastOrg === c.ts : NAME_TITLES.has(bare(tokText(doc, toks[c.ts]!)))) continue;
        c = { ts: c.ts, te: lastOrg + 1, start: c.start, end: toks[lastOrg]!.end };
      }
    }
    // Demonyms and country names at the front belong to the name ('Afghan Ministry of Defense'),
    // but titles of people do not make an organisation.
    const name = text.slice(c.start, c.end);
    if (ALL_CAPS.test(name)) continue;
    const nx = toks[c.te];
    const acr =
      nx && tokText(doc, nx) === '(' && toks[c.te + 1] && toks[c.te + 2] && tokText(doc, toks[c.te + 2]!) === ')'
        ? tokText(doc, toks[c.te + 1]!)
        : null;
    addOrg(name, c.start, c.end, acr && ALL_CAPS.test(acr) ? acr : null);
    ci = cj;
  }

  // ---- people ----
  const chainAt = new Map<number, Chain>();
  for (const c of chains) chainAt.set(c.ts, c);
  const mentions: PersonMention[] = [];
  const singles: { name: string; start: number; end: number }[] = [];
  for (const c of chains) {
    let k = c.ts;
    let titled = false;
    // Titles, role words and country words at the front are not the name.
    while (k < c.te - 1) {
      const w = bare(tokText(doc, toks[k]!));
      if (NAME_TITLES.has(w) || ROLE_HEADS.has(w)) titled = titled || !COUNTRY_WORDS.has(w);
      else if (!COUNTRY_WORDS.has(w)) break;
      k++;
    }
    // '… Representative for Afghanistan Mohammad Sadi': a country inside the run ends the title;
    // so does a role word ('Former Hewlett-Packard CEO Carly Fiorina').
    for (let q = c.te - 2; q > k; q--) {
      const w = bare(tokText(doc, toks[q]!));
      if (COUNTRY_WORDS.has(w) || NAME_TITLES.has(w) || ROLE_HEADS.has(w)) {
        titled = titled || !COUNTRY_WORDS.has(w);
        k = q + 1;
        break;
      }
    }
    const words: string[] = [];
    let bad = false;
    for (let q = k; q < c.te; q++) {
      const s = tokText(doc, toks[q]!);
      const b = bare(s);
      if (ORG_WORDS.has(b) || MONTHS_AND_DAYS.has(b) || COUNTRY_WORDS.has(b) || NAME_TITLES.has(b) || ROLE_HEADS.has(b)) bad = true;
      words.push(s);
    }
    const start = toks[k]!.start;
    const end = c.end;
    // (A nickname inside the run is not part of the name: 'John “J.D.” Dorrian'.)
    const name = text.slice(start, end).replace(/ [“"][^“”"]{1,24}[”"] /gu, ' ');
    if (bad || ALL_CAPS.test(name.replace(/\s/g, '')) || /[’']s$/.test(name)) continue;
    // 'the United States': a country's name is not a person's.
    if (COUNTRY_WORDS.has(name.toLowerCase())) continue;
    // 'Allentown, Pa., said': a lone abbreviation is a place or a title, not a name.
    if (!name.includes(' ') && name.endsWith('.')) continue;
    // 'Former Arizona governor Jan Brewer', 'a Clinton spokesman': a name that only modifies the
    // role noun after it does not name the person the sentence is about.
    const nx = toks[c.te];
    if (nx && nx.sentence === toks[c.ts]!.sentence && /^[a-z]/.test(tokText(doc, nx)) && isRoleHead(tokText(doc, nx))) continue;
    const nWords = name.split(/[\s]+/).length;
    const left = leftRole(doc, k) ?? leftApposition(doc, c.ts, c.te);
    // 'Debbie Wasserman Schultz of Florida, the party chairwoman,', 'Darran Whiting of Liberty
    // Baptist Church in Marion, said': the apposition and the verb after a place or organisation
    // that follows of/in/at/from belong to the name before it; they read past that phrase.
    const before = toks[c.ts - 1];
    const complement = !!before && before.sentence === toks[c.ts]!.sentence && COMPLEMENT_PREPS.has(before.lower);
    const after = complement ? -1 : pastAffiliation(doc, c.te);
    const right = after < 0 ? null : rightRole(doc, after) ?? affiliation(doc, c.te, chainAt, hasOrgWord);
    // 'Carole Bower, 75, a retiree …': an age in apposition marks a person.
    titled = titled || (!complement && ageAfter(doc, c.te));
    const speaks = (after >= 0 && speechAfter(doc, after)) || speechBefore(doc, c.ts);
    const roles = [left, right].filter((r): r is NonNullable<typeof r> => r !== null);
    titled = titled || roles.length > 0;
    if (nWords >= 2 && nWords <= 5 && (titled || speaks)) {
      mentions.push({ name, start, end, roles, strong: true });
    } else if (nWords === 1) {
      singles.push({ name, start, end });
      // 'Critics said …': a lone capital at a sentence start is a name only if the article
      // also capitalises it mid-sentence, or it is tagged a proper noun and is no plural.
      const first = k === c.ts && (!toks[k - 1] || toks[k - 1]!.sentence !== toks[k]!.sentence || OPENERS.has(tokText(doc, toks[k - 1]!)));
      if ((titled || speaks) && (!first || titled || midWords.has(name) || (toks[k]!.pos === 'PROPN' && !/s$/.test(name))))
        mentions.push({ name, start, end, roles, strong: titled });
    } else if (nWords >= 2 && nWords <= 4) {
      mentions.push({ name, start, end, roles, strong: false });
    }
  }

  // Full names (2+ words, with a cue) are the people; single names attach to them by surname.
  const persons: PersonAcc[] = [];
  const fullMentions = mentions.filter((m) => m.strong && m.name.includes(' '));
  const surnameCount = new Map<string, number>();
  for (const s of singles) surnameCount.set(s.name, (surnameCount.get(s.name) ?? 0) + 1);
  const findPerson = (name: string): PersonAcc | undefined => {
    const last = name.split(' ').pop()!;
    return (
      persons.find((p) => p.name === name) ??
      persons.find((p) => p.name.split(' ').pop() === last) ??
      byFirstName(name) ??
      persons.find((p) => sameSurname(p.name.split(' ').pop()!, last))
    );
  };
  /** The one person whose full name opens with this single word ('Omar' → 'Omar Abu Anas'). */
  const byFirstName = (name: string): PersonAcc | undefined => {
    if (name.includes(' ') || !isLikelySingleName(name)) return undefined;
    const hits = persons.filter((p) => p.name.includes(' ') && p.name.split(' ')[0] === name);
    return hits.length === 1 ? hits[0] : undefined;
  };
  /**
   * Is the first word of this full name used alone in the article as a first name: twice for a
   * known given name, three times otherwise, and not a hyphenated word or the surname of someone
   * else ('Trump Supporter Screams' in a headline is no person).
   */
  // (the surnames of full-name mentions, once: not a scan of every mention per name)
  const mentionSurnames = new Set(mentions.filter((f) => f.name.includes(' ')).map((f) => f.name.split(' ').pop()!));
  const firstNameUsed = (full: string): boolean => {
    const first = full.split(' ')[0]!;
    if (first.includes('-') || mentionSurnames.has(first)) return false;
    return (surnameCount.get(first) ?? 0) >= (GIVEN_NAME_GENDER.has(first.toLowerCase()) ? 2 : 3);
  };
  for (const m of fullMentions) {
    const parts = m.name.split(' ');
    const last = parts[parts.length - 1]!;
    // A surname written once one letter off the spelling the article repeats is a slip.
    // (The full name counts for its own spelling: a variant written as often is no correction.)
    let best = last;
    let bestCount = (surnameCount.get(last) ?? 0) + 1;
    for (const [s, n] of surnameCount) if (n > bestCount && s !== last && sameSurname(s, last)) [best, bestCount] = [s, n];
    const canonical = [...parts.slice(0, -1), best].join(' ');
    let p = persons.find((x) => x.name === canonical) ?? persons.find((x) => x.name.endsWith(' ' + best) && x.name.startsWith(parts[0]!));
    if (!p) persons.push((p = { name: canonical, first: m.start, evidence: [], roles: [] }));
    p.evidence.push(ev(m.start, m.end));
    for (const r of m.roles) if (!p.roles.some((x) => x.text === r.text)) p.roles.push(r);
  }
  // Weak full names (no cue) join only when their surname is used alone elsewhere (a person
  // the article keeps naming); single names with a cue join their full name or stand alone.
  for (const m of mentions) {
    if (m.strong && m.name.includes(' ')) continue;
    const p = findPerson(m.name);
    if (p) {
      if (!p.evidence.some((e) => e.start === m.start)) p.evidence.push(ev(m.start, m.end));
      for (const r of m.roles) if (!p.roles.some((x) => x.text === r.text)) p.roles.push(r);
      continue;
    }
    const last = m.name.split(' ').pop()!;
    // ('Sadiq Maroof was a young shopkeeper.' and then 'Sadiq' again and again: a feature's way
    // of naming someone by the first name.)
    if (m.name.includes(' ') && !surnameCount.has(last) && !firstNameUsed(m.name)) continue;
    if (!m.name.includes(' ') && !m.strong && m.roles.length === 0 && !isLikelySingleName(m.name)) continue;
    // 'The Houthis did not care …', 'the Taliban said': a lone name the article always writes
    // after 'the' is a group, not a person.
    if (!m.name.includes(' ') && m.roles.length === 0 && singles.every((x) => x.name !== m.name || /\bthe\s+$/i.test(text.slice(Math.max(0, x.start - 4), x.start)))) continue;
    persons.push({ name: m.name, first: m.start, evidence: [ev(m.start, m.end)], roles: [...m.roles] });
  }
  for (const s of singles) {
    const p = findPerson(s.name);
    if (p && p.name !== s.name && !p.evidence.some((e) => e.start === s.start)) p.evidence.push(ev(s.start, s.end));
  }

  const organisations: Organisation[] = [...orgs.values()].map((o) => ({
    article: articleId,
    name: o.name,
    acronym: o.acronym,
    evidence: o.evidence.sort((a, b) => a.start - b.start),
  }));
  const people: Person[] = persons
    .sort((a, b) => a.first - b.first)
    .map((p) => {
      const roles = p.roles.sort((a, b) => a.start - b.start);
      let organisation: string | null = null;
      for (const r of roles) {
        const o = organisations.find((x) => x.evidence.some((e) => e.start >= r.start && e.end <= r.end));
        if (o) {
          organisation = o.name;
          break;
        }
      }
      return {
        article: articleId,
        name: p.name,
        role: roles.length ? roles.map((r) => r.text).join('; ') : null,
        organisation,
        evidence: [...p.evidence, ...roles.map((r) => ev(r.start, r.end))].sort((a, b) => a.start - b.start),
      };
    });

  const resolve = (raw: string): string => {
    const name = cleanName(raw);
    if (!name) return raw.trim();
    const acr = acronyms.get(name);
    if (acr) return acr;
    const exact = persons.find((p) => p.name === name);
    if (exact) return exact.name;
    const o = orgs.get(name.toLowerCase());
    if (o) return o.name;
    const parts = name.split(' ');
    const last = parts[parts.length - 1]!;
    if (COUNTRY_WORDS.has(last.toLowerCase()) || ORG_WORDS.has(bare(last))) return name;
    // 'Committee Chairman Rep. Jason Chaffetz': a run that ends in a known full name, after
    // title words the lexicons do not list, is that person.
    if (parts.length > 2) {
      const tail = persons.find((p) => p.name.includes(' ') && name.endsWith(' ' + p.name));
      if (tail) return tail.name;
    }
    const byLast = persons.filter((p) => p.name.split(' ').pop() === last);
    const pick = (ps: PersonAcc[]) => {
      if (parts.length > 1) {
        const same = ps.find((p) => p.name.startsWith(parts[0]!));
        if (same) return same;
        return undefined;
      }
      return ps[0];
    };
    const a = pick(byLast);
    if (a) return a.name;
    // 'Omar says' after 'Omar Abu Anas': features call ordinary people by their first name.
    const first = byFirstName(name);
    if (first) return first.name;
    if (parts.length === 1) {
      const variant = persons.find((p) => sameSurname(p.name.split(' ').pop()!, last));
      if (variant) return variant.name;
    }
    return name;
  };

  return { people, organisations, resolve };
}

/** A lone capitalised word that can be a person: not a country, month or organisation word. */
function isLikelySingleName(w: string): boolean {
  const b = bare(w);
  return !COUNTRY_WORDS.has(b) && !MONTHS_AND_DAYS.has(b) && !ORG_WORDS.has(b) && !ALL_CAPS.test(w);
}

/**
 * Acronyms in brackets after their expansion: 'Tehreek-e-Taliban Pakistan (TTP)',
 * 'the Institute for Peace and Conflict Research (IPCR)'. The expansion is the
 * shortest run of words before the bracket whose capital initials spell the acronym.
 */
const ACRONYM_PAREN = /\(([A-Z][A-Za-z&]{1,9})\)/g;
export function findAcronyms(text: string, emit: (name: string, start: number, end: number, acr: string) => void): void {
  ACRONYM_PAREN.lastIndex = 0;
  for (let m = ACRONYM_PAREN.exec(text); m; m = ACRONYM_PAREN.exec(text)) {
    const acr = m[1]!;
    const upper = acr.replace(/[^A-Z]/g, '');
    if (upper.length < 2) continue;
    // Words before the bracket, on the same line, right to left.
    let end = m.index;
    while (end > 0 && text[end - 1] === ' ') end--;
    const lineStart = Math.max(text.lastIndexOf('\n', end - 1) + 1, end - 160);
    const before = text.slice(lineStart, end);
    const words: { w: string; start: number }[] = [];
    const W = /[^\s,;:()“”"]+/g;
    for (let w = W.exec(before); w; w = W.exec(before)) words.push({ w: w[0], start: lineStart + w.index });
    let initials = '';
    // 'Central Command (CENTCOM)', 'Naval Forces Central Command (NAVCENT)': an acronym made of
    // the opening letters of two to four capitalised words, read when the initials do not spell it.
    const spelled = (() => {
      const up = acr.toUpperCase();
      if (up.length < 4) return -1;
      for (let n = 2; n <= 4 && n <= words.length; n++) {
        const ws = words.slice(words.length - n).map((x) => x.w.toUpperCase());
        if (!words.slice(words.length - n).every((x) => /^[A-Z]/.test(x.w))) break;
        const fits = (i: number, at: number): boolean =>
          i === ws.length ? at === up.length : [...Array(Math.min(ws[i]!.length, up.length - at))].some((_, l) => ws[i]!.startsWith(up.slice(at, at + l + 1)) && fits(i + 1, at + l + 1));
        if (fits(0, 0)) return words.length - n;
      }
      return -1;
    })();
    let found = false;
    for (let k = words.length - 1; k >= 0 && k >= words.length - 10; k--) {
      const parts = words[k]!.w.split('-');
      const ini = parts.filter((p) => /^[A-Z]/.test(p)).map((p) => p[0]).join('');
      if (!ini && !/^(of|for|and|the|on|in|de|al|el|e|i|y|und|du|la|le)$/i.test(words[k]!.w)) break;
      initials = ini + initials;
      if (initials.toUpperCase() === upper && ini) {
        emit(text.slice(words[k]!.start, end), words[k]!.start, end, acr);
        found = true;
        break;
      }
      if (initials.length > upper.length) break;
    }
    if (!found && spelled >= 0) emit(text.slice(words[spelled]!.start, end), words[spelled]!.start, end, acr);
  }
}

const ROLE_JOIN = new Set(['of', 'for', 'to', 'on']);
/**
 * The title before a name, read leftwards over nouns, adjectives, proper nouns, possessives,
 * hyphens and 'of/for/to' before a capital: 'Pakistan's Special Representative for Afghanistan',
 * 'interim Afghan Foreign Minister', 'security analyst'. It must contain a role word.
 */
function leftRole(doc: Doc, nameTok: number): { text: string; start: number; end: number } | null {
  const toks = doc.tokens;
  const t0 = toks[nameTok]!;
  let k = nameTok - 1;
  let first = nameTok;
  let n = 0;
  while (k >= 0 && toks[k]!.sentence === t0.sentence && n < 12) {
    const t = toks[k]!;
    const s = tokText(doc, t);
    const nextStart = toks[k + 1]!.start;
    const glued = t.end === nextStart;
    const ok =
      ((t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN') && !/^\p{P}/u.test(s)) ||
      (t.pos === 'PART' && /^[’']s$/.test(s)) ||
      (s === '-' && glued) ||
      (ROLE_JOIN.has(t.lower) && k + 1 < nameTok && /^[A-Z]/.test(tokText(doc, toks[k + 1]!))) ||
      // 'Islamabad-based': a verb form glued to a hyphen belongs to the title
      (t.pos === 'VERB' && doc.text[t.start - 1] === '-');
    if (!ok) break;
    first = k;
    k--;
    n++;
  }
  // Trim joiners and possessive pieces at the front.
  while (first < nameTok && (ROLE_JOIN.has(toks[first]!.lower) || toks[first]!.pos === 'PART' || tokText(doc, toks[first]!) === '-')) first++;
  if (first >= nameTok) return null;
  let head = false;
  for (let q = first; q < nameTok; q++) if (isRoleHead(tokText(doc, toks[q]!))) head = true;
  if (!head) return null;
  const start = toks[first]!.start;
  const end = toks[nameTok - 1]!.end;
  return { text: doc.text.slice(start, end), start, end };
}

const STOP_ROLE = new Set([',', '.', ';', ':', '“', '”', '"', '—', '–', '?', '!']);
/**
 * An apposition after a name: ', spokesperson for Afghanistan's defence ministry,' /
 * ', an Islamabad-based security analyst,' / ', who is also the director of … (PIPS),'.
 */
function rightRole(doc: Doc, after: number): { text: string; start: number; end: number } | null {
  const toks = doc.tokens;
  const comma = toks[after];
  if (!comma || tokText(doc, comma) !== ',') return null;
  let k = after + 1;
  const sent = comma.sentence;
  // 'who is (also) (the) …', 'who was …', 'who has been …'
  if (toks[k]?.lower === 'who') {
    k++;
    while (toks[k] && /^(is|was|has|had|been|also|now|currently|formerly|once|still)$/.test(toks[k]!.lower)) k++;
  }
  while (toks[k] && /^(a|an|the|its|his|her|their)$/.test(toks[k]!.lower)) k++;
  const first = k;
  let head = -1;
  let depth = 0;
  while (toks[k] && toks[k]!.sentence === sent && k - first < 20) {
    const t = toks[k]!;
    const s = tokText(doc, t);
    if (s === '(') depth++;
    else if (s === ')') {
      depth--;
      if (depth < 0) break;
      if (depth === 0) {
        k++;
        break;
      }
    } else if (depth === 0) {
      if (STOP_ROLE.has(s)) break;
      const hyphenated = doc.text[t.start - 1] === '-';
      // 'security think tank': a verb tag between two nouns is a compound the tagger misread.
      const compound =
        t.pos === 'VERB' &&
        (['NOUN', 'ADJ'].includes(toks[k - 1]?.pos ?? '') || doc.text[toks[k - 1]!.start - 1] === '-') &&
        ['NOUN', 'PROPN'].includes(toks[k + 1]?.pos ?? '');
      if ((t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON' || t.pos === 'SCONJ') && !hyphenated && !compound) break;
    }
    if (head < 0 && k - first < 6 && isRoleHead(s)) head = k;
    k++;
  }
  if (head < 0 || k <= first) return null;
  const start = toks[first]!.start;
  const end = toks[k - 1]!.end;
  return { text: doc.text.slice(start, end), start, end };
}

/**
 * A run that reads as a person's name: two to four words, none of them an organisation, title,
 * role, country, month or day word, opening with a known given name or tagged as proper nouns.
 */
function looksLikePersonName(doc: Doc, c: Chain): boolean {
  const n = c.te - c.ts;
  if (n < 2 || n > 4) return false;
  let propn = true;
  for (let k = c.ts; k < c.te; k++) {
    const t = doc.tokens[k]!;
    const b = bare(tokText(doc, t));
    if (ORG_WORDS.has(b) || NAME_TITLES.has(b) || ROLE_HEADS.has(b) || COUNTRY_WORDS.has(b) || MONTHS_AND_DAYS.has(b)) return false;
    if (t.pos !== 'PROPN') propn = false;
  }
  return propn || GIVEN_NAME_GENDER.has(doc.tokens[c.ts]!.lower);
}

/**
 * 'of (the) Eurasia Group' right after a name: the person's affiliation, read as a role.
 */
function affiliation(
  doc: Doc,
  after: number,
  chainAt: ReadonlyMap<number, Chain>,
  hasOrgWord: (c: Chain) => boolean,
): { text: string; start: number; end: number } | null {
  const toks = doc.tokens;
  const of = toks[after];
  if (!of || of.lower !== 'of' || of.sentence !== toks[after - 1]?.sentence) return null;
  let k = after + 1;
  if (toks[k]?.lower === 'the') k++;
  const org = chainAt.get(k);
  if (!org || !hasOrgWord(org) || toks[k]!.sentence !== of.sentence) return null;
  return { text: doc.text.slice(of.start, org.end), start: of.start, end: org.end };
}

/**
 * 'the campaign chairman, Paul Manafort, dismissed …', 'said the ministry spokesman, Ali Omar.':
 * a role noun, a comma, the name, and a comma or the sentence end. The role is the title phrase
 * before the comma.
 */
function leftApposition(doc: Doc, ts: number, te: number): { text: string; start: number; end: number } | null {
  const toks = doc.tokens;
  const comma = toks[ts - 1];
  const close = toks[te];
  if (!comma || tokText(doc, comma) !== ',' || comma.sentence !== toks[ts]!.sentence) return null;
  // The name closes the apposition: a comma or the end of the sentence after it.
  if (close && close.sentence === comma.sentence && !/^[,.;!?]$/.test(tokText(doc, close))) return null;
  const head = toks[ts - 2];
  if (!head || head.sentence !== comma.sentence || !/^[a-z]/.test(tokText(doc, head)) || !isRoleHead(tokText(doc, head))) return null;
  return leftRole(doc, ts - 1);
}

/** Prepositions whose object is a place or an organisation rather than a subject. */
const COMPLEMENT_PREPS = new Set(['of', 'in', 'at', 'from']);

/**
 * The token after ' of Florida' / ' of Liberty Baptist Church in Marion' following a name, when
 * that phrase runs to a comma or a verb; else `after` itself.
 */
export function pastAffiliation(doc: Doc, after: number): number {
  const toks = doc.tokens;
  const t = toks[after];
  if (!t || !COMPLEMENT_PREPS.has(t.lower) || t.sentence !== toks[after - 1]?.sentence) return after;
  let k = after + 1;
  while (toks[k] && toks[k]!.sentence === t.sentence && k - after <= 12) {
    const x = toks[k]!;
    const w = tokText(doc, x);
    if (w === ',' || (x.pos === 'VERB' && /^[a-z]/.test(w) && k > after + 1)) return k;
    if (!(/^[A-Z]/.test(w) || x.pos === 'DET' || COMPLEMENT_PREPS.has(x.lower) || w === '-' || w === '.' || x.lower === 'for' || x.lower === 'and')) return after;
    k++;
  }
  return after;
}

/** ', 75,' right after a name: an age in apposition. */
function ageAfter(doc: Doc, after: number): boolean {
  const toks = doc.tokens;
  const a = toks[after];
  const n = toks[after + 1];
  const b = toks[after + 2];
  if (!a || !n || !b || tokText(doc, a) !== ',' || tokText(doc, b) !== ',') return false;
  if (a.sentence !== toks[after - 1]!.sentence || b.sentence !== a.sentence) return false;
  const age = tokText(doc, n);
  return /^[1-9][0-9]?$/.test(age) && Number(age) >= 12;
}

/** A verb of saying right after a name, past fillers and a comma-bounded apposition. */
function speechAfter(doc: Doc, after: number): boolean {
  const toks = doc.tokens;
  let k = after;
  const sent = toks[after - 1]?.sentence;
  // skip up to three comma-bounded appositions: 'Jillian Chase, 27, a Tinder user, said'
  for (let n = 0; n < 3 && toks[k] && tokText(doc, toks[k]!) === ','; n++) {
    // 'Foreign Office Minister, Tobias Ellwood, said:'
    if (toks[k + 1] && SPEECH_VERBS.has(toks[k + 1]!.lower)) return toks[k + 1]!.sentence === sent;
    let q = k + 1;
    while (toks[q] && toks[q]!.sentence === sent && tokText(doc, toks[q]!) !== ',' && q - k < 25) q++;
    if (!toks[q] || tokText(doc, toks[q]!) !== ',') return false;
    let j = q + 1;
    while (toks[j] && ATTRIBUTION_FILLERS.has(toks[j]!.lower)) j++;
    if (toks[j] && SPEECH_VERBS.has(toks[j]!.lower)) return toks[j]!.sentence === sent;
    // 'Kabul, which also included …, took place': the name's own verb, which is not one of saying.
    if (!toks[j] || toks[j]!.pos === 'VERB' || toks[j]!.pos === 'AUX') return false;
    // 'Dean Johnson, a salesman from Sumter, South Carolina, says': the next piece.
    k = q;
  }
  while (toks[k] && ATTRIBUTION_FILLERS.has(toks[k]!.lower)) k++;
  const t = toks[k];
  return !!t && t.sentence === sent && SPEECH_VERBS.has(t.lower);
}

/** '…,” said Trump' or 'according to Smith'. */
function speechBefore(doc: Doc, first: number): boolean {
  const toks = doc.tokens;
  const p = toks[first - 1];
  if (!p) return false;
  if (SPEECH_VERBS.has(p.lower) && p.sentence === toks[first]!.sentence) {
    const pp = toks[first - 2];
    return !!pp && /^[,”"’']$/.test(tokText(doc, pp));
  }
  return p.lower === 'to' && toks[first - 2]?.lower === 'according';
}
