/**
 * Quotations and their speakers.
 *
 * Direct quotes are found from the quotation marks of each paragraph (“ ” " ‘ ’ ' « » „, the
 * CSV-doubled "" and typewriter '' ``), with nesting for curly marks, and a mark left open
 * running to the end of its paragraph. The text is what lies inside the marks without the
 * , . ; : at its ends, so '“A,” he said. “B.”' gives "A" and "B".
 *
 * The speaker is read from the words around the marks, in the same sentence:
 * - after: '“…,” Enayatullah Khowarazami, spokesperson for …, wrote' / '“…,” said Trump' /
 *   '“…,” he added' / '“…,” the Islamabad-based Tipu said';
 * - before: 'Rana said: “…”' / 'According to X, “…”';
 * - otherwise the speaker of the quote before it in the paragraph, or of the attribution that
 *   ends the paragraph before ('The minister said:' then a quote paragraph).
 * Names resolve to the fullest form the article gives (PeopleIndex.resolve); 'he'/'she' take
 * the most recent earlier person who spoke (or, failing that, was named); 'the ministry' the
 * most recent organisation of that kind.
 *
 * Indirect speech: 'X said (that) …' and 'according to X, …' outside quotation marks.
 *
 * readQuotes is a short pipeline of stages, each a function of its own that reads one
 * QuoteContext (the document, its tokens and name chains, and the cues gathered so far):
 *  1. spans (prepare, findQuoteSpans): the quoted spans, the name chains, which tokens are quoted;
 *  2. cues: who is the subject of a clause (readPersonSubjects → personSubjectAt, readOrgSubjects,
 *     humanSubjects), who speaks where (readSpeechFrames → speechFrameAt, noteFrame, which also
 *     give the indirect quotes, indirectQuote), and block quotes after 'X said:' (readBlockQuotes);
 *  3. for each span, its candidates (candidatesOf): the words before it (fromLeft), after it
 *     (fromRight), a verb-first quote's subject (subjectOfQuote), the quote before, the paragraph
 *     and the passage, each read on demand. A reading is a noun phrase read by speakerOfNP (an
 *     organisation's name, a name, a pronoun, a definite description or a common noun), found by
 *     subjectLeft / subjectRight around a verb of saying;
 *  4. the choice (chooseSpeaker): the first of CHOICE_RULES (quote-rules.ts, ordered, each with its
 *     reason) that reads a speaker; definite descriptions ('the statement', 'the army', 'the
 *     47-year-old') point back by ANAPHOR_RULES, also in quote-rules.ts;
 *  5. the quote record (directQuote), and the speaker as a cue for the quotes after it (noteSpeaker).
 */
import type { Evidence, Quote } from '../core/types.js';
import type { Doc, Token } from '../text/doc.js';
import { firstStartingAt } from '../text/doc.js';
import { capChainsOf, cleanName, NICKNAME, pastAffiliation, tokText, type Chain, type PeopleIndex } from './people.js';
import { GIVEN_NAME_GENDER } from './first-names.js';
import { COUNTRY_WORDS, DEMONYMS, MONTHS_AND_DAYS, NAME_TITLES, ORG_NOMINALS, ORG_WORDS, ROLE_HEADS } from './roles.js';
import { anaphorRule, chooseSpeaker, DEFINITE, lazy, type AnaphorRule, type Candidates } from './quote-rules.js';
import { ATTRIBUTION_FILLERS, OTHER_PRONOUNS, PERSON_PRONOUNS, SPEECH_VERBS, WEAK_SPEECH_VERBS } from './speech-verbs.js';

/** A quoted span: the marks' positions and the trimmed text between them. */
export interface QuoteSpan {
  open: number; // offset of the opening mark
  inner: number; // first offset after the opening mark
  close: number; // offset of the closing mark, or the paragraph end when unclosed
  after: number; // first offset after the closing mark
  start: number; // trimmed text start
  end: number; // trimmed text end
  paragraph: number;
  closed: boolean;
}

type MarkKind = 'open' | 'close' | 'toggle';
interface Mark {
  pos: number;
  len: number;
  kind: MarkKind;
}

const LETTER = /[\p{L}\p{N}]/u;
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/:]/;
const TRIM = /[\s,.;:]/;

/**
 * Double-quote marks of one paragraph. A CSV-wrapped paragraph ('"…""quote"" …"') drops its
 * outer marks and reads each doubled "" as one.
 */
function doubleMarks(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  let a = from;
  let b = to;
  const wrapped = text[a] === '"' && text[b - 1] === '"' && b - a > 2 && text.slice(a + 1, b - 1).includes('""');
  if (wrapped) {
    a++;
    b--;
  }
  for (let i = a; i < b; i++) {
    const c = text[i]!;
    // '…,“ said Jim Clyburn': an opening mark glued to the end of a word and followed by a space
    // is used as a closing one.
    if (c === '“' && i > a && /[\p{L}\p{N},.?!]/u.test(text[i - 1]!) && /[\s,.;:]/.test(text[i + 1] ?? ' '))
      marks.push({ pos: i, len: 1, kind: 'toggle' });
    else if (c === '“' || c === '„' || c === '«') marks.push({ pos: i, len: 1, kind: 'open' });
    else if (c === '”' || c === '»') marks.push({ pos: i, len: 1, kind: 'close' });
    else if (c === '"') {
      const len = text[i + 1] === '"' && i + 1 < b ? 2 : 1;
      if (wrapped && len === 1) continue;
      marks.push({ pos: i, len, kind: 'toggle' });
      i += len - 1;
    } else if (c === '`' && text[i + 1] === '`') {
      marks.push({ pos: i, len: 2, kind: 'open' });
      i++;
    } else if (c === "'" && text[i + 1] === "'") {
      marks.push({ pos: i, len: 2, kind: 'toggle' });
      i++;
    }
  }
  return marks;
}

/** All quoted spans of a document, in text order. */
export function findQuoteSpans(doc: Doc): QuoteSpan[] {
  const text = doc.text;
  const out: QuoteSpan[] = [];
  doc.paragraphs.forEach((para, pi) => {
    const spans: QuoteSpan[] = [];
    const emit = (open: number, inner: number, close: number, after: number, closed: boolean) => {
      let s = inner;
      let e = close;
      while (s < e && TRIM.test(text[s]!)) s++;
      while (e > s && TRIM.test(text[e - 1]!)) e--;
      if (e > s && LETTER.test(text.slice(s, e))) spans.push({ open, inner, close, after, start: s, end: e, paragraph: pi, closed });
    };
    let open: Mark | null = null;
    let depth = 0;
    for (const m of doubleMarks(text, para.start, para.end)) {
      const prev = m.pos > para.start ? text[m.pos - 1]! : ' ';
      const next = text[m.pos + m.len] ?? ' ';
      let kind = m.kind;
      if (kind === 'toggle') kind = open ? 'close' : 'open';
      // A straight mark that looks like an opener while a curly quote is open is nested.
      if (kind === 'open') {
        if (!open) {
          open = m;
          depth = 1;
        } else if (m.kind === 'open') depth++;
      } else if (open) {
        if (depth > 1 && m.kind === 'close') depth--;
        else {
          emit(open.pos, open.pos + open.len, m.pos, m.pos + m.len, true);
          open = null;
          depth = 0;
        }
      } else if (m.kind === 'toggle' || (OPEN_CONTEXT.test(prev) && LETTER.test(next))) {
        // '”' used as an opener by some sites: treat as an opening mark.
        open = m;
        depth = 1;
      }
    }
    if (open) emit(open.pos, open.pos + open.len, para.end, para.end, false);

    // Single marks, only outside double quotes: ‘…’ and '…' (not apostrophes: "don't",
    // "Pakistan’s", "farmers' "), closed within the paragraph.
    const inside = (i: number) => spans.some((s) => i >= s.open && i < s.after);
    let sOpen = -1;
    for (let i = para.start; i < para.end; i++) {
      const c = text[i]!;
      if (c !== '‘' && c !== '’' && c !== "'") continue;
      if (inside(i)) continue;
      const prev = i > para.start ? text[i - 1]! : ' ';
      const next = text[i + 1] ?? ' ';
      if (sOpen < 0) {
        if ((c === '‘' || c === "'") && OPEN_CONTEXT.test(prev) && LETTER.test(next)) sOpen = i;
      } else if ((c === '’' || c === "'") && !LETTER.test(next) && !/\s/.test(prev)) {
        // 'farmers’ land' (a plural possessive) closes nothing when a letter-led word follows
        // and the quote would be one word; accept quotes of two or more words.
        if (/\s/.test(text.slice(sOpen + 1, i).trim())) emit(sOpen, sOpen + 1, i, i + 1, true);
        sOpen = -1;
      }
    }
    spans.sort((x, y) => x.open - y.open);
    // 'Col. John “J.D.” Dorrian': a nickname inside a name is not a quotation.
    const nickname = (q: QuoteSpan) =>
      q.closed && text[q.open - 1] === ' ' && /[A-Z][\p{L}.'’-]* $/u.test(text.slice(Math.max(para.start, q.open - 30), q.open)) && NICKNAME.test(text.slice(q.open, q.after + 2));
    out.push(...spans.filter((q) => !nickname(q)));
  });
  return out;
}

// ---------------------------------------------------------------------------------------------

interface Speaker {
  name: string; // as resolved
  start: number; // evidence span of the name/pronoun as written
  end: number;
  how: string; // rule
  person: boolean;
}

interface Source {
  pos: number;
  /** End of the name as written, where known (for evidence). */
  end?: number;
  name: string;
  person: boolean;
  /**
   * How the source stands in its sentence: 2 it speaks there ('X said', '“…,” X added'), 1 it is
   * a clause's subject or a quoted phrase is its, 0 it speaks in a relative clause ('Bush and
   * Christie, who say …').
   */
  rank: number;
}

const ACCORDING = 'according';
/** Abbreviations that end in a full stop inside a sentence ('St. Louis', 'Jr.', 'Inc.'). */
const ABBREVIATIONS = new Set(['st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'mt', 'ft', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec', 'ariz', 'calif', 'fla', 'ga', 'ky', 'mass', 'mich', 'minn', 'tenn', 'tex', 'va', 'wash', 'wis']);
/** Pronouns that tell a person's gender, for he/she agreement with the names before them. */
const MALE = new Set(['he', 'him', 'his', 'himself']);
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);
/** Marks that end a sentence (an attribution after a quote stops there). */
const END_PUNCT = new Set(['.', '!', '?']);
/** Parts of speech a noun phrase is made of, read leftwards from its head ('the Pakistani diplomat'). */
const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'PART', 'X']);
/** Paragraphs before the current one that 'it' looks back over for an organisation that spoke. */
const IT_WINDOW = 1;
/** Quantifier words that stand for people on their own ('another said', 'some argued'). */
const SPEAKER_QUANTIFIERS = new Set(['one', 'another', 'others', 'some', 'many', 'several', 'both', 'all', 'most', 'few', 'none', 'everyone', 'everybody', 'someone', 'somebody', 'nobody', 'himself', 'herself', 'themselves']);
/** Prepositions that open a phrase telling who a common-noun speaker is ('a source close to …'). */
const POST_MODIFIERS = new Set(['to', 'with', 'of', 'in', 'at', 'for', 'from', 'on']);
/** Words after which a word of saying is a noun: articles and possessives ('Trump’s remarks'). */
const SPEECH_NOUN_BEFORE = /^(a|an|the|his|her|its|their|my|our|your|[’']s)$/;
/** Words that open a clause before its subject: 'And X, …, said', 'As X, …, noted'. */
const CHUNK_OPENERS = new Set(['and', 'but', 'or', 'so', 'yet', 'as', 'while', 'though', 'although', 'meanwhile', 'still', 'now', 'then']);
/**
 * Common nouns for a person ('the carpenter', 'the woman', 'a resident'): words in -er/-or/-ist/-ant
 * and -ian for trades and roles, and the plain nouns for people. Not documents or bodies ('the
 * report', 'the ministry').
 */
const HUMAN_NOUN = /^(man|woman|boy|girl|mother|father|son|daughter|wife|husband|brother|sister|friend|neighbo(u)?r|resident|villager|refugee|survivor|(eye)?witness|local|relative|official|source|spokes(man|woman|person)|\w+(er|or|ist|ant|ent|ian))$/i;
/** Ordinals the tagger may read as adverbs: 'A second military source said'. */
const ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'other']);
/** Nouns of time that follow a subject without being its head ('Clinton last week said'). */
const TIME_NOUNS = new Set(['week', 'weekend', 'month', 'year', 'day', 'morning', 'afternoon', 'evening', 'night', 'time', 'times', 'hour', 'minute']);
/** Words that end the speaker after a verb of saying ('said Trump in a statement', 'said X that …'). */
const STOP_AFTER_VERB = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'while', 'when', 'to', 'that', 'with', 'from', 'as', 'and', 'but', 'about', 'by', 'via', 'over', 'through']);

/** The quotes of each analysed document, so findClaims reuses what findQuotes found. */
const CACHE = new WeakMap<Doc, { articleId: string; people: PeopleIndex; quotes: Quote[] }>();

