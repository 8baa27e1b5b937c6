import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../src/text/analyze.js';
import { findFatalities } from '../src/extract/fatalities.js';
import { parseNumber } from '../src/extract/numbers.js';

const here = '[fatalities] ';

/** Fatalities of a text with every sentence in focus. */
function toll(text: string) {
  const doc = analyze(text);
  return findFatalities(doc, doc.sentences.map((_, i) => i), 'a1');
}
const best = (text: string) => toll(text).fatalities.value;

test(here + 'numbers: digits, words, vague counts and qualifiers', () => {
  assert.deepEqual(parseNumber('at least 16'), { value: 16, qualifier: 'at least' });
  assert.deepEqual(parseNumber('more than 856'), { value: 856, qualifier: 'more than' });
  assert.deepEqual(parseNumber('1,500'), { value: 1500, qualifier: null });
  assert.deepEqual(parseNumber('three'), { value: 3, qualifier: null });
  assert.deepEqual(parseNumber('Twenty-five'), { value: 25, qualifier: null });
  assert.deepEqual(parseNumber('two hundred and ten'), { value: 210, qualifier: null });
  assert.deepEqual(parseNumber('dozens'), { value: 12, qualifier: 'dozens' });
  assert.deepEqual(parseNumber('two dozen'), { value: 24, qualifier: null });
  assert.deepEqual(parseNumber('half a dozen'), { value: 6, qualifier: null });
  assert.deepEqual(parseNumber('several'), { value: null, qualifier: 'several' });
  assert.deepEqual(parseNumber('8-10'), { value: 8, qualifier: 'range', high: 10 });
  assert.deepEqual(parseNumber('between 2 and 4'), { value: 2, qualifier: 'range', high: 4 });
  assert.equal(parseNumber('soldiers'), null);
});

test(here + 'a count before or after the verb', () => {
  assert.equal(best('Seven farmers were killed when gunmen raided the village.'), 7);
  assert.equal(best('Gunmen raided the village, killing seven farmers and injuring four.'), 7);
  assert.equal(toll('Gunmen raided the village, killing seven farmers and injuring four.').injuries?.value, 4);
  assert.equal(best('The blast left 9 people dead.'), 9);
  assert.equal(best('A trader was shot dead outside his shop.'), 1);
  assert.equal(best('Police found the bodies of three men near the river.'), 3);
  assert.equal(best('A mob stabbed a thief to death.'), 1);
});

test(here + 'groups in one incident add up; attackers count too', () => {
  assert.equal(best('Two soldiers and three militants were killed in the clash.'), 5);
  assert.equal(best('One guard was killed in the raid. Four attackers were also killed.'), 5);
  assert.equal(best('Bandits shot dead a herder and his son.'), 2);
});

test(here + 'a part of a group is not counted twice', () => {
  assert.equal(best('Eleven rebels including a commander were killed.'), 11);
  assert.equal(best('Six guards, including two officers, were killed.'), 6);
});

test(here + 'the subject of an active verb is not a victim', () => {
  assert.equal(best('A sniper shot and killed a policeman at the gate.'), 1);
  assert.equal(best('An armed group killed 4 villagers overnight.'), 4);
});

test(here + 'ACLED readings: at least, dozens, ranges', () => {
  const r = toll('At least 16 soldiers were killed in the ambush.');
  assert.equal(r.fatalities.value, 16);
  assert.equal(r.fatalities_low?.value, 16);
  assert.equal(best('Clashes left dozens dead.'), 12);
  const g = toll('Raiders killed 8-10 villagers.');
  assert.deepEqual([g.fatalities.value, g.fatalities_low?.value, g.fatalities_high?.value], [8, 8, 10]);
});

test(here + "another source's figure in parentheses widens the range only", () => {
  const r = toll('Militants attacked a post, killing 2 guards (the group claimed 5).');
  assert.deepEqual([r.fatalities.value, r.fatalities_low?.value, r.fatalities_high?.value], [2, 2, 5]);
});

test(here + 'a stated toll replaces the running sum', () => {
  assert.equal(best('Three people were killed on the spot. The death toll later rose to 7.'), 7);
});

