/**
 * Numeric claims: a count of something, with its qualifier, the period it covers and the source
 * the text credits. 'According to Pakistan's Interior Ministry, more than 1,500 violent incidents
 * in the first 10 months of this year have resulted in at least 924 deaths.' gives two claims,
 * both sourced to the Interior Ministry, both for 2024-01/2024-10.
 *
 * - The number is read by numbers.ts (digits and words, with 'at least', 'more than', …);
 *   what is counted is the noun phrase after it ('violent incidents', 'air strikes on TTP
 *   hideouts'); durations ('10 months', 'four decades'), years, ages and vague counts
 *   ('thousands') are not claims.
 * - The source: the speaker of the quotation the number stands in (direct or reported:
 *   'Tipu … said that Pakistan has conducted at least four air strikes'), 'according to X', or
 *   the subject of a reporting verb ('PICSS … reported more than 856 attacks'); a sentence
 *   with none keeps the source of the claim before it in the same paragraph ('Among the
 *   casualties were at least 570 …').
 * - The period: resolvePeriod (dates.ts) over the words after the number, then the whole
 *   sentence, then the claim before it in the paragraph.
 * A number with neither a source nor a period is a plain fact of the story, not a claim.
 */
import type { Claim, Evidence } from '../core/types.js';
import type { Doc } from '../text/doc.js';
import { firstStartingAt } from '../text/doc.js';
import { resolvePeriod } from './dates.js';
import { NUMBER_PATTERN, parseNumber } from './numbers.js';
import { cleanName, type PeopleIndex } from './people.js';
import { findQuotes } from './quotes.js';

const NUMBER_RE = new RegExp(`(?<![\\w.,])${NUMBER_PATTERN}(?![\\w])`, 'g');

/** Nouns of time: 'the first 10 months', 'four decades of engagement' are durations. */
const TIME_UNITS = new Set([
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks',
  'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries', 'am', 'pm',
  'a.m.', 'p.m.', 'percent', 'per', '%', 'times', 'o’clock', "o'clock", 'km', 'miles', 'kilometres',
  'kilometers', 'metres', 'meters', 'year-old', 'years-old',
]);

/**
 * Verbs that credit a figure to their subject: 'PICSS reported more than 856 attacks', 'the
 * ministry recorded', 'the UN estimated', 'officials said'.
 */
const REPORT_VERBS = new Set([
  'said', 'says', 'say', 'reported', 'reports', 'recorded', 'records', 'counted', 'counts',
  'documented', 'documents', 'estimated', 'estimates', 'stated', 'states', 'announced',
  'announces', 'confirmed', 'confirms', 'claimed', 'claims', 'told', 'tallied', 'registered',
  'put', 'puts', 'noted', 'added', 'showed', 'shows', 'found', 'finds', 'revealed', 'reveals',
  'released', 'published', 'cited', 'cites',
]);

/** Words that mark a sentence as a toll of deaths: 'Among the casualties were 351 civilians'. */
const DEATH_CONTEXT = /\b(casualties|killed|killing|deaths|dead|died|fatalities)\b/i;
const DEATH_WORDS = /\b(deaths?|dead|killed|fatalities|casualties|lives|bodies)\b/i;

/** Prepositions that may continue what is counted: 'air strikes on TTP hideouts'. */
const WHAT_PREPS = new Set(['on', 'against', 'of', 'by', 'from']);
const WHAT_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB', 'NUM']);

