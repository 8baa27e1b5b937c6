/**
 * Event detection, segmentation and ACLED typing. Every fixture text is written for this test;
 * the expected types were decided by hand from ACLED's codebook.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/text/analyze.js';
import { findEvents, type EventCandidate } from '../src/extract/events.js';
import { isTrainingId, fnv1a } from '../src/core/split.js';

function events(text: string): EventCandidate[] {
  return findEvents(analyze(text));
}
function one(text: string): EventCandidate {
  const evs = events(text);
  assert.equal(evs.length, 1, `expected one incident, got ${evs.map((e) => e.sub_event_type).join(', ') || 'none'}`);
  return evs[0]!;
}

const TYPED: [string, string, string][] = [
  ['On 3 June 2021, two policemen were killed when a roadside bomb planted by unidentified militants struck their vehicle near Kalat, Zabul.', 'Remote explosive/landmine/IED', 'Explosions/Remote violence'],
  ['On 4 June 2021, about 200 teachers held a protest outside the press club in Quetta demanding the payment of their salaries.', 'Peaceful protest', 'Protests'],
  ['Police fired tear gas to disperse hundreds of students who marched towards the parliament in Dhaka on Monday.', 'Protest with intervention', 'Protests'],
  ['Security forces opened fire on demonstrators in Khartoum on Sunday, killing three protesters.', 'Excessive force against protesters', 'Protests'],
  ['Fighting broke out between army troops and rebels near Beni on Friday. Four soldiers and six rebels were killed.', 'Armed clash', 'Battles'],
  ['Gunmen shot dead a village elder and his son in Mirali, North Waziristan, on Saturday.', 'Attack', 'Violence against civilians'],
  ['Fighter jets bombed a rebel training camp outside Sirte on Wednesday night, a military spokesman said.', 'Air/drone strike', 'Explosions/Remote violence'],
  ['A suicide bomber blew himself up at the gate of a police compound in Kandahar on Thursday, killing four officers.', 'Suicide bomb', 'Explosions/Remote violence'],
  ['Unidentified men hurled a hand grenade at a shop in Srinagar on Tuesday, wounding three people.', 'Grenade', 'Explosions/Remote violence'],
  ['Bomb disposal experts defused an improvised explosive device planted on a road in Peshawar on Tuesday.', 'Disrupted weapons use', 'Strategic developments'],
  ['Lawyers protested in Lahore on Monday against the killing of a colleague.', 'Peaceful protest', 'Protests'],
  ['Hundreds of protesters pelted the police with stones and torched two vehicles in Karachi on Friday.', 'Violent demonstration', 'Riots'],
  ['An angry mob lynched a man accused of stealing a motorbike in a village near Patna on Sunday.', 'Mob violence', 'Riots'],
  ['Insurgents kidnapped three aid workers on the road between Gao and Ansongo on Monday.', 'Abduction/forced disappearance', 'Violence against civilians'],
  ['Army troops recaptured the town of Palma from the insurgents on Tuesday after a week of fighting.', 'Government regains territory', 'Battles'],
  ['The two sides signed a ceasefire agreement in Juba on Saturday.', 'Agreement', 'Strategic developments'],
  ['Artillery shells fired by separatist forces hit the outskirts of Avdiivka overnight, damaging three houses.', 'Shelling/artillery/missile attack', 'Explosions/Remote violence'],
];

for (const [text, sub, type] of TYPED) {
  test(`types: ${sub} — ${text.slice(0, 50)}…`, () => {
    const e = one(text);
    assert.equal(e.sub_event_type, sub);
    assert.equal(e.event_type, type);
  });
}

test('disorder type follows the sub-event type', () => {
  assert.equal(one(TYPED[1]![0]).disorder_type, 'Demonstrations');
  assert.equal(one(TYPED[0]![0]).disorder_type, 'Political violence');
  assert.equal(one(TYPED[9]![0]).disorder_type, 'Strategic developments');
});

const NEGATIVES = [
  'A magnitude 6.1 earthquake struck eastern Turkey on Monday, killing at least 20 people and destroying hundreds of homes.',
  'The foreign minister met his Iranian counterpart in Tehran on Sunday to discuss trade and border cooperation.',
  'The group claimed responsibility for last month\'s bombing of a market in the capital.',
  'Police seized 40 kilograms of heroin from a smuggler\'s car at the border crossing on Friday.',
  'Four people died when a gas cylinder exploded in a restaurant kitchen in Lahore on Tuesday.',
  'The army has carried out several air strikes on militant hideouts over the past few years.',
];
for (const text of NEGATIVES) {
  test(`no incident: ${text.slice(0, 60)}…`, () => {
    assert.deepEqual(events(text).map((e) => e.sub_event_type), []);
  });
}

test('a main incident and a background incident with its own place and date', () => {
  const text =
    'Militants attacked a police checkpoint in Bannu on Monday, killing two policemen.\n' +
    'Officials said the attackers fled towards the mountains.\n' +
    'Last week, gunmen killed five soldiers in an ambush in Khyber district.';
  const evs = events(text);
  assert.equal(evs.length, 2);
  assert.equal(evs[0]!.background, false);
  assert.equal(evs[0]!.sub_event_type, 'Armed clash');
  assert.equal(evs[1]!.background, true);
  assert.equal(evs[1]!.sub_event_type, 'Armed clash');
  assert.deepEqual(evs[1]!.sentences, [2]);
});

test('follow-on sentences about the toll join the incident; the trigger is an exact span', () => {
  const text = 'On 5 July 2021, clashes took place between Taliban militants and Afghan forces in Qarabagh district, Ghazni. Three militants were killed.';
  const doc = analyze(text);
  const evs = findEvents(doc);
  assert.equal(evs.length, 1);
  assert.deepEqual(evs[0]!.sentences, [0, 1]);
  assert.equal(text.slice(evs[0]!.trigger.start, evs[0]!.trigger.end), 'clashes');
});

test('an incident told again with a definite mention stays one incident', () => {
  const text =
    'Drones struck a compound in Idlib province on Tuesday night.\n' +
    'The strikes hit a building used by a rebel faction, a monitor said.';
  const evs = events(text);
  assert.equal(evs.length, 1);
  assert.equal(evs[0]!.sub_event_type, 'Air/drone strike');
  assert.deepEqual(evs[0]!.sentences, [0, 1]);
});

test('the training split is a fixed 80/20 by FNV-1a', () => {
  assert.equal(fnv1a(''), 0x811c9dc5);
  assert.equal(fnv1a('a'), 0xe40c292c); // FNV-1a 32-bit test vector
  let train = 0;
  for (let i = 0; i < 2000; i++) if (isTrainingId(`ID${i}`)) train++;
  assert.ok(train > 1500 && train < 1700, `share ${train / 2000}`);
});

test('a list of strikes, one line per place, gives one incident per line', () => {
  const text =
    'Coalition aircraft carried out strikes against the group on Sunday.\n' +
    'Near Hawija, two strikes destroyed a weapons depot and a truck bomb.\n' +
    'Near Tal Afar, one strike engaged a tactical unit.';
  const evs = events(text);
  assert.deepEqual(evs.map((e) => e.sub_event_type), ['Air/drone strike', 'Air/drone strike', 'Air/drone strike']);
  assert.deepEqual(evs.map((e) => e.sentences), [[0], [1], [2]]);
  assert.ok(evs.every((e) => !e.background));
});

test('the lexicon is well formed: unique ids, a reason each, no multi-word alternatives', async () => {
  const { TRIGGERS } = await import('../src/extract/event-lexicon.js');
  const ids = new Set<string>();
  for (const e of TRIGGERS) {
    assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
    ids.add(e.id);
    assert.ok(e.reason.length > 10, `entry ${e.id} needs a reason`);
    for (const p of e.pats) {
      // "a|b c|d" would read as two steps: an alternative cannot hold a space
      const steps = p.replace(/-/g, ' ').split(/\s+/);
      for (let i = 1; i < steps.length; i++) {
        assert.ok(!(steps[i]!.includes('|') && steps[i - 1]!.includes('|')), `${e.id}: "${p}" has a multi-word alternative`);
      }
      assert.ok(!/^~/.test(steps[0]!) && !/^~/.test(steps[steps.length - 1]!), `${e.id}: "${p}" starts or ends with a gap`);
    }
  }
});