test(here + 'no deaths = 0, deaths without a number = null', () => {
  const z = toll('Protesters blocked the highway for two hours.');
  assert.deepEqual([z.fatalities.value, z.fatalities.rule, z.fatalities.derived], [0, 'no-deaths-reported', true]);
  assert.equal(best('Rockets hit the airport. No casualties were reported.'), 0);
  assert.equal(best('Several villagers were killed in the attack.'), null);
  assert.equal(best('Displaced families, including women and children, were killed or injured.'), null);
  assert.equal(best('The strike killed an unknown number of fighters.'), null);
  assert.equal(best('Two guards were killed or wounded by the blast.'), null);
});

test(here + "ACLED's notes: the coded figure and a split toll", () => {
  assert.equal(best('On 2 June 2021, rebels ambushed a patrol, killing 3 soldiers. Fatalities coded as 0 (the rebels reported 3).'), 0);
  assert.equal(best('On 2 June 2021, 9 fighters were killed in clashes in two districts. Fatalities are split across 2 events (5).'), 5);
  assert.equal(best('On 2 June 2021, clashes took place on three fronts. Unknown fatalities coded as 10 and spread between 3 locations.'), 3);
  assert.equal(best('On 2 June 2021, a shop owner was shot dead by robbers. 1 fatality.'), 1);
});

test(here + 'a death that a protest is about is not the protest\'s toll', () => {
  assert.equal(best('Residents protested against the killing of a teacher by unknown men.'), 0);
});

test(here + 'evidence slices to its text', () => {
  const text = 'Gunmen raided the village, killing seven farmers and injuring four.';
  const r = toll(text);
  for (const e of [...r.fatalities.evidence, ...(r.injuries?.evidence ?? [])]) assert.equal(text.slice(e.start, e.end), e.text);
});

test(here + 'negations, ages, appositions and joined verbs', () => {
  assert.equal(best('Nobody was killed in the explosion.'), 0);
  assert.equal(best('Two men, aged 25 and 30, were killed in the attack.'), 2);
  assert.equal(best('A boy, a shepherd, was killed by a landmine.'), 1);
  assert.equal(best('A militia leader was struck and killed by an airstrike.'), 1);
  assert.equal(best('IS fighters shot and killed a farmer.'), 1);
});

test(here + "the news' other words for deaths: martyrdom, lives lost, eliminated, neutralised, 'killed all three'", () => {
  assert.equal(best('Eleven soldiers embraced martyrdom when a suicide bomber struck their post.'), 11);
  assert.equal(best('Some 27 lives were lost in the explosion, and about 90 more people were hurt.'), 27);
  assert.equal(best('Six militants were eliminated in the exchange of fire.'), 6);
  assert.equal(best('Troops neutralised four bandits in the forest on Monday.'), 4);
  assert.equal(best('A drone hit a pickup near the border and killed all three occupants.'), 3);
  // 'lost' alone is no death.
  assert.equal(best('The police lost three vehicles in the ambush.'), 0);
});

// Tolls read like an analyst (issue 10): the texts below are written for these tests.

test(here + 'victim phrases: acronyms, possessives, origins, a day before the verb, "lay dead", "butchered the ten"', () => {
  assert.equal(best('Three Free Syrian Army (FSA) fighters were killed in the shelling.'), 3);
  assert.equal(best("Two members of Lebanon's Internal Security Forces were killed by a sniper."), 2);
  assert.equal(best('Seven labourers from Sindh were killed near the quarry.'), 7);
  assert.equal(best('Four guards on Tuesday were killed when their post was stormed.'), 4);
  assert.equal(best('Eight villagers lay dead after the raid on the market.'), 8);
  assert.equal(best('Raiders stopped a minibus and butchered the six passengers inside it.'), 6);
  assert.equal(best('Bandits slaughtered eleven herders near the river.'), 11);
});

test(here + '"claimed N lives", "the number of martyrs … as N"', () => {
  assert.equal(best('The ambush on the convoy claimed no fewer than 21 lives.'), 21);
  assert.equal(best('The minister said “the number of martyrs… has been put as 31 so far.”'), 31);
});

test(here + '"their driver" is one more, "both attackers" two', () => {
  assert.equal(best('Four engineers and their local driver were killed in the blast.'), 5);
  assert.equal(best('Police said both attackers were killed in the exchange of fire.'), 2);
});

test(here + 'a participle after the victims opens a clause: its object is no victim', () => {
  assert.equal(best('Nine volunteers guarding a water point were killed by gunmen overnight.'), 9);
});

test(here + '"four wounded colleagues later succumbed": wounded as an adjective', () => {
  assert.equal(best('Six rangers were shot dead at the gate. Two wounded colleagues later succumbed in hospital.'), 8);
});