/** Quote marks, or a word that can introduce speech: without one there is nothing to find. */
const ANY_SPEECH = /["“”«»„‘]|''|\b(said|says|say|told|tells|according|stated|added|wrote|claimed|announced|insisted|warned|argued|noted|declared|posted|tweeted|explained)\b/i;

export function findQuotes(doc: Doc, people: PeopleIndex, articleId: string): Quote[] {
  const hit = CACHE.get(doc);
  if (hit && hit.articleId === articleId && hit.people === people) return hit.quotes;
  const quotes = ANY_SPEECH.test(doc.text) ? readQuotes(doc, people, articleId) : [];
  CACHE.set(doc, { articleId, people, quotes });
  return quotes;
}

// ---------------------------------------------------------------------------------------------
// The reading of one document (prepare): its tokens, name chains and quoted spans, read once,
// and the cues the stages gather as they go (who spoke, who is a clause's subject), which the
// later stages read.

interface QuoteContext {
  doc: Doc;
  text: string;
  toks: Doc['tokens'];
  people: PeopleIndex;
  articleId: string;
  spans: QuoteSpan[];
  chains: Chain[];
  /** chainAt[token] = index of the chain holding the token, or -1 */
  chainAt: Int32Array;
  /** 1 for a token inside quotation marks. */
  inQuote: Uint8Array;
  /** The text of token k. */
  s: (k: number) => string;
  /** First token index with start >= pos. */
  tokenAt: (pos: number) => number;
  personNames: Set<string>;
  /** Surnames of the people the article names in full ('Clinton' of 'Bill Clinton'). */
  surnames: Set<string>;
  /** Start → end of every organisation mention. */
  orgStarts: Map<number, number>;
  /** Every attribution seen so far, for pronouns and bare titles, kept in text order. */
  sources: Source[];
  /** Speakers read so far (attributions, then direct quotes as they are read), in no set order. */
  spoke: { pos: number; sp: Speaker }[];
  /** People named only by a common noun who spoke ('a second military source said …'), for he/she and 'the source'. */
  humans: { pos: number; sp: Speaker }[];
  /**
   * Person mentions in text order (every name span of the people index), with a gender read off
   * the article itself: Mr./Mrs./Ms., and the he/she that follows a name most closely. Read only
   * when a pronoun needs resolving (most short texts have none): mentionsReady.
   */
  mentions: { pos: number; name: string }[];
  /** > 0 male, < 0 female */
  gender: Map<string, number>;
  mentionsReady: boolean;
  /** Attributions ('X said', 'according to X'): the verb's token and who speaks. */
  speechFrames: { v: number; sp: Speaker }[];
  /** The last attribution of each paragraph, for a quote paragraph that follows ('X said:'). */
  paraLast: (Speaker | null)[];
}

/** The first stage: spans (findQuoteSpans), name chains, and which tokens lie inside quotation marks. */
function prepare(doc: Doc, people: PeopleIndex, articleId: string): QuoteContext {
  const text = doc.text;
  const toks = doc.tokens;
  const spans = findQuoteSpans(doc);
  const { chains } = capChainsOf(doc);
  const chainAt = new Int32Array(toks.length).fill(-1);
  chains.forEach((c, ci) => {
    for (let k = c.ts; k < c.te; k++) chainAt[k] = ci;
  });
  const inQuote = new Uint8Array(toks.length);
  {
    let si = 0;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      while (si < spans.length && spans[si]!.after <= t.start) si++;
      const s = spans[si];
      if (s && t.start >= s.inner && t.end <= s.close) inQuote[k] = 1;
    }
  }
  const orgStarts = new Map<number, number>();
  for (const o of people.organisations) for (const e of o.evidence) orgStarts.set(e.start, e.end);
  return {
    doc,
    text,
    toks,
    people,
    articleId,
    spans,
    chains,
    chainAt,
    inQuote,
    s: (k: number) => tokText(doc, toks[k]!),
    tokenAt: (pos: number): number => firstStartingAt(toks.length, (i) => toks[i]!.start, pos),
    personNames: new Set(people.people.map((p) => p.name)),
    surnames: new Set(people.people.filter((p) => p.name.includes(' ')).map((p) => p.name.split(' ').pop()!)),
    orgStarts,
    sources: [],
    spoke: [],
    humans: [],
    mentions: [],
    gender: new Map(),
    mentionsReady: false,
    speechFrames: [],
    paraLast: new Array(doc.paragraphs.length).fill(null),
  };
}

// ---------------------------------------------------------------------------------------------
// Names, and who a pronoun, title or description refers to.

function ev(cx: QuoteContext, start: number, end: number): Evidence {
  const { text, articleId } = cx;
  return { article: articleId, start, end, text: text.slice(start, end) };
}

/**
 * A person: in the people index, or shaped like a personal name with a known given name
 * (two to four capitalised words, none an organisation, country or title word: 'Jillian Chase').
 */
