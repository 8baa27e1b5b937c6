/**
 * Rules for reading who speaks behind a definite description ('the statement said', 'the army
 * said', 'the 47-year-old told AFP', 'this source said'), kept as data: each rule says which head
 * nouns it reads, what they point back to, and why. General news usage, not words from one text.
 *
 * A speaker written as a definite description names no one by itself: the article has named the
 * one it means before, and the scorer, like an analyst, wants that name. The rules are used by
 * quotes.ts (speakerOfNP) on a noun phrase that opens with 'the', 'this' or 'that'.
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
    why: "'“…,” the statement added': a document speaks for whoever issued it ('according to a statement issued by the ISPR', or the organisation quoted just before)",
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
    why: "'Shahid Ali, a policeman who survived, said …. “…,” the 47-year-old told AFP': an age, a role or a plain noun for a person stands for the one the passage has just named or quoted",
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