test(here + 'every figure after "including" is a part of the group, unless the list goes on past the aside', () => {
  assert.equal(best('Soldiers killed seven villagers, including three boys and an elderly man, in the raid.'), 7);
  assert.equal(best('Rebels killed 5 soldiers, including a commander, and 3 civilians.'), 8);
});

test(here + 'a vague whole is at least its named part; a back-reference to the part adds nothing', () => {
  const r = toll('The twin bombings killed dozens, including at least 20 pilgrims. Besides the 20 pilgrims killed, 30 others were hurt.');
  assert.deepEqual([r.fatalities.value, r.fatalities_low?.value], [20, 20]);
  assert.equal(best('Several people, including two children, were killed in the shelling.'), 2);
});

test(here + 'a group is named by its head noun: "one local contractor" restates "one contractor"', () => {
  assert.equal(best('One contractor was killed in the rocket attack. One local contractor was killed and 4 others were injured, the coalition said.'), 1);
  assert.equal(best('Two Kachin Independence Army fighters were killed. Two KIA fighters were killed in the clash, the army said.'), 2);
});

test(here + 'a restating account joins the account of its own group, not merely the last', () => {
  // 12 soldiers + 2 attackers; the third sentence tells the soldiers again.
  assert.equal(best('Twelve soldiers were martyred in the raid on the post. Two terrorists were killed in the exchange of fire. While repelling the raid, 12 soldiers embraced martyrdom, the statement said.'), 14);
});

test(here + 'the attackers\' own deaths add to a toll that names no group', () => {
  assert.equal(best('A gun attack on the factory killed four people. Both assailants were killed during the attack.'), 6);
});

test(here + 'a back-reference ("all 7 passengers") is another account of dead already counted', () => {
  const r = toll('Six tourists were killed when their bus was bombed. According to reports, all 7 passengers including Swiss tourists lost their lives.');
  assert.deepEqual([r.fatalities.value, r.fatalities_low?.value, r.fatalities_high?.value], [7, 6, 7]);
});

test(here + '"N others" adds; "also" of a speaker ("also reported") does not', () => {
  assert.equal(best('The mayor was shot dead at his office. His aide said that 3 others died with the mayor.'), 4);
  assert.equal(best('Gunmen killed about 40 people in the village, a local source said. A police officer also reported "about 40 dead" and said the number could go up.'), 40);
});

test(here + 'the toll of an earlier incident the sentence goes back to is not taken', () => {
  assert.equal(best('Rockets hit the city centre, killing 9 people. The strike came two days after a drone attack on the port killed 17 sailors.'), 9);
  assert.equal(best('Militants fired mortars at the base in revenge for the killing of three of their commanders last week.'), 0);
  assert.equal(best('Crowds gathered at the shrine, five years after a car bomb there killed the cleric.'), 0);
  // ... but the words opening the sentence end at its first comma.
  assert.equal(best('A week after the vote, gunmen killed 5 election workers.'), 5);
});

test(here + 'the earlier incident\'s own toll, where its trigger is in the clause that goes back to it', () => {
  // The background incident told by the clause: its trigger word ("killed") is inside it.
  const text = 'The raid on the market came eight days after an ambush by the river, in which two aid workers and a driver were killed.';
  const doc = analyze(text);
  const at = text.lastIndexOf('killed');
  assert.equal(findFatalities(doc, [0], 'a1', [], at).fatalities.value, 3);
  // The raid (its trigger before the clause) does not take those dead.
  assert.equal(findFatalities(doc, [0], 'a1', [], text.indexOf('raid')).fatalities.value, 0);
  const d2 = analyze('Mourners filled the square, two years after a missile strike on a convoy killed the governor of the province.');
  assert.equal(findFatalities(d2, [0], 'a1', [], d2.text.indexOf('killed')).fatalities.value, 1);
});

test(here + 'a death "in a separate incident" or in "another attack" is another incident\'s', () => {
  assert.equal(best('A farmer died when a shell struck his field, and a girl was killed in a separate incident near the border.'), 1);
  assert.equal(best('Seven pilgrims were killed on the highway. Another attack on a nearby checkpoint killed one guard.'), 7);
});

test(here + 'an article right after a verb is its object, not a victim', () => {
  assert.equal(best('A drone hit a truck and a driver was killed.'), 1);
  assert.equal(best('Police said a trader was killed in the blast.'), 1);
});

