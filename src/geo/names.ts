/**
 * Name keys for place lookup. Two keys per name:
 * - `foldName`: lower case, accents stripped, apostrophes dropped, other punctuation to one space
 *   (the scorer's own folding), so 'Sar-e Pol' == 'sar e pol', 'Dar'a' == 'dara';
 * - `skeleton`: a transliteration-blind key for names that reach English through Pashto, Dari,
 *   Arabic or Urdu in several spellings. GeoNames writes 'Bêrmal' and 'Khowst', the news
 *   'Barmal' and 'Khost'; 'Idleb'/'Idlib', 'Hasakeh'/'Hasakah', 'Deh Rawod'/'Deh Rahwod'. The
 *   skeleton keeps the first letter, folds digraphs (kh→k, gh→g, sh→s, ph→f, dh→d, th→t,
 *   ch→c, zh→z, q→k, w→v), drops vowels and h/w/y after the first letter, and collapses doubled
 *   letters. It collides more often than the fold, so a skeleton match counts for less when
 *   candidates are scored.
 */

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;
const APOS = /['’‘`´ʼʻ]/g;
const NON_ALNUM = /[^\p{L}\p{N}]+/gu;
const ASCII_NON_ALNUM = /[^a-z0-9]+/g;

/** Letters NFD does not take apart ('ø', 'ł', 'ß', dotless i …) that GeoNames uses. */
const SPECIAL: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h' };
const SPECIAL_RE = /[øłđðþßæœıħ]/g;

export function foldName(s: string): string {
  let t = s.toLowerCase();
  if (NON_ASCII.test(t)) {
    t = t.normalize('NFD').replace(MARKS, '').replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
    return t.replace(APOS, '').replace(NON_ALNUM, ' ').trim();
  }
  return t.replace(/['`]/g, '').replace(ASCII_NON_ALNUM, ' ').trim();
}

/**
 * A gazetteer name fit to report: letters that accent stripping leaves alone ('Diyarbakır',
 * 'Łódź') become their plain Latin letters, so that reports compare with names written without
 * them; accents stay.
 */
export function plainName(s: string): string {
  return NON_ASCII.test(s) ? s.replace(/[øłđðıħ]/g, (c) => SPECIAL[c] ?? c).replace(/[ʼʻ’‘]/g, "'") : s;
}

/**
 * Words that say what kind of unit a name is, dropped from keys: 'Kech District' == 'Kech',
 * 'Maidan Wardak Province' == 'Maidan Wardak'. The same list the scorer drops, plus GeoNames'
 * 'agency', 'tehsil', 'muhafazat' and the like.
 */
export const ADMIN_WORDS = new Set([
  'district', 'districts', 'province', 'provinces', 'governorate', 'state', 'region', 'division', 'county',
  'municipality', 'prefecture', 'tehsil', 'agency', 'department', 'oblast', 'raion', 'rayon', 'muhafazat',
  'wilayat', 'velayat', 'shahrestan', 'ostan', 'provincia', 'departamento', 'estado', 'municipio',
]);

/** The fold with unit words removed ('kech district' → 'kech'); the fold if nothing else is left. */
export function nameKey(s: string): string {
  const f = foldName(s);
  if (!f.includes(' ')) return f;
  const kept = f.split(' ').filter((w) => !ADMIN_WORDS.has(w));
  return kept.length ? kept.join(' ') : f;
}

/** Leading Arabic article forms written as a separate word or with a hyphen: 'Al-Hasakeh', 'Ar-Raqqa'. */
const ARTICLE = /^(?:al|el|ar|as|ash|at|ad|adh|an|az|ath|ul) /;
const isVowel = (c: number) => c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121; // a e i o u y

/** The skeleton of a name key (see above). One pass over the characters: it runs on every name at load. */
export function skeleton(key: string): string {
  const s = ARTICLE.test(key) ? key.slice(key.indexOf(' ') + 1) : key;
  let out = '';
  let prev = -1;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c === 32) continue;
    const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    // Digraphs: kh gh sh ph dh th ch zh ck → k g s f d t c z k.
    if (next === 104 /* h */ && (c === 107 || c === 103 || c === 115 || c === 100 || c === 116 || c === 99 || c === 122)) i++;
    else if (next === 104 && c === 112) { c = 102; i++; }
    else if (c === 99 && next === 107) { c = 107; i++; }
    if (c === 113) c = 107; // q → k
    if (out.length === 0) {
      // Initial vowels and y/j are folded: Oruzgan/Uruzgan/Urozgan.
      c = isVowel(c) && c !== 121 ? 97 : c === 121 ? 106 : c;
    } else {
      // A vowel between two equal consonants keeps both: Dihdadi/Dehdadi 'ddd', not 'd'.
    if (isVowel(c)) { prev = -1; continue; }
    if (c === 104) continue;
      if (c === 119) {
        // 'w' before a consonant is a vowel sound (Khowst/Khost); before a vowel it is 'v' (Rawod).
        const after = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (!isVowel(after)) { prev = -1; continue; }
        c = 118;
      }
    }
    if (c === 119) c = 118;
    if (c === prev) continue;
    out += String.fromCharCode(c);
    prev = c;
  }
  return out;
}
