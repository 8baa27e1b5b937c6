/**
 * Rules for reading who speaks behind a definite description ('the statement said', 'the army
 * said', 'the 47-year-old told AFP', 'this source said'), kept as data: each rule says which head
 * nouns it reads, what they point back to, and why. General news usage, not words from one text.
 *
 * A speaker written as a definite description names no one by itself: the article has named the
 * one it means before, and the scorer, like an analyst, wants that name. The rules are used by
 * quotes.ts (anaphorReading, a stage of speakerOfNP) on a noun phrase that opens with 'the', 'this' or 'that'.
 */

/** What a description points back to. */
export type Antecedent =
  /** whoever issued the document: the name after 'a statement from/by/issued by', else the last organisation that spoke */
  | 'issuer'
  /** the last organisation named or speaking whose name holds one of `alike` */
  | 'organisation'
  /** the last person who spoke or was the subject of a clause, or the last one named only by a common noun for a person */
  | 'person';

export interface AnaphorRule {
  /** Head nouns, lower-case (the last word of the description). A pattern when it starts with '^'. */
  heads: string[];
  refersTo: Antecedent;
  /** For 'person': every role head (roles.ts) and common noun for a person reads too. */
  anyPersonNoun?: boolean;
  /** For 'organisation': words one of which the antecedent's name holds. */
  alike?: string[];
  why: string;
}

