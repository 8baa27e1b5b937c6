/**
 * Fixture articles for the API and web tests, written for them, with their incidents coded by
 * hand (not by the extractor: these tests are about the desk, and must not move when extraction
 * improves). Every evidence span is found in the text by its surface form, so a fixture whose
 * text and coding disagree fails loudly here rather than showing a wrong highlight later.
 */
import type { Article, Evidence, Field, Incident, SubEventType } from '../src/core/types.js';
import { SUB_EVENT_TYPES } from '../src/core/types.js';
import { identify, minhash, signatureToHex } from '../src/ingest/dedupe.js';
import type { PreparedArticle, Store } from '../src/store/store.js';

export const ARTICLES: Article[] = [
  {
    id: 't-quetta-1',
    source: 'Fixture Wire',
    title: 'Roadside bomb kills four policemen in Quetta',
    published: '2025-03-12',
    text:
      'A roadside bomb struck a police van on Airport Road in Quetta on Tuesday, killing four policemen, officials said.\n' +
      'The blast targeted a patrol of the Balochistan police near a busy market.',
  },
  {
    id: 't-quetta-2',
    source: 'Fixture Daily',
    title: 'Quetta bomb toll rises to five',
    published: '2025-03-13',
    text:
      "The death toll from Tuesday's roadside bombing in Quetta rose to five after a wounded constable died in hospital.\n" +
      'The device hit a police vehicle on Airport Road in Quetta, Balochistan.',
  },
  {
    id: 't-khost',
    source: 'Fixture Wire',
    title: 'Drone strike in Khost: accounts differ',
    published: '2025-04-03',
    text:
      'A drone strike hit a house in Sabari district of Khost province on Wednesday.\n' +
      'Police said the strike killed three militants. Residents said seven civilians were killed.',
  },
  {
    id: 't-xss',
    source: 'Fixture Times',
    title: 'Teachers protest in Lahore <b>over pay</b>',
    published: '2025-02-20',
    text:
      'Hundreds of teachers staged a peaceful protest in Lahore on Thursday.\n' +
      'A placard read <script>window.__xss = 1</script> and another <img src=x onerror="window.__xss = 2">, organisers said.',
  },
];

export function ev(a: Article, surface: string, nth = 0): Evidence {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = a.text.indexOf(surface, at + 1);
    if (at < 0) throw new Error(`fixture ${a.id}: "${surface}" (#${nth}) is not in the text`);
  }
  return { article: a.id, start: at, end: at + surface.length, text: surface };
}

function read<T>(a: Article, value: T, surface: string, rule = 'fixture'): Field<T> {
  return { value, evidence: [ev(a, surface)], rule };
}
function derived<T>(a: Article, value: T, from: string): Field<T> {
  return { value, evidence: [ev(a, from)], rule: 'fixture-derived', derived: true };
}

interface Spec {
  sub: SubEventType;
  trigger: string;
  sentences: string[];
  date: [string, string];
  country: [string, string];
  admin1: [string, string];
  location: [string, string];
  coords: [number, number];
  actor1: [string, string, number];
  actor2?: [string, string, number];
  fatalities: [number, string] | 0;
  disputed?: Incident['disputed'];
}

function incident(a: Article, idx: number, s: Spec): Incident {
  const trig = ev(a, s.trigger);
  const loc = ev(a, s.location[1]);
  return {
    id: `${a.id}#${idx + 1}`,
    articles: [a.id],
    background: false,
    evidence: s.sentences.map((x) => ev(a, x)),
    event_type: { value: SUB_EVENT_TYPES[s.sub], evidence: [trig], rule: 'codebook', derived: true },
    sub_event_type: { value: s.sub, evidence: [trig], rule: 'fixture' },
    disorder_type: { value: s.sub === 'Peaceful protest' ? 'Demonstrations' : 'Political violence', evidence: [trig], rule: 'codebook', derived: true },
    event_date: derived(a, s.date[0], s.date[1]),
    time_precision: derived(a, 1, s.date[1]),
    actor1: read(a, s.actor1[0], s.actor1[1]),
    inter1: derived(a, s.actor1[2], s.actor1[1]),
    actor2: s.actor2 ? read(a, s.actor2[0], s.actor2[1]) : null,
    inter2: s.actor2 ? derived(a, s.actor2[2], s.actor2[1]) : null,
    country: derived(a, s.country[0], s.country[1]),
    admin1: derived(a, s.admin1[0], s.admin1[1]),
    admin2: null,
    location: read(a, s.location[0], s.location[1]),
    latitude: { value: s.coords[0], evidence: [loc], rule: 'gazetteer', derived: true },
    longitude: { value: s.coords[1], evidence: [loc], rule: 'gazetteer', derived: true },
    geo_precision: { value: 1, evidence: [loc], rule: 'gazetteer', derived: true },
    fatalities: s.fatalities === 0 ? { value: 0, evidence: [], rule: 'no-deaths-reported' } : read(a, s.fatalities[0], s.fatalities[1]),
    fatalities_low: s.fatalities === 0 ? null : read(a, s.fatalities[0], s.fatalities[1]),
    fatalities_high: s.fatalities === 0 ? null : read(a, s.fatalities[0], s.fatalities[1]),
    injuries: null,
    disputed: s.disputed ?? null,
  };
}