export function findClaims(doc: Doc, people: PeopleIndex, articleId: string, published: string | null): Claim[] {
  const text = doc.text;
  const toks = doc.tokens;
  const out: Claim[] = [];
  if (!/\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million)\b/i.test(text))
    return out;
  const quotes = findQuotes(doc, people, articleId);
  const ev = (start: number, end: number): Evidence => ({ article: articleId, start, end, text: text.slice(start, end) });
  const timeSpans = doc.mentions.filter((m) => m.kind === 'time');
  // (See namedSpans.)
  let namedIndex: { name: string; start: number; end: number; order: number }[] | null = null;
  // The time expressions around a span: they are sorted by start, and none is longer than
  // `longestTime`, so only those starting in [end - longestTime, start] can hold it (a scan of
  // all of them for every number took time in the product of the two in a long text).
  let longestTime = 0;
  let timesOrdered = true;
  timeSpans.forEach((t, i) => {
    longestTime = Math.max(longestTime, t.end - t.start);
    if (i > 0 && t.start < timeSpans[i - 1]!.start) timesOrdered = false;
  });
  const timesHolding = (start: number, end: number) => {
    if (!timesOrdered) return timeSpans;
    const hi = firstStartingAt(timeSpans.length, (i) => timeSpans[i]!.start, start + 1);
    let lo = hi;
    while (lo > 0 && timeSpans[lo - 1]!.start >= end - longestTime) lo--;
    return timeSpans.slice(lo, hi);
  };

  /** First token with start >= pos. */
  const tokenAt = (pos: number): number => firstStartingAt(toks.length, (i) => toks[i]!.start, pos);

  let prevClaim: { paragraph: number; source: string | null; sourceEv: Evidence[]; period: string | null; qualifier: string | null; end: number } | null = null;
  // Number phrases of the whole text, read once, then taken sentence by sentence.
  const all: { index: number; text: string }[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) all.push({ index: m.index, text: m[0] });
  let ai = 0;
  for (const sent of doc.sentences) {
    while (ai < all.length && all[ai]!.index < sent.start) ai++;
    if (ai >= all.length || all[ai]!.index >= sent.end) continue;
    const stext = text.slice(sent.start, sent.end);
    const matches: { start: number; end: number; raw: string }[] = [];
    for (; ai < all.length && all[ai]!.index < sent.end; ai++) {
      const m = { index: all[ai]!.index - sent.start, 0: all[ai]!.text };
      if (m.index + m[0].trimEnd().length > stext.length) continue;
      const start = sent.start + m.index;
      let raw = m[0];
      // A match may end in spaces or start with them (qualifier words); keep the exact span.
      const lead = raw.length - raw.trimStart().length;
      raw = raw.trim();
      if (!raw) continue;
      // A year is a date, not a count ('recorded in 2023'); 'the first 10 months' is a duration.
      if (/^(1[89]|20)\d{2}$/.test(raw)) continue;
      const nextWord = /^[\s-]*([\p{L}%’'.]+)/u.exec(stext.slice(m.index + m[0].length))?.[1]?.toLowerCase() ?? '';
      if (TIME_UNITS.has(nextWord)) continue;
      matches.push({ start: start + lead, end: start + lead + raw.length, raw });
    }
    for (let mi = 0; mi < matches.length; mi++) {
      const m = matches[mi]!;
      const parsed = parseNumber(m.raw);
      if (!parsed || parsed.value === null) continue;
      // Vague counts ('thousands of fighters') are not figures anyone can be credited with.
      if (parsed.qualifier && /^(dozens|hundreds|thousands|dozen)$/.test(parsed.qualifier)) continue;
      if (/^(a|an|one|single|lone|no|none|zero|both|pair|couple)$/i.test(m.raw.replace(/^.*\s/, ''))) continue;
      // 'the two countries': a number word after a definite determiner refers, it does not count.
      if (/^[a-z]/i.test(m.raw) && !parsed.qualifier && /\b(the|these|those|its|their|his|her)\s+$/i.test(text.slice(Math.max(0, m.start - 8), m.start))) continue;
      // A year or a date, not a count.
      if (/^(1[89]|20)\d{2}$/.test(m.raw)) continue;
      if (timesHolding(m.start, m.end).some((t) => t.start <= m.start && t.end >= m.end && !/^\d{1,3}(,\d{3})+$/.test(m.raw) && /\b(months?|years?|days?|weeks?|decades?|hours?|ago|[A-Z][a-z]+ \d)/.test(t.text))) continue;
      // What is counted: the noun phrase right after the number.
      const k0 = tokenAt(m.end);
      let k = k0;
      let lastNoun = -1;
      while (k < sent.tokenEnd && k - k0 < 10) {
        const t = toks[k]!;
        const w = text.slice(t.start, t.end);
        if (WHAT_POS.has(t.pos) && !/^\p{P}$/u.test(w) && !(t.pos === 'VERB' && !/^[a-z]+(ed|ing)?$/.test(w))) {
          if (t.pos === 'VERB' && lastNoun >= 0) break; // 'incidents recorded in 2023'
          if (t.pos === 'NOUN' || t.pos === 'PROPN') lastNoun = k;
          k++;
          continue;
        }
        if (w === '-' && t.start === toks[k - 1]?.end) {
          k++;
          continue;
        }
        // 'air strikes on TTP hideouts': one prepositional phrase joins what is counted.
        if (lastNoun >= 0 && WHAT_PREPS.has(t.lower) && k + 1 < sent.tokenEnd && (toks[k + 1]!.pos === 'NOUN' || toks[k + 1]!.pos === 'PROPN' || toks[k + 1]!.pos === 'ADJ')) {
          k++;
          continue;
        }
        break;
      }
      if (lastNoun < 0) continue;
      const head = toks[lastNoun]!;
      const whatStart = toks[k0]!.start;
      const whatEnd = head.end;
      const firstWord = toks[k0]!.lower;
      if (TIME_UNITS.has(firstWord) || TIME_UNITS.has(head.lower)) continue;
      let what = text.slice(whatStart, whatEnd);
      // 'Among the casualties were at least 570 law enforcement personnel' / 'killed at least 16
      // soldiers': a toll of deaths said before the figure makes it a count of the killed.
      if (DEATH_CONTEXT.test(text.slice(sent.start, m.start)) && !DEATH_WORDS.test(what)) what += ' killed';

      // Qualifier: its own, or the one of the figure it is listed with ('at least 570 … and 351').
      let qualifier = parsed.qualifier && parsed.qualifier !== 'range' ? parsed.qualifier : null;
      if (!qualifier && mi > 0) {
        const between = text.slice(matches[mi - 1]!.end, m.start);
        const prevParsed = parseNumber(matches[mi - 1]!.raw);
        if (/^[^.;]{0,60}\band\s*$/.test(between) && prevParsed?.qualifier && prevParsed.qualifier !== 'range') qualifier = prevParsed.qualifier;
      }

      // Source.
      let source: string | null = null;
      let sourceEv: Evidence[] = [];
      const q = quotes.find((x) => x.start <= m.start && x.end >= m.end && x.speaker);
      if (q) {
        source = q.speaker;
        sourceEv = q.speaker_evidence;
      }
      if (!source) {
        const sp = reportingSubject(sent.tokenStart, tokenAt(m.start));
        if (sp) {
          source = sp.name;
          sourceEv = [ev(sp.start, sp.end)];
        }
      }
      if (!source && prevClaim && prevClaim.paragraph === sent.paragraph && prevClaim.source) {
        source = prevClaim.source;
        sourceEv = prevClaim.sourceEv;
      }

      // Period: after the number (up to the next figure), then the sentence, then the claim before.
      const nextStart = matches[mi + 1]?.start ?? sent.end;
      let period: string | null = null;
      let periodEv: Evidence[] = [];
      // The words after the number up to the next figure or clause break, then those before it
      // ('… over the past few years, including one in March': March is not the period).
      const after = /^[^,;]*/.exec(text.slice(m.end, nextStart))![0];
      const pa = resolvePeriod(after, published);
      const ps = pa ? null : resolvePeriod(text.slice(sent.start, m.start), published);
      const p = pa ?? ps;
      if (p) {
        period = `${p.from}/${p.to}`;
        const base = pa ? m.end : sent.start;
        if (p.start !== undefined && p.end !== undefined) periodEv = [ev(base + p.start, base + p.end)];
      } else if (prevClaim && prevClaim.paragraph === sent.paragraph && prevClaim.period && source === prevClaim.source) {
        period = prevClaim.period;
      }
      if (!source && !period) continue;

      out.push({
        article: articleId,
        value: parsed.value,
        qualifier,
        what,
        period,
        source,
        evidence: [ev(m.start, whatEnd), ...sourceEv, ...periodEv],
        rule: 'claim.' + (q ? 'quote' : source ? 'reported' : 'period'),
      });
      prevClaim = { paragraph: sent.paragraph, source, sourceEv, period, qualifier, end: whatEnd };
    }
  }
  return out;

  /**
   * 'According to X, …' anywhere in the sentence, or the subject of a reporting verb before
   * the number: the first person or organisation named in the clause before the verb.
   */
  function reportingSubject(from: number, numTok: number): { name: string; start: number; end: number } | null {
    for (let k = from; k < numTok + 40 && k < toks.length && toks[k]!.sentence === toks[from]!.sentence; k++) {
      if (toks[k]!.lower === 'according' && toks[k + 1]?.lower === 'to') {
        const a = toks[k + 2];
        if (!a) break;
        let e = k + 2;
        while (toks[e] && toks[e]!.sentence === a.sentence && !/^[,.;]$/.test(text.slice(toks[e]!.start, toks[e]!.end))) e++;
        const span = named(a.start, toks[e - 1]!.end);
        if (span) return span;
      }
    }
    for (let v = numTok - 1; v >= from; v--) {
      if (!REPORT_VERBS.has(toks[v]!.lower) || toks[v]!.pos !== 'VERB') continue;
      const span = named(toks[from]!.start, toks[v]!.start);
      if (span) return span;
    }
    return null;
  }

  /**
   * The spans naming an organisation or person, as `named` considers them, sorted by start, then
   * longest first, then in the order it met them (the first of equal spans wins): built once, as
   * scanning every name's evidence for every number took time in the product of the two.
   */
  function namedSpans() {
    if (namedIndex) return namedIndex;
    const out: { name: string; start: number; end: number; order: number }[] = [];
    for (const o of people.organisations) for (const x of o.evidence) out.push({ name: o.name, start: x.start, end: x.end, order: out.length });
    for (const p of people.people) for (const x of p.evidence) if (/^[A-Z]/.test(x.text) && p.name.endsWith(x.text.split(' ').pop()!)) out.push({ name: p.name, start: x.start, end: x.end, order: out.length });
    out.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
    return (namedIndex = out);
  }

  /** The first organisation or person named within [start, end), resolved. */
  function named(start: number, end: number): { name: string; start: number; end: number } | null {
    let best: { name: string; start: number; end: number } | null = null;
    const consider = (name: string, s: number, e: number) => {
      if (s < start || e > end) return;
      if (!best || s < best.start || (s === best.start && e > best.end)) best = { name, start: s, end: e };
    };
    // The first named span of the index inside [start, end) is what the scan of every name gave.
    const names = namedSpans();
    for (let i = firstStartingAt(names.length, (k) => names[k]!.start, start); i < names.length && names[i]!.start < end; i++) {
      const x = names[i]!;
      if (x.end > end) continue;
      consider(x.name, x.start, x.end);
      break;
    }
    // An acronym standing for an organisation ('PICSS reported').
    const words = /[A-Z][A-Za-z]*(?:[ -][A-Z][A-Za-z]*)*/g;
    const seg = text.slice(start, end);
    for (let w = words.exec(seg); w; w = words.exec(seg)) {
      const r = people.resolve(cleanName(w[0]));
      if (r !== cleanName(w[0])) consider(r, start + w.index, start + w.index + w[0].length);
    }
    if (best) return best;
    // A common-noun source: 'officials said', 'the ministry said'.
    const np = /\b(?:the\s+)?([a-z]+\s+)?(officials?|ministry|military|army|police|authorities|spokes(?:man|woman|person)|sources?|analysts?|monitors?|observatory|government)\b/i.exec(seg);
    if (np) return { name: np[0].replace(/^the\s+/i, ''), start: start + np.index, end: start + np.index + np[0].length };
    return null;
  }
}