function isPersonName(cx: QuoteContext, name: string) {
  const { personNames, surnames } = cx;
  if (personNames.has(name)) return true;
  // A surname standing for one of a family ('Mrs. Clinton' beside Bill Clinton).
  if (!name.includes(' ') && surnames.has(name)) return true;
  const words = name.split(' ');
  if (words.length < 2 || words.length > 4 || !GIVEN_NAME_GENDER.has(words[0]!.toLowerCase())) return false;
  return words.every((w) => {
    const b = w.toLowerCase().replace(/\.$/, '');
    return /^[A-Z][\p{L}'’.-]*$/u.test(w) && !ORG_WORDS.has(b) && !COUNTRY_WORDS.has(b) && !NAME_TITLES.has(b) && !ROLE_HEADS.has(b);
  });
}

/**
 * Two or three capitalised words, none an organisation, country, title or role word, and no
 * organisation's name: a person the article names in apposition to a role, even when the given
 * name is not in our list ('a member of the …, Hamidu Abu, said').
 */
function personShaped(cx: QuoteContext, name: string): boolean {
  const { people } = cx;
  const words = name.split(' ');
  if (words.length < 2 || words.length > 3 || people.organisations.some((o) => o.name === name)) return false;
  return words.every((w) => {
    const b = w.toLowerCase().replace(/\.$/, '');
    return /^[A-Z][\p{L}'’-]*$/u.test(w) && !ORG_WORDS.has(b) && !COUNTRY_WORDS.has(b) && !NAME_TITLES.has(b) && !ROLE_HEADS.has(b) && !MONTHS_AND_DAYS.has(b);
  });
}

function isOrgName(cx: QuoteContext, name: string) {
  const { people } = cx;
  return people.organisations.some((o) => o.name === name) || ORG_WORDS.has(name.split(' ').pop()!.toLowerCase()) || COUNTRY_WORDS.has(name.toLowerCase());
}

/**
 * How a speaker is written in the output. An organisation keeps the acronym the article gives
 * it ('Inter-Services Public Relations (ISPR)'), so either form finds it; a lone word that opens
 * one organisation's longer name stands for it ('Hengaw said' after 'the Hengaw Organization for
 * Human Rights').
 */
function speakerLabel(cx: QuoteContext, sp: Speaker): string {
  const { people } = cx;
  let org = people.organisations.find((o) => (o.name === sp.name && sp.name.includes(' ')) || o.acronym === sp.name);
  if (sp.person && (org || sp.name.includes(' '))) return sp.name;
  if (!org && /^[A-Z][\p{L}'’-]+$/u.test(sp.name) && !ORG_WORDS.has(sp.name.toLowerCase()) && !COUNTRY_WORDS.has(sp.name.toLowerCase())) {
    const opens = people.organisations.filter((o) => o.name.startsWith(sp.name + ' ') && o.name.split(' ').length >= 3);
    if (opens.length === 1) org = opens[0];
  }
  // 'the Observatory said' after 'the Syrian Observatory for Human Rights': the organisation
  // word of one organisation's name, capitalised, is that organisation.
  if (!org && /^[A-Z][a-z]+$/.test(sp.name) && ORG_WORDS.has(sp.name.toLowerCase())) {
    const holds = people.organisations.filter((o) => o.name !== sp.name && o.name.split(' ').includes(sp.name));
    if (holds.length === 1) org = holds[0];
  }
  org ??= people.organisations.find((o) => o.name === sp.name);
  if (!org) return sp.name;
  return org.acronym && !org.name.includes(org.acronym) ? `${org.name} (${org.acronym})` : org.name;
}

/** Is this chain a name (not only titles, countries or months)? */
function nameChain(cx: QuoteContext, ci: number): boolean {
  const { text, chains, s } = cx;
  const c = chains[ci]!;
  // 'R-Utah', 'D-Calif.': a party and state tag, not a name.
  if (/^[RDI]-[A-Z]/.test(text.slice(c.start, c.end))) return false;
  // 'on Saturday criticized …': a day or month is no name.
  if (c.te - c.ts === 1 && MONTHS_AND_DAYS.has(s(c.ts).toLowerCase())) return false;
  for (let k = c.ts; k < c.te; k++) {
    const w = s(k).toLowerCase().replace(/\.$/, '');
    if (!NAME_TITLES.has(w) && !ROLE_HEADS.has(w) && !COUNTRY_WORDS.has(w)) return true;
  }
  return false;
}

function addSource(cx: QuoteContext, x: Source) {
  const { sources } = cx;
  let i = sources.length;
  while (i > 0 && sources[i - 1]!.pos > x.pos) i--;
  sources.splice(i, 0, x);
}

function vote(cx: QuoteContext, name: string, v: number) {
  const { gender } = cx;
  return gender.set(name, (gender.get(name) ?? 0) + v);
}

/** The gender a person's given name carries ('Bill Clinton' +1), 0 when unknown. */
function givenGender(name: string): number {
  return (name.includes(' ') ? GIVEN_NAME_GENDER.get(name.split(' ')[0]!.toLowerCase()) ?? 0 : 0);
}

/**
 * 'Mrs. Clinton' resolved to 'Bill Clinton': a title that clashes with the given name's gender
 * marks another member of the family, named by the surname alone.
 */
function familyName(cx: QuoteContext, at: number, name: string): string {
  const { text } = cx;
  const g0 = givenGender(name);
  if (!g0) return name;
  const before = text.slice(Math.max(0, at - 6), at);
  const title = /\bMr\.? $/.test(before) ? 1 : /\b(Mrs|Ms|Miss)\.? $/.test(before) ? -1 : 0;
  const written = /^(Mr|Mrs|Ms|Miss)\.?\s+(\S+)/.exec(text.slice(at, at + 40));
  const t2 = written ? (written[1] === 'Mr' ? 1 : -1) : title;
  return t2 && t2 !== g0 ? name.split(' ').pop()! : name;
}

function readMentions(cx: QuoteContext): void {
  const { text, toks, inQuote, mentions, gender, doc, people } = cx;
  if (cx.mentionsReady) return;
  cx.mentionsReady = true;
  for (const p of people.people) {
    const g0 = givenGender(p.name);
    for (const e of p.evidence) {
      if (!/^[A-Z]/.test(e.text) || !p.name.endsWith(e.text.split(' ').pop()!)) continue;
      const before = text.slice(Math.max(0, e.start - 6), e.start);
      const title = /\bMr\.? $/.test(before) ? 1 : /\b(Mrs|Ms|Miss)\.? $/.test(before) ? -1 : 0;
      // Family members share a surname: 'Mrs. Clinton' in an article that names Bill Clinton is
      // another Clinton, so the mention keeps the surname alone and its own gender.
      if (title && g0 && title !== g0 && !e.text.includes(' ')) {
        const sur = p.name.split(' ').pop()!;
        mentions.push({ pos: e.start, name: sur });
        vote(cx, sur, 5 * title);
        continue;
      }
        mentions.push({ pos: e.start, name: p.name });
      if (title) vote(cx, p.name, 5 * title);
    }
    // A known given name outweighs what the article's pronouns seem to say.
    if (g0) vote(cx, p.name, 20 * g0);
  }
  mentions.sort((x, y) => x.pos - y.pos);
  // A sentence that names one person and then says he or she (outside quotation marks) tells
  // that person's gender; so does a sentence opening with He/She right after it.
  {
    let mi = 0;
    let prevOnly: string | null = null;
    for (const sent of doc.sentences) {
      const names = new Set<string>();
      let firstEnd = -1;
      while (mi < mentions.length && mentions[mi]!.pos < sent.end) {
        if (mentions[mi]!.pos >= sent.start) {
          names.add(mentions[mi]!.name);
          if (firstEnd < 0) firstEnd = mentions[mi]!.pos;
        }
        mi++;
      }
      const only = names.size === 1 ? [...names][0]! : null;
      for (let k = sent.tokenStart; k < sent.tokenEnd; k++) {
        const t = toks[k]!;
        if (inQuote[k] || (!MALE.has(t.lower) && !FEMALE.has(t.lower))) continue;
        const v = MALE.has(t.lower) ? 1 : -1;
        if (only && t.start > firstEnd) vote(cx, only, v);
        else if (!names.size && prevOnly && k === sent.tokenStart) vote(cx, prevOnly, v);
      }
      prevOnly = only;
    }
  }
}

function genderOf(cx: QuoteContext, name: string): number {
  const { gender } = cx;
  return (readMentions(cx), gender.get(name)) ?? (name.includes(' ') ? GIVEN_NAME_GENDER.get(name.split(' ')[0]!.toLowerCase()) ?? 0 : 0);
}

/** 2 = the name's known gender matches the pronoun, 1 = unknown, 0 = it clashes. */
function agreement(cx: QuoteContext, name: string, pron: string): number {
  const g = genderOf(cx, name);
  if (MALE.has(pron)) return g > 0 ? 2 : g === 0 ? 1 : 0;
  if (FEMALE.has(pron)) return g < 0 ? 2 : g === 0 ? 1 : 0;
  return 1;
}

/** Start offset of the paragraph before the one holding pos (the window a pronoun looks back over). */
function windowStart(cx: QuoteContext, pos: number): number {
  const { toks, tokenAt, doc } = cx;
  const si = toks[Math.min(tokenAt(pos), toks.length - 1)]?.sentence ?? 0;
  const pi = doc.sentences[si]?.paragraph ?? 0;
  return doc.paragraphs[Math.max(0, pi - IT_WINDOW)]!.start;
}

/**
 * The person a he/she refers to: the nearest earlier speaker or subject of a clause whose gender
 * does not clash ('Former President Bill Clinton agreed … “…,” he said'), else the nearest
 * person named. (Measured on PolNeAR-train: looking at nearby mentions first, or making 'she'
 * skip names of unknown gender, both did worse.)
 */
function paragraphOf(cx: QuoteContext, pos: number): number {
  const { toks, tokenAt, doc } = cx;
  return doc.sentences[toks[Math.min(tokenAt(pos), toks.length - 1)]!.sentence]!.paragraph;
}

function personBefore(cx: QuoteContext, pos: number, pron = ''): Source | undefined {
  const { toks, tokenAt, sources, mentions, doc } = cx;
  readMentions(cx);
  for (let i = sources.length - 1; i >= 0; i--) {
    const c = sources[i]!;
    if (!(c.pos < pos && c.person && agreement(cx, c.name, pron) > 0)) continue;
    // Within one sentence one who speaks comes first, then the subject of a clause, then one
    // who speaks in a relative clause ('Rubio refrained from attacking Bush and Christie, who
    // say …. He dismissed …' is Rubio); the last of them as written.
    const si = toks[Math.min(tokenAt(c.pos), toks.length - 1)]!.sentence;
    const from = doc.sentences[si]!.start;
    let best = c;
    for (let j = i - 1; j >= 0 && sources[j]!.pos >= from; j--) {
      const d = sources[j]!;
      if (d.person && agreement(cx, d.name, pron) > 0 && d.rank > best.rank) best = d;
    }
    return best;
  }
  for (let j = mentions.length - 1; j >= 0; j--) {
    const m = mentions[j]!;
    if (m.pos < pos && agreement(cx, m.name, pron) > 0) return { ...m, person: true, rank: 1 };
  }
  return undefined;
}

function orgBefore(cx: QuoteContext, pos: number, head: string): string | null {
  const { people } = cx;
  let best: { pos: number; name: string } | null = null;
  for (const o of people.organisations) {
    if (!o.name.toLowerCase().includes(head)) continue;
    for (const e of o.evidence) if (e.start < pos && (!best || e.start > best.pos)) best = { pos: e.start, name: o.name };
  }
  return best?.name ?? null;
}

/** One named by a common noun for a person ('a second military source', 'the carpenter'), not an organisation or a document. */
function isHumanNominal(cx: QuoteContext, sp: Speaker): boolean {
  return sp.how.endsWith(':nominal') && !sp.person && HUMAN_NOUN.test(headOf(sp.name)) && !ORG_NOMINALS.has(headOf(sp.name));
}

/** The head noun of a common-noun speaker: 'narrator in the Clinton ad' → 'narrator'. */
function headOf(name: string): string {
  return name.toLowerCase().split(/\s+(?:of|in|at|from|for|with|on|who)\s+/)[0]!.split(/\s+/).pop()!;
}

function paraDistance(cx: QuoteContext, from: number, to: number) {
  return paragraphOf(cx, to) - paragraphOf(cx, from);
}

/** What a definite description refers to (quote-rules.ts), or null. */
function antecedent(cx: QuoteContext, r: AnaphorRule, head: string, at: number): Omit<Speaker, 'how' | 'start' | 'end'> | null {
  const { text, toks, chains, chainAt, inQuote, tokenAt, spoke, humans, people } = cx;
  if (r.refersTo === 'person') {
    const src = personBefore(cx, at);
    let hum: { pos: number; sp: Speaker } | null = null;
    for (const h of humans) if (h.pos < at && (!hum || h.pos > hum.pos)) hum = h;
    if (hum && (!src || src.pos < hum.pos) && paraDistance(cx, hum.pos, at) <= 2) return { name: hum.sp.name, person: false };
    // ('a narrator in the Clinton ad asks …. “…,” the ad’s narrator says': the same noun for
    // a person, used just before, wins over a person named since.)
    let same: { pos: number; sp: Speaker } | null = null;
    for (const h of humans) if (h.pos < at && headOf(h.sp.name) === head && paraDistance(cx, h.pos, at) <= 2 && (!same || h.pos > same.pos)) same = h;
    if (same) return { name: same.sp.name, person: false };
    if (src && paraDistance(cx, src.pos, at) <= 3) return { name: src.name, person: true };
    return null;
  }
  if (r.refersTo === 'organisation') {
    const fits = (name: string) => name.toLowerCase().split(/[\s-]+/).some((w) => r.alike!.includes(w));
    let best: { pos: number; name: string } | null = null;
    for (const x of spoke) if (x.pos < at && !x.sp.person && !isHumanNominal(cx, x.sp) && fits(x.sp.name) && (!best || x.pos > best.pos)) best = { pos: x.pos, name: x.sp.name };
    return best ? { name: best.name, person: false } : null;
  }
  // 'issuer': 'a statement issued by the ISPR' / 'a statement from X', else the last organisation that spoke.
  for (let k = tokenAt(at) - 1; k >= 0 && paraDistance(cx, toks[k]!.start, at) <= 3; k--) {
    if (toks[k]!.lower !== head || inQuote[k]) continue;
    let f = k + 1;
    if (toks[f]?.lower === 'issued' || toks[f]?.lower === 'released') f++;
    if (!/^(from|by)$/.test(toks[f]?.lower ?? '')) continue;
    f++;
    if (toks[f]?.lower === 'the') f++;
    const ci = chainAt[f] ?? -1;
    if (ci >= 0 && nameChain(cx, ci)) {
      const c = chains[ci]!;
      const name = people.resolve(cleanName(text.slice(c.start, c.end)));
      return { name, person: isPersonName(cx, name) };
    }
  }
  let best: { pos: number; sp: Speaker } | null = null;
  for (const x of spoke)
    if (x.pos < at && !x.sp.person && /:(name|nominal-org)$/.test(x.sp.how) && isOrgName(cx, x.sp.name) && paraDistance(cx, x.pos, at) <= 4 && (!best || x.pos > best.pos)) best = x;
  return best ? { name: best.sp.name, person: false } : null;
}

// ---------------------------------------------------------------------------------------------
// Noun phrases: who a phrase names (speakerOfNP), and the subject of a verb of saying (subjectLeft, subjectRight).

/** 'her senior policy adviser, Jake Sullivan, said': 'her' before a noun is no subject. */
function possessive(cx: QuoteContext, k: number): boolean {
  const { toks } = cx;
  const l = toks[k]!.lower;
  const n = toks[k + 1];
  return (l === 'her' || l === 'his' || l === 'their' || l === 'its') && !!n && (n.pos === 'NOUN' || n.pos === 'ADJ' || n.pos === 'PROPN');
}

/** Does [a, b) hold a word that can name a speaker (a noun, a name, a number, 'one', 'another')? */
function contentful(cx: QuoteContext, a: number, b: number): boolean {
  const { toks, chainAt, s } = cx;
  for (let k = a; k < b; k++) {
    const t = toks[k]!;
    // ('on Tuesday wrote that …': a day or month names no one.)
    if (MONTHS_AND_DAYS.has(t.lower) && t.lower.length > 3) continue;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || chainAt[k]! >= 0 || SPEAKER_QUANTIFIERS.has(t.lower)) return true;
    // A capitalised word inside a sentence is a name whatever its tag ('…, Will wrote').
    if (/^[A-Z]/.test(s(k)) && k > 0 && toks[k - 1]!.sentence === t.sentence && !/^[.!?:“"‘'(]$/.test(s(k - 1))) return true;
  }
  return false;
}

/**
 * Do tokens [from, b) read as a common-noun head after a name: an optional possessive, then
 * lower-case nouns and adjectives ending in a noun ('’s office', ' campaign', ' supporters')?
 * Time words are no head ('Clinton last week said').
 */
function ownedHead(cx: QuoteContext, from: number, b: number): boolean {
  const { toks, s } = cx;
  let k = from;
  if (k < b && /^[’']s$/.test(toks[k]!.lower)) k++;
  if (k >= b) return false;
  for (let q = k; q < b; q++) {
    const t = toks[q]!;
    if (!/^[a-z]/.test(s(q)) || (t.pos !== 'NOUN' && t.pos !== 'ADJ') || TIME_NOUNS.has(t.lower) || MONTHS_AND_DAYS.has(t.lower)) return false;
  }
  return toks[b - 1]!.pos === 'NOUN';
}

/**
 * A reading that names who speaks: a name, a pronoun, an owned or organisation phrase, or a
 * common noun for a speaker ('the army', 'the spokesman'), not any noun ('the report').
 */
function speakerLike(cx: QuoteContext, sp: Speaker): boolean {
  if (/:(name|pronoun|owned|nominal-org|anaphor)$/.test(sp.how)) return true;
  if (!sp.how.endsWith(':nominal')) return false;
  // ('Germany on Thursday also called for …, saying': a country speaks through its government.)
  if (/^[A-Z]/.test(sp.name) && COUNTRY_WORDS.has(sp.name.toLowerCase()) && !DEMONYMS.has(sp.name)) return true;
  const head = sp.name.split(/\s+/).pop()!.toLowerCase();
  return ORG_NOMINALS.has(head) || ROLE_HEADS.has(head);
}

/**
 * A verb that has a subject of its own: not an infinitive ('to end'), not a capitalised word the
 * tagger reads as a verb ('Sen. Ted Cruz'), nor a noun after an article ('a Twitter comment',
 * 'a Las Vegas rally').
 */
function clauseVerb(cx: QuoteContext, k: number): boolean {
  const { toks, chains, chainAt, inQuote, s } = cx;
  if (toks[k]!.pos !== 'VERB' || !/^[a-z]+$/.test(s(k)) || k === 0 || inQuote[k]) return false;
  const p = toks[k - 1]!.lower;
  if (p === 'to' || SPEECH_NOUN_BEFORE.test(p)) return false;
  // ('a Las Vegas rally', 'a Twitter comment': a name after an indefinite article modifies the noun.)
  const ci = chainAt[k - 1]!;
  return !(ci >= 0 && /^(a|an)$/.test(toks[chains[ci]!.ts - 1]?.lower ?? ''));
}

/** Words of [a, b) outside brackets and quotation marks ('state Del. Marcia "Cia" Price (D-Newport News)' has 5). */
function wordsIn(cx: QuoteContext, a: number, b: number): number {
  const { s } = cx;
  let n = 0;
  let depth = 0;
  for (let k = a; k < b; k++) {
    const w = s(k);
    if (w === '(') depth++;
    else if (w === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && !/^[“”"'‘’.]+$/.test(w)) n++;
  }
  return n;
}

/** Does [a, b) hold a verb outside a name ('who remains', 'would do well')? */
function hasVerb(cx: QuoteContext, a: number, b: number): boolean {
  const { text, toks, chainAt, s } = cx;
  for (let k = a; k < b; k++) {
    const t = toks[k]!;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && chainAt[k]! < 0 && /^[a-z]/.test(s(k)) && text[t.start - 1] !== '-') return true;
  }
  return false;
}

/** Does [a, b) open like a noun phrase ('the …', 'its …', 'another delegate on the …'), not 'in a Trumpian post'? */
function plainBefore(cx: QuoteContext, a: number, b: number): boolean {
  const { toks } = cx;
  return a >= b || !/^(ADP|VERB|AUX|SCONJ|CCONJ|PART)$/.test(toks[a]!.pos);
}

/** 'Jeffrey Lewis of the James Martin Center for …': a person's name before of/at/from and the organisation at `orgStart`. */
function affiliatedPerson(cx: QuoteContext, a: number, orgStart: number): boolean {
  const { text, toks, chains, chainAt, tokenAt, people } = cx;
  let k = tokenAt(orgStart) - 1;
  if (k > a && toks[k]!.lower === 'the') k--;
  if (k <= a || !/^(of|at|from|with)$/.test(toks[k]!.lower)) return false;
  const ci = chainAt[k - 1]!;
  if (ci < 0 || !nameChain(cx, ci)) return false;
  return isPersonName(cx, people.resolve(cleanName(text.slice(chains[ci]!.start, chains[ci]!.end))));
}

/** 'The Afghan Ministry of Defense stated': a noun phrase [a, b0) that ends in an organisation's full name. */
function orgNameEnding(cx: QuoteContext, a: number, b0: number, rule: string): Speaker | null {
  const { toks, people } = cx;
  const npEnd = toks[b0 - 1]!.end;
  for (const o of people.organisations)
    for (const e of o.evidence)
      if (e.end === npEnd && e.start >= toks[a]!.start && /\b(of|for|and)\b/.test(e.text) && !affiliatedPerson(cx, a, e.start))
        return { name: o.name, start: e.start, end: e.end, how: rule + ':name', person: false };
  return null;
}

/** The parts of a noun phrase [a, b0): where it ends, its last name chain, its pronoun and its last common noun (-1 when none). */
function npParts(cx: QuoteContext, a: number, b0: number): { b: number; lastChain: number; pronoun: number; headNoun: number } {
  const { toks, chains, chainAt, s } = cx;
  // 'Jeffrey Lewis of the James Martin Center …': a name before of/at/from is the speaker.
  let b = b0;
  for (let k = a + 1; k < b0; k++) {
    if (!/^(of|at|from|with)$/.test(toks[k]!.lower)) continue;
    const ci = chainAt[k - 1]!;
    if (ci >= 0 && nameChain(cx, ci) && !ORG_WORDS.has(s(k - 1).toLowerCase())) b = k;
    break;
  }
  let depth = 0;
  let lastChain = -1;
  let pronoun = -1;
  let headNoun = -1;
  for (let k = a; k < b; k++) {
    const w = s(k);
    if (w === '(') depth++;
    else if (w === ')') depth--;
    if (depth > 0 || w === ')') continue;
    const ci = chainAt[k]!;
    if (ci >= 0 && nameChain(cx, ci)) {
      // A name that only modifies a following noun ('a Clinton spokesman') is not the head,
      // but it is kept when nothing better comes.
      lastChain = ci;
      k = Math.min(chains[ci]!.te, b) - 1;
      continue;
    }
    if (toks[k]!.pos === 'PRON' && (PERSON_PRONOUNS.has(toks[k]!.lower) || OTHER_PRONOUNS.has(toks[k]!.lower)) && !possessive(cx, k)) pronoun = k;
    if (toks[k]!.pos === 'NOUN') headNoun = k;
  }
  return { b, lastChain, pronoun, headNoun };
}

/** A noun phrase [a, b) with a name chain: a bare title, a nominal the name modifies, an owned phrase, or the name. */
function nameReading(cx: QuoteContext, a: number, b: number, at: number, rule: string, lastChain: number, headNoun: number): Speaker {
  const { text, toks, chains, s, personNames, people } = cx;
  // 'the New Jersey governor' / 'the Vermont senator': a name that only modifies a role noun
  // is a bare title, which takes the last person who spoke.
  if (lastChain >= 0 && headNoun > chains[lastChain]!.te - 1 && ROLE_HEADS.has(toks[headNoun]!.lower) && toks[a]!.lower === 'the') {
    const src = personBefore(cx, at);
    if (src) return { name: src.name, start: toks[a]!.start, end: toks[headNoun]!.end, how: rule + ':title', person: true };
  }
  // 'an Intel spokeswoman', 'a Carrier executive': the name is not the speaker's.
  if (lastChain >= 0 && headNoun > chains[lastChain]!.te - 1 && /^(a|an|one)$/.test(toks[a]!.lower)) {
    const np = text.slice(toks[a]!.start, toks[headNoun]!.end);
    return { name: np.replace(/^(a|an)\s+/i, ''), start: toks[a]!.start, end: toks[headNoun]!.end, how: rule + ':nominal', person: false };
  }
  // 'Ryan’s office said', 'the Trump campaign explained', 'Clinton supporters chanted': a name
  // that owns or only modifies the common noun closing the phrase is not who speaks. The
  // phrase names its speaker as well as a name would ('Gary Johnson’s doctor is calling the
  // candidate “…”'), so it is not a weak common noun either.
  if (lastChain >= 0 && ownedHead(cx, chains[lastChain]!.te, b) && plainBefore(cx, a, chains[lastChain]!.ts)) {
    const np = text.slice(toks[a]!.start, toks[b - 1]!.end);
    return { name: np.replace(/^(the|a|an)\s+/i, ''), start: toks[a]!.start, end: toks[b - 1]!.end, how: rule + ':owned', person: false };
  }
  const c = chains[lastChain]!;
  // Drop leading titles: 'Sen. Ted Cruz' → 'Ted Cruz'.
  let ts = c.ts;
  // ('Interior Ministry' keeps its words: an organisation's name is not a title and a name.)
  if (!ORG_WORDS.has(s(c.te - 1).toLowerCase()))
    while (ts < c.te - 1 && (NAME_TITLES.has(s(ts).toLowerCase().replace(/\.$/, '')) || COUNTRY_WORDS.has(s(ts).toLowerCase()))) ts++;
  const written = text.slice(toks[ts]!.start, c.end);
  const name = familyName(cx, c.start, people.resolve(cleanName(written)));
  const person = isPersonName(cx, name) || (name !== written && personNames.has(written));
  return { name, start: toks[ts]!.start, end: c.end, how: rule + ':name', person };
}

/** A pronoun as a speaker: he/she the person it refers to, it/they an organisation that spoke just before. */
function pronounReading(cx: QuoteContext, pronoun: number, at: number, rule: string): Speaker {
  const { toks, tokenAt, sources, humans, doc } = cx;
  const p = toks[pronoun]!;
  if (PERSON_PRONOUNS.has(p.lower)) {
    const src = personBefore(cx, p.start, p.lower);
    // '“…,” the carpenter says. “…,” he goes on.': one named only by a common noun who spoke
    // last, in this paragraph or the one before, with no one named since.
    let ln: { pos: number; sp: Speaker } | null = null;
    for (const h of humans) if (h.pos < p.start && (!ln || h.pos > ln.pos)) ln = h;
    if (ln && (!src || src.pos < ln.pos) && paragraphOf(cx, p.start) - paragraphOf(cx, ln.pos) <= 1)
      return { ...ln.sp, start: p.start, end: p.end, how: rule + ':pronoun' };
    if (src) return { name: src.name, start: p.start, end: p.end, how: rule + ':pronoun', person: true };
    // ('Jean Richard Lenga … said …. “…,” he said': when every person named clashes with the
    // pronoun by the given-name list, the one who spoke in this sentence or the one before
    // is still who it means: the list does not know every language's names.)
    const any = personBefore(cx, p.start);
    if (any && doc.sentences[toks[tokenAt(p.start)]!.sentence]!.paragraph - paragraphOf(cx, any.pos) <= 0 && toks[tokenAt(p.start)]!.sentence - toks[tokenAt(any.pos)]!.sentence <= 1)
      return { name: any.name, start: p.start, end: p.end, how: rule + ':pronoun', person: true };
  } else if (p.lower === 'it' || p.lower === 'they') {
    // Only an organisation that spoke in this paragraph or the one before ('the ministry said
    // … “…,” it added'); a country or place named earlier is rarely what 'it' quotes.
    const lo = windowStart(cx, at);
    for (let i = sources.length - 1; i >= 0 && sources[i]!.pos >= lo; i--) {
      const x = sources[i]!;
      if (x.pos < at && !x.person && !COUNTRY_WORDS.has(x.name.toLowerCase()) && isOrgName(cx, x.name))
        return { name: x.name, start: p.start, end: p.end, how: rule + ':pronoun', person: false };
    }
  }
  return { name: tokText(doc, p), start: p.start, end: p.end, how: rule + ':pronoun-unresolved', person: false };
}

/** A definite description as a speaker ('the statement added', 'the army said'), by ANAPHOR_RULES (quote-rules.ts). */
function anaphorReading(cx: QuoteContext, a: number, b: number, rule: string): Speaker | null {
  const { text, toks, s } = cx;
  // 'the statement added', 'the army said', 'the 47-year-old told AFP': a definite description
  // points back to one the article has named (quote-rules.ts).
  let hb = b;
  while (hb - 1 > a && (toks[hb - 1]!.pos === 'ADV' || toks[hb - 1]!.pos === 'AUX')) hb--;
  // (the head as written: '52-year-old' is several tokens)
  const headWord = /[\p{L}\p{N}-]+$/u.exec(text.slice(toks[a]!.start, toks[hb - 1]!.end))?.[0] ?? s(hb - 1);
  const rule0 = b - a <= 8 ? anaphorRule(headWord, (h) => ROLE_HEADS.has(h) || (HUMAN_NOUN.test(h) && !ORG_NOMINALS.has(h) && !ORG_WORDS.has(h))) : undefined;
  // ('police officer further said': a bare role noun, not 'my mother' cut from its possessive.)
  const bare = toks[a]!.pos === 'NOUN' && /^[a-z]/.test(s(a)) && rule0?.refersTo === 'person' && !/^(my|his|her|their|our|your|its|[’']s)$/.test(toks[a - 1]?.lower ?? '');
  // ('according to the Malian armed forces' names them; 'the army' alone points back.)
  const short = rule0?.refersTo !== 'organisation' || hb - a === 2;
  // (A plain noun for a person points back only when the article used it before: 'said a
  // soldier … said the soldier'; 'the ad’s narrator' with none before is someone new.)
  const usedBefore = (w: string) => new RegExp(`\\b${w.replace(/[^\p{L}\p{N}-]/gu, '')}\\b`, 'iu').test(text.slice(0, toks[a]!.start));
  const listed = rule0 ? rule0.heads.some((x) => (x.startsWith('^') ? new RegExp(x).test(headWord.toLowerCase()) : x === headWord.toLowerCase())) : false;
  if (rule0 && short && (listed || usedBefore(headWord)) && (DEFINITE.has(toks[a]!.lower) || bare)) {
    const got = antecedent(cx, rule0, headWord.toLowerCase(), toks[a]!.start);
    if (got) return { ...got, start: toks[a]!.start, end: toks[hb - 1]!.end, how: rule + ':anaphor' };
  }
  return null;
}

/** A noun phrase with no name or pronoun: a title, an organisation's common noun, or a common noun for a speaker. */
function nominalReading(cx: QuoteContext, a: number, b: number, at: number, rule: string, headNoun: number): Speaker | null {
  const { text, toks } = cx;
  // 'The Foreign Secretary said:': a definite title of capitalised title words.
  if (toks[a]!.lower === 'the' && b - a <= 5 && headNoun < 0) {
    let titles = true;
    for (let k = a + 1; k < b; k++) if (!NAME_TITLES.has(toks[k]!.lower) && !ROLE_HEADS.has(toks[k]!.lower)) titles = false;
    const src = titles && b - a > 1 ? personBefore(cx, at) : undefined;
    if (src) return { name: src.name, start: toks[a]!.start, end: toks[b - 1]!.end, how: rule + ':title', person: true };
  }
  if (headNoun >= 0) {
    const h = toks[headNoun]!;
    const np = text.slice(toks[a]!.start, toks[b - 1]!.end);
    if (ORG_NOMINALS.has(h.lower)) {
      const org = orgBefore(cx, at, h.lower);
      if (org) return { name: org, start: toks[a]!.start, end: h.end, how: rule + ':nominal-org', person: false };
    }
    // A bare title ('the Republican nominee', 'the spokesman') takes the last person who spoke.
    if (ROLE_HEADS.has(h.lower) && toks[a]!.lower === 'the') {
      const src = personBefore(cx, at);
      if (src) return { name: src.name, start: toks[a]!.start, end: h.end, how: rule + ':title', person: true };
    }
    return { name: np.replace(/^(the|a|an)\s+/i, ''), start: toks[a]!.start, end: toks[b - 1]!.end, how: rule + ':nominal', person: false };
  }
  // 'one well-connected Democrat familiar …': a noun phrase with no common noun head. Only
  // words that can name someone make a speaker: 'to', 'which', 'and' or 'recently' left over
  // from a clause do not, and the quote is resolved some other way.
  if (b - a <= 8 && contentful(cx, a, b)) {
    const np = text.slice(toks[a]!.start, toks[b - 1]!.end);
    return { name: np.replace(/^(the|a|an)\s+/i, ''), start: toks[a]!.start, end: toks[b - 1]!.end, how: rule + ':nominal', person: false };
  }
  return null;
}

/**
 * The speaker named by tokens [a, b0) (a noun phrase), read where it speaks (`at`): an
 * organisation's full name, else its last name chain, else a pronoun, else a definite
 * description, a title or a common noun ('the ministry', 'the Republican nominee').
 */
function speakerOfNP(cx: QuoteContext, a: number, b0: number, at: number, rule: string): Speaker | null {
  if (b0 <= a) return null;
  const org = orgNameEnding(cx, a, b0, rule);
  if (org) return org;
  const { b, lastChain, pronoun, headNoun } = npParts(cx, a, b0);
  if (lastChain >= 0) return nameReading(cx, a, b, at, rule, lastChain, headNoun);
  if (pronoun >= 0) return pronounReading(cx, pronoun, at, rule);
  return anaphorReading(cx, a, b, rule) ?? nominalReading(cx, a, b, at, rule, headNoun);
}

/** Noun phrase ending at token e (inclusive), read leftwards. */
function npLeft(cx: QuoteContext, e: number, floor: number): number {
  const { toks, doc } = cx;
  // A pronoun is a whole noun phrase ('… new to Chicago - he wrote').
  if (toks[e]!.pos === 'PRON') return e;
  let k = e;
  while (k - 1 >= floor) {
    const t = toks[k - 1]!;
    const w = tokText(doc, t);
    const glued = w === '-' && t.start === toks[k - 2]?.end && t.end === toks[k]?.start;
    // ('A second military source': an ordinal the tagger reads as an adverb belongs to the phrase.)
    if (NP_POS.has(t.pos) || glued || w === '.' || (w === ')' || w === '(') || ORDINALS.has(t.lower)) {
      k--;
      continue;
    }
    // 'Rana from PIPS said', 'Jeffrey Lewis of the … Center said': the name before of/from/at
    // joins the noun phrase (speakerOfNP then takes it as the speaker).
    if ((t.lower === 'of' || t.lower === 'for' || ((t.lower === 'from' || t.lower === 'at') && toks[k - 2]?.pos === 'PROPN')) && k - 2 >= floor && NP_POS.has(toks[k - 2]!.pos)) {
      k--;
      continue;
    }
    break;
  }
  return k;
}

/**
 * 'Sen. Dianne Feinstein of California, the ranking Democrat …, who said …': the relative
 * pronoun at p stands for the nearest person named before it (else the nearest name).
 */
function relativeSubject(cx: QuoteContext, v: number, p: number, floor: number, rule: string): Speaker | null {
  const { text, toks, chains, chainAt, people } = cx;
  let fallback = -1;
  for (let k = p - 1; k >= Math.max(floor, p - 30); k--) {
    const ci = chainAt[k]!;
    if (ci < 0 || !nameChain(cx, ci)) continue;
    const c = chains[ci]!;
    const nm = people.resolve(cleanName(text.slice(c.start, c.end)));
    if (isPersonName(cx, nm)) return speakerOfNP(cx, c.ts, c.te, toks[v]!.start, rule);
    if (fallback < 0) fallback = ci;
    k = c.ts;
  }
  if (fallback >= 0) return speakerOfNP(cx, chains[fallback]!.ts, chains[fallback]!.te, toks[v]!.start, rule);
  return null;
}

/**
 * An apposition or relative clause sits between the subject and the verb at v (p is the comma
 * before the verb): the first comma-separated chunk that starts with a name or a pronoun.
 */
function appositionSubject(cx: QuoteContext, v: number, p: number, floor: number, rule: string): Speaker | null {
  const { toks, chains, chainAt, s } = cx;
  const chunks: [number, number][] = [];
  let e = p;
  for (let k = p - 1; k >= floor - 1; k--) {
    if (k < floor || s(k) === ',') {
      chunks.push([k + 1, e]);
      e = k;
    }
  }
  // The subject comes first and its appositions follow, so read the chunks left to right
  // ('Jack Dorsey, Twitter's chief executive, posted').
  chunks.reverse();
  const finite = !/ing$/.test(toks[v]!.lower);
  // A person is preferred to a title or organisation that comes first ('Foreign Office
  // Minister, Tobias Ellwood, said').
  let first: Speaker | null = null;
  let firstName: Speaker | null = null;
  for (const [a0, b] of chunks) {
    // 'And North Carolina’s Ada Fisher, one of …, said', 'As Andrew Tabler, an expert …,
    // noted': a conjunction opening the sentence is not part of the subject.
    const a = a0 < b - 1 && CHUNK_OPENERS.has(toks[a0]!.lower) ? a0 + 1 : a0;
    if (b <= a) continue;
    // 'Mrs. Clinton would do well to reach out to Mr. Sanders, said David Axelrod': a piece
    // with a verb of its own is a clause, not the subject or its apposition. (A participle
    // takes the subject of the clause before it: 'Podesta reiterated that approach, saying'.)
    if (finite && hasVerb(cx, a, b)) continue;
    const t = toks[a]!;
    const ci = chainAt[a]!;
    let sp: Speaker | null = null;
    if ((ci >= 0 && nameChain(cx, ci)) || ((PERSON_PRONOUNS.has(t.lower) || OTHER_PRONOUNS.has(t.lower)) && !possessive(cx, a))) {
      // 'Washington Post columnist Margaret Sullivan': a short chunk is read whole (its
      // last name is the head); a long one only for its first name.
      const end = ci >= 0 ? (b - a <= 8 ? b : chains[ci]!.te) : a + 1;
      sp = speakerOfNP(cx, a, Math.min(end, b), toks[v]!.start, rule);
    } else if (wordsIn(cx, a, b) <= 6 && (t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'DET')) {
      // 'Democratic nominee Hillary Clinton, at a later press gaggle, said': a short chunk
      // that opens with a title and holds a name.
      for (let k = a; k < b; k++) {
        const cj = chainAt[k]!;
        if (cj >= 0 && nameChain(cx, cj) && chains[cj]!.te <= b) {
          sp = speakerOfNP(cx, a, b, toks[v]!.start, rule);
          break;
        }
      }
    }
    if (!sp) continue;
    // ('A resident of Gusau town, Sani Bello, also said': a name
    // standing alone between commas after a phrase for a person is that person.)
    if (sp.how.endsWith(':name') && !sp.person && ci >= 0 && chains[ci]!.ts === a && chains[ci]!.te === b && a0 > floor && personShaped(cx, sp.name)) sp = { ...sp, person: true };
    // ('As the LinkedIn chief executive, Jeff Weiner, put it': a title is taken only when no
    // name follows it; 'Schilling’s son, Grant, defended …': a name before a phrase.)
    if ((sp.person && !sp.how.endsWith(':title')) || sp.how.includes('pronoun')) return sp;
    if (sp.how.endsWith(':name')) firstName ??= sp;
    first ??= sp;
  }
  return firstName ?? first;
}

/**
 * Subject of the speech verb at token v, looking left within [floor, v):
 * 'Rana further says' / 'Rana, who is also …, further says' / 'Pakistani diplomat X said'.
 */
function subjectLeft(cx: QuoteContext, v: number, floor: number, rule: string): Speaker | null {
  const { toks, inQuote, s } = cx;
  let p = v - 1;
  while (p >= floor && (ATTRIBUTION_FILLERS.has(toks[p]!.lower) || toks[p]!.pos === 'ADV' || toks[p]!.pos === 'AUX')) p--;
  if (p < floor) return null;
  // 'Sen. Rand Paul (R-Ky.) said': the bracket is skipped.
  if (s(p) === ')') {
    let q = p - 1;
    while (q > floor && s(q) !== '(' && p - q < 10) q--;
    if (s(q) === '(' && q - 1 >= floor) p = q - 1;
  }
  // 'Germany on Thursday also called for …': a day between the subject and its verb.
  if (p - 1 > floor && MONTHS_AND_DAYS.has(toks[p]!.lower) && /^(on|last|this)$/.test(toks[p - 1]!.lower)) {
    p -= 2;
    while (p >= floor && (toks[p]!.pos === 'ADV' || toks[p]!.pos === 'AUX')) p--;
    if (p < floor) return null;
  }
  // 'Bush thought for a moment and said …': the subject of the first verb of the clause.
  if (toks[p]!.lower === 'and' && p > floor) {
    let fv = floor;
    while (fv < p && toks[fv]!.pos !== 'VERB') fv++;
    if (fv < p) {
      const sp = subjectLeft(cx, fv, floor, rule);
      if (sp) return sp;
    }
    return null;
  }
  // 'Sen. Dianne Feinstein of California, the ranking Democrat …, who said …': the relative
  // pronoun stands for the nearest person named before it.
  if (toks[p]!.lower === 'who' && p > floor) {
    return relativeSubject(cx, v, p, floor, rule);
  }
  if (s(p) === ',') return appositionSubject(cx, v, p, floor, rule);
  // 'A farmer who said he found the victims told reporters …': the phrase a relative clause
  // follows, at the clause's start, is the subject; the clause's own words are not.
  for (let w = p; w > floor; w--) {
    if (s(w) === ',' || inQuote[w]) break;
    if (toks[w]!.lower !== 'who') continue;
    const e = w - 1;
    if (!NP_POS.has(toks[e]!.pos)) break;
    const a = npLeft(cx, e, floor);
    if (a === floor || /^[,;:—–(]$/.test(s(a - 1))) {
      const sp = speakerOfNP(cx, a, w, toks[v]!.start, rule);
      if (sp) return sp;
    }
    break;
  }
  if (!NP_POS.has(toks[p]!.pos) && toks[p]!.pos !== 'PRON') return null;
  const a = npLeft(cx, p, floor);
  // 'Party leader Imran Baloch, deploring the blast in Turbat, said …': a phrase after
  // a preposition is no subject; a participle phrase before it follows the subject.
  if (a - 1 > floor && toks[a - 1]!.pos === 'ADP') {
    for (let g = a - 2; g > floor; g--) {
      if (s(g) === ',' || inQuote[g]) break;
      if (toks[g]!.pos === 'VERB' && /^[a-z]+ing$/.test(s(g))) {
        const sp = subjectLeft(cx, g, floor, rule);
        if (sp && /:(name|pronoun)$/.test(sp.how)) return sp;
        break;
      }
    }
  }
  return speakerOfNP(cx, a, p + 1, toks[v]!.start, rule);
}

/** NP after a verb: 'said Sen. Ted Cruz, a candidate' → tokens of 'Sen. Ted Cruz'. */
function subjectRight(cx: QuoteContext, k0: number, limit: number, rule: string): Speaker | null {
  const { text, toks, chains, chainAt, s, doc } = cx;
  let k = k0;
  while (k < limit) {
    const t = toks[k]!;
    const w = tokText(doc, t);
    if (w === ',' || END_PUNCT.has(w) || w === ';' || w === ':' || STOP_AFTER_VERB.has(t.lower) && k > k0) break;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && text[t.start - 1] !== '-' && !/^[A-Z]/.test(w)) break;
    k++;
  }
  // 'said the ministry spokesman, Zabihullah Mujahid.': the name in apposition to the role is
  // the speaker.
  // ('said the provincial health minister in Herat, Abdul Karim', 'read a note from the deputy
  // spokesperson for the UN chief, Jane Doe': the role may carry a phrase of its own.)
  let comma = k;
  while (comma < limit && comma - k <= 10 && s(comma) !== ',' && !END_PUNCT.has(s(comma)) && !(toks[comma]!.pos === 'VERB' && /^[a-z]/.test(s(comma)))) comma++;
  let role = false;
  for (let r = k0; r < comma && !role; r++) role = ROLE_HEADS.has(toks[r]!.lower) && (r + 1 === comma || !/^[A-Z]/.test(s(r + 1)) || chainAt[r + 1] !== chainAt[r]);
  if (comma > k0 && toks[comma] && s(comma) === ',' && role && chainAt[comma + 1]! >= 0 && nameChain(cx, chainAt[comma + 1]!)) {
    const c = chains[chainAt[comma + 1]!]!;
    const after = toks[c.te];
    if (c.ts === comma + 1 && (c.te >= limit || !after || after.sentence !== toks[comma]!.sentence || /^[,.;:!?]$/.test(s(c.te)))) {
      const named = speakerOfNP(cx, comma + 1, c.te, toks[comma + 1]!.start, rule);
      if (named && named.how.endsWith(':name')) return named;
    }
  }
  const sp = speakerOfNP(cx, k0, k, toks[k0]?.start ?? 0, rule);
  // 'said a person close to the family', 'said one official familiar with the talks': a
  // common-noun speaker keeps the phrase that tells who it is.
  if (sp && sp.how.endsWith(':nominal') && k + 1 < limit && POST_MODIFIERS.has(toks[k]!.lower)) {
    let e = k + 1;
    while (e < limit && (NP_POS.has(toks[e]!.pos) || chainAt[e]! >= 0) && toks[e]!.lower !== 'that') e++;
    if (e > k + 1 && contentful(cx, k + 1, e)) {
      const end = toks[e - 1]!.end;
      return { ...sp, name: text.slice(sp.start, end).replace(/^(the|a|an)\s+/i, ''), end };
    }
  }
  return sp;
}

function isAbbrev(w: string) {
  const b = w.toLowerCase().replace(/\.$/, '');
  return NAME_TITLES.has(b) || ABBREVIATIONS.has(b) || /^[A-Z]$/.test(w) || /-[A-Z][a-z]*$/.test(w);
}

function isSpeech(cx: QuoteContext, k: number, strong: boolean): boolean {
  const { toks, chains, chainAt, s } = cx;
  const l = toks[k]!.lower;
  if (!SPEECH_VERBS.has(l)) return false;
  if (strong && WEAK_SPEECH_VERBS.has(l)) return false;
  const pos = toks[k]!.pos;
  // 'the United States has become …': a word of a longer name is no verb of saying.
  const ci = chainAt[k]!;
  if (ci >= 0 && chains[ci]!.te - chains[ci]!.ts > 1 && /^[A-Z]/.test(s(k))) return false;
  // 'denounced Trump’s remarks as “…”', 'his claims', 'the statement': after a possessive or
  // an article the word is a noun, and the name before it is not who speaks.
  if (k > 0 && toks[k - 1]!.sentence === toks[k]!.sentence && SPEECH_NOUN_BEFORE.test(toks[k - 1]!.lower)) return false;
  // ('state Del. Marcia Price', 'state Sen. X', 'state officials': 'state' read as a noun before
  // another noun or a name modifies it.)
  if (l === 'state' && pos !== 'VERB' && pos !== 'AUX' && /^(NOUN|PROPN|ADJ)$/.test(toks[k + 1]?.pos ?? '')) return false;
  return pos === 'VERB' || pos === 'AUX' || pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ';
}

// ---------------------------------------------------------------------------------------------
// The readings around one quoted span, which the candidates stage reads on demand.

/** The end (a token) of the words after a closing mark at token k that can attribute it: the sentence end, limitPos, or 40 tokens. */
function attributionEnd(cx: QuoteContext, k: number, limitPos: number): number {
  const { toks, s } = cx;
  let limit = k;
  while (limit < toks.length && toks[limit]!.start < limitPos && limit - k < 40) {
    // 'Rep. Jim McDermott (D-Wash.) said': the full stop of an abbreviation ends nothing.
    // ('(D-Nev.) said': nor does one that closes a bracket.)
    const dot = s(limit) === '.' && toks[limit - 1]!.end === toks[limit]!.start;
    if (END_PUNCT.has(s(limit)) && limit > k && !(dot && (isAbbrev(s(limit - 1)) || (limit + 1 < toks.length && s(limit + 1) === ')')))) break;
    limit++;
  }
  return limit;
}

/**
 * '“…,” X (, apposition,) said': the subject of the verb at v, which the words after the
 * closing mark (from token k) hold before it.
 */
function subjectBeforeVerb(cx: QuoteContext, k: number, v: number, limit: number): Speaker | null {
  const { toks, chains, chainAt, s } = cx;
  // The subject is the comma-separated chunk just before the verb when it is a name or a
  // pronoun ('“…” climate change, Axelrod said'), else the first chunk, which an apposition
  // follows ('“…,” Tipu, who is also …, told Al Jazeera').
  // ('“…,” another fraternity brother, Stuart Oltchick, recalled': the name stands between
  // commas right before the verb.)
  const ve = s(v - 1) === ',' ? v - 1 : v;
  let c = ve - 1;
  while (c > k && s(c - 1) !== ',') c--;
  if (c > k && c < ve) {
    const ci = chainAt[c]!;
    if ((ci >= 0 && nameChain(cx, ci) && chains[ci]!.te === ve) || (ve - c === 1 && PERSON_PRONOUNS.has(toks[c]!.lower))) {
      // ('“…,” Cecelia Purner, 67, a retiree in Allentown, Pa., said': a place in the last
      // apposition is not the speaker; the first chunk is read below.)
      const sp = speakerOfNP(cx, c, ve, toks[v]!.start, 'after-subject');
      if (sp && (sp.person || !sp.how.endsWith(':name'))) return sp;
    } else if (c > k + 1 && wordsIn(cx, c, ve) <= 6) {
      // ('“…!” Scott's niece, state Del. Marcia "Cia" Price (D-Newport News), shouted': a
      // titled person's name closes the last piece.)
      let ne = ve;
      if (s(ne - 1) === ')') while (ne > c && s(ne - 1) !== '(') ne--;
      if (s(ne - 1) === '(') ne--;
      const cn = chainAt[ne - 1] ?? -1;
      // (Only titles before the name: not 'a close adviser to Trump', 'a spokesman for Sanders'.)
      let titled = cn >= 0 && chains[cn]!.te === ne;
      for (let q = c; titled && q < chains[cn]!.ts; q++) if (!/^(NOUN|ADJ|PROPN|DET)$/.test(toks[q]!.pos) || toks[q]!.lower === 'the') titled = false;
      const sp = titled ? speakerOfNP(cx, c, ve, toks[v]!.start, 'after-subject') : null;
      if (sp && sp.person && sp.how.endsWith(':name')) return sp;
    }
  }
  let e = k;
  while (e < v && s(e) !== ',') e++;
  const sp = e - k <= 10 ? speakerOfNP(cx, k, e, toks[v]!.start, 'after-subject') : null;
  if (sp && !sp.how.endsWith(':nominal')) return sp;
  // '“…,” since so many cases …, said Lee Epstein': the speaker follows the verb.
  if (s(v - 1) === ',' && SPEECH_VERBS.has(toks[v]!.lower)) {
    const inv = subjectRight(cx, v + 1, limit, 'after-verb-first');
    if (inv && inv.how.endsWith(':name')) return inv;
  }
  // 'X said' but not '“…” as the crowd cheered and X said' beyond the first clause.
  if (!sp || e - k > 6) return null;
  return sp;
}

/** Speaker from the words after a closing mark, up to the sentence end or the next quote. */
function fromRight(cx: QuoteContext, q: QuoteSpan, nextOpen: number): Speaker | null {
  const { text, toks, chains, chainAt, s, tokenAt, doc } = cx;
  const limitPos = Math.min(nextOpen, doc.paragraphs[q.paragraph]!.end);
  let k = tokenAt(q.after);
  // '… called the plan “a disaster”. Rivera said …': a full stop right after the closing mark
  // ends the sentence, and the next one is not this quote's attribution.
  if (k < toks.length && toks[k]!.start === q.after && END_PUNCT.has(s(k))) return null;
  const limit = attributionEnd(cx, k, limitPos);
  // '“…” ― Julie Diaz' / '“…” — Ahmed Rashid, Kabul': a dash before a name signs the quote.
  if (k < limit && /^[―—–]$/.test(s(k)) && toks[k + 1] && chainAt[k + 1]! >= 0 && nameChain(cx, chainAt[k + 1]!)) {
    const c = chains[chainAt[k + 1]!]!;
    const sp = speakerOfNP(cx, k + 1, c.te, toks[k + 1]!.start, 'after-dash');
    if (sp) return sp;
  }
  while (k < limit && /^[,—–\-'’"”]+$/.test(s(k))) k++;
  if (k >= limit) return null;
  // '… had killed “15 mothers and their babies” and wounded 16 others, but elders suggested …':
  // a conjunction after the closing mark goes on with the sentence the quote sits in.
  if (/^(and|or)$/.test(toks[k]!.lower) && !/[,?!]\s*$/.test(text.slice(q.inner, q.close))) return null;
  // 'Jeb Bush called Trump “…” . Sen. Marco Rubio called the statement …': a quote that ends
  // its sentence inside the marks is followed by a new sentence, which attributes it only when
  // it is a bare '“…” Trump said.'
  // A quote set inside its sentence ('warned that the ban would be “….” He said …') has its
  // speaker before it, so even a short sentence after it is a new one.
  const embedded = /[\p{L}\p{N}]\s*$/u.test(text.slice(Math.max(doc.paragraphs[q.paragraph]!.start, q.open - 3), q.open));
  if (/\.\s*$/.test(text.slice(q.inner, q.close)) && /^\s+[A-Z]/.test(text.slice(q.after, q.after + 3)) && (limit - k > 5 || embedded)) return null;
  // '“…,” said Trump' / '“…,” according to the ministry'
  if (isSpeech(cx, k, false)) return subjectRight(cx, k + 1, limit, 'after-verb-first');
  if (toks[k]!.lower === ACCORDING && toks[k + 1]?.lower === 'to') return subjectRight(cx, k + 2, limit, 'after-according');
  // A quote that ends with , ? ! or a dash inside its marks continues into its attribution,
  // so any verb there reports it: '“…,” Trump barked' / '“…,” the nominee riffed'.
  const open = /[,?!\u2014\u2013-]\s*$/.test(text.slice(q.inner, q.close));
  if (open && toks[k]!.pos === 'VERB' && /^[a-z]+(ed|s)$/.test(s(k)) && toks[k + 1] && chainAt[k + 1]! >= 0 && nameChain(cx, chainAt[k + 1]!))
    return subjectRight(cx, k + 1, limit, 'after-verb-first');
  // '“…,” X (, apposition,) said'
  for (let v = k + 1; v < limit && v - k < 30; v++) {
    const anyVerb = open && toks[v]!.pos === 'VERB' && v - k <= 4 && toks[v - 1]!.pos !== 'AUX' && /^[a-z]+(ed|s)$/.test(s(v)) && text[toks[v]!.start - 1] !== '-';
    if (!isSpeech(cx, v, false) && !anyVerb) continue;
    return subjectBeforeVerb(cx, k, v, limit);
  }
  return null;
}

/** Where the sentence holding q's opening mark starts (not before prevAfter, the end of the quote before it). */
function sentenceStartBefore(cx: QuoteContext, q: QuoteSpan, prevAfter: number): number {
  const { text, doc } = cx;
  const para = doc.paragraphs[q.paragraph]!;
  let lo = Math.max(prevAfter, para.start);
  // back to the sentence start: the last . ! ? followed by space before the mark
  for (let i = q.open - 1; i > lo; i--) {
    const c = text[i]!;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? '')) {
      // 'Ms. Ripert said', 'J. Smith', 'U.S. officials': an abbreviation, not a sentence end.
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(lo, i - 12), i))?.[1] ?? '';
      if (c === '.' && (NAME_TITLES.has(word.toLowerCase()) || /^[A-Z]$/.test(word) || /\./.test(word) || ABBREVIATIONS.has(word.toLowerCase()))) continue;
      lo = i + 1;
      break;
    }
  }
  return lo;
}

/**
 * 'He went on to say, “…”' / 'she released a statement saying, “…”': an infinitive or a
 * participle of saying at v has the subject of the clause's first verb (the clause starts at a).
 */
function participleSubject(cx: QuoteContext, v: number, a: number): Speaker | null {
  const { toks, chains, chainAt, s } = cx;
  const nextVerb = (from: number) => {
    let f = from;
    while (f < v && toks[f]!.pos !== 'VERB') f++;
    return f;
  };
  let fv = nextVerb(a);
  // 'Speaking in Ohio on Monday, Lopez turned on her rival, calling him “…”': an opening
  // participle phrase has no subject of its own; the clause's verb comes after its comma.
  if (fv < v && fv <= a + 2 && /ing$/.test(toks[fv]!.lower)) {
    let c = fv;
    while (c < v && s(c) !== ',') c++;
    if (c < v) fv = nextVerb(c + 1);
  }
  // The finite verb nearest before the participle first: 'In a statement released Thursday,
  // Rep. Hakeem Jeffries reacted to the news, saying: “…”', 'Ryan and Trump will meet next
  // week, Spicer said, adding, “…”'.
  let nv = v - 1;
  // (Not a capitalised word the tagger reads as a verb, 'Sen. Ted Cruz', nor a noun after an
  // article, 'a Twitter comment'.)
  while (nv > a && !(clauseVerb(cx, nv) && !/ing$/.test(toks[nv]!.lower))) nv--;
  const ns = nv > a && nv !== fv ? subjectLeft(cx, nv, a, 'before') : null;
  if (ns && speakerLike(cx, ns)) return ns;
  const cs = fv < v ? subjectLeft(cx, fv, a, 'before') : null;
  if (cs && speakerLike(cx, cs)) return cs;
  // 'The report prompted the Interior Ministry, which …, to state, “…”': the name just
  // before 'to' (past a comma-bounded apposition) is whom the main verb made speak.
  if (toks[v - 1]!.lower === 'to') {
    let p = v - 2;
    if (p > a && s(p) === ',') {
      let q = p - 1;
      while (q > a && s(q) !== ',' && p - q < 15) q--;
      if (s(q) === ',') p = q - 1;
    }
    const ci = p >= a ? chainAt[p]! : -1;
    if (ci >= 0 && nameChain(cx, ci) && chains[ci]!.te === p + 1) {
      const os = speakerOfNP(cx, Math.max(a, chains[ci]!.ts), p + 1, toks[v]!.start, 'before');
      if (os && os.how.endsWith(':name')) return os;
    }
  }
  return null;
}

/** Speaker from the words before an opening mark, in the same sentence. */
function fromLeft(cx: QuoteContext, q: QuoteSpan, prevAfter: number): { sp: Speaker; colon: boolean } | null {
  const { text, toks, chains, chainAt, inQuote, s, tokenAt, people } = cx;
  const lo = sentenceStartBefore(cx, q, prevAfter);
  const a = tokenAt(lo);
  const b = tokenAt(q.open);
  if (b <= a) return null;
  const lastTok = s(b - 1);
  const colon = lastTok === ':';
  // 'According to X, “…”'
  for (let k = a; k < b - 1; k++)
    if (toks[k]!.lower === ACCORDING && toks[k + 1]!.lower === 'to' && !inQuote[k]) {
      const sp = subjectRight(cx, k + 2, b, 'before-according');
      if (sp) return { sp, colon: true };
    }
  // 'Donald Trump: “…”' / 'Continued Stone: “…”'
  const colonChain = colon && b - 2 >= a ? chainAt[b - 2]! : -1;
  const opensClause = (ts: number) => {
    // The name opens its clause, maybe after a title or a verb of saying ('Continued Stone:').
    let f = ts - 1;
    while (f >= a && (toks[f]!.pos === 'NOUN' || toks[f]!.pos === 'ADJ' || toks[f]!.pos === 'PROPN')) f--;
    return f < a || /^[,;—–-]$/.test(s(f)) || SPEECH_VERBS.has(toks[f]!.lower);
  };
  const colonName = colonChain >= 0 ? people.resolve(cleanName(text.slice(chains[colonChain]!.start, chains[colonChain]!.end))) : '';
  if (colonChain >= 0 && nameChain(cx, colonChain) && (opensClause(chains[colonChain]!.ts) || isPersonName(cx, colonName))) {
    const c = chains[colonChain]!;
    const sp = speakerOfNP(cx, Math.max(c.ts, a), b - 1, toks[b - 1]!.start, 'before-colon');
    if (sp) return { sp, colon: true };
  }
  for (let v = b - 1; v >= a; v--) {
    if (inQuote[v] || !isSpeech(cx, v, !(colon || lastTok === ',' || v >= b - 2))) continue;
    // 'He went on to say, “…”' / 'she released a statement saying, “…”': an infinitive or a
    // participle of saying has the subject of the clause's first verb.
    if (v > a && (toks[v - 1]!.lower === 'to' || /ing$/.test(toks[v]!.lower))) {
      const ps = participleSubject(cx, v, a);
      if (ps) return { sp: ps, colon: colon || lastTok === ',' };
    }
    const sp = subjectLeft(cx, v, a, 'before');
    if (sp) return { sp, colon: colon || lastTok === ',' || toks[b - 1]!.lower === 'that' };
    // 'said Trump:' inverted
    // Only when the name stands right before the mark: 'called Braynard “…”' names the one
    // spoken about, not the speaker.
    const inv = subjectRight(cx, v + 1, b, 'before-inverted');
    if (inv && inv.how.endsWith(':name') && /^[\s,:]*$/.test(text.slice(inv.end, q.open))) return { sp: inv, colon };
  }
  // A quoted phrase inside a sentence belongs to the sentence's subject: 'Huckabee, for his
  // part, is labeling Obama's actions “…”' / 'she had voted for the authority … from “…”'.
  // The verb nearest the quote first: 'After Jerry Brown criticized Bill Clinton, Hillary shot
  // back, “…”' is Hillary's.
  // Verbs with a subject of their own first ('Sanders promised at a Las Vegas rally to end “…”'
  // is not Las Vegas's), then any word tagged as a verb.
  for (const strict of [true, false])
    for (let v = b - 1; v >= a; v--) {
      if (inQuote[v] || toks[v]!.pos !== 'VERB' || (strict && !clauseVerb(cx, v))) continue;
      const sp = subjectLeft(cx, v, a, 'before-clause');
      if (sp && !sp.how.endsWith(':nominal')) return { sp, colon: false };
    }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The cues: who is a clause's subject, who speaks where (and the indirect and block quotes).

/**
 * People named only by a common noun as the subject of a sentence: 'A security source confirmed
 * …', 'One resident sought …', 'A member of the VDP — the Volunteers … — confirmed …'. They are
 * who a later 'he said' or 'the source added' means. The name keeps the phrase that says who
 * they are ('source at Baghlan Regional Hospital').
 */
function humanSubjects(cx: QuoteContext): { pos: number; sp: Speaker }[] {
  const { text, toks, chains, chainAt, inQuote, s, doc } = cx;
  const found: { pos: number; sp: Speaker }[] = [];
  for (const sent of doc.sentences) {
    let k = sent.tokenStart;
    if (k >= sent.tokenEnd || inQuote[k] || !/^(a|an|one|another|the)$/.test(toks[k]!.lower)) continue;
    k++;
    let head = -1;
    while (k < sent.tokenEnd && k - sent.tokenStart < 6 && (/^(ADJ|NOUN|NUM)$/.test(toks[k]!.pos) || ORDINALS.has(toks[k]!.lower)) && /^[a-z0-9]/.test(s(k))) head = k++;
    if (head < 0 || !HUMAN_NOUN.test(s(head)) || ROLE_HEADS.has(s(head)) && !HUMAN_NOUN.test(s(head))) continue;
    let end = head + 1;
    // 'of the VDP', 'at Baghlan Regional Hospital': a phrase that says whose.
    if (end < sent.tokenEnd && /^(of|at|from|in)$/.test(toks[end]!.lower)) {
      let e = end + 1;
      if (toks[e]?.lower === 'the') e++;
      const ci = chainAt[e] ?? -1;
      if (ci >= 0 && chains[ci]!.te <= sent.tokenEnd) {
        end = chains[ci]!.te;
        if (end + 2 < sent.tokenEnd && s(end) === '(' && s(end + 2) === ')') end += 3;
      }
    }
    // The verb: next, or after an apposition between commas or dashes; a relative clause
    // ('A nurse who escaped the clinic told reporters') makes the phrase a subject too.
    if (toks[end]?.lower === 'who') {
      found.push({ pos: toks[sent.tokenStart]!.start, sp: { name: text.slice(toks[sent.tokenStart + 1]!.start, toks[end - 1]!.end), start: toks[sent.tokenStart]!.start, end: toks[end - 1]!.end, how: 'subject:nominal', person: false } });
      continue;
    }
    let v = end;
    if (v < sent.tokenEnd && /^[,—–]$/.test(s(v))) {
      const close = s(v);
      v++;
      while (v < sent.tokenEnd && s(v) !== close && v - end < 25) v++;
      v++;
    }
    while (v < sent.tokenEnd && (toks[v]!.pos === 'ADV' || toks[v]!.pos === 'AUX' || toks[v]!.pos === 'PART')) v++;
    if (v >= sent.tokenEnd || toks[v]!.pos !== 'VERB') continue;
    const name = text.slice(toks[sent.tokenStart + 1]!.start, toks[end - 1]!.end);
    found.push({ pos: toks[sent.tokenStart]!.start, sp: { name, start: toks[sent.tokenStart]!.start, end: toks[end - 1]!.end, how: 'subject:nominal', person: false } });
  }
  return found;
}

// A person who is the subject of a clause is who a later 'he said' is most likely about
// ('Jolly, who was elected to Congress in 2014, doesn't see …' then '“…,” he said').
function personSubjectAt(cx: QuoteContext, ci: number): Source | null {
  const { text, toks, chains, inQuote, s, doc, people } = cx;
  const c = chains[ci]!;
  if (inQuote[c.ts] || !nameChain(cx, ci)) return null;
  // Only the subject of a main clause: at the sentence start or after an opening phrase
  // ('As he has before, Cruz …'), not a name inside a reported clause ('Pence said Trump will').
  // A title may stand before it: 'Obama consultant Cornell Belcher, …, picked up …'.
  let f = c.ts - 1;
  // ('the network’s nightly news anchor Ilia Calderón reacted …': an article and a possessive too.)
  const titleWord = (t: Token) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'DET' || /^([’']s|his|her|their|its|\.)$/.test(t.lower);
  // ('Assistant commissioner of police Ravi Kumar toured …': 'of' inside a title.)
  while (f >= 0 && toks[f]!.sentence === toks[c.ts]!.sentence && (titleWord(toks[f]!) || (toks[f]!.lower === 'of' && toks[f + 1]!.pos === 'NOUN' && /^[a-z]/.test(s(f + 1)))) && c.ts - f < 9) f--;
  const before = toks[f];
  // 'Meanwhile Rihanna, who …, spoke': a sentence adverb may open the sentence.
  // So may a conjunction or an article: 'But state Rep. Ann Cole, a member of …, recalled',
  // 'The Post columnist Ruth Marsh has been critical …'.
  const openingAdverb = before && /^(ADV|CCONJ|DET)$/.test(before.pos) && (f === 0 || toks[f - 1]!.sentence !== before.sentence);
  if (before && before.sentence === toks[c.ts]!.sentence && !openingAdverb && !/^[,;:—–(]$/.test(tokText(doc, before)) && !(/^(and|but)$/.test(before.lower) && f > 0 && s(f - 1) === ',')) return null;
  let k = c.te;
  // 'Trump himself was delighted'
  if (toks[k] && /^(himself|herself)$/.test(toks[k]!.lower)) k++;
  // 'Rep. Sean Duffy (R-Wisc.) also addressed …' (the full stop in the brackets may have
  // ended the sentence for the tagger, so the verb is looked for in the next one too).
  let bracket = false;
  if (toks[k] && s(k) === '(') {
    while (toks[k] && s(k) !== ')' && k - c.te < 8) k++;
    k++;
    bracket = true;
  }
  // 'Representative Debbie Wasserman Schultz of Florida, the party chairwoman, also expressed …'
  k = pastAffiliation(doc, k);
  // 'The campaign chairman, Paul Manafort, dismissed …': the name closes an apposition to a
  // role noun that opens the sentence, and the verb follows the closing comma.
  if (toks[k] && s(k) === ',' && before && s(f) === ',' && f === c.ts - 1 && f > 0 && /^[a-z]/.test(s(f - 1)) && ROLE_HEADS.has(toks[f - 1]!.lower) && toks[k + 1]?.pos === 'VERB' && toks[k + 1]!.sentence === toks[k]!.sentence) k++;
  // Up to three comma-bounded appositions: 'Carole Bower, 75, a retiree in Carthage, Ill., supported …'.
  else if (toks[k] && s(k) === ',') {
    let found = -1;
    for (let n = 0; n < 3 && toks[k] && s(k) === ','; n++) {
      let q = k + 1;
      while (toks[q] && toks[q]!.sentence === toks[k]!.sentence && s(q) !== ',' && q - k < 25) q++;
      if (!toks[q] || s(q) !== ',') break;
      let j = q + 1;
      // ('Omar, then a student, did not approve': a negation may stand before the verb.)
      while (toks[j] && (ATTRIBUTION_FILLERS.has(toks[j]!.lower) || toks[j]!.pos === 'ADV' || toks[j]!.pos === 'AUX' || /^(not|n[’']t)$/.test(toks[j]!.lower))) j++;
      if (toks[j] && (toks[j]!.pos === 'VERB' || /^(this|last|earlier)$/.test(toks[j]!.lower))) {
        found = q + 1;
        break;
      }
      k = q; // the next piece of the apposition
    }
    if (found < 0) return null;
    k = found;
  }
  // 'Reince Priebus, the GOP chairman, this past week announced …': a time phrase.
  if (toks[k] && /^(this|last|earlier|on)$/.test(toks[k]!.lower)) {
    let q = k + 1;
    while (toks[q] && q - k < 4 && (toks[q]!.pos === 'ADJ' || toks[q]!.pos === 'NOUN' || toks[q]!.pos === 'PROPN')) q++;
    if (q > k + 1 && /^(week|month|year|weekend|morning|afternoon|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(toks[q - 1]!.lower)) k = q;
  }
  // 'Don Stewart wouldn’t say when …', 'Christie's been making …': auxiliaries and a negation before the verb.
  let aux = false;
  while (toks[k] && (ATTRIBUTION_FILLERS.has(toks[k]!.lower) || toks[k]!.pos === 'ADV' || toks[k]!.pos === 'AUX' || (toks[k]!.pos === 'PART' && /^n[’']t$|^not$|^[’']s$/.test(toks[k]!.lower)))) {
    if (toks[k]!.pos === 'AUX') aux = true;
    k++;
  }
  const t = toks[k];
  if (!t || (t.sentence !== toks[c.ts]!.sentence && !(bracket && t.sentence === toks[c.ts]!.sentence + 1)) || (t.pos !== 'VERB' && !aux)) return null;
  const name = familyName(cx, c.start, people.resolve(cleanName(text.slice(c.start, c.end))));
  // (A name our given-name list does not know is a person when a role stands before it.)
  let titledName = false;
  for (let q = Math.max(f + 1, 0); q < c.ts; q++) titledName ||= ROLE_HEADS.has(toks[q]!.lower) || NAME_TITLES.has(toks[q]!.lower.replace(/\.$/, ''));
  return isPersonName(cx, name) || (titledName && personShaped(cx, name)) ? { pos: c.start, end: c.end, name, person: true, rank: 1 } : null;
}

/** The people who are a clause's subject, as sources for later pronouns and bare titles. */
function readPersonSubjects(cx: QuoteContext): void {
  for (let ci = 0; ci < cx.chains.length; ci++) {
    const src = personSubjectAt(cx, ci);
    if (src) cx.sources.push(src);
  }
}

// An organisation that opens its sentence as the subject of a verb is what a later 'it' or
// 'they' quotes ('The Business Council of Kenya opposed an increase. “…,” it said').
function readOrgSubjects(cx: QuoteContext): void {
  const { toks, inQuote, s, tokenAt, sources, doc, people } = cx;
  for (const o of people.organisations) {
    if (COUNTRY_WORDS.has(o.name.toLowerCase())) continue;
    for (const e of o.evidence) {
      let f = tokenAt(e.start) - 1;
      if (f >= 0 && toks[f]!.lower === 'the') f--;
      const k0 = tokenAt(e.start);
      if (k0 >= toks.length || inQuote[k0]) continue;
      const si = toks[k0]!.sentence;
      // ('Still, the Business Council …', 'On Monday, the ministry …': a short opening phrase.)
      const opens =
        f < 0 ||
        toks[f]!.sentence !== si ||
        (/^(ADV|CCONJ)$/.test(toks[f]!.pos) && (f === 0 || toks[f - 1]!.sentence !== si)) ||
        (s(f) === ',' && f - doc.sentences[si]!.tokenStart <= 4);
      if (!opens) continue;
      let k = tokenAt(e.end);
      // 'The Security Council on Friday condemned …': a date between subject and verb.
      if (toks[k]?.lower === 'on' && toks[k + 1] && MONTHS_AND_DAYS.has(toks[k + 1]!.lower)) {
        k += 2;
        if (toks[k]?.pos === 'NUM') k++;
      }
      while (toks[k] && (ATTRIBUTION_FILLERS.has(toks[k]!.lower) || toks[k]!.pos === 'ADV' || toks[k]!.pos === 'AUX')) k++;
      if (toks[k] && toks[k]!.sentence === si && toks[k]!.pos === 'VERB') sources.push({ pos: e.start, end: e.end, name: o.name, person: false, rank: 1 });
    }
  }
}

/**
 * The attribution whose verb (or 'according') is token v of sentence sent, if any: who speaks,
 * and the tokens [bodyFrom, bodyTo) of what they said outside quotation marks (bodyFrom -1 when
 * none: 'X said (that) …', 'according to X, …', '…, according to X').
 */
function speechFrameAt(cx: QuoteContext, sent: Doc['sentences'][number], v: number): { sp: Speaker; bodyFrom: number; bodyTo: number } | null {
  const { toks, chains, chainAt, s } = cx;
  const t = toks[v]!;
  let sp: Speaker | null = null;
  let bodyFrom = -1;
  let bodyTo = sent.tokenEnd;
  if (t.lower === ACCORDING && toks[v + 1]?.lower === 'to') {
    let e = v + 2;
    while (e < sent.tokenEnd && !/^[,.;]$/.test(s(e))) e++;
    sp = speakerOfNP(cx, v + 2, e, t.start, 'according');
    // 'According to a vigilante with the local Joint Task Force, Bala Umar, the gunmen …':
    // the name in apposition to a role is who speaks.
    const ac = e < sent.tokenEnd && s(e) === ',' ? chainAt[e + 1] ?? -1 : -1;
    if (ac >= 0 && chains[ac]!.ts === e + 1 && chains[ac]!.te < sent.tokenEnd && s(chains[ac]!.te) === ',' && nameChain(cx, ac)) {
      let role = false;
      for (let r = v + 2; r < e; r++) role ||= ROLE_HEADS.has(toks[r]!.lower) || HUMAN_NOUN.test(toks[r]!.lower);
      const named = role ? speakerOfNP(cx, e + 1, chains[ac]!.te, t.start, 'according') : null;
      if (named && named.how.endsWith(':name')) {
        sp = { ...named, person: named.person || personShaped(cx, named.name) };
        e = chains[ac]!.te;
      }
    }
    if (v > sent.tokenStart) {
      bodyFrom = sent.tokenStart;
      bodyTo = v;
    } else bodyFrom = e + 1;
  } else if (isSpeech(cx, v, true) || (isSpeech(cx, v, false) && toks[v + 1] && s(v + 1) === ':')) {
    // '…, said Alan Abramowitz, a demographer at Emory University.' / 'And Trump, said
    // Sunshine, doesn't forgive': a name right after ', said' is who speaks.
    // ('…, said Mr. Trump had disrespected …' is what was said; 'saying Clinton was …' too.)
    const ic = chainAt[v + 1] ?? -1;
    const inverted =
      v > sent.tokenStart && s(v - 1) === ',' && !/ing$/.test(t.lower) && ic >= 0 && nameChain(cx, ic) &&
      (chains[ic]!.te >= sent.tokenEnd || /^[,.;:(]$/.test(s(chains[ic]!.te)));
    if (inverted) {
      const inv = subjectRight(cx, v + 1, sent.tokenEnd, 'indirect-inverted');
      if (inv && inv.how.endsWith(':name')) sp = inv;
    }
    sp ??= subjectLeft(cx, v, sent.tokenStart, 'indirect');
    if (!sp && !inverted && v > sent.tokenStart && s(v - 1) === ',') {
      const inv = subjectRight(cx, v + 1, sent.tokenEnd, 'indirect-inverted');
      if (inv && inv.how.endsWith(':name')) sp = inv;
    }
    // 'X said (that) …', 'X told Al Jazeera (that) …'
    let k = v + 1;
    if (t.lower === 'told' || t.lower === 'tells' || t.lower === 'tell') while (k < sent.tokenEnd && NP_POS.has(toks[k]!.pos)) k++;
    if (toks[k]?.lower === 'that') bodyFrom = k + 1;
  }
  return sp ? { sp, bodyFrom, bodyTo } : null;
}

/** An attribution is a cue for what follows: a speech frame, one who spoke, and for names (and organisations) a source of later pronouns. */
function noteFrame(cx: QuoteContext, sent: Doc['sentences'][number], v: number, sp: Speaker): void {
  const { toks, spoke, humans, speechFrames } = cx;
  speechFrames.push({ v, sp });
  spoke.push({ pos: sp.start, sp });
  if (isHumanNominal(cx, sp)) humans.push({ pos: sp.start, sp });
  // Only names count as sources for later pronouns (PolNeAR's rule, and the safer one).
  // ('According to the state government, …. It described …': a common noun for an organisation too.)
  const orgNominal = sp.how.endsWith(':nominal') && ORG_NOMINALS.has(sp.name.split(/\s+/).pop()!.toLowerCase()) && sp.name.split(/\s+/).length <= 3;
  if (sp.how.endsWith(':name') || sp.how.endsWith(':nominal-org') || orgNominal) {
    let p = v - 1;
    while (p > sent.tokenStart && (ATTRIBUTION_FILLERS.has(toks[p]!.lower) || toks[p]!.pos === 'ADV' || toks[p]!.pos === 'AUX')) p--;
    addSource(cx, { pos: sp.start, end: sp.end, name: sp.name, person: sp.person, rank: toks[p]?.lower === 'who' ? 0 : 2 });
  }
}

/** The indirect quote an attribution frames: tokens [bodyFrom, bodyTo), trimmed, of three words or more, and no direct quote. */
function indirectQuote(cx: QuoteContext, sp: Speaker, bodyFrom: number, bodyTo: number): Quote | null {
  const { text, toks, spans, articleId } = cx;
  let a = toks[bodyFrom]!.start;
  let e = toks[bodyTo - 1]!.end;
  while (a < e && TRIM.test(text[a]!)) a++;
  while (e > a && TRIM.test(text[e - 1]!)) e--;
  const overlapsDirect = spans.some((q) => q.open < e && q.after > a);
  if (!(e > a && !overlapsDirect && text.slice(a, e).split(/\s+/).length >= 3)) return null;
  return {
    article: articleId,
    text: text.slice(a, e),
    start: a,
    end: e,
    speaker: speakerLabel(cx, sp),
    speaker_evidence: [ev(cx, sp.start, sp.end)],
    kind: 'indirect',
    rule: 'quote.' + sp.how,
  };
}

/** Attributions ('X said (that) …', 'according to X, …'): the speech frames, and the indirect quotes they hold. */
function readSpeechFrames(cx: QuoteContext): Quote[] {
  const { toks, inQuote, sources, speechFrames, paraLast, doc } = cx;
  const indirect: Quote[] = [];
  for (let si = 0; si < doc.sentences.length; si++) {
    const sent = doc.sentences[si]!;
    for (let v = sent.tokenStart; v < sent.tokenEnd; v++) {
      if (inQuote[v]) continue;
      const frame = speechFrameAt(cx, sent, v);
      if (!frame) continue;
      const { sp, bodyFrom, bodyTo } = frame;
      noteFrame(cx, sent, v, sp);
      if (bodyFrom >= 0 && bodyFrom < bodyTo) {
        const iq = indirectQuote(cx, sp, bodyFrom, bodyTo);
        if (iq) indirect.push(iq);
      }
    }
  }
  sources.sort((x, y) => x.pos - y.pos);

  // 'The minister said:' closing a paragraph introduces the next one.
  for (const f of speechFrames) {
    const pi = doc.sentences[toks[f.v]!.sentence]!.paragraph;
    paraLast[pi] = f.sp;
  }
  return indirect;
}

/** Block quotes: 'Minister Ellwood said:' and then paragraphs without quotation marks. */
function readBlockQuotes(cx: QuoteContext): Quote[] {
  const { text, toks, s, speechFrames, doc, articleId } = cx;
  const blocks: Quote[] = [];
  for (let pi = 0; pi + 1 < doc.paragraphs.length; pi++) {
    const para = doc.paragraphs[pi]!;
    if (text[para.end - 1] !== ':') continue;
    const frame = speechFrames.filter((f) => toks[f.v]!.start >= para.start && toks[f.v]!.start < para.end).pop();
    if (!frame || toks[frame.v + 1] === undefined || s(frame.v + 1) !== ':') continue;
    for (let pj = pi + 1; pj < doc.paragraphs.length && pj <= pi + 8; pj++) {
      const bp = doc.paragraphs[pj]!;
      const body = text.slice(bp.start, bp.end);
      // Stop at a heading, another introduction, or a paragraph with its own quotation marks.
      if (body.length < 40 || /["“”«»]/.test(body) || body.endsWith(':') || /^(notes?|further information|ends|background)\b/i.test(body)) break;
      let a = bp.start;
      let e = bp.end;
      while (e > a && TRIM.test(text[e - 1]!)) e--;
      blocks.push({
        article: articleId,
        text: text.slice(a, e),
        start: a,
        end: e,
        speaker: speakerLabel(cx, frame.sp),
        speaker_evidence: [ev(cx, frame.sp.start, frame.sp.end)],
        kind: 'direct',
        rule: 'quote.block.' + frame.sp.how,
      });
      a = e;
    }
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Direct quotes: for each span, candidates → choice → record.

// The end of ' of (the) <Organisation>' right after a name, or null.
function affiliationAfter(cx: QuoteContext, end: number): number | null {
  const { text, orgStarts } = cx;
  const m = /^ of (?:the )?/.exec(text.slice(end, end + 8));
  return m ? orgStarts.get(end + m[0].length) ?? null : null;
}

/**
 * '…, while the army “is coordinating the legal procedures”': a quote that opens with a finite
 * verb finishes the clause of the phrase right before it, which is who says it.
 */
function subjectOfQuote(cx: QuoteContext, q: QuoteSpan): Speaker | null {
  const { toks, s, tokenAt, doc } = cx;
  const f = tokenAt(q.start);
  const b = tokenAt(q.open);
  const t = toks[f];
  if (!t || b < 1 || !/^[a-z]/.test(s(f)) || !(t.pos === 'AUX' || (t.pos === 'VERB' && /^[a-z]+s$/.test(s(f))))) return null;
  const e = b - 1;
  if (toks[e]!.sentence !== t.sentence || !(toks[e]!.pos === 'NOUN' || toks[e]!.pos === 'PROPN') || toks[e]!.end > q.open) return null;
  const a = npLeft(cx, e, doc.sentences[t.sentence]!.tokenStart);
  // (Only a phrase that opens its clause: in 'the clip says Kaine “has a passion …”' the
  // phrase after a verb is what is said, not who says it.)
  const before = toks[a - 1];
  if (before && before.sentence === t.sentence && !/^[,;:—–(]$/.test(s(a - 1)) && ((before.pos !== 'SCONJ' && before.pos !== 'CCONJ') || before.lower === 'that')) return null;
  const sp = speakerOfNP(cx, a, e + 1, q.open, 'before-subject');
  return sp && speakerLike(cx, sp) ? sp : null;
}

/** Where a span stands among the quotes read before it (readDirectQuotes keeps it as it goes). */
interface QuoteState {
  /** The span before this one, and the speaker it was given. */
  prev: { q: QuoteSpan; sp: Speaker | null } | null;
  /** The last quote that was given a speaker, and its paragraph. */
  lastSpeaker: { sp: Speaker; paragraph: number } | null;
}

/**
 * The candidates stage: every reading the words around span q offer (before it, after it, the
 * quote before it, the paragraph and the passage), each read on demand.
 */
function candidatesOf(cx: QuoteContext, q: QuoteSpan, next: QuoteSpan | undefined, st: QuoteState): Candidates {
  const { text, toks, chains, chainAt, s, tokenAt, sources, speechFrames, paraLast, doc } = cx;
  const { prev, lastSpeaker } = st;
  const nextOpen = next && next.paragraph === q.paragraph ? next.open : Number.MAX_SAFE_INTEGER;
  const prevAfter = prev && prev.q.paragraph === q.paragraph ? prev.q.after : doc.paragraphs[q.paragraph]!.start;
  const pstart = doc.paragraphs[q.paragraph]!.start;
  const prevSp: Speaker | null = prev && prev.q.paragraph === q.paragraph ? prev.sp : null;
  return {
    verbFirst: lazy(() => subjectOfQuote(cx, q)),
    left: lazy(() => fromLeft(cx, q, prevAfter)),
    right: lazy(() => (q.closed ? fromRight(cx, q, nextOpen) : null)),
    embedded: /[\p{L}\p{N}]\s*$/u.test(text.slice(Math.max(pstart, q.open - 3), q.open)),
    sameSentence: () =>
      prev && prev.q.paragraph === q.paragraph && prev.sp && !/[.!?]\s/.test(text.slice(prev.q.close - 1, q.open)) && !/[.!?]$/.test(text.slice(prev.q.inner, prev.q.close).trim())
        ? { ...prev.sp, how: 'same-sentence' }
        : null,
    signature: () => {
      if (q.paragraph + 1 >= doc.paragraphs.length) return null;
      const np = doc.paragraphs[q.paragraph + 1]!;
      const k = tokenAt(np.start);
      if (!(toks[k] && /^[-―—–]$/.test(s(k)) && toks[k + 1] && chainAt[k + 1]! >= 0 && nameChain(cx, chainAt[k + 1]!))) return null;
      return speakerOfNP(cx, k + 1, chains[chainAt[k + 1]!]!.te, np.start, 'signature-line');
    },
    sameParagraph: () => (prevSp ? { ...prevSp, how: 'same-paragraph' } : null),
    paragraphAttribution: () => {
      for (let i = speechFrames.length - 1; i >= 0; i--) {
        const at = toks[speechFrames[i]!.v]!.start;
        if (at >= q.open) continue;
        if (at < pstart) break;
        return { ...speechFrames[i]!.sp, how: 'paragraph-attribution' };
      }
      return null;
    },
    paragraphSubject: () => {
      for (let i = sources.length - 1; i >= 0; i--) {
        const x = sources[i]!;
        if (x.pos >= q.open) continue;
        if (x.pos < pstart) break;
        if (x.person) return { name: x.name, start: x.pos, end: x.end ?? x.pos, how: 'paragraph-subject', person: true };
      }
      return null;
    },
    // (CSV-wrapped paragraphs start with a stray mark.)
    opensParagraph: /^[\s"'“”‘’«]*$/.test(text.slice(pstart, q.open)),
    previousParagraph: () => (lastSpeaker && q.paragraph - lastSpeaker.paragraph <= 1 ? { ...lastSpeaker.sp, how: 'previous-paragraph' } : null),
    previousParagraphAttribution: () => {
      const pl = q.paragraph > 0 ? paraLast[q.paragraph - 1] : null;
      return pl ? { ...pl, how: 'previous-paragraph-attribution' } : null;
    },
    previousParagraphColon: () => {
      if (q.paragraph < 1) return null;
      const pp = doc.paragraphs[q.paragraph - 1]!;
      if (text[pp.end - 1] !== ':' || pp.sentenceEnd <= pp.sentenceStart) return null;
      const last = doc.sentences[pp.sentenceEnd - 1]!;
      for (let v = last.tokenStart; v < last.tokenEnd; v++) if (toks[v]!.pos === 'VERB') return subjectLeft(cx, v, last.tokenStart, 'previous-paragraph-colon');
      // 'His words:' / 'In her words:': the one the possessive means.
      const w = /^(?:in\s+)?(his|her)\s+(?:own\s+)?words\s*:$/i.exec(text.slice(last.start, pp.end).trim());
      const src = w ? personBefore(cx, last.start, w[1]!.toLowerCase() === 'his' ? 'he' : 'she') : undefined;
      return src ? { name: src.name, start: last.start, end: pp.end, how: 'previous-paragraph-colon:pronoun', person: true } : null;
    },
    previousParagraphSubject: () => {
      if (q.paragraph < 1) return null;
      const pp = doc.paragraphs[q.paragraph - 1]!;
      let x: Source | undefined;
      for (const c of sources) if (c.person && c.pos >= pp.start && c.pos < pp.end) x = c;
      return x && (!lastSpeaker || x.pos > lastSpeaker.sp.start) ? { name: x.name, start: x.pos, end: x.end ?? x.pos, how: 'previous-paragraph-subject', person: true } : null;
    },
    passageSpeaker: () =>
      lastSpeaker && q.paragraph - lastSpeaker.paragraph <= 2 && text.slice(q.start, q.end).split(/\s+/).length >= 4 ? { ...lastSpeaker.sp, how: 'passage-speaker' } : null,
    speakerLike: (r) => speakerLike(cx, r as Speaker),
  };
}

/** A quote record: the span's text and its speaker as the article names it. */
function directQuote(cx: QuoteContext, q: QuoteSpan, sp: Speaker | null): Quote {
  const { text, articleId } = cx;
  // 'said Mujtaba Rahman of the Eurasia Group': the affiliation written right after the
  // speaker's name belongs to how the article names the speaker.
  const aff = sp && sp.person && !/:pronoun$/.test(sp.how) ? affiliationAfter(cx, sp.end) : null;
  return {
    article: articleId,
    text: text.slice(q.start, q.end),
    start: q.start,
    end: q.end,
    speaker: sp ? speakerLabel(cx, sp) + (aff ? text.slice(sp.end, aff) : '') : null,
    speaker_evidence: sp ? [ev(cx, sp.start, aff ?? sp.end)] : [],
    kind: 'direct',
    rule: 'quote.direct.' + (sp?.how ?? 'no-speaker'),
  };
}

/** One who spoke a direct quote becomes a cue for the quotes after it (pronouns, 'the source'). */
function noteSpeaker(cx: QuoteContext, q: QuoteSpan, sp: Speaker): void {
  if (sp.person && (sp.how.endsWith(':name') || sp.how.endsWith(':pronoun'))) addSource(cx, { pos: q.open, name: sp.name, person: true, rank: sp.how.startsWith('before-clause') ? 1 : 2 });
  // (A person named by a common noun, not an organisation, a document or a title, in an
  // attribution after the quote: '“…,” the carpenter says', not 'one questioner claimed that “…”'.)
  cx.spoke.push({ pos: q.open, sp });
  if (sp.how.startsWith('after-') && isHumanNominal(cx, sp)) cx.humans.push({ pos: sp.start, sp });
}

/** The direct quotes: for each span in text order, its candidates, then the choice (CHOICE_RULES in quote-rules.ts), then its record. */
function readDirectQuotes(cx: QuoteContext): Quote[] {
  const { text, spans } = cx;
  const out: Quote[] = [];
  const st: QuoteState = { prev: null, lastSpeaker: null };
  for (let qi = 0; qi < spans.length; qi++) {
    const q = spans[qi]!;
    const cands = candidatesOf(cx, q, spans[qi + 1], st);
    // The choice: the first rule of CHOICE_RULES that reads a speaker.
    const sp: Speaker | null = (chooseSpeaker(cands)?.sp as Speaker | undefined) ?? null;
    // Scare quotes: a short quoted phrase with no speaker is a name or a term, not a quote.
    const words = text.slice(q.start, q.end).split(/\s+/).length;
    if (!sp && words < 4) {
      st.prev = { q, sp: null };
      continue;
    }
    out.push(directQuote(cx, q, sp));
    if (sp) {
      noteSpeaker(cx, q, sp);
      st.lastSpeaker = { sp, paragraph: q.paragraph };
    }
    st.prev = { q, sp };
  }
  return out;
}

/** The stages one by one, for their own tests (test/quote-stages.test.ts); readQuotes runs them in order. */
export const quoteStages = { prepare, readPersonSubjects, readOrgSubjects, humanSubjects, readSpeechFrames, candidatesOf, speakerOfNP };

/**
 * The pipeline: prepare (spans, chains) → cues (who is a clause's subject, who speaks where, and
 * the indirect and block quotes the attributions frame) → for each quoted span, its candidates →
 * the choice → its quote record.
 */
function readQuotes(doc: Doc, people: PeopleIndex, articleId: string): Quote[] {
  const cx = prepare(doc, people, articleId);
  readPersonSubjects(cx); // cues: people who are a clause's subject
  readOrgSubjects(cx); // cues: organisations that open a sentence
  cx.sources.sort((x, y) => x.pos - y.pos);
  cx.humans.push(...humanSubjects(cx)); // cues: people named only by a common noun
  const indirect = readSpeechFrames(cx); // cues: 'X said (that) …', 'according to X' (and the indirect quotes they frame)
  const blocks = readBlockQuotes(cx); // 'Minister Ellwood said:' and then paragraphs without quotation marks
  const direct = readDirectQuotes(cx); // candidates, choice and record for each quoted span
  return [...direct, ...blocks, ...indirect].sort((a, b) => a.start - b.start);
}