const [q1, q2, kh, xs] = ARTICLES as [Article, Article, Article, Article];

export const INCIDENTS: Record<string, Incident[]> = {
  't-quetta-1': [
    incident(q1, 0, {
      sub: 'Remote explosive/landmine/IED',
      trigger: 'roadside bomb',
      sentences: ['A roadside bomb struck a police van on Airport Road in Quetta on Tuesday, killing four policemen, officials said.'],
      date: ['2025-03-11', 'Tuesday'],
      country: ['Pakistan', 'Quetta'],
      admin1: ['Balochistan', 'Quetta'],
      location: ['Quetta', 'Quetta'],
      coords: [30.1841, 67.0014],
      actor1: ['Unidentified Armed Group (Pakistan)', 'roadside bomb', 3],
      actor2: ['Police Forces of Pakistan (2018-)', 'police van', 1],
      fatalities: [4, 'four'],
    }),
  ],
  't-quetta-2': [
    incident(q2, 0, {
      sub: 'Remote explosive/landmine/IED',
      trigger: 'roadside bombing',
      sentences: ["The death toll from Tuesday's roadside bombing in Quetta rose to five after a wounded constable died in hospital."],
      date: ['2025-03-11', 'Tuesday'],
      country: ['Pakistan', 'Balochistan'],
      admin1: ['Balochistan', 'Balochistan'],
      location: ['Quetta', 'Quetta'],
      coords: [30.1841, 67.0014],
      actor1: ['Unidentified Armed Group (Pakistan)', 'roadside bombing', 3],
      actor2: ['Police Forces of Pakistan (2018-)', 'police vehicle', 1],
      fatalities: [5, 'five'],
    }),
  ],
  't-khost': [
    incident(kh, 0, {
      sub: 'Air/drone strike',
      trigger: 'drone strike',
      sentences: ['A drone strike hit a house in Sabari district of Khost province on Wednesday.', 'Police said the strike killed three militants.'],
      date: ['2025-04-02', 'Wednesday'],
      country: ['Afghanistan', 'Khost province'],
      admin1: ['Khost', 'Khost province'],
      location: ['Sabari', 'Sabari'],
      coords: [33.4, 69.98],
      actor1: ['Unidentified Military Forces', 'drone strike', 8],
      fatalities: [3, 'three'],
      disputed: {
        summary: 'police: three militants killed; residents: seven civilians killed',
        claims: [
          { source: 'Police', says: 'the strike killed three militants', evidence: [ev(kh, 'Police said the strike killed three militants.')] },
          { source: 'Residents', says: 'seven civilians were killed', evidence: [ev(kh, 'Residents said seven civilians were killed.')] },
        ],
      },
    }),
  ],
  't-xss': [
    incident(xs, 0, {
      sub: 'Peaceful protest',
      trigger: 'peaceful protest',
      sentences: ['Hundreds of teachers staged a peaceful protest in Lahore on Thursday.'],
      date: ['2025-02-20', 'Thursday'],
      country: ['Pakistan', 'Lahore'],
      admin1: ['Punjab', 'Lahore'],
      location: ['Lahore', 'Lahore'],
      coords: [31.5497, 74.3436],
      actor1: ['Protesters (Pakistan)', 'teachers', 6],
      fatalities: 0,
    }),
  ],
};

/** The fixture articles, stored and fused through the real store (extraction replaced by the hand coding). */
export async function seed(store: Store): Promise<void> {
  const items: PreparedArticle[] = ARTICLES.map((article) => {
    const sig = minhash(article.text);
    return {
      article,
      ...identify(article),
      minhash: sig ? signatureToHex(sig) : null,
      version: 'fixture',
      outcome: { incidents: INCIDENTS[article.id]!, extras: { quotes: [], claims: [], people: [], organisations: [] } },
    };
  });
  await store.saveBatch(items);
  await store.fuseDirty();
}
