/**
 * Lexicons for attribution: verbs of saying, and the words that mark a speaker's title, role or
 * organisation. Each group carries the reason it is there; entries are general English news
 * vocabulary, not words taken from one article.
 */

/**
 * Verbs that introduce speech (direct or reported), in every inflection news uses.
 * '“…,” he added' / 'Rana told Al Jazeera' / 'Sadiq posted on X' / 'the ministry stated that …'.
 */
const SPEECH_LEMMAS: Record<string, string[]> = {
  // the core reporting verbs
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  add: ['add', 'adds', 'added', 'adding'],
  write: ['write', 'writes', 'wrote', 'writing'],
  state: ['state', 'states', 'stated', 'stating'],
  // social-media and written statements: 'Sadiq posted on X', 'Trump tweeted'
  post: ['posted'],
  tweet: ['tweet', 'tweets', 'tweeted', 'tweeting'],
  // verbs of manner and stance that news uses as 'said'
  explain: ['explain', 'explains', 'explained', 'explaining'],
  argue: ['argue', 'argues', 'argued', 'arguing'],
  note: ['notes', 'noted', 'noting'],
  ask: ['ask', 'asks', 'asked', 'asking'],
  continue: ['continued', 'continues'],
  insist: ['insist', 'insists', 'insisted', 'insisting'],
  warn: ['warn', 'warns', 'warned', 'warning'],
  claim: ['claim', 'claims', 'claimed', 'claiming'],
  declare: ['declare', 'declares', 'declared', 'declaring'],
  announce: ['announce', 'announces', 'announced', 'announcing'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  respond: ['responded', 'responds'],
  recall: ['recalled', 'recalls', 'recalling'],
  acknowledge: ['acknowledged', 'acknowledges', 'acknowledging'],
  admit: ['admitted', 'admits', 'admitting'],
  emphasise: ['emphasised', 'emphasized', 'emphasises', 'emphasizes', 'emphasising', 'emphasizing'],
  stress: ['stressed', 'stresses', 'stressing'],
  suggest: ['suggested', 'suggests', 'suggesting'],
  report: ['reported', 'reports', 'reporting'],
  confirm: ['confirmed', 'confirms', 'confirming'],
  urge: ['urged', 'urges', 'urging'],
  predict: ['predicted', 'predicts', 'predicting'],
  conclude: ['concluded', 'concludes'],
  concede: ['conceded', 'concedes'],
  remark: ['remarked', 'remarks'],
  observe: ['observed', 'observes'],
  joke: ['joked', 'jokes', 'joking'],
  quip: ['quipped', 'quips'],
  shout: ['shouted', 'shouts', 'shouting'],
  chant: ['chanted', 'chanting'],
  cry: ['cried'],
  vow: ['vowed', 'vows', 'vowing'],
  pledge: ['pledged', 'pledges'],
  promise: ['promised', 'promises'],
  charge: ['charged'],
  complain: ['complained', 'complains'],
  counter: ['countered', 'counters'],
  contend: ['contended', 'contends'],
  maintain: ['maintained', 'maintains'],
  allege: ['alleged', 'alleges'],
  assert: ['asserted', 'asserts'],
  believe: ['believes', 'believed'],
  think: ['thinks'],
  announce2: ['proclaimed'],
  describe: ['described', 'describes', 'describing'],
  call: ['called', 'calls', 'calling'],
  accuse: ['accused', 'accuses'],
  deny: ['denied', 'denies'],
  mention: ['mentioned'],
  boast: ['boasted', 'boasts'],
  whisper: ['whispered'],
  yell: ['yelled'],
  interject: ['interjected'],
  scoff: ['scoffed'],
  begin: ['began'], // '“…,” he began.'
  read: ['reads', 'read'], // 'the statement reads'
  put: ['put'], // 'as Clinton put it'
  testify: ['testified'],
  caution: ['cautioned'],
  lament: ['lamented'],
  demand: ['demanded'],
  wonder: ['wondered'],
  point: ['pointed'], // 'pointed out'
  speak: ['spoke', 'speaks', 'speaking'],
  agree: ['agreed', 'agrees', 'disagreed', 'disagrees'],
  fume: ['fumed'],
  snap: ['snapped'],
  retort: ['retorted'],
  // 'He further disclosed that …': news wording for telling a reporter
  disclose: ['disclosed', 'discloses'],
};

export const SPEECH_VERBS: ReadonlySet<string> = new Set(Object.values(SPEECH_LEMMAS).flat());

/** Verbs so weak as reporting verbs that they count only right beside a quotation mark. */
export const WEAK_SPEECH_VERBS: ReadonlySet<string> = new Set([
  'believes', 'believed', 'thinks', 'called', 'calls', 'calling', 'described', 'describes', 'describing', 'accused', 'accuses',
  'denied', 'denies', 'reads', 'read', 'put', 'began', 'pointed', 'charged', 'promised', 'promises',
  'continues', 'reported', 'reports', 'reporting', 'confirmed', 'confirms', 'confirming', 'claim',
  'state', 'note', 'add', 'ask', 'write', 'warning', 'post',
]);

/**
 * Adverbs and time words that sit between a speaker and the verb: 'Rana further says',
 * 'he later added', 'Trump said Monday'. Skipped when looking for the subject.
 */
export const ATTRIBUTION_FILLERS: ReadonlySet<string> = new Set([
  'also', 'further', 'later', 'then', 'previously', 'once', 'recently', 'repeatedly', 'again',
  'earlier', 'often', 'has', 'had', 'have', 'had', 'would', 'will', 'has', 'once', 'publicly',
  'privately', 'reportedly', 'flatly', 'simply', 'quickly', 'bluntly', 'angrily', 'sharply', 'just',
  'recently', 'subsequently', 'separately', 'specifically', 'famously', 'frequently', 'not',
  'explicitly', 'openly', 'directly', 'initially', 'first', 'finally', 'emphatically', 'calmly',
]);

/** Pronouns that can be a speaker, with what they may refer to. */
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'him', 'her']);
export const OTHER_PRONOUNS: ReadonlySet<string> = new Set(['it', 'they', 'we', 'i', 'you']);
