/**
 * Event detection, segmentation and ACLED typing. Every fixture text is written for this test;
 * the expected types were decided by hand from ACLED's codebook.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/text/analyze.js';
import { findEvents, type EventCandidate } from '../src/extract/events.js';
import { isTrainingId, fnv1a } from '../src/core/split.js';
import { extractArticle } from '../src/pipeline.js';
import type { Article } from '../src/core/types.js';

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
  'Smugglers seized 40 kilograms of heroin back from a rival gang at the border crossing on Friday, police said.',
  'Four people died when a gas cylinder exploded in a restaurant kitchen in Lahore on Tuesday.',
  'The army has carried out several air strikes on militant hideouts over the past few years.',
  // Look-alikes of the words that mark a killing or a protest.
  'A female head of the household in Kabul was interviewed about food prices on Monday.',
  'Troops gathered near the border this week to pressure the neighbouring government, analysts said.',
  'Observers saw two IFVs parked in a residential area of the town on Tuesday.',
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

test('a list of strikes, one line per place, gives one incident per line; the overview is their sum', () => {
  // ACLED codes one event per location and day: the overview line counts the strikes listed
  // below it and is no incident of its own
  const text =
    'Coalition aircraft carried out strikes against the group on Sunday.\n' +
    'Near Hawija, two strikes destroyed a weapons depot and a truck bomb.\n' +
    'Near Tal Afar, one strike engaged a tactical unit.';
  const evs = events(text);
  assert.deepEqual(evs.map((e) => e.sub_event_type), ['Air/drone strike', 'Air/drone strike']);
  assert.deepEqual(evs.map((e) => e.sentences), [[1], [2]]);
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

// ---------------------------------------------------------------- real news with several incidents

test('a count of strikes over a region before the strikes place by place is their sum', () => {
  const text =
    'On Jan. 4, coalition aircraft conducted 12 strikes against the group in Syria and Iraq.\n' +
    'Strikes in Syria\n' +
    'Near Manbij, two strikes engaged a tactical unit.\n' +
    'Near Tabqa, one strike disabled a bridge.\n' +
    'Near Hit, one strike suppressed a mortar team.';
  const evs = events(text);
  assert.deepEqual(evs.map((e) => e.sentences[0]), [2, 3, 4]);
  assert.ok(evs.every((e) => e.sub_event_type === 'Air/drone strike'));
});

test('a strike told far from the lead with its own date is an incident of its own', () => {
  const text =
    'Drone strikes this week in the north of the province killed at least ten fighters, a spokesman said.\n' +
    'The spokesman said the group used the compound to train recruits and to plan attacks abroad.\n' +
    'He said the group remained a threat to the region.\n' +
    'A drone strike on Feb. 2 hit two pickup trucks near Kafr Zita.';
  const evs = events(text);
  assert.equal(evs.length, 2, evs.map((e) => `${e.sentences}:${e.sub_event_type}`).join(' | '));
  assert.deepEqual(evs[1]!.sentences, [3]);
  assert.equal(evs[1]!.sub_event_type, 'Air/drone strike');
});

test('background incidents marked by "the following day" and a place open incidents of their own', () => {
  const text =
    'Militants killed nine villagers in the village of Umm Sahl on Tuesday, residents said.\n' +
    'The following day, soldiers found the bodies of 20 civilians in the village of Tell Qasr.';
  const evs = events(text);
  assert.equal(evs.length, 2);
  assert.deepEqual(evs.map((e) => e.sub_event_type), ['Attack', 'Attack']);
});

test('how a death told first was caused, two lines on, types the incident', () => {
  const text =
    'The ministry has named the soldier who was killed in the north of the country on Sunday.\n' +
    'Statement from the ministry\n' +
    'Sergeant Jane Roe, 31, died of wounds sustained when a roadside bomb struck her patrol near Kirkuk.';
  const e = one(text);
  assert.equal(e.sub_event_type, 'Remote explosive/landmine/IED');
  assert.deepEqual(e.sentences, [0, 2]);
});

test('a non-combat death of a soldier is no incident', () => {
  assert.equal(events('The army announced the death of a soldier on Tuesday. He died at a base in Qatar in a non-combat related incident.').length, 0);
});

test('typing: a missile strike, one jet, attacks from the air, support of an offensive', () => {
  assert.equal(one('State media said a missile strike had targeted the airport near Homs on Monday.').sub_event_type, 'Shelling/artillery/missile attack');
  assert.equal(one('One jet bombed a market in the east of the town on Friday, a witness said.').sub_event_type, 'Air/drone strike');
  assert.equal(one('The inquiry found that the aid convoy near Idlib was attacked from the air on 3 May.').sub_event_type, 'Air/drone strike');
  assert.equal(one('Army units, backed by coalition air strikes, launched an offensive to retake Tal Afar on Sunday.').sub_event_type, 'Armed clash');
});

test('typing: "forces" without a non-state word are the state; former police are civilians', () => {
  assert.equal(one('Iraqi forces seized full control of the university campus in Mosul on Saturday.').sub_event_type, 'Government regains territory');
  assert.equal(one('Rebel forces seized full control of the town of Dabiq on Sunday.').sub_event_type, 'Non-state actor overtakes territory');
  assert.equal(one('On Sunday, the militants killed 40 former police officers they had held in a school near Hawija.').sub_event_type, 'Attack');
});

test('what someone is urged to stop, a task, and an event used as a time reference are no events', () => {
  assert.equal(events('The minister urged Moscow to press the government to cease airstrikes against civilians.').length, 0);
  assert.equal(events('The two leaders agreed that much work remains after the liberation of the city.').length, 0);
});

test('explosives fought off in a battle are part of it', () => {
  assert.equal(one('On Monday the troops fought off several counterattacks and four car bombs in the east of Mosul.').sub_event_type, 'Armed clash');
});

test('negatives: a smuggling attempt thwarted, fire fighters at a gas blast, a robber barricaded', () => {
  assert.equal(events('Coast guards thwarted an attempt to smuggle 30 migrants across the sea on Friday, officials said.').length, 0);
  assert.equal(events('Two gas cylinders exploded in a warehouse in Leeds on Monday. Fire fighters put out the blaze.').length, 0);
  assert.equal(events('A man robbed a bank in the city centre on Monday and barricaded himself in a flat. Police arrested him hours later.').length, 0);
});

test('protesters killed at a protest is excessive force; kidnapped and killed is an attack', () => {
  assert.equal(one('Three protesters died from gunfire during a demonstration outside the governor\'s office on Monday.').sub_event_type, 'Excessive force against protesters');
  assert.equal(one('Two farmers were kidnapped and killed by gunmen near Gao on Tuesday.').sub_event_type, 'Attack');
  assert.equal(one('Soldiers kidnapped four villagers in a series of raids near Kidal on Tuesday.').sub_event_type, 'Abduction/forced disappearance');
});

test('an actor claiming its own gain reports it; a failed attempt to take a place is a battle', () => {
  assert.equal(one('The army now claims full control of the old city of Homs.').sub_event_type, 'Government regains territory');
  assert.equal(one('On 6 May, army units attempted to seize the hospital complex in the east of Mosul.').sub_event_type, 'Armed clash');
});

test('relief camps set up after a flood are no base and no incident', () => {
  assert.equal(events('Floods swept through three districts on Sunday. Relief camps were set up in schools for the displaced families.').length, 0);
  assert.equal(one('The army set up a new base near the border crossing on Monday.').sub_event_type, 'Headquarters or base established');
});

// ---------------------------------------------------------------- incidents that were missed

test('state forces seizing drugs is Looting/property destruction (ACLED); criminals seizing them is nothing', () => {
  const e = one('Federal police seized three tons of cannabis hidden in a lorry during a roadside check near Campo Grande on Tuesday. Two men were arrested.');
  assert.equal(e.sub_event_type, 'Looting/property destruction');
  assert.equal(one('Soldiers found and destroyed a coca laboratory in the jungle near Tumaco on Friday.').sub_event_type, 'Looting/property destruction');
  assert.equal(events('A gang seized two tons of cocaine from a rival group in the port on Sunday.').length, 0);
  // the weapons seized with the drugs decide
  assert.equal(one('Police seized rifles and drugs in a raid on a flat in Leeds on Monday.').sub_event_type, 'Disrupted weapons use');
});

test('shoot-outs, a fire fight and a repelled attack are armed clashes', () => {
  assert.equal(one('Shoot-outs were reported in two neighbourhoods of the north zone of the city on Sunday.').sub_event_type, 'Armed clash');
  assert.equal(one('The army engaged the rebels in a fire fight near Bamenda on Monday.').sub_event_type, 'Armed clash');
  assert.equal(one('On Saturday, soldiers repelled an attack by militants on their post near Mopti. No casualties were reported.').sub_event_type, 'Armed clash');
  assert.equal(one('Government forces thwarted a rebel incursion into the district on Tuesday.').sub_event_type, 'Armed clash');
});

test('bursts of heavy machine-gun fire are shelling; the guns found after a battle are not', () => {
  assert.equal(one('On Friday, the monitors recorded 12 bursts of heavy machine-gun fire near the village of Stepove.').sub_event_type, 'Shelling/artillery/missile attack');
  assert.equal(one('Heavy machine guns and mortars were found and cleared in the liberated villages on Monday.').sub_event_type, 'Disrupted weapons use');
});

test('a crowd that gathers to demand something protests, however far the demand comes', () => {
  assert.equal(one('About 300 nurses gathered in front of the regional health office in Recife on Monday to demand the payment of overdue wages.').sub_event_type, 'Peaceful protest');
  assert.equal(one('Residents banged pots and pans from their balconies in Santiago on Friday night.').sub_event_type, 'Peaceful protest');
  assert.equal(one('On Tuesday, farmers blocked with their tractors the main highway into the city.').sub_event_type, 'Peaceful protest');
  // a purpose is what the protest is about: no intervention
  assert.equal(one('Hundreds of people gathered outside the barracks in Goma on Sunday to demand a military intervention.').sub_event_type, 'Peaceful protest');
});

test('a crowd attacking people or property with no armed group is mob violence', () => {
  assert.equal(one('On Sunday, local villagers assaulted two men they suspected of stealing goats near Jos.').sub_event_type, 'Mob violence');
  // the suspicion is a description; the beating is the event
  assert.equal(one('A man suspected of stealing a phone was beaten up by residents in a market in Kisumu on Saturday.').sub_event_type, 'Mob violence');
  // a few people are no crowd
  assert.notEqual(one('Three people torched two police patrol cars outside the officers\' homes on Wednesday.').sub_event_type, 'Mob violence');
});

test('an epidemic explains deaths but not a beating', () => {
  assert.equal(one('Police beat a street vendor for breaking the curfew imposed to contain the cholera outbreak in Harare on Monday.').sub_event_type, 'Attack');
  assert.equal(events('Ten people died in the cholera outbreak in Beira this week, health officials said.').length, 0);
});

test('excessive force needs lethal or serious force on the protesters, not force they protest about', () => {
  assert.equal(one('Police opened fire on protesters in Mandalay on Sunday, wounding twelve.').sub_event_type, 'Excessive force against protesters');
  assert.equal(one('Security forces violently dispersed a peaceful sit-in outside the ministry in Baghdad on Monday.').sub_event_type, 'Excessive force against protesters');
  assert.equal(one('Traders protested in Kindia on Tuesday over the death of a colleague who was shot dead by a police officer.').sub_event_type, 'Peaceful protest');
  // riot police who beat a few marchers intervene; that is not lethal force
  assert.equal(one('Riot police beat and detained several marchers in the capital on Friday during a protest against fuel prices.').sub_event_type, 'Protest with intervention');
});

test('who was hit: off-duty police are civilians, gang members are armed, gunmen are the actor', () => {
  assert.equal(one('Gunmen shot dead an off-duty police officer outside his home in Kismayo on Sunday.').sub_event_type, 'Attack');
  assert.equal(one('On Friday, two armed men on a motorbike shot dead a rival gang member in a street of San Salvador.').sub_event_type, 'Armed clash');
  assert.equal(one('On Monday, a man was shot dead by armed men in Recife. The victim had a record of drug trafficking.').sub_event_type, 'Armed clash');
  assert.equal(one('Unknown gunmen assassinated a cattle dealer in Gao on Monday.').sub_event_type, 'Attack');
  assert.equal(one('Soldiers fired rubber bullets at fishermen off the coast of Rafah on Thursday, wounding one.').sub_event_type, 'Attack');
});

test('fire in both directions is a clash; machine guns or recoilless rifles fired at an area are shelling', () => {
  assert.equal(one('On Sunday, monitors counted 40 explosions in both directions of the front line near Horlivka.').sub_event_type, 'Armed clash');
  assert.equal(one('On Tuesday, rebel forces fired 14.5mm machine guns at farms east of the town, with no casualties reported.').sub_event_type, 'Shelling/artillery/missile attack');
  assert.equal(one('Militiamen fired recoilless rifles and mortars at residential areas of the district on Friday.').sub_event_type, 'Shelling/artillery/missile attack');
  // small arms next to artillery still make a close fight
  assert.equal(one('On Monday, the rebels attacked an army post with mortars and rifles near the border.').sub_event_type, 'Armed clash');
});

test('a crowd that fights the police or stones people without demonstrating commits mob violence', () => {
  assert.equal(one('On Friday, locals pelted stones and clashed with police in the old city after officers told them to close their shops.').sub_event_type, 'Mob violence');
  assert.equal(one('On Sunday, a group of local youths stoned two police officers at a checkpoint outside Kisumu.').sub_event_type, 'Mob violence');
  assert.equal(one('Members of two rival parties clashed with sticks at a market in Lubumbashi on Saturday.').sub_event_type, 'Mob violence');
  // armed men who clash with the police fight a battle
  assert.equal(one('On Tuesday, militants clashed with police forces near the district centre, leaving one militant dead.').sub_event_type, 'Armed clash');
  assert.equal(one('On Sunday, armed men clashed with police officers outside the town hall of Silao. Nobody was hurt.').sub_event_type, 'Armed clash');
  // a protest that clashes with the police is a violent demonstration
  assert.equal(one('Protesters clashed with police in the capital on Monday during a march against fuel prices.').sub_event_type, 'Violent demonstration');
});

test('how a protest was met counts from a sentence of its own, unless it is denied or an arrest protested', () => {
  assert.equal(one('On Monday, migrant workers held a protest in Guntur demanding transport home. Police resorted to a baton charge to disperse the workers.').sub_event_type, 'Protest with intervention');
  assert.equal(one('Nurses protested outside the hospital in Durban on Tuesday. The police refrained from any intervention.').sub_event_type, 'Peaceful protest');
  assert.equal(one('Journalists protested in Sukkur on Saturday against the arrest of their editor. He was arrested last week in a land case.').sub_event_type, 'Peaceful protest');
});

test('a road blocked with burning debris is a violent demonstration', () => {
  assert.equal(one('On Tuesday, loggers blocked the federal highway with burning debris to protest against the seizure of their chainsaws.').sub_event_type, 'Violent demonstration');
  assert.equal(one('On Tuesday, loggers blocked the federal highway with parked lorries to protest against the seizure of their chainsaws.').sub_event_type, 'Peaceful protest');
});

test('a victim of gang members is a civilian hit (Attack); a victim who was a gang member is one side of a fight', () => {
  assert.equal(one('The victim, a shopkeeper, was shot dead by gang members in San Salvador on Sunday.').sub_event_type, 'Attack');
  assert.equal(one('Gunmen shot dead a man in San Salvador on Sunday; police said the victim was a member of a rival gang.').sub_event_type, 'Armed clash');
});

test('"the bombardment" in a later quote is the same incident; a battle "on the city\'s edge" with its own day is another', () => {
  // Written for this test.
  const text =
    'Rebel artillery shelled a displacement camp near Kadugli on Sunday, killing at least nine civilians, aid workers said.\n\n' +
    'Volunteers said the shells hit a clinic. "The bombardment went on for hours," said a nurse at the clinic.\n\n' +
    'The army said its troops repelled a rebel assault on the city\'s northern edge on Tuesday and killed dozens of fighters.';
  const evs = events(text);
  assert.deepEqual(evs.map((e) => e.sub_event_type), ['Shelling/artillery/missile attack', 'Armed clash']);
  const quote = text.indexOf('"The bombardment');
  const sentenceOf = (at: number) => analyze(text).sentences.findIndex((s) => s.start <= at && at < s.end);
  assert.ok(evs[0]!.sentences.includes(sentenceOf(quote)), 'the quote is part of the shelling');
  assert.ok(!evs[1]!.sentences.includes(sentenceOf(quote)));
});

test('an assault on a post whose weapons are told after is a battle; a count of attacks across the country is a statistic', () => {
  // Written for this test.
  const text =
    'BANNU: A policeman was killed when terrorists attacked a police station in Bannu late on Sunday night, police said.\n\n' +
    'The attackers used heavy weapons, including rocket launchers, in the attack that lasted for two hours.\n\n' +
    'According to a think tank, militants carried out 74 attacks across the country in January, killing 91 people.';
  assert.deepEqual(events(text).map((e) => e.sub_event_type), ['Armed clash']);
  // Protests across the country, without a count, are still an event.
  assert.equal(one('Thousands of teachers protested across the country on Monday demanding higher pay.').sub_event_type, 'Peaceful protest');
});

test('a closing sentence on the setting, in its own paragraph, is no part of the incident', () => {
  // Written for this test.
  const text =
    'Gunmen killed nine people at a bar in the city of Celaya late Sunday, local authorities said.\n\n' +
    'Armed men arrived in two vehicles and opened fire on customers. Two others were wounded.\n\n' +
    'Two rival cartels battle for control of the state.';
  const e = one(text);
  assert.equal(e.sub_event_type, 'Attack');
  assert.ok(!e.sentences.includes(3));
});

test('"the bomber" and a long "death toll from … rose to N" stay with the incident told first', () => {
  // Written for this test.
  const text =
    "ISLAMABAD: The death toll from Monday's suicide attack on a police checkpoint in Khyber district rose to 11 on Wednesday after two more policemen died, officials said.\n\n" +
    'The bomber, who was on foot, blew himself up at the entrance of the checkpoint at around 6pm on Monday, police said.';
  const e = one(text);
  assert.equal(e.sub_event_type, 'Suicide bomb');
  assert.deepEqual(e.sentences, [0, 1]);
  const r = extractArticle({ id: 'toll', text, published: '2025-04-09' } as Article);
  assert.equal(r.incidents[0]!.fatalities?.value, 11);
});

test('a sentence that opens with a day of its own, other than the incident\'s, and tells its own toll is another incident; a day only said is no day of the incident', () => {
  // Written for this test.
  const text = 'On Saturday, gunmen attacked a police station in Bafang, officials said. Two police officers were killed, state television said on Monday. On Sunday, in the Northwest region, a homemade bomb injured seven people.';
  const evs = findEvents(analyze(text));
  assert.deepEqual(evs.map((e) => e.sentences), [[0, 1], [2]]);
});

test('the deed an arrest was made for is its charge, not an event of its own', () => {
  // Written for this test.
  assert.equal(one('Border guards arrested four insurgents for burying landmines on a road near Dantewada on Tuesday.').sub_event_type, 'Arrests');
  assert.equal(one('Police in Kisumu detained two men on Friday on suspicion of bombing a bus depot.').sub_event_type, 'Arrests');
  // (a deed told apart from the arrest is still one: "and" ends the charge)
  assert.equal(events('Rebels ambushed an army convoy near Goma on Monday and soldiers arrested two of them.')[0]!.sub_event_type, 'Armed clash');
});

test('what an armed group is known to do is its habit, not an incident', () => {
  // Written for this test.
  const evs = events('Border guards arrested four insurgents near Dantewada on Tuesday. The insurgents are known to use landmines against patrols.');
  assert.deepEqual(evs.map((e) => e.sub_event_type), ['Arrests']);
});

test('a line told between the lead and one that names the incident again is part of it', () => {
  // Written for this test.
  const text = 'Four Turkish engineers were killed when their minibus was attacked outside Kunduz on Wednesday.\nA suicide bomber drove a car packed with explosives into the minibus on the ring road, a police spokesman told reporters.\n"All four engineers died in the attack," the spokesman said.';
  const evs = events(text);
  assert.deepEqual(evs.map((e) => [e.sub_event_type, e.sentences]), [['Suicide bomb', [0, 1, 2]]]);
});

test('an attack told only as similar to the article\'s incident is of its kind', () => {
  // Written for this test.
  const text = 'Three mortar shells hit an army depot near Kirkuk on Tuesday night, wounding two guards, officials said.\nNobody has claimed the shelling.\nIn March, the depot was the target of a similar attack.';
  const evs = events(text);
  assert.deepEqual(evs.map((e) => e.sub_event_type), ['Shelling/artillery/missile attack', 'Shelling/artillery/missile attack']);
});

test('a strike campaign told as going on, with no toll of its own, does not retype the incident', () => {
  // Written for this test.
  const text = 'A woman was killed when a rocket hit a farmhouse near Kharkiv late on Tuesday. Army drone strikes on the border villages continued on Wednesday, with six drones downed over the river.';
  const types = events(text).map((e) => e.sub_event_type);
  assert.equal(types[0], 'Shelling/artillery/missile attack');
  assert.ok(!types.includes('Air/drone strike'), types.join(', '));
  // (strikes that went on and killed are an incident: 'continued, killing')
  assert.equal(events('Air strikes on the market town continued on Friday, killing nine villagers.')[0]?.sub_event_type, 'Air/drone strike');
});
