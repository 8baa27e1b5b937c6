/**
 * Dates: every time expression of a text, resolved to a day with ACLED's time_precision
 * (1 = the day, 2 = within a week, 3 = within a month).
 *
 * Fast path first: a few precompiled regexes read the common forms over the whole text in one
 * pass each ("On 9 May 2020,", "2nd May 2020", "29 April, 2020", "May 2 2020", "Around 1 May",
 * "late on Tuesday night", "yesterday", "last week", "in March"). chrono-node is called only on
 * a sentence whose cheap pre-check (`CHRONO_PRECHECK`) suggests a form the regexes do not read
 * ("two days ago", "5/9/2020"), and none of the regexes matched there.
 *
 * Anchor. Relative expressions and dates without a year resolve against the publication date;
 * with no publication date, against the latest full date (day, month and year) the text gives;
 * with neither, they get no date. A date whose year is only implied is pulled into the past:
 * "in March" read on 2024-12-25 is 2024-03, not 2025-03 (chrono-node reads month names forward).
 *
 * Conventions (documented choices, each general):
 * - "on Tuesday" = the most recent Tuesday up to the anchor (the anchor itself when it is a
 *   Tuesday: news says "on Wednesday" of the day it is published); "last Tuesday" = the most
 *   recent Tuesday strictly before the anchor.
 * - "last week" = the Saturday of the previous Monday–Sunday week, precision 2 (read on
 *   Wednesday 2024-12-25: Saturday 2024-12-21); "last weekend" likewise. "this week"/"earlier
 *   this week" = the week's middle day, Wednesday, or the day before the anchor when that is
 *   earlier (never before the week's Monday), precision 2.
 * - A month with no day ("in March", "in March 2024", "last month") = the 15th, precision 3.
 * - "Around 9 May 2020", "Reported on 9 May 2020", "9 May 2020 (week of)": precision 2, as ACLED
 *   codes an approximate or report date.
 */
import { setApart } from './consolidate.js';
import * as chrono from 'chrono-node';
import type { Evidence, Field } from '../core/types.js';
import type { Doc } from '../text/doc.js';
import { sentenceIndexAt } from '../text/doc.js';