test(here + 'a toll told a line or two after the incident, in a sentence no incident claims', () => {
  /** The toll of the incident told by the first sentence, the others read as `after` (findFatalities). */
  const after = (text: string) => {
    const doc = analyze(text);
    return findFatalities(doc, [0], 'a1', doc.sentences.map((_, i) => i).slice(1)).fatalities.value;
  };
  // No figure in the incident's own sentence: the nearest sentence after it with one.
  assert.equal(after('Unknown gunmen fired on marchers from rooftops in the old city on Friday. The organisers called for calm. A hospital source said at least four people were killed.'), 4);
  // ... not a tally over the years, nor another incident's toll.
  assert.equal(after('Militants stormed a village in the north on Sunday. More than 3,000 people have died in the insurgency.'), 0);
  assert.equal(after('Militants stormed a village in the north on Sunday. In a separate attack, nine guards were killed.'), 0);
  // A figure in its own sentence: the very next sentence adds its dead ("a major and a soldier").
  assert.equal(after('During the firefight, five insurgents were eliminated. A captain and a sepoy embraced martyrdom while leading the raid.'), 7);
  // ... but not one that opens with a place of its own.
  assert.equal(after('Troops killed three insurgents near the border. And in the south, two policemen were killed in an ambush.'), 3);
});

test(here + '"a hundred villagers" is one figure', () => {
  assert.equal(best('Gunmen killed a hundred villagers in the raid.'), 100);
});

test(here + 'details after a total restate it; an account naming no counted group joins the main toll', () => {
  // "people manning a checkpoint" names people: the details (9 + 3) are the 12 again.
  assert.equal(best('Twelve people guarding a bridge were killed when it was attacked. Nine guards were shot dead during the attack. Three wounded colleagues later succumbed in hospital.'), 12);
  // 4 (hospital: 6) + the 2 gunmen.
  assert.equal(best('Four people were killed in the attack on the mall. Both gunmen were killed in the attack. Hospital officials said six shoppers were killed.'), 8);
});

test(here + 'an updated toll replaces the figures before it; a toll only stated is one more account', () => {
  const u = toll('Eleven people were killed in the blast. The death toll later rose to 15.');
  assert.deepEqual([u.fatalities.value, u.fatalities_low?.value], [15, undefined]);
  const s = toll('Officials said 30 people were killed in the bombing. A monitoring group reported the death toll as 34.');
  assert.deepEqual([s.fatalities.value, s.fatalities_low?.value, s.fatalities_high?.value], [34, 30, 34]);
});

test(here + '"and briefly captured a base": a verb after "and" and an adverb ends the victims', () => {
  assert.equal(best('Insurgents killed 9 policemen and briefly seized a police station near the town.'), 9);
});

test(here + 'the toll may sit between the incident\'s sentences, and be a toll "so far"', () => {
  const doc = analyze('Officials shared photos of the missile strike on a warehouse in the city on Monday. The governor stated that nine workers were killed, according to the latest information. At the time of the strike, there were 40 workers inside.');
  // the incident's sentences: the first and the third; the second is claimed by none.
  assert.equal(findFatalities(doc, [0, 2], 'a1', [1]).fatalities.value, 9);
  const d2 = analyze('The death toll of the bombing was revised after counting errors. The minister said “the number of martyrs has been announced as 61 so far.”');
  assert.equal(findFatalities(d2, [0], 'a1', [1]).fatalities.value, 61);
  // ... but not a tally "so far this year".
  const d3 = analyze('Gunmen attacked a bus on the highway on Friday. More than 300 people have been killed in such attacks so far this year.');
  assert.equal(findFatalities(d3, [0], 'a1', [1]).fatalities.value, 0);
});

test(here + '"and as many militants killed": as many as the figure before', () => {
  assert.equal(best('Three policemen were martyred and as many militants killed in the gunfight.'), 6);
});

test(here + '"fighters affiliated to the militia were killed": a participle with its preposition inside the victims', () => {
  assert.equal(best('Officials said 7 attackers and four guards attached to the district council were killed.'), 11);
});

