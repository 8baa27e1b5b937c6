/**
 * Numbers as news writes them: digits ("16", "1,500", "2.5 million"), words ("three",
 * "twenty-five", "a dozen", "two hundred"), vague counts with ACLED's readings ("dozens" = 12,
 * "hundreds" = 100), and the qualifiers that go before them ("at least 16", "more than 856").
 *
 * `parseNumber` reads a whole phrase; `NUMBER_PATTERN` is the regex source other extractors
 * embed to find such phrases inside a sentence (then hand the match to `parseNumber`).
 */

/** Qualifiers before a number, longest first; each maps to one normalised qualifier. */
const QUALIFIERS: [string, string][] = [
  ['at least', 'at least'],
  ['not less than', 'at least'],
  ['no fewer than', 'at least'],
  ['no less than', 'at least'],
  ['a minimum of', 'at least'],
  ['more than', 'more than'],
  ['over', 'more than'],
  ['upwards of', 'more than'],
  ['in excess of', 'more than'],
  ['fewer than', 'less than'],
  ['less than', 'less than'],
  ['under', 'less than'],
  ['up to', 'up to'],
  ['as many as', 'up to'],
  ['at most', 'up to'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['close to', 'nearly'],
  ['about', 'about'],
  ['around', 'about'],
  ['approximately', 'about'],
  ['roughly', 'about'],
  ['some', 'about'],
  ['an estimated', 'about'],
  ['estimated', 'about'],
  ['reportedly', 'about'],
];

const UNITS: Record<string, number> = {
  zero: 0, no: 0, none: 0, a: 1, an: 1, one: 1, single: 1, lone: 1, two: 2, three: 3, four: 4, five: 5, six: 6,
  seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
  fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  // "a couple of" is read as two; "a pair of" too.
  couple: 2, pair: 2, both: 2,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

/**
 * Vague counts with the figure ACLED codes for them (ACLED codebook: "dozens" = 12,
 * "hundreds" = 100, "thousands" = 1000). "Several", "a few", "many", "scores" have no figure:
 * FORMAT.md reads "several were killed" as deaths without a number (null).
 */
const VAGUE: Record<string, number | null> = {
  dozen: 12, dozens: 12, hundreds: 100, thousands: 1000,
  several: null, few: null, many: null, scores: null, numerous: null, multiple: null,
  some: null, unknown: null, unspecified: null, undisclosed: null, number: null,
};

/** "at" → "[Aa]t": patterns stay case-sensitive (so "IS" is not "is") but read sentence-initial words. */
const cap = (w: string) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`;
/** Regex source of a number phrase (no capture groups): qualifier? then digits or number words. */
// Longest first, and a word must end there: "seventeen" is not "seven".
const NUM_WORD = `(?:${'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million'
  .split(' ')
  .sort((a, b) => b.length - a.length)
  .map(cap)
  .join('|')})(?![a-z])`;
const QUAL_SRC = QUALIFIERS.map(([q]) => cap(q).replace(/ /g, '\\s+')).join('|');
export const NUMBER_CORE_PATTERN =
  `(?:(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Hh]alf\\s+a)\\s+dozen|[Dd]ozens|[Hh]undreds|[Tt]housands)` +
  // "a hundred villagers": one number, not "a" and "hundred".
  `|[Aa]\\s+(?:hundred|thousand)(?![a-z])` +
  `|(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s*(?:-|–|to)\\s*\\d+)?(?:\\s+(?:million|thousand|hundred))?` +
  `|(?:${NUM_WORD}(?:[\\s-]+(?:and\\s+)?${NUM_WORD})*)`;
export const NUMBER_PATTERN = `(?:[Bb]etween\\s+\\d+\\s*(?:and|to|-|–)\\s*\\d+|(?:(?:${QUAL_SRC})\\s+)?(?:${NUMBER_CORE_PATTERN}))`;

const QUAL_RE = new RegExp(`^(${QUAL_SRC})\\s+`, 'i');
const DIGITS_RE = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d{1,3}(?:,\d{3})+|\d+))?(?:\s+(million|thousand|hundred))?$/i;

export interface ParsedNumber {
  value: number | null;
  qualifier: string | null;
  /** The upper end where a range was written ("8-10", "eight to ten"). */
  high?: number;
}

/**
 * Read a number phrase: 'at least 16' → 16 'at least'; 'dozens' → 12 'dozens'; 'three' → 3;
 * '1,500' → 1500; 'more than 856' → 856 'more than'; 'several' → null 'several';
 * '8-10' → 8 'range' (high 10). Not a number → null.
 */
export function parseNumber(s: string): ParsedNumber | null {
  let t = s.trim().replace(/\s+/g, ' ');
  // "between 2 and 4", "between 2 to 4": a range.
  const btw = /^between (\d+) ?(?:and|to|-|–) ?(\d+)$/i.exec(t);
  if (btw) {
    const lo = +btw[1]!;
    const hi = +btw[2]!;
    return hi > lo ? { value: lo, qualifier: 'range', high: hi } : { value: lo, qualifier: null };
  }
  let qualifier: string | null = null;
  const q = QUAL_RE.exec(t);
  if (q) {
    const canon = QUALIFIERS.find(([k]) => k === q[1]!.toLowerCase().replace(/\s+/g, ' '));
    qualifier = canon ? canon[1] : q[1]!.toLowerCase();
    t = t.slice(q[0].length);
  }
  const d = DIGITS_RE.exec(t);
  if (d) {
    let v = Number(d[1]!.replace(/,/g, ''));
    if (d[3]) v *= SCALES[d[3].toLowerCase()]!;
    if (!Number.isFinite(v)) return null;
    if (d[2]) {
      const hi = Number(d[2].replace(/,/g, ''));
      // "8-10 residents": ACLED codes the lower figure of a range.
      if (hi > v) return { value: v, qualifier: qualifier ?? 'range', high: hi };
    }
    return { value: v, qualifier };
  }
  const lower = t.toLowerCase();
  // "half a dozen" = 6, "two dozen" = 24, "a dozen" = 12.
  const dz = /^(half a|a|one|two|three|four|five) dozen$/.exec(lower);
  if (dz) {
    const m = dz[1] === 'half a' ? 0.5 : (UNITS[dz[1]!] ?? 1);
    return { value: m * 12, qualifier };
  }
  if (lower in VAGUE) return { value: VAGUE[lower]!, qualifier: qualifier ?? lower };
  const range = /^(.+?) (?:to|or) (.+)$/.exec(lower);
  if (range) {
    const a = wordsToNumber(range[1]!);
    const b = wordsToNumber(range[2]!);
    if (a !== null && b !== null && b > a) return { value: a, qualifier: qualifier ?? 'range', high: b };
  }
  const w = wordsToNumber(lower);
  if (w === null) return null;
  return { value: w, qualifier };
}

/** "twenty-five" → 25, "two hundred and ten" → 210, "a hundred" → 100; else null. */
function wordsToNumber(s: string): number | null {
  const parts = s.split(/[\s-]+/).filter((p) => p && p !== 'and');
  if (parts.length === 0) return null;
  let total = 0;
  let cur = 0;
  let any = false;
  for (const p of parts) {
    if (p in UNITS) {
      cur += UNITS[p]!;
      any = true;
    } else if (p in TENS) {
      cur += TENS[p]!;
      any = true;
    } else if (p in SCALES) {
      const sc = SCALES[p]!;
      if (cur === 0) cur = 1;
      if (sc === 100) cur *= 100;
      else {
        total += cur * sc;
        cur = 0;
      }
      any = true;
    } else return null;
  }
  return any ? total + cur : null;
}