export interface TimeMention {
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** YYYY-MM-DD */
  date: string;
  precision: 1 | 2 | 3;
  rule: string;
  /** Resolved against an anchor (publication date or another date of the text). */
  relative: boolean;
  /** The date lies after the anchor (a plan or a forecast, not an incident). */
  future?: boolean;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';

interface Pattern {
  re: RegExp;
  rule: string;
  read: (m: RegExpExecArray, anchor: Anchor) => Resolved | null;
}
interface Resolved {
  date: string;
  precision: 1 | 2 | 3;
  relative: boolean;
  future?: boolean;
}
interface Anchor {
  /** Anchor date (UTC midnight) or null when the text gives none. */
  day: Date | null;
  /** From the publication date (strict: no forward slack for implied years). */
  published: boolean;
}

// Month names are matched case-insensitively but a lower-case "may"/"march" is a verb.
const monthNum = (s: string): number | null => {
  if (s === 'may' || s === 'march' || s === 'mar') return null;
  return MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? null;
};

/** The absolute and relative forms, tried in this order; a later match may not overlap an earlier. */
const PATTERNS: Pattern[] = [
  {
    // Two days of one month: "On January 29-30 2025", "on the night of 15/16 November 2024": the
    // first day, the day the event began (a night too is coded on the evening it began).
    re: new RegExp(`\\b(?:${MONTH}\\s+${DAY}\\s*[-–/]\\s*${DAY}|${DAY}\\s*[-–/]\\s*${DAY}(?:\\s+of)?\\s+${MONTH}),?\\s+${YEAR}\\b`, 'gi'),
    rule: 'date:day-range',
    read: (m) => withMonth(m[1] ?? m[6]!, (mo) => full(+m[7]!, mo, +(m[2] ?? m[4])!)),
  },
  {
    // "2020-05-09": ISO dates in feeds and datelines.
    re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g,
    rule: 'date:iso',
    read: (m) => full(+m[1]!, +m[2]!, +m[3]!),
  },
  {
    // "On 9 May 2020,", "2nd May 2020", "29 April, 2020", "9th of May 2020".
    re: new RegExp(`\\b${DAY}(?:\\s+of)?\\s+${MONTH},?\\s+${YEAR}\\b`, 'gi'),
    rule: 'date:day-month-year',
    read: (m) => withMonth(m[2]!, (mo) => full(+m[3]!, mo, +m[1]!)),
  },
  {
    // "May 2 2020", "May 2, 2020", "May 2nd, 2020".
    re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'gi'),
    rule: 'date:month-day-year',
    read: (m) => withMonth(m[1]!, (mo) => full(+m[3]!, mo, +m[2]!)),
  },
  {
    // Two days of one month, the year implied: "the night of Jan 25-26", "on 15/16 November".
    re: new RegExp(`\\b(?:${MONTH}\\s+${DAY}\\s*[-–/]\\s*${DAY}|${DAY}\\s*[-–/]\\s*${DAY}(?:\\s+of)?\\s+${MONTH})(?![\\w-])`, 'gi'),
    rule: 'date:day-range',
    read: (m, a) => withMonth(m[1] ?? m[6]!, (mo) => impliedYear(a, mo, +(m[2] ?? m[4])!)),
  },
  {
    // "Around 1 May", "on 3rd March", "on the 5th of May": the year is implied.
    re: new RegExp(`\\b(?:the\\s+)?${DAY}(?:\\s+of)?\\s+${MONTH}(?![\\w-])`, 'gi'),
    rule: 'date:day-month',
    read: (m, a) => withMonth(m[2]!, (mo) => impliedYear(a, mo, +m[1]!)),
  },
  {
    // "on May 2", "March 14th".
    re: new RegExp(`\\b${MONTH}\\s+${DAY}(?![\\d,.]*\\d)(?![\\w-])`, 'gi'),
    rule: 'date:month-day',
    read: (m, a) => withMonth(m[1]!, (mo) => impliedYear(a, mo, +m[2]!)),
  },
  {
    // "in June 2024", "since March 2020": a month, precision 3.
    re: new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b`, 'gi'),
    rule: 'date:month-year',
    read: (m) => withMonth(m[1]!, (mo) => ({ date: ymd(+m[2]!, mo, 15), precision: 3, relative: false })),
  },
  {
    // "including one in March", "in early June": a month with no year, precision 3.
    re: new RegExp(`\\b(?:in|since|during|until|by|from|of|last)\\s+(?:(?:early|mid|late|mid-)\\s*)?${MONTH}(?![\\w-])`, 'gi'),
    rule: 'date:month',
    read: (m, a) =>
      withMonth(m[1]!, (mo) => {
        const r = impliedYear(a, mo, 15);
        return r && { ...r, precision: 3 };
      }),
  },
  {
    // "late on Tuesday night", "on Monday", "last Friday", "Tuesday's strikes".
    // (Lower case only after 'on': "on saturday night", as some outlets write it.)
    re: /\b(?:([Ll]ast|[Pp]ast|[Pp]revious|[Tt]his|[Nn]ext|[Cc]oming)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|(?<=\bon\s)(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday))\b/g,
    rule: 'date:weekday',
    read: (m, a) => {
      if (!a.day) return null;
      const wd = WEEKDAYS[m[2]!.toLowerCase()]!;
      const mod = m[1]?.toLowerCase();
      let back = (a.day.getUTCDay() - wd + 7) % 7;
      if (mod === 'next' || mod === 'coming') {
        const fwd = (wd - a.day.getUTCDay() + 7) % 7 || 7;
        return { date: iso(addDays(a.day, fwd)), precision: 1, relative: true, future: true };
      }
      if ((mod === 'last' || mod === 'past' || mod === 'previous') && back === 0) back = 7;
      return { date: iso(addDays(a.day, -back)), precision: 1, relative: true };
    },
  },
  {
    // "yesterday", "last night", "the day before yesterday", "today", "this morning", "overnight".
    re: /\b(the day before yesterday|yesterday|last night|today|tonight|this (?:morning|afternoon|evening)|earlier today|overnight)\b/gi,
    rule: 'date:deictic-day',
    read: (m, a) => {
      if (!a.day) return null;
      const w = m[1]!.toLowerCase();
      const back = w === 'the day before yesterday' ? 2 : w === 'yesterday' || w === 'last night' ? 1 : 0;
      return { date: iso(addDays(a.day, -back)), precision: 1, relative: true };
    },
  },
  {
    // "two days ago", "3 weeks ago".
    re: /\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?)\s+ago\b/gi,
    rule: 'date:ago',
    read: (m, a) => {
      if (!a.day) return null;
      const n = /^\d/.test(m[1]!) ? +m[1]! : SMALL[m[1]!.toLowerCase()]!;
      const week = /^week/i.test(m[2]!);
      return { date: iso(addDays(a.day, -(week ? 7 * n : n))), precision: week ? 2 : 1, relative: true };
    },
  },
  {
    // "Last week, TTP fighters …", "during a briefing last week", "earlier this week", "last month".
    re: /\b(last|past|previous|earlier this|this|late last|early last)\s+(week|weekend|month)\b/gi,
    rule: 'date:week-month',
    read: (m, a) => {
      if (!a.day) return null;
      const mod = m[1]!.toLowerCase();
      const unit = m[2]!.toLowerCase();
      const d = a.day;
      const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
      if (unit === 'month') {
        if (mod === 'this' || mod === 'earlier this') return { date: ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, 15), precision: 3, relative: true };
        const pm = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 15));
        return { date: iso(pm), precision: 3, relative: true };
      }
      const thisMonday = addDays(d, -dow);
      // The current week with no day is coded on its middle day, Wednesday (precision 2 says the
      // day is approximate), but not on or after the anchor: read on a Tuesday, "earlier this
      // week" is the Monday; from Thursday on, the Wednesday.
      if (mod === 'this' || mod === 'earlier this') {
        return { date: iso(addDays(thisMonday, Math.max(0, Math.min(MIDWEEK, dow - 1)))), precision: 2, relative: true };
      }
      // "last weekend" = Saturday of the previous weekend; "last week" = the previous week's Saturday.
      return { date: iso(addDays(thisMonday, -2)), precision: 2, relative: true };
    },
  },
];

/** The middle day of a Monday–Sunday week, counted from its Monday (Wednesday). */
const MIDWEEK = 2;

/** "That same day last week", "on the same day the previous week": the weekday just told, a week earlier. */
const SAME_DAY_BEFORE = /\b(?:that|the) same day,?\s*$/i;
const WEEK_BEFORE = /^(?:last|previous) week$/i;

/**
 * "On Monday, gunmen killed 14 … That same day last week, nine died …": "last week" alone
 * would be the previous week (precision 2); with "same day" it is the day of the latest earlier
 * day mention, seven days back (precision 1).
 */
function sameDayLastWeek(out: TimeMention[], text: string): void {
  for (let i = 1; i < out.length; i++) {
    const t = out[i]!;
    if (!WEEK_BEFORE.test(t.text) || !SAME_DAY_BEFORE.test(text.slice(Math.max(0, t.start - 20), t.start))) continue;
    const told = out.slice(0, i).reverse().find((p) => p.precision === 1 && !p.future && !reportingTime(text, p));
    if (!told) continue;
    out[i] = { ...t, date: iso(addDays(parseIsoDay(told.date)!, -7)), precision: 1, rule: 'date:same-day-last-week', relative: true };
  }
}

/** How many of PATTERNS, from the first, read full dates (the anchor where no publication date is given). */
const FULL_PATTERNS = 4;

const SMALL: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** Forms the regexes do not read, for which chrono-node is worth calling on the sentence. */
const CHRONO_PRECHECK = /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\bfortnight\b|\b(?:days|weeks|months) (?:earlier|later|before)\b/i;

/** ACLED's approximate dates: "Around 9 May 2020", "Reported on 9 May 2020", "(week of)". */
const APPROX_BEFORE = /\b(?:around|about|approximately|circa|reported on|as of|week of|between|by)\s*$/i;
const APPROX_AFTER = /^\s*\((?:as reported|week of|reported|approximate|approx)/i;

/** Find and resolve every time expression of the text. */
export function findDates(doc: Doc, published: string | null): TimeMention[] {
  const found = readDates(doc, published);
  const filed = filedDay(doc.text, found, published);
  return filed ? readDates(doc, filed) : found;
}

/** How many days before the publication date a dateline's own date may lie (a print edition's
 *  copy is filed the day before; a week-old dateline is a republished story, left alone). */
const FILED_BEFORE_DAYS = 3;

/**
 * The day the copy was filed, where the opening dateline gives one a day or a few before the
 * publication date ("KABUL, May 12:" in the paper of May 13): "yesterday", "on Tuesday" and
 * "today" were written on that day, so they resolve against it. Null otherwise.
 */
function filedDay(text: string, found: TimeMention[], published: string | null): string | null {
  const pub = parseIsoDay(published);
  if (!pub) return null;
  const t = found.find((m) => m.precision === 1 && m.start < 120 && reportingTime(text, m) && text.lastIndexOf('\n', m.start) < 0);
  if (!t) return null;
  const back = (pub.getTime() - Date.parse(`${t.date}T00:00:00Z`)) / 86_400_000;
  return back >= 1 && back <= FILED_BEFORE_DAYS ? t.date : null;
}

function readDates(doc: Doc, published: string | null): TimeMention[] {
  const text = doc.text;
  const pub = parseIsoDay(published);
  // Absolute dates first: they are needed as the anchor when there is no publication date.
  const taken: { start: number; end: number }[] = [];
  const out: TimeMention[] = [];
  const anchor: Anchor = { day: pub, published: pub !== null };

  const runPattern = (p: Pattern, a: Anchor) => {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      const r = p.read(m, a);
      if (!r) continue;
      taken.push({ start, end });
      let precision = r.precision;
      if (precision === 1 && !r.relative) {
        const before = text.slice(Math.max(0, start - 20), start);
        const after = text.slice(end, end + 24);
        if (APPROX_BEFORE.test(before) || APPROX_AFTER.test(after)) precision = 2;
      }
      const future = r.future || (a.day !== null && a.published && r.date > iso(a.day)) || undefined;
      out.push({
        start,
        end,
        text: m[0],
        sentence: sentenceAt(doc, start),
        date: r.date,
        precision,
        rule: precision !== r.precision ? `${p.rule}:approximate` : p.rule,
        relative: r.relative,
        ...(future ? { future: true } : {}),
      });
    }
  };

  // Pass 1: full dates (day ranges, ISO, day-month-year, month-day-year).
  for (let i = 0; i < FULL_PATTERNS; i++) runPattern(PATTERNS[i]!, anchor);
  if (!anchor.day) {
    let latest: string | null = null;
    for (const t of out) if (!latest || t.date > latest) latest = t.date;
    anchor.day = parseIsoDay(latest);
  }
  for (let i = FULL_PATTERNS; i < PATTERNS.length; i++) runPattern(PATTERNS[i]!, anchor);

  // chrono-node only for sentences whose pre-check hints at a form the regexes did not read.
  if (anchor.day && CHRONO_PRECHECK.test(text)) {
    for (let s = 0; s < doc.sentences.length; s++) {
      const sent = doc.sentences[s]!;
      const stext = text.slice(sent.start, sent.end);
      if (!CHRONO_PRECHECK.test(stext)) continue;
      for (const r of chrono.en.GB.parse(stext, { instant: anchor.day, timezone: 0 })) {
        const start = sent.start + r.index;
        const end = start + r.text.length;
        if (taken.some((t) => start < t.end && end > t.start)) continue;
        const k = r.start;
        if (!k.isCertain('day') && !k.isCertain('weekday')) continue;
        const d = k.date();
        const date = ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
        taken.push({ start, end });
        out.push({
          start,
          end,
          text: r.text,
          sentence: s,
          date,
          precision: 1,
          rule: 'date:chrono',
          relative: !k.isCertain('year'),
          ...(anchor.published && date > iso(anchor.day) ? { future: true } : {}),
        });
      }
    }
  }
  out.sort((a, b) => a.start - b.start);
  sameDayLastWeek(out, text);
  // "this morning (Monday 23 March)", "yesterday (Sunday)": the parenthesis says which day; the
  // relative word before it gives way.
  return out.filter((t, i) => {
    const next = out[i + 1];
    return !(t.relative && next && /^\s*\(\s*$/.test(text.slice(t.end, next.start)) && next.precision <= t.precision);
  });
}

/**
 * The date of an incident reported by the `focus` sentences. Order of preference:
 * 1. the first non-future time mention in the focus sentences (a month-only mention gives way
 *    to a later day or week);
 * 2. the nearest earlier non-future mention of precision 1 or 2 in the same paragraph, then in
 *    the article (news often dates an incident once and goes on: "On Monday, … The attackers …");
 * 3. the publication date itself, precision 2 (the incident is reported but not dated: it
 *    happened within days of publication), rule 'date:publication', derived.
 * With none of these: null. `near` (optional, e.g. the event trigger): a possessive expression
 * just before it wins over the rule above ("yesterday's bombings", "Saturday's attack").
 */
export function eventDate(
  doc: Doc,
  dates: TimeMention[],
  focus: number[],
  articleId: string,
  published: string | null,
  near?: { start: number; end: number },
): { event_date: Field<string> | null; time_precision: Field<number> | null } {
  // The mentions of the focus sentences, in text order: looked up by sentence, not by scanning
  // every mention of the article for each incident (a long article has thousands of both).
  const bySentence = mentionsBySentence(dates);
  const inFocus = [...new Set(focus)].sort((a, b) => a - b).flatMap((s) => bySentence.get(s) ?? []);
  let best: TimeMention | null = null;
  // "Also today, Carter commented on yesterday's bombings in Istanbul": a possessive time
  // expression right before the event word (`near`, e.g. the trigger) dates that event.
  if (near) {
    for (const t of inFocus) {
      if (t.future || t.end > near.start || near.start - t.end > 40) continue;
      if (/^['’]s\b/.test(doc.text.slice(t.end, t.end + 3))) best = t;
    }
  }
  // The first mention wins ("Around 8 May 2020 (as reported), … found on 1 May"): a text dates
  // its incident first and adds other days after; only a month-only mention gives way to a later day.
  // A day that dates the telling ("the police said on Tuesday", "told AFP on Monday") is the
  // reporting day, not the event's: it is used only when nothing else dates the incident.
  // So is a day that ends a span ("street battles … went on into the small hours of Thursday"): the
  // event began before it.
  const telling = (t: TimeMention) => reportingTime(doc.text, t) || spanEnd(doc.text, t) || namesOtherEvent(doc.text, t, near);
  if (!best) {
    for (const t of inFocus) {
      if (t.future || telling(t)) continue;
      if (!best || (best.precision === 3 && t.precision < 3)) best = t;
      if (best.precision < 3) break;
    }
  }
  let how = '';
  if (!best && focus.length > 0) {
    const first = Math.min(...focus);
    const para = doc.sentences[first]?.paragraph ?? -1;
    for (let i = dates.length - 1; i >= 0; i--) {
      const t = dates[i]!;
      // paragraphs come in text order: once one is found, nothing before this paragraph can replace it
      if (best && (doc.sentences[t.sentence]?.paragraph ?? -1) < para) break;
      if (t.future || t.precision > 2 || t.sentence >= first || telling(t)) continue;
      if (!best) {
        best = t;
        how = ':earlier-in-article';
      }
      if (doc.sentences[t.sentence]?.paragraph === para) {
        best = t;
        how = ':earlier-in-paragraph';
        break;
      }
    }
    if (best) best = earliestOfSentence(doc, dates, best);
  }
  // A later sentence that dates the incident by referring back to it ("The assault was launched
  // on Saturday around 7:30 pm", "The attack took place on Monday") beats the reporting day.
  // (within the next LATER_REFERENCE_REACH sentences: a back-reference follows closely, and each
  // incident looks at a few sentences, not at every time mention of a long article)
  // A sentence between two of the incident's own sentences counts as later too ("… said on
  // Thursday. The raid took place on the night of Jan 25-26. “During the exchange of fire …”").
  if (!best && focus.length > 0) {
    const last = Math.max(...focus);
    const own = new Set(focus);
    for (let si = Math.min(...focus) + 1; si <= last + LATER_REFERENCE_REACH && !best; si++) {
      if (own.has(si)) continue;
      for (const t of bySentence.get(si) ?? []) {
        if (t.future || t.precision > 1 || telling(t)) continue;
        const sent = doc.sentences[t.sentence]!;
        const told = doc.text.slice(sent.start, sent.end);
        // ... or a later sentence that retells the violence with its day ("Five persons were
        // killed at a burial on Saturday", "“On January 29-30, security forces conducted an
        // operation"), not another incident set apart ("Earlier, …", "In a separate attack …").
        const retold = si <= last + RETOLD_REACH && RETOLD_EVENT.test(told) && !setApart(told) && nearPublication(t, published);
        if (!EVENT_ANAPHOR.test(doc.text.slice(sent.start, t.start)) && !retold) continue;
        best = t;
        how = ':later-reference';
        break;
      }
    }
  }
  if (!best) {
    best = inFocus.find((t) => !t.future && !namesOtherEvent(doc.text, t, near)) ?? null;
    if (best) how = ':reporting-day';
  }
  // Nothing dates the incident, but the article's telling does ("The United States announced late
  // Thursday it had killed …", then "the raid by its troops took place earlier that day"): what was
  // told on a day happened on or before it, so the first reporting day of the article before the
  // incident bounds it better than the publication date, which is often the next day's.
  if (!best && focus.length > 0) {
    const first = Math.min(...focus);
    best = dates.find((t) => t.sentence < first && !t.future && t.precision === 1 && telling(t) && nearPublication(t, published)) ?? null;
    if (best) how = ':reporting-day:earlier-in-article';
  }
  if (best) {
    const ev: Evidence[] = [{ article: articleId, start: best.start, end: best.end, text: doc.text.slice(best.start, best.end) }];
    const derived = best.relative ? { derived: true } : {};
    return {
      event_date: { value: best.date, evidence: ev, rule: best.rule + how, ...derived },
      time_precision: { value: best.precision, evidence: ev, rule: best.rule + how, ...derived },
    };
  }
  const pub = parseIsoDay(published);
  if (pub) {
    const note = 'no time expression dates the incident; the publication date is used';
    return {
      event_date: { value: iso(pub), evidence: [], rule: 'date:publication', derived: true, note },
      time_precision: { value: 2, evidence: [], rule: 'date:publication', derived: true, note },
    };
  }
  return { event_date: null, time_precision: null };
}

/**
 * A date borrowed from an earlier sentence that tells several days is the earliest of them, the
 * day its story began (as a range of days is coded on its first): "… seized the town on Monday
 * and left on Tuesday. They had earlier overrun a base …" borrows Monday, not the last day told.
 */
function earliestOfSentence(doc: Doc, dates: TimeMention[], t: TimeMention): TimeMention {
  const own = (mentionsBySentence(dates).get(t.sentence) ?? []).filter((o) => !o.future && o.precision <= t.precision && !reportingTime(doc.text, o) && !spanEnd(doc.text, o) && !namesOtherEvent(doc.text, o));
  return own.reduce((a, o) => (o.date < a.date ? o : a), t);
}

const BY_SENTENCE = new WeakMap<TimeMention[], Map<number, TimeMention[]>>();
/** The mentions of each sentence, in text order (built once per list of mentions). */
function mentionsBySentence(dates: TimeMention[]): Map<number, TimeMention[]> {
  let m = BY_SENTENCE.get(dates);
  if (!m) {
    m = new Map();
    for (const t of dates) {
      const l = m.get(t.sentence);
      if (l) l.push(t);
      else m.set(t.sentence, [t]);
    }
    BY_SENTENCE.set(dates, m);
  }
  return m;
}

/** How many sentences after an incident a back-reference that dates it is looked for. */
const LATER_REFERENCE_REACH = 6;

/** How many sentences after an incident a retelling of it with its day is looked for (see eventDate). */
const RETOLD_REACH = 3;
/** Words of violence that a later sentence retelling the incident uses; and words of protest
 *  (a protest is an incident too: "… a medical group said on Monday. Thousands took to the streets
 *  on Sunday" retells the demonstration with its day). */
const RETOLD_EVENT = /\b(?:killed|killing|attacked|attack|raid|ambush(?:ed)?|stormed|opened fire|shot|struck|bombed|exploded|explosion|blast|clash(?:es|ed)?|fighting|operation|offensive|martyred|abducted|kidnapped|took to the streets|protest(?:ed|s)?|demonstrat(?:ed|ions?)|march(?:ed|es)|rall(?:y|ied|ies))\b/i;
/** Within a week before publication (or anywhere, with no publication date). */
function nearPublication(t: TimeMention, published: string | null): boolean {
  const pub = parseIsoDay(published);
  if (!pub) return true;
  const d = Date.parse(`${t.date}T00:00:00Z`);
  return d <= pub.getTime() && pub.getTime() - d <= 7 * 86_400_000;
}

/**
 * A sentence that refers back to the incident and dates it: 'The assault was launched on', 'The
 * attack took place on', 'The blast occurred late on'. The words before the day.
 */
const EVENT_ANAPHOR = /^\s*(?:The|This|That)\s+(?:[a-z-]+\s+){0,2}(?:attack|assault|raid|ambush|strike|airstrike|air strike|bombing|blast|explosion|massacre|killing|killings|shooting|clash|clashes|incident|violence|abduction|kidnapping|hijacking|siege|fighting|shelling)\s+(?:was\s+(?:launched|carried out|staged|mounted|reported)|took place|happened|occurred|began|started|came)\b[^.;]{0,40}?\b(?:on|late on|early on|in the (?:early|late) hours of)?\s*$/;

/** Verbs of telling: a day right after one ("said on Tuesday", "told AFP on Monday", "reported
 *  Sunday", "said in a statement on Friday") or right before one ("on Tuesday said") dates the
 *  report, not the event. */
const TELL_BEFORE = /\b(?:said|says|told(?: [A-Z][\w-]*){0,3}|(?:[Ss]peaking|[Ss]poke|[Tt]alking)(?: to [\w-]+(?: [\w-]+){0,2}?)?(?: by (?:tele)?phone)?|reported|(?:can|could) (?:now )?report|announced|stated|confirmed|added|tweeted|wrote|posted|disclosed|revealed|(?:quoted|cited|described) as saying|as saying)(?: in (?:an?|its|their|his|her) (?:[\w-]+ )?(?:statement|report|interview|briefing|press release|press conference|post|video|message))? (?:(?:late|early) )?(?:on |this |last )?$/;
// (reactions date the telling too: "On Friday the UN urged an inquiry",
// "the militants on Friday claimed responsibility", "a spokesman, on Tuesday claimed that")
const TELL_AFTER = /^ ?,? ?(?:said|told|reported|announced|stated|confirmed|called|urged|condemned|denounced|demanded|warned|claimed(?![^.;]{0,40}?\blives?\b)|vowed|pledged)\b/;
export function reportingTime(text: string, t: { start: number; end: number }): boolean {
  // A date in the dateline dates the report: "MAIDUGURI, Nigeria, March 2 (Reuters) –",
  // "NIAMEY, July 12:", "Bogota, Sep 12 (IANS)", at the start of the text or of any paragraph
  // (copy often opens with a summary paragraph and puts the dateline after it). A credit in
  // parentheses may have been emptied when the page was cleaned: "Lyon, France, May 2, 2020 ( – …".
  const para = text.lastIndexOf('\n', t.start) + 1;
  if (t.start - para < 80 && DATELINE_DATE.test(text.slice(para, t.start)) && /^\s*(?:,\s*\d{4})?\s*(?:\([^()]{1,30}\)|(?:\([^()]{1,30}\)|\()?\s*[-–—:])/.test(text.slice(t.end, t.end + 40))) return true;
  return TELL_BEFORE.test(text.slice(Math.max(0, t.start - 40), t.start)) || AS_OF.test(text.slice(Math.max(0, t.start - 12), t.start)) || UPDATED_AFTER.test(text.slice(Math.max(0, t.start - 140), t.start)) || TELL_AFTER.test(text.slice(t.end, t.end + 70)) ||
    (TELL_CLOSING.test(text.slice(Math.max(0, t.start - 90), t.start)) && /^\s*[.;]/.test(text.slice(t.end, t.end + 3)));
}
/**
 * A day that ends a span, not the one the event began on: "the fighting lasted into the early
 * hours of Sunday", "shooting went on until Monday", "the curfew ran till Friday morning".
 */
export function spanEnd(text: string, t: { start: number }): boolean {
  const before = text.slice(Math.max(0, t.start - 40), t.start);
  return SPAN_END.test(before) || SPAN_START.test(before);
}
/** "Since April 28, the country has seen mass protests": the day a period began, not an incident's. */
const SPAN_START = /\b[Ss]ince\s+(?:(?:early|late|mid)\s+)?$/;
const SPAN_END = /\b(?:into|until|till|untill)\s+(?:the\s+(?:(?:early|small|wee|late)\s+)?(?:hours|morning|afternoon|evening|night)\s+of\s+|(?:early|late)\s+)?(?:on\s+)?$/i;
/**
 * A month or a year told as the name of another event ("the August 2019 floods", "since the 2011
 * uprising", "the inquiry into the March 2020 port fire"): 'the', the date, at most three
 * capitalised or lower-case words, then the event's noun. It dates that event, not the incident
 * being read, unless the incident's own word (`near`, its trigger) is that noun.
 */
const OTHER_EVENT_AFTER = /^\s+(?:[\p{L}-]+\s+){0,3}?(?:explosions?|blasts?|bombings?|attacks?|massacres?|uprising|revolution|war|invasion|coup|elections?|polls|referendum|earthquake|floods?|fire|protests?|crackdown|offensive|ceasefire|truce|agreement|deal|accord|summit|crisis|riots?)\b/iu;
export function namesOtherEvent(text: string, t: TimeMention, near?: { start: number; end: number }): boolean {
  if (t.precision < 3 || !/\bthe\s+$/i.test(text.slice(Math.max(0, t.start - 5), t.start))) return false;
  const m = OTHER_EVENT_AFTER.exec(text.slice(t.end, t.end + 60));
  return !!m && !(near && near.start >= t.end && near.start < t.end + m[0].length);
}

/** "The toll rose to 75 as of Thursday": the day a count stood at, which dates the count, not the event. */
const AS_OF = /\bas of (?:late |early )?$/i;
/** "The toll has risen to 23 after the missing soldier's body was recovered on Sunday": the day of
 *  what raised the count (a body found, a victim dead of wounds), not of the event. */
const UPDATED_AFTER = /\b(?:risen|rose|climbed|jumped|increased|reached|gone up)\s+to\s+[\w,]+\s+(?:after|as|when|with)\b[^.;]{0,100}$/i;
/** What a dateline puts before its date: capitalised place names and commas from the text's (or a paragraph's) start. */
const DATELINE_DATE = /(?:^|\n)\s*\p{Lu}[\p{L}.'’ -]{1,40}(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30})?,\s*$/u;

/**
 * An attribution that closes the sentence, its teller after the verb: "…, reported a local
 * witness and police source on Sunday.", "…, according to officials on Monday.": the day ends
 * the sentence and dates the telling.
 */
const TELL_CLOSING = /,\s*(?:said|reported|told|confirmed|announced|according to)\s+(?:[\w'’-]+\s+){0,8}?(?:on\s+)?$/i;

export const PERIOD_MONTHS = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const PERIOD_NUM = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const NUM_WORDS: Record<string, number> = { ...SMALL, eleven: 11, twelve: 12 };
const PERIOD_RES: { re: RegExp; read: (m: RegExpExecArray, ref: Date | null) => { from: string; to: string } | null }[] = [
  {
    // "the first 10 months of this year", "the first six months of 2024".
    re: new RegExp(`\\b(?:the\\s+)?first\\s+${PERIOD_NUM}\\s+months\\s+of\\s+(this\\s+year|last\\s+year|(?:19|20)\\d{2})`, 'i'),
    read: (m, ref) => {
      const n = /^\d/.test(m[1]!) ? +m[1]! : NUM_WORDS[m[1]!.toLowerCase()]!;
      const y = yearOf(m[2]!, ref);
      if (y === null || n < 1 || n > 12) return null;
      return { from: ym(y, 1), to: ym(y, n) };
    },
  },
  {
    // "the first half of 2024", "the first quarter of this year".
    re: /\b(?:the\s+)?(first|second)\s+(half|quarter)\s+of\s+(this\s+year|last\s+year|(?:19|20)\d{2})/i,
    read: (m, ref) => {
      const y = yearOf(m[3]!, ref);
      if (y === null) return null;
      const len = m[2]!.toLowerCase() === 'half' ? 6 : 3;
      const from = m[1]!.toLowerCase() === 'first' ? 1 : len + 1;
      return { from: ym(y, from), to: ym(y, from + len - 1) };
    },
  },
  {
    // "since January" (to the publication month), "since March 2023".
    re: new RegExp(`\\bsince\\s+(?:(?:early|mid|late)\\s+)?(${PERIOD_MONTHS})(?:\\s+((?:19|20)\\d{2}))?`, 'i'),
    read: (m, ref) => {
      const mo = MONTHS[m[1]!.toLowerCase()]!;
      if (!ref) return m[2] ? { from: ym(+m[2], mo), to: ym(+m[2], 12) } : null;
      let y = m[2] ? +m[2] : ref.getUTCFullYear();
      if (!m[2] && mo > ref.getUTCMonth() + 1) y--;
      return { from: ym(y, mo), to: ym(ref.getUTCFullYear(), ref.getUTCMonth() + 1) };
    },
  },
  {
    // "so far in 2024", "so far this year", "this year": the whole year (see resolvePeriod).
    re: /\b(?:so\s+far\s+(?:in\s+|this\s+)|(?:in|during|since\s+the\s+start\s+of)\s+(?:the\s+)?|(?:earlier\s+)?this\s+)((?:19|20)\d{2}|year|last\s+year|past\s+year|previous\s+year)\b/i,
    read: (m, ref) => {
      const w = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      let y: number | null;
      if (/^\d/.test(w)) y = +w;
      else if (w === 'year') y = ref ? ref.getUTCFullYear() : null;
      else y = ref ? ref.getUTCFullYear() - 1 : null;
      return y === null ? null : { from: ym(y, 1), to: ym(y, 12) };
    },
  },
  {
    // "last year", "in 2023" (caught above), "a year earlier".
    re: /\b(last|previous|past)\s+year\b/i,
    read: (_m, ref) => (ref ? { from: ym(ref.getUTCFullYear() - 1, 1), to: ym(ref.getUTCFullYear() - 1, 12) } : null),
  },
  {
    // "last month", "in March 2024".
    re: new RegExp(`\\b(?:in|during)\\s+(${PERIOD_MONTHS})(?:\\s+((?:19|20)\\d{2}))?\\b`, 'i'),
    read: (m, ref) => {
      const mo = MONTHS[m[1]!.toLowerCase()]!;
      let y = m[2] ? +m[2] : ref ? ref.getUTCFullYear() : null;
      if (y === null) return null;
      if (!m[2] && ref && mo > ref.getUTCMonth() + 1) y--;
      return { from: ym(y, mo), to: ym(y, mo) };
    },
  },
  {
    re: /\blast\s+month\b/i,
    read: (_m, ref) => {
      if (!ref) return null;
      const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - 1, 1));
      const s = ym(d.getUTCFullYear(), d.getUTCMonth() + 1);
      return { from: s, to: s };
    },
  },
];

/**
 * The period a numeric claim covers, as months "YYYY-MM".."YYYY-MM": 'the first 10 months of
 * this year' → 2024-01/2024-10; 'so far in 2024' and 'this year' → the whole year 2024-01/2024-12
 * (the claim is about the year; the caller may cut it at the publication month); 'in 2023' →
 * 2023-01/2023-12; 'last year' → the year before publication; 'since January' → January to the
 * publication month. The first period expression found in `text` wins. `start`/`end` locate it
 * in `text`.
 */
export function resolvePeriod(
  text: string,
  published: string | null,
): { from: string; to: string; start?: number; end?: number } | null {
  const ref = parseIsoDay(published);
  let best: { from: string; to: string; start: number; end: number } | null = null;
  for (const p of PERIOD_RES) {
    const m = p.re.exec(text);
    if (!m) continue;
    const r = p.read(m, ref);
    if (!r) continue;
    if (!best || m.index < best.start) best = { ...r, start: m.index, end: m.index + m[0].length };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------


function withMonth(s: string, f: (mo: number) => Resolved | null): Resolved | null {
  const mo = monthNum(s);
  return mo === null ? null : f(mo);
}

function full(y: number, mo: number, d: number): Resolved | null {
  if (!valid(y, mo, d)) return null;
  return { date: ymd(y, mo, d), precision: 1, relative: false };
}

/**
 * A day and month without a year: the year that puts it nearest the anchor, pulled into the
 * past. From a publication date a date may not lie after it ("in March" read on 2024-12-25 is
 * 2024-03); from a date of the text it may lie up to 60 days after ("On 30 April 2020 … on 1 May").
 */
function impliedYear(a: Anchor, mo: number, d: number): Resolved | null {
  if (!a.day) return null;
  const slack = a.published ? 1 : 60;
  const y0 = a.day.getUTCFullYear();
  for (const y of [y0 + 1, y0, y0 - 1]) {
    if (!valid(y, mo, d)) continue;
    const t = Date.UTC(y, mo - 1, d);
    if (t <= a.day.getTime() + slack * 86_400_000) return { date: ymd(y, mo, d), precision: 1, relative: true };
  }
  return null;
}

function valid(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function yearOf(s: string, ref: Date | null): number | null {
  const w = s.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(w)) return +w;
  if (!ref) return null;
  return w === 'last year' ? ref.getUTCFullYear() - 1 : ref.getUTCFullYear();
}

/** Parse "YYYY-MM-DD" (or a longer ISO timestamp) to UTC midnight. */
function parseIsoDay(s: string | null | undefined): Date | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m || !valid(+m[1]!, +m[2]!, +m[3]!)) return null;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
}

const pad = (n: number) => (n < 10 ? '0' + n : String(n));
const ymd = (y: number, mo: number, d: number) => `${y}-${pad(mo)}-${pad(d)}`;
const ym = (y: number, mo: number) => `${y}-${pad(mo)}`;
const iso = (d: Date) => ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** Index of the sentence holding offset `at` (the nearest one before it when between sentences). */
const sentenceAt = sentenceIndexAt;