test(here + 'after a figure, the next sentence adds the other side\'s dead, not the same dead told again', () => {
  const next = (text: string) => {
    const doc = analyze(text);
    return findFatalities(doc, [0], 'a1', [1]).fatalities.value;
  };
  assert.equal(next('Militants killed 12 soldiers at a checkpoint in the valley. Twelve security personnel were martyred, the military said.'), 12);
  assert.equal(next('During the firefight, five insurgents were eliminated. A captain and a sepoy embraced martyrdom while leading the raid.'), 7);
  assert.equal(next('Gunmen killed four guards at the gate. Two more guards were killed inside.'), 6);
  // A floor may be made exact by the next sentence.
  assert.equal(next('More than 30 villagers were killed in the raid, the mission said. The mission later reported that 31 people were killed.'), 31);
});

test("'the number of people killed by …, X Township rose to 75': a long subject, with a comma, before the update", () => {
  // Written for this test.
  assert.equal(best('The number of people killed by an army air strike on a wedding party in Nyaung Lay village, Pale Township rose to 52 on Friday.'), 52);
});

test(here + "a victim told by a pronoun: 'killing him and another operative', 'shot her dead', 'killing him and two others'; 'shot him in the leg' is no death", () => {
  // Written for this test.
  assert.equal(best('An air strike hit a car near the border, killing him and another commander of the group.'), 2);
  assert.equal(best('Two gunmen on a motorcycle shot her dead outside the school.'), 1);
  assert.equal(best('Militants stormed the house of the village elder, killing him and two others.'), 3);
  assert.equal(best('Robbers stopped the trader and shot him in the leg.'), 0);
  // The victim counted a sentence before is not counted again.
  assert.equal(best('A policeman was killed on Monday. Gunmen shot him dead near his home.'), 1);
});

test(here + "two sources in one sentence ('X said 120 were killed, however residents say 131 died') are a range, never a sum", () => {
  // Written for this test.
  const r = toll("The rebel government said that 120 people were killed in the army's bombing of Kalo village, however, residents say that 131 people died in the raid.");
  assert.equal(r.fatalities.value, 131);
  assert.equal(r.fatalities_low?.value, 120);
  assert.equal(r.fatalities_high?.value, 131);
  assert.equal(best('Police said 9 protesters were killed, but the opposition claims 14 died in the crackdown.'), 14);
  // Groups joined with "and" still add up; a contrast word without a new source does not cut.
  assert.equal(best('The blast killed 4 soldiers, but 2 civilians were also killed.'), 6);
  assert.equal(best('Gunmen killed 3 guards and 2 drivers at the depot.'), 5);
});

test(here + "a tally over many places ('killed in clashes across the country') gives way to the incident's own figure", () => {
  // Written for this test.
  assert.equal(best('At least nine people were killed in clashes between farmers and police across the country on Monday. Four, including a teacher, were killed in clashes in Tamale.'), 4);
  assert.equal(best('Gunmen raided a school in the north and a bomber struck a mosque in the south, together leaving 30 people dead. The raid on the school killed 11.'), 11);
  // Alone, the tally is the only figure and stays.
  assert.equal(best('At least nine people were killed in protests nationwide on Monday.'), 9);
});

test(here + "a rally or vigil that was attacked is the setting, not a grievance: its toll counts", () => {
  // Written for this test.
  assert.equal(best('A suicide bomber struck a rally of the ruling party in the town, killing 12 people.'), 12);
  assert.equal(best('Gunmen opened fire on a candlelight vigil near the mosque, killing four mourners.'), 4);
  // A gathering about deaths still gives none.
  assert.equal(best('Hundreds joined a march against the killing of two students by police.'), 0);
  assert.equal(best('Traders held a protest at the market over the murder of a colleague.'), 0);
});

test(here + "'two of the attackers were killed' after the victims' toll names the attackers: their deaths add", () => {
  // Written for this test.
  assert.equal(best('The raid on the checkpoint killed five policemen. Two of the attackers were shot dead by guards.'), 7);
  assert.equal(best('Bandits killed 8 villagers in the attack. Three of the gunmen were later killed by vigilantes.'), 11);
});

test(here + "'…, raising the toll to 11': an update told by the verb before the toll wins over the figures before it", () => {
  // Written for this test.
  assert.equal(best('A truck bomb killed 8 people near the port. Three of the wounded later died in hospital, raising the toll to 11.'), 11);
  assert.equal(best('Troops killed 5 rebels on Monday. Two more bodies were found on Tuesday, bringing the death toll to 7.'), 7);
});

test(here + "'two of the injured died later': the wounded who died add to the dead", () => {
  // Written for this test.
  assert.equal(best('A truck bomb killed 8 people and wounded 20 near the port. Two of the injured died later.'), 10);
});