export const ANAPHOR_RULES: AnaphorRule[] = [
  {
    heads: ['statement', 'communique', 'communiqué', 'release', 'readout', 'post', 'tweet'],
    refersTo: 'issuer',
    why: "'“…,” the statement added': a document speaks for whoever issued it ('the ISPR said in a statement it issued', or the organisation quoted just before)",
  },
  {
    heads: ['army', 'military', 'forces', 'idf'],
    refersTo: 'organisation',
    alike: ['army', 'military', 'forces', 'idf', 'defence', 'defense'],
    why: "'The Israeli military said …. “…,” the army said': one institution named by either word",
  },
  {
    heads: ['monitor', 'observatory', 'watchdog'],
    refersTo: 'organisation',
    alike: ['observatory', 'monitor', 'watch', 'rights'],
    why: "'the monitor said' after 'the Syrian Observatory for Human Rights': war monitors and rights watchdogs are called by their trade",
  },
  {
    heads: ['^\\d+-year-old$', 'source', 'man', 'woman', 'boy', 'girl', 'ceo', 'official', 'officer', 'witness', 'eyewitness', 'resident', 'local', 'survivor', 'doctor', 'paediatrician', 'pediatrician', 'medic', 'relative', 'father', 'mother', 'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'commander', 'mayor', 'governor', 'chief', 'chairman', 'member', 'head', 'director'],
    refersTo: 'person',
    anyPersonNoun: true,
    why: "'Karim Dad, a guard who was wounded, said …. “…,” the 52-year-old told reporters': an age, a role or a plain noun for a person stands for the one the passage has just named or quoted",
  },
];

/** The rule for a head noun, if any. */
export function anaphorRule(head: string, personNoun: (h: string) => boolean = () => false): AnaphorRule | undefined {
  const h = head.toLowerCase();
  return (
    ANAPHOR_RULES.find((r) => r.heads.some((x) => (x.startsWith('^') ? new RegExp(x).test(h) : x === h))) ??
    ANAPHOR_RULES.find((r) => r.anyPersonNoun && personNoun(h))
  );
}

/** Determiners that make a description point back ('the', 'this source', 'that official'). */
export const DEFINITE = new Set(['the', 'this', 'that']);

// ---------------------------------------------------------------------------------------------
// The choice stage: which reading of a quoted span names its speaker.

/** A reading of who speaks, as quotes.ts makes it. */
export interface Reading {
  name: string;
  how: string;
  person: boolean;
  start: number;
  end: number;
}

/**
 * What the words around one quoted span offer (the candidates stage). Each reading is computed
 * only when a rule asks for it.
 */
export interface Candidates {
  /** '…, while the army “is coordinating …”': the phrase a verb-first quote finishes. */
  verbFirst(): Reading | null;
  /** The words before the opening mark in its sentence; `colon` when they end in ':' or ',' after a verb of saying, or 'according to X,'. */
  left(): { sp: Reading; colon: boolean } | null;
  /** The words after the closing mark, up to the sentence end or the next quote. */
  right(): Reading | null;
  /** The mark follows a word: the quote sits inside its clause ('called the plan a “…”'). */
  embedded: boolean;
  /** The previous quote's speaker when both quotes stand in one sentence. */
  sameSentence(): Reading | null;
  /** A signature line after the quote paragraph: '- Sanders.' */
  signature(): Reading | null;
  /** The previous quote's speaker in the same paragraph. */
  sameParagraph(): Reading | null;
  /** The last attribution ('X said') earlier in the paragraph. */
  paragraphAttribution(): Reading | null;
  /** The last person who is a clause's subject earlier in the paragraph. */
  paragraphSubject(): Reading | null;
  /** The quote opens its paragraph. */
  opensParagraph: boolean;
  /** The last speaker, when they spoke in this paragraph or the one before. */
  previousParagraph(): Reading | null;
  /** The last attribution of the paragraph before. */
  previousParagraphAttribution(): Reading | null;
  /** The subject of a paragraph before that ends in a colon ('Trump issued the following statement:'). */
  previousParagraphColon(): Reading | null;
  /** The person the paragraph before is about, named after the last one who spoke. */
  previousParagraphSubject(): Reading | null;
  /** The last speaker, at most two paragraphs before, for a quote of four words or more. */
  passageSpeaker(): Reading | null;
  /** Does a reading name who speaks (a name, a pronoun, an organisation, a role), not any noun? */
  speakerLike(r: Reading): boolean;
}

/** An attribution after the quote with a name, pronoun or organisation, not a plain noun or a bare title. */
const strongRight = (c: Candidates): Reading | null => {
  const r = c.right();
  return r && !r.how.endsWith(':nominal') && !r.how.endsWith(':title') ? r : null;
};
/** The words before hold a verb of saying, a colon, 'according to' or an inverted 'said X:'. */
const leftSpeech = (c: Candidates): Reading | null => {
  const l = c.left();
  return l && /^before(-according|-colon|-inverted)?:/.test(l.sp.how) && c.speakerLike(l.sp) ? l.sp : null;
};

export interface ChoiceRule {
  id: string;
  why: string;
  /** The speaker this rule reads, or null to pass to the next rule. */
  pick(c: Candidates): Reading | null;
}

/** The choice stage, in order: the first rule that reads a speaker decides. */
export const CHOICE_RULES: ChoiceRule[] = [
  {
    id: 'verb-first',
    why: "'…, while the army “is coordinating …”': a quote that opens with a finite verb is the phrase before it speaking, unless a person is named as speaking after it ('the Houthis “don't differ …,” the minister said')",
    pick: (c) => {
      const v = c.verbFirst();
      const r = strongRight(c);
      return v && !(r && (r.person || r.how.endsWith(':pronoun'))) ? v : null;
    },
  },
  {
    id: 'colon-before',
    why: "'Rana said: “…”', 'According to X, “…”': a colon or comma after an attribution names the speaker outright",
    pick: (c) => (c.left()?.colon ? c.left()!.sp : null),
  },
  {
    id: 'embedded-clause',
    why: "'X called the plan a “…”': a quote set inside its clause belongs to that clause's subject, not to a name in the words after it",
    pick: (c) => {
      const l = c.left();
      if (!c.embedded || !l) return null;
      return leftSpeech(c) || (/:(name|pronoun)$/.test(l.sp.how) && l.sp.person) ? l.sp : null;
    },
  },
  {
    id: 'strong-after',
    why: "'“…,” said Trump' / '“…,” he added': an attribution after the quote with a name or pronoun; but 'was quoted as saying “…”, according to Reuters' is the one quoted, not the agency",
    pick: (c) => {
      const r = strongRight(c);
      return r && !(leftSpeech(c) && r.how.startsWith('after-according')) ? r : null;
    },
  },
  { id: 'speech-before', why: "'Cruz told NBC News that Trump's success had been “…”': a verb of saying before the quote", pick: (c) => leftSpeech(c) },
  {
    id: 'same-sentence',
    why: "'Clinton said that ''…'' and that the United States should not bear ''…''': two quoted pieces of one sentence share a speaker",
    pick: (c) => c.sameSentence(),
  },
  { id: 'any-before', why: 'a weaker reading before the quote: the subject of its clause', pick: (c) => c.left()?.sp ?? null },
  { id: 'any-after', why: "a weaker reading after it: a common noun ('the carpenter says') or a verb not of saying", pick: (c) => c.right() },
  { id: 'signature-line', why: "'“…”' then a line '- Sanders.': a signature", pick: (c) => c.signature() },
  { id: 'same-paragraph', why: "'“A,” he said. “B.”': a quote with no attribution continues the one before it in the paragraph", pick: (c) => c.sameParagraph() },
  { id: 'paragraph-attribution', why: "'… she said she and Obama had made progress. “…”': the paragraph's last attribution", pick: (c) => c.paragraphAttribution() },
  { id: 'paragraph-subject', why: "'Iowa State University's Dianne Bystrom agreed. “…”': the paragraph's last person subject", pick: (c) => c.paragraphSubject() },
  { id: 'previous-paragraph', why: 'a quote paragraph right after a quoted speaker goes on in their voice', pick: (c) => (c.opensParagraph ? c.previousParagraph() : null) },
  { id: 'previous-paragraph-attribution', why: "'The minister said:' closing a paragraph introduces the next one", pick: (c) => (c.opensParagraph ? c.previousParagraphAttribution() : null) },
  { id: 'previous-paragraph-colon', why: "'Trump issued the following statement:' then the quote paragraph: the subject of that line", pick: (c) => (c.opensParagraph ? c.previousParagraphColon() : null) },
  {
    id: 'previous-paragraph-subject',
    why: "'Brigadier Musa Adamu, who speaks for …, confirmed the raid.' then a quote paragraph: the person the paragraph before is about, when named after the last one who spoke",
    pick: (c) => (c.opensParagraph ? c.previousParagraphSubject() : null),
  },
  { id: 'passage-speaker', why: 'a quotation with no attribution of its own continues the voice of the passage: the last speaker, at most two paragraphs before', pick: (c) => c.passageSpeaker() },
];

/** The choice stage: the first rule that reads a speaker, or null. */
export function chooseSpeaker(c: Candidates, rules: ChoiceRule[] = CHOICE_RULES): { sp: Reading; rule: string } | null {
  for (const r of rules) {
    const sp = r.pick(c);
    if (sp) return { sp, rule: r.id };
  }
  return null;
}

/** A reading computed once, on first use. */
export function lazy<T>(f: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v;
  };
}
