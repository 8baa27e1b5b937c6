/**
 * Trigger lexicon for event detection and ACLED typing (src/extract/events.ts), kept as data:
 * every entry has a reason. Written from ACLED's codebook (2019/2023 editions: event and
 * sub-event type definitions) and general news usage, not copied from any coded data.
 *
 * Pattern syntax (matched against lower-cased word tokens, hyphen tokens skipped, so
 * "air-strike" reads as "air strike"):
 *   word      the token exactly
 *   pre*      any token starting with "pre" (at least 3 letters before the star)
 *   a|b*|c    any of the alternatives
 *   ~N        a gap of 0..N tokens of any kind (never first or last)
 */

/** What a trigger tells about an event. Event categories decide the sub-event type; cue
 *  categories only colour a decision (who was hit, was a protest dispersed, is it a disaster). */
export type TriggerCat =
  // Explosions/Remote violence, in ACLED's precedence order
  | 'chemical'
  | 'suicide'
  | 'ied'
  | 'air'
  | 'shelling'
  | 'grenade'
  | 'explosion' // a blast of unknown means: ACLED codes it Remote explosive/landmine/IED
  // Battles and violence against civilians
  | 'clash'
  | 'attack'
  | 'kill'
  | 'sexual'
  | 'abduct'
  | 'regain'
  | 'capture'
  | 'transfer'
  // Demonstrations
  | 'protest'
  | 'riot'
  | 'riot_act'
  | 'mob'
  | 'crowd'
  // Strategic developments
  | 'arrest'
  | 'loot'
  | 'destroy'
  | 'disrupt'
  | 'agreement'
  | 'hq'
  | 'change'
  | 'other'
  // cues (not events on their own)
  | 'not_event' // blocks a trigger it overlaps ("missile tests", "heart attack")
  | 'cue_disperse' // a protest met by the police: "police dispersed", "tear gas"
  | 'cue_force' // lethal or live fire used: "live rounds", "opened fire"
  | 'cue_civ' // civilian targets
  | 'cue_state' // state forces
  | 'cue_armed' // non-state armed actors
  | 'cue_disaster' // natural or man-made disaster, accident, epidemic
  | 'cue_crime' // ordinary and organised crime
  | 'cue_diplo' // diplomacy, sanctions, visits
  | 'cue_sport' // a match report: shots, strikes and beatings of a game
  | 'cue_attrib' // claims, accusations, denials about an event
  | 'cue_hedge' // a threat, plan or possibility rather than an event
  | 'cue_generic' // statistics and trends rather than one event
  | 'cue_new' // "in a separate incident": a new incident starts
  | 'cue_past' // "last week", "earlier": the incident is background
  | 'cue_anaphor'; // "the strikes", "the attack": refers back to an incident already told

export interface TriggerEntry {
  id: string;
  cat: TriggerCat;
  pats: string[];
  reason: string;
}

export const TRIGGERS: TriggerEntry[] = [
  // ---------------------------------------------------------------- explosions / remote violence
  {
    id: 'chem',
    cat: 'chemical',
    pats: ['chemical weapon*', 'chemical attack*', 'gas attack*', 'nerve gas', 'chemical agent*', 'chlorine gas attack*', 'sarin', 'nerve agent*', 'mustard gas', 'toxic gas attack*', 'chlorine barrel*', 'chemical munition*', 'chemical shell*', 'chemical bomb*'],
    reason: 'ACLED: Chemical weapon covers any use of chemical weapons; it takes precedence over the means of delivery',
  },
  {
    id: 'chem-weak',
    cat: 'chemical',
    pats: ['toxic gas', 'chlorine', 'poisonous gas', 'poison gas', 'asphyxia*', 'suffocation', 'toxic chemical*', 'phosphorus', 'napalm', 'toxic substance*'],
    reason: 'a toxic agent that an attack may have used; a gas leak or a spill uses the same words, so a disaster cue overrules it',
  },
  {
    id: 'suicide',
    cat: 'suicide',
    pats: ['suicide bomb*', 'suicide attack*', 'suicide car', 'suicide vest*', 'suicide blast*', 'suicide truck', 'suicide explosion*', 'svbied*', 'blew himself up', 'blew herself up', 'blew themselves up', 'detonated his explosive*', 'detonated her explosive*', 'detonated an explosive vest', 'self detonat*', 'suicide squad', 'explosive vest*', 'suicide bomber*', 'fidayeen', 'detonat* ~5 killing themselves|himself|herself', 'explosives ~3 killing themselves|himself|herself'],
    reason: 'ACLED: Suicide bomb takes precedence over every other explosive sub-event ("a suicide bomber blew himself up")',
  },
  {
    id: 'ied',
    cat: 'ied',
    pats: ['ied|ieds|vbied*|rcied*', 'improvised explosive*', 'roadside bomb*', 'road side bomb*', 'roadside mine*', 'landmine*', 'land mine*', 'mine blast*', 'mine explosion*', 'magnetic bomb*', 'limpet*', 'sticky bomb*', 'car bomb*', 'bomb blast*', 'bomb explosion*', 'planted bomb*', 'planted explosive*', 'remote controlled bomb*', 'remote explosive*', 'remote control bomb*', 'remotely detonated', 'explosive device*', 'booby trap*', 'booby-trap*', 'planted ~2 bomb|bombs|explosive*|mine|mines', 'bomb|bombs ~3 planted', 'motorcycle bomb*', 'bicycle bomb*', 'parcel bomb*', 'pipe bomb*', 'time bomb*', 'home made bomb*', 'homemade bomb*', 'crude bomb*', 'country made bomb*', 'explosives laden', 'explosive laden', 'explosive-laden', 'explosives-laden', 'stepped on a mine|landmine', 'hit a mine|landmine', 'mine went off', 'uxo|uxos', 'unexploded ordnance', 'unexploded ordinance', 'explosive remnant*', 'erw'],
    reason: 'ACLED: Remote explosive/landmine/IED is any explosive detonated remotely or by its victim ("a roadside bomb hit their vehicle")',
  },
  {
    id: 'air',
    cat: 'air',
    pats: ['airstrike*', 'air strike*', 'air raid*', 'airraid*', 'drone strike*', 'drone attack*', 'air attack*', 'aerial attack*', 'aerial bombard*', 'aerial strike*', 'aerial raid*', 'air bombard*', 'airstrikes', 'warplane*', 'war plane*', 'fighter jet*', 'jet fighter*', 'military jet*', 'helicopter gunship*', 'gunship*', 'helicopter ~3 fired|attacked|struck|targeted|bombed|strafed|pounded', 'drone ~3 fired|attacked|struck|targeted|bombed|hit', 'drones ~3 fired|attacked|struck|targeted|bombed|hit', 'armed drone*', 'uav|uavs ~3 fired|attacked|struck|targeted|bombed|hit|strike|strikes|dropped|killed|launched', 'air force ~4 bomb*|struck|targeted|pounded|attacked|strikes|raids|carried', 'barrel bomb*', 'aircraft ~4 bomb*|struck|targeted|pounded|attacked|strafed|hit|raided', 'planes ~3 bomb*|struck|targeted|pounded|attacked|hit|raided', 'jets ~3 bomb*|struck|targeted|pounded|attacked|hit|raided|fired|launched|destroyed|carried', 'warplanes|planes|aircraft|helicopters ~3 fired|launched|destroyed|carried', 'air missile*', 'air-to-surface', 'air to surface', 'chopper*', 'helicopter attack*', 'helicopter strike*', 'bombed by aircraft', 'aerial bomb*', 'aerial firing', 'air assault*', 'loitering munition*', 'kamikaze drone*', 'helicopters ~3 fired|attacked|struck|targeted|bombed|strafed|pounded', 'airstrike', 'air campaign', 'strike|strikes ~3 engaged|destroyed|struck|targeted|killed|damaged|hit|disabled|suppressed|neutralized|neutralised', 'strike|strikes ~6 killed|kills|killing|wounded|wounding|injured|injuring', 'conducted ~3 strike|strikes', 'coalition strike*', 'precision strike*', 'piloted aircraft'],
    reason: 'ACLED: Air/drone strike is an attack by aircraft or drones ("warplanes pounded the village")',
  },
  {
    id: 'air-more',
    cat: 'air',
    pats: ['jet|plane|warplane ~3 bomb*|struck|targeted|pounded|attacked|hit|raided|fired', 'jets|planes|warplanes ~5 fired ~2 missile*|rockets|bombs', 'attacked|struck|bombed|hit|targeted ~2 from the air', 'from the air'],
    reason: 'one aircraft or a longer report verb: "one jet bombed a school", "jets were reported to have fired missiles", "the convoy was attacked from the air"',
  },
  {
    id: 'air-laden-drone',
    cat: 'air',
    pats: ['explosive|explosives laden drone*|uav*|quadcopter*', 'explosive|explosives packed drone*|uav*|quadcopter*', 'bomb laden drone*|uav*|quadcopter*', 'kamikaze drone*', 'suicide drone*', 'loitering munition*'],
    reason: 'a drone that carries its explosive to the target is a drone strike (ACLED: Air/drone strike), not a planted bomb: "shot an explosive-laden drone at the post" (the longer hit covers the IED entry\'s "explosive-laden"; a "suicide drone" is no suicide bombing)',
  },
  {
    id: 'shelling',
    cat: 'shelling',
    pats: ['shell|shells|shelled|shelling|shellings', 'artillery', 'mortar|mortars', 'rocket|rockets', 'missile|missiles', 'projectile*', 'howitzer*', 'katyusha*', 'grad|grads', 'mlrs', 'rpg|rpgs', 'rocket propelled', 'heavy weapon*', 'heavy fire', 'heavy machine gun fire|firing', 'heavy machinegun fire|firing', 'burst|bursts|shots|rounds ~4 heavy machine gun*', 'burst|bursts|shots|rounds ~4 heavy machinegun*', 'fired|firing ~12 machine gun*', 'fired|firing ~12 machinegun*', 'anti aircraft', 'antiaircraft', 'recoilless rifle*', 'recoilless*', 'medium weapon*', 'heavy and medium', 'medium and heavy', 'fired|firing ~4 ifv|ifvs', 'ifv|ifvs ~3 fired|firing|opened', 'fired|firing ~4 infantry fighting vehicle*', 'infantry fighting vehicle* ~3 fired|firing|opened', 'bombard*', 'cannon fire', 'tank fire', 'tanks fired', 'tank attack*', 'tanks ~2 attacked|fired|shelled|pounded', 'tank shell*', 'fired ~3 shells|mortars|rockets|missiles|projectiles', 'anti tank', 'atgm*', 'guided missile*', 'ballistic missile*', 'cruise missile*', 'mortared', 'rocketed', 'grenade launcher*', 'mortar round*', 'explosions involving', 'shelled', 'pounded'],
    reason: 'ACLED: Shelling/artillery/missile attack is long-range fire from the ground (artillery, mortars, rockets, missiles, RPGs, grenade launchers, heavy weapons; machine guns, anti-aircraft guns and recoilless rifles fired at an area count as heavy weapons in ACLED coding)',
  },
  {
    id: 'missile-strike',
    cat: 'shelling',
    pats: ['missile strike*', 'missiles strike*', 'rocket strike*', 'rockets strike*', 'artillery strike*', 'mortar strike*'],
    reason: 'a "missile strike" names no aircraft, so it is a missile attack unless jets or drones are named; it covers the bare "strike" that would read as an air strike',
  },
  {
    id: 'grenade',
    cat: 'grenade',
    pats: ['grenade|grenades', 'hand grenade*', 'grenade attack*', 'lobbed', 'hurled a grenade'],
    reason: 'ACLED: Grenade is an attack with a hand grenade or similar hand-thrown explosive ("unidentified militants lobbed a grenade")',
  },
  {
    id: 'explosion',
    cat: 'explosion',
    pats: ['explosion*', 'blast|blasts', 'bomb|bombs', 'bombing|bombings', 'bomber|bombers', 'explosive|explosives', 'exploded', 'detonat*', 'blew up', 'blown up', 'went off', 'bombed'],
    reason: 'an explosion whose means is not given: ACLED codes it Remote explosive/landmine/IED unless another means is named',
  },
  // ---------------------------------------------------------------- battles
  {
    id: 'clash',
    cat: 'clash',
    pats: ['clash|clashes|clashed|clashing', 'fighting', 'fought', 'firefight*', 'gunfight*', 'gun fight*', 'gun battle*', 'gunbattle*', 'exchange|exchanged|exchanging|exchanges ~3 fire|gunfire|artillery|shells|rockets|mortars|shots|heavy', 'skirmish*', 'battle|battles|battled|battling', 'encounter|encounters', 'shootout*', 'shoot out', 'shoot-out*', 'fire fight*', 'fire|fired|firing|shots|shooting|projectiles|explosions|shelling ~4 in both directions', 'crossfire', 'mutual shelling', 'two way fire', 'heavy fighting', 'fierce fighting'],
    reason: 'ACLED: Armed clash is a fight between two organised armed groups ("clashes erupted", "exchange of fire", "fire in both directions"); a two-sided exchange of artillery or small-arms fire is a clash, not shelling',
  },
  {
    id: 'clash-repel',
    cat: 'clash',
    pats: ['repelled|repulsed|thwarted|foiled ~3 attack|attacks|assault|assaults|incursion|incursions|infiltration*|advance|advances|offensive|raid|raids', 'beat|beaten|fought back ~3 attack|attacks|assault|assaults|incursion|incursions|infiltration*|advance|advances|offensive|raid|raids', 'fought off ~3 attack|attacks|assault|assaults|incursion|incursions|infiltration*|advance|advances|offensive|raid|raids'],
    reason: 'ACLED: an attack that the other side repelled is an Armed clash, a two-sided fight ("the soldiers repelled the assault", "thwarted an incursion")',
  },
  {
    id: 'small-arms',
    cat: 'clash',
    pats: ['small arms', 'firearms', 'rifles', 'gunshots', 'automatic weapons', 'light weapons'],
    reason: 'small-arms fire next to grenades or artillery makes a close two-sided fight: ACLED codes an Armed clash ("attacked a patrol with grenades and firearms")',
  },
  {
    id: 'clash-weak',
    cat: 'clash',
    pats: ['engaged', 'offensive', 'counter attack*', 'counterattack*', 'repulsed', 'repelled', 'thwarted', 'foiled an attack', 'infiltrat*', 'returned fire', 'retaliated', 'military operation*', 'security operation*', 'clearance operation*', 'clearing operation*', 'combing operation*', 'ground operation*', 'ground assault*', 'operation against', 'operations against', 'combat', 'hostilities', 'fired upon', 'fired on', 'fired at', 'ceasefire violation*', 'truce violation*', 'besieged', 'siege', 'stormed', 'overran', 'surrounded', 'firing', 'assault|assaults', 'armed confrontation*', 'confrontation*', 'gunfire', 'engagement*'],
    reason: 'armed action that is usually two-sided (operations, assaults, repelled attacks): an Armed clash unless civilians were the target',
  },
  {
    id: 'offensive-start',
    cat: 'clash',
    pats: ['offensive|operation|operations|assault|push ~3 to retake|recapture|liberate|capture|seize|free|clear', 'attempted|tried to seize|capture|storm|overrun|retake|recapture|take'],
    reason: 'ACLED codes the launch of an offensive to take a place, and a failed attempt to take it, as an Armed clash ("launched the offensive to retake the city", "attempted to seize the hospital complex"); "to retake" alone reads as an intention',
  },
  {
    id: 'attack',
    cat: 'attack',
    pats: ['attack|attacks|attacked|attacking', 'ambush*', 'raid|raids|raided', 'opened fire', 'open fire', 'shot|shoots|shooting|shootings', 'gunned', 'gunmen', 'gunman', 'targeted', 'stabbed', 'stabbing*', 'assaulted', 'assaulting', 'hacked', 'beat|beaten|beating|beatings', 'assailant*', 'torture*', 'tortured', 'massacre*', 'hit and run', 'drive by', 'drive-by', 'set ablaze', 'burnt alive', 'burned alive', 'mutilat*', 'harass*', 'intimidat*', 'threatened', 'flogged', 'whipped', 'lashed', 'axed', 'macheted', 'machete*', 'struck', 'hit', 'fired'],
    reason: 'an attack whose target decides the type: on civilians it is Attack (Violence against civilians), on armed forces an Armed clash',
  },
  {
    id: 'attack-signs',
    cat: 'attack',
    pats: ['human|severed head', 'human|severed heads', 'dismembered', 'decapitated body|bodies', 'headless body|bodies', 'gunshot wound*', 'bullet wound*', 'signs of torture', 'hands tied behind', 'bound and gagged'],
    reason: 'a body or remains that show someone killed them: ACLED codes an Attack even when the perpetrator is unknown ("a severed head was found by the road")',
  },
  {
    id: 'kill',
    cat: 'kill',
    pats: ['kill|kills|killed|killing|killings', 'murder*', 'assassinat*', 'execut*', 'beheaded', 'behead*', 'slain', 'slaughter|slaughtered|slaughtering|slaughters', 'lynch*', 'dead', 'died', 'death|deaths', 'bodies', 'body of', 'casualt*', 'wounded', 'injured', 'injuring', 'wounding', 'fatalit*', 'martyred', 'lost their lives', 'lost his life', 'strangled', 'decapitated'],
    reason: 'a killing or wounding with no other means given: Attack when the victims are civilians, else Armed clash',
  },
  {
    id: 'sexual',
    cat: 'sexual',
    pats: ['rape|raped|rapes|raping|rapist*', 'gang raped', 'gang rape*', 'gangraped', 'sexual assault*', 'sexually assaulted', 'sexual violence', 'sexually abused', 'sexual abuse', 'sexual exploitation', 'molest*', 'sexual slavery', 'defiled'],
    reason: 'ACLED: Sexual violence (rape, sexual assault) by an armed or political actor',
  },
  {
    id: 'abduct',
    cat: 'abduct',
    pats: ['abduct*', 'kidnap*', 'hostage*', 'forcibly disappeared', 'forced disappearance*', 'enforced disappearance*', 'taken captive', 'held captive', 'went missing', 'whereabouts', 'seized ~3 hostage*', 'taken away', 'captive*', 'disappeared'],
    reason: 'ACLED: Abduction/forced disappearance (kidnapping, hostage taking, unacknowledged detention)',
  },
  {
    id: 'regain',
    cat: 'regain',
    pats: ['recaptur*', 'retook', 'retake*', 'retaken', 'regain*', 're-take*', 'recovered control', 'recovered ~3 region*|area*|town*|village*|territory|territories|district*|city|cities', 'reclaimed', 'won back', 'freed ~4 village*|town*|area*|district*|city|cities|neighbo*|region', 'cleared ~4 village*|town*|area*|district*|city|neighbo*', 'liberat*', 'wrested control', 'wrested', 'cleared ~3 of militants|insurgents|terrorists|rebels|fighters', 'pushed back', 'took back', 'back under ~2 control'],
    reason: 'ACLED: Government regains territory is state forces taking back territory from a non-state actor ("the army recaptured the town")',
  },
  {
    id: 'capture',
    cat: 'capture',
    pats: ['took control', 'taken control', 'take control', 'takes control', 'seized control', 'seize control', 'gained control', 'gain control', 'overran|overrun|occupied|overrunning ~4 town|towns|village|villages|city|district|districts|territory|area|region', 'captured|seizing|seize|seizes|captures|capturing ~5 town|towns|village|villages|district|districts|city|base|bases|area|areas|checkpoint*|post|posts|position*|outpost*|hill|hills|airport|field|fields|camp|camps|territory|neighbo*|region|province|headquarters|stronghold*|port|bridge|road|highway|crossing|valley|island|mountain|peak|airbase|barracks|oilfield*', 'capture of ~3 town|village|district|city|base|area|checkpoint*|post|position*|outpost*|hill|airport|camp|territory|neighbo*|stronghold*', 'seized ~3 town|towns|village|villages|district|districts|city|base|bases|area|areas|checkpoint*|post|posts|position*|outpost*|hill|hills|airport|oilfield*|field|fields|camp|territory|neighbo*', 'overran', 'overrun', 'took over', 'taken over', 'fell to', 'fallen to', 'overtook', 'conquered', 'stormed and captured', 'control over', 'establish* control', 'gained ground', 'gain* ground', 'controlling ~4 area|areas|town|village|city|district|region', 'full control', 'occupied ~4 post|posts|town|village|villages|hill|hills|positions|base|area|city', 'pushed ~5 out of', 'drove ~5 out of', 'expelled ~5 from', 'seized back', 'took the town|city|village|district|base|airport|port'],
    reason: 'ACLED: Battles where territory changes hands: Non-state actor overtakes territory, or Government regains territory when the state takes it',
  },
  {
    id: 'capture-of-name',
    cat: 'capture',
    pats: ['capture|fall|takeover|seizure of'],
    reason: 'a place taken, told as a noun before its name ("the capture of <Town>", "the fall of <City>", "the takeover of <Town>"): the same taking of territory; it counts only before a capitalised name (events.ts), so "the fall of prices" and "the seizure of weapons" stay out',
  },
  {
    id: 'capture-passive',
    cat: 'capture',
    pats: [
      'was|were|been|being ~1 occupied|overrun by ~3 insurgent*|militant*|rebel*|jihadist*|fighters|gunmen|terrorist*|bandits|militia*|extremist*|islamist*|separatist*|taliban|shabaab|houthi*|troops|forces|army|soldiers',
      'town|towns|village|villages|city|district|base|bases|post|posts|outpost*|camp|headquarters|checkpoint*|position*|airport|barracks|stronghold* ~4 was|were|been|being ~1 captured|seized by ~3 insurgent*|militant*|rebel*|jihadist*|fighters|gunmen|terrorist*|bandits|militia*|extremist*|islamist*|separatist*|taliban|shabaab|houthi*|troops|forces|army|soldiers',
    ],
    reason: 'a place told as taken in the passive ("<town> was occupied by insurgents", "was briefly occupied by", "the base was captured by rebels"): the same taking of territory; the place noun or an armed taker keeps out people captured and buildings occupied by protesters',
  },
  {
    id: 'transfer',
    cat: 'transfer',
    pats: ['handed over', 'hand over', 'handover', 'without resistance', 'without a fight', 'without any resistance', 'without fighting', 'entered ~4 without', 'not encountered ~2 resistance', 'no resistance', 'unopposed', 'evacuation deal*', 'evacuation agreement*', 'took the control', 'entered ~8 after ~6 pulled|left|retreated|evacuated', 'took control ~8 after ~6 pulled|left|retreated|evacuated', 'handed ~4 control', 'transferred ~4 control', 'took over ~6 after ~6 withdr*', 'entered ~6 after ~6 withdr*', 'moved into ~6 after ~6 withdr*', 'controlled ~6 after ~6 withdr*'],
    reason: 'ACLED: Non-violent transfer of territory (an actor withdraws, another moves in without fighting)',
  },
  // ---------------------------------------------------------------- demonstrations
  {
    id: 'protest',
    cat: 'protest',
    pats: ['protest|protests|protested|protesting', 'protester*', 'protestor*', 'demonstrat*', 'rally|rallies|rallied', 'march|marches|marched|marching', 'sit in', 'sit-in', 'sit ins', 'picket|pickets|picketed|picketing|picketers', 'strike ~2 against|over|demanding|demand|protest', 'went on strike', 'on strike', 'hunger strike*', 'general strike', 'strikers', 'striking workers', 'strike action', 'walkout*', 'walked out', 'boycott*', 'vigil|vigils', 'gathered ~6 demand*|against|protest*|denounc*|condemn*|solidarity|calling', 'gathered|assembled|congregated|converged ~20 to demand|denounce|condemn|reject|protest|oppose|decry', 'gathered|assembled|congregated|converged ~12 demanding|denouncing|condemning|rejecting|protesting|chanting|decrying', 'banged|banging|bang ~2 pots|pans', 'blocked|blocking ~6 road|roads|highway|highways|street|streets|traffic', 'assembled ~6 demand*|against|protest*', 'blockade*', 'road block*', 'roadblock*', 'pot banging', 'cacerolazo*', 'honking', 'car caravan', 'caravan', 'motorcade', 'die in', 'human chain', 'shutdown strike', 'bandh', 'hartal', 'dharna', 'gherao*', 'agitation*', 'agitat*', 'mass action', 'took to the streets', 'take to the streets', 'taken to the streets', 'stage* ~2 protest*', 'public gathering'],
    reason: 'ACLED: Protests are public demonstrations; a strike, sit-in, march, vigil or road blockade by demonstrators is a protest',
  },
  {
    id: 'protest-weak',
    cat: 'protest',
    pats: ['denounc*', 'demanding', 'demanded', 'in solidarity with', 'to commemorate', 'commemorat*', 'chanted', 'chanting', 'slogans', 'placards', 'banners', 'petition*', 'memorandum', 'in demand of', 'voiced|voicing|expressed|expressing ~3 rejection|opposition|anger|outrage|discontent|frustration|dissatisfaction|indignation', 'held|holding|raised|raising|waved|waving ~3 placards|banners|flags|photographs|portraits|pictures|posters|signs'],
    reason: 'words of a protest that other texts use too ("the resolution demanded full access"): they count only where a crowd is named',
  },
  {
    id: 'riot',
    cat: 'riot',
    pats: ['riot|riots|rioted|rioting', 'rioter*', 'turned violent', 'violent protest*', 'violent demonstrat*', 'clashed with police', 'clashed with security', 'clashes with police', 'clashes with security', 'clashed with the police', 'clashes with the police'],
    reason: 'ACLED: Riots are demonstrations where participants use violence or destroy property',
  },
  {
    id: 'protest-violence',
    cat: 'riot_act',
    pats: ['escalating violence', 'violence erupted', 'violence broke out', 'outbreak* of violence', 'became violent', 'grew violent', 'aggressive', 'clash|clashes|clashed|clashing', 'confrontation*', 'scuffle*', 'threw|throw|throwing|thrown|hurled ~3 objects|projectiles|stones|rocks|bottles|bricks|eggs|molotov*|firecrackers|fireworks', 'light* fires', 'set fires', 'fought', 'fire|fired|firing|launched|launching|shot|shooting ~2 firecrackers|fireworks'],
    reason: 'told of a demonstration, violence or clashes with the police make it a Violent demonstration (ACLED: demonstrators who engage in violence are rioters)',
  },
  {
    id: 'riot-act',
    cat: 'riot_act',
    pats: ['street violence', 'scene of ~3 violence', 'pull* down', 'tore down', 'toppled', 'into a fire', 'vandali*', 'molotov*', 'petrol bomb*', 'gasoline bomb*', 'firebomb*', 'fire bomb*', 'torch*', 'set fire', 'set on fire', 'set ablaze', 'burnt|burned|burning ~3 tyre*|tire*|vehicle*|car|cars|police|station|office|building*|shop*|house*|home*|property|objects|material|materials|debris|garbage|rubbish|trash|logs|branches|chairs|furniture', 'threw|throw|throwing|thrown|hurled|hurling|pelted|pelting ~4 stone*|rock*|bottle*|brick*|object*|projectile*|eggs|firecracker*', 'stoned', 'stoning', 'stone pelting', 'stone throwing', 'stone-pelting', 'stone-throwing', 'stones', 'rocks', 'damaged', 'smashed', 'ransacked', 'stormed', 'broke into', 'broke windows', 'barricade*', 'scuffle*', 'scuffled', 'brawl*', 'violent', 'unrest', 'skirmish*'],
    reason: 'violent acts of a crowd: with a demonstration ACLED codes Violent demonstration, without one Mob violence ("protesters pelted stones", "torched a police station")',
  },
  {
    id: 'mob',
    cat: 'mob',
    pats: ['mob|mobs', 'lynch*', 'vigilante*', 'angry crowd', 'angry residents', 'angry villagers', 'enraged', 'irate', 'mob justice', 'jungle justice', 'beaten to death', 'stoned to death', 'burned to death by', 'communal violence', 'communal clash*', 'ethnic clash*', 'sectarian clash*', 'inter communal', 'intercommunal', 'tribal clash*', 'clan clash*', 'fight broke out', 'fights broke out', 'fistfight*', 'fist fight*', 'brawl*', 'beaten up by ~3 locals|residents|villagers|people|crowd|mob', 'assaulted|attacked|beaten|stoned|lynched|killed|injured|burned|burnt|chased ~3 by ~3 community|locals|residents|villagers|neighbours|neighbors|crowd|passers*'],
    reason: 'ACLED: Mob violence is violence by an unorganised crowd (lynchings, communal fights, a suspect beaten or assaulted by residents)',
  },
  {
    id: 'crowd',
    cat: 'crowd',
    pats: ['group of people', 'group of ~3 people|citizens|residents|locals|villagers|youths|youngsters|neighbours|neighbors|traders|vendors|drivers|riders|workers|students|supporters', 'inhabitants', 'neighbours', 'neighbors', 'community members', 'members of the community', 'group of residents', 'group of villagers', 'group of men', 'group of youths', 'crowd|crowds', 'villagers', 'residents', 'supporters', 'youths', 'locals', 'rival groups', 'two groups', 'two families', 'members of the public', 'people'],
    reason: 'an unorganised group: when it uses violence without demonstrating, ACLED codes Mob violence',
  },
  // ---------------------------------------------------------------- strategic developments
  {
    id: 'arrest',
    cat: 'arrest',
    pats: ['arrest|arrests|arrested|arresting', 'detained|detaining|detain|detains', 'detention', 'taken into custody', 'in custody', 'apprehended', 'rounded up', 'nabbed', 'held by police', 'imprison*', 'jailed', 'sentenced', 'crackdown', 'raid* ~3 arrest*'],
    reason: 'ACLED: Arrests (of political figures, activists, many people at once) are a strategic development',
  },
  {
    id: 'loot',
    cat: 'loot',
    pats: ['loot|looted|looting|looters', 'plunder*', 'pillag*', 'ransack*', 'stole|stolen|stealing', 'robbed', 'seized ~3 property|properties|cattle|livestock|goods|crops|land|lands|vehicle*|car|cars', 'confiscat*', 'extort*', 'seized the', 'land seizure*', 'land grab*', 'rustl*'],
    reason: 'ACLED: Looting/property destruction covers looting, seizure of goods and destruction of property without a clash',
  },
  {
    id: 'loot-seizure',
    cat: 'loot',
    pats: ['seized|seize|seizes|seizing|confiscated|confiscate|confiscates|confiscating|impounded|discovered|found ~8 marijuana|marihuana|cannabis|cocaine|heroin|opium|hashish|methamphetamine*|fentanyl|narcotics|drugs|contraband|cigarettes|tons|tonnes|kilograms|kilos|kg|packs', 'destroyed|eradicated|burned|burnt|uprooted|dismantled ~6 marijuana|marihuana|cannabis|coca|poppy|opium|plantation*|crops|laboratory|laboratories|lab|labs|airstrip*|drugs|narcotics'],
    reason: 'ACLED (2020 coding of Latin America and the Caribbean): state forces seizing or destroying drugs, contraband, drug crops or airstrips is Looting/property destruction; it counts only with a state force as the subject (events.ts), never for a seizure by criminals',
  },
  {
    id: 'destroy',
    cat: 'destroy',
    pats: ['set alight', 'destroy*', 'demolish*', 'demolition*', 'bulldoz*', 'razed', 'raze', 'set fire', 'set on fire', 'set ablaze', 'torch*', 'burn|burned|burnt|burning', 'arson*', 'vandal*', 'damaged', 'uprooted', 'cut down', 'felled', 'sabotag*', 'blew up', 'wrecked'],
    reason: 'ACLED: property destruction without violence against people is Looting/property destruction',
  },
  {
    id: 'disrupt',
    cat: 'disrupt',
    pats: ['defus*', 'diffus*', 'defuse*', 'disarmed', 'disarm', 'disposed', 'neutrali*', 'dismantled', 'deactivat*', 'recovered ~6 weapon*|arms|ammunition|explosive*|ied*|bomb*|rifle*|gun|guns|grenade*|mines|rocket*|mortar*|cache*|munitions|detonator*', 'seized ~6 weapon*|arms|ammunition|explosive*|ied*|bomb*|rifle*|gun|guns|pistol*|grenade*|mines|rocket*|mortar*|cache*|munitions|detonator*|firearm*|rounds|ak|cartridge*', 'found ~6 weapon*|arms|ammunition|explosive*|ied*|bomb|bombs|rifle*|grenade*|cache*|munitions|detonator*', 'discovered ~6 weapon*|arms|ammunition|explosive*|ied*|bomb|bombs|rifle*|grenade*|cache*|munitions|detonator*', 'weapons cache*', 'arms cache*', 'arms depot*', 'weapons depot*', 'ammunition depot*', 'arms haul', 'weapons seizure', 'arms seizure', 'controlled detonation', 'controlled explosion', 'bomb disposal', 'bomb squad', 'mine clearance', 'demining', 'de-mining', 'seizure of ~3 weapon*|arms|ammunition*|explosive*|ied|ieds|bomb|bombs|rifle*|gun|guns|pistol*|grenade*|mines|landmines|rocket*|mortar*|cache*|munitions|detonator*|firearm*|cartridge*|bullets', 'haul of ~3 weapon*|arms|ammunition*|explosive*|ied|ieds|bomb|bombs|rifle*|gun|guns|pistol*|grenade*|mines|landmines|rocket*|mortar*|cache*|munitions|detonator*|firearm*|cartridge*|bullets'],
    reason: 'ACLED: Disrupted weapons use: an explosive defused, a weapons cache seized, a missile intercepted before it could be used',
  },
  {
    id: 'disrupt-found',
    cat: 'disrupt',
    pats: ['weapon*|arms|ammunition*|firearm*|pistol*|rifle*|guns|bullets|explosive*|grenade*|ieds|mines|landmines|munitions|detonator*|cartridges|kalashnikov* ~6 seized|recovered|found|confiscated|captured|discovered|defused|unearthed|intercepted', 'destroyed|cleared|removed|dismantled ~6 weapon*|arms|ammunition*|explosive*|ied|ieds|improvised|mines|landmines|munitions|cache*|caches|bomb|bombs|device|devices|guns|rockets|vbieds', 'bomb|bombs|device|devices|ied|projectiles|rocket*|missile*|mortar*|shells ~5 found|discovered|defused|recovered|seized|identified', 'stash of', 'stash', 'cache of', 'rounds of ammunition', 'found ~4 hideout*', 'discovered ~4 hideout*|tunnel*|depot*', 'accidentally ~3 activated|detonated|exploded', 'premature* ~2 explo*|detonat*'],
    reason: 'weapons or explosives found or seized, told in the passive ("two firearms were seized"): Disrupted weapons use',
  },
  {
    id: 'disrupt-thwart',
    cat: 'disrupt',
    pats: ['thwarted ~3 attempt|plot|plots|bombing|bomb|bombs'],
    reason: 'an attack stopped before it happened: Disrupted weapons use; smuggling attempts are thwarted too, so a crime cue overrules it',
  },
  {
    id: 'disrupt-intercept',
    cat: 'disrupt',
    pats: ['intercept* ~4 missile*|rocket*|drone*|projectile*|shell*|uav*|ballistic|weapon*|arms|shipment*|explosive*|guns|firearms|rifles|ammunition|package*|parcel*', 'missile*|rocket*|drone*|projectile*|uav* ~4 intercepted|downed|shot|destroyed', 'shot|shoot|shoots down ~3 drone*|uav*|missile*|rocket*|aircraft|plane|jet|helicopter|projectile*', 'downed ~3 drone*|uav*|aircraft|plane|jet|helicopter'],
    reason: 'a missile, rocket or drone intercepted or shot down before it struck: Disrupted weapons use (smugglers are intercepted too, so a weapon must be named)',
  },
  {
    id: 'not-event',
    cat: 'not_event',
    pats: ['death sentence*', 'death penalty', 'death penalties', 'sentenced to death', 'sentencing to death', 'death row', 'death warrant*', 'missile test*', 'missile launch*', 'missile program*', 'missile programme*', 'missile development', 'nuclear test*', 'nuclear and missile', 'rocket launch*', 'test fire*', 'test fired', 'test launch*', 'satellite launch*', 'battle against', 'battle to', 'battling to', 'battled to', 'firefighters', 'fire fighters', 'fire crews', 'strike price', 'lucky strike', 'election campaign*', 'campaign rally', 'political battle*', 'legal battle*', 'court battle*', 'price war', 'trade war', 'war of words', 'war on drugs', 'attack on democracy', 'attack on the constitution', 'attack on press freedom', 'attack on media freedom', 'heart attack*', 'panic attack*', 'cyber attack*', 'cyberattack*', 'ransomware', 'shark attack*', 'dog attack*', 'bear attack*', 'animal attack*', 'tiger attack*', 'elephant*', 'wolves', 'barricaded himself|herself|themselves', 'riot police|policemen|gear|squad|squads|control|unit|units|officers|troops|shields|vehicle|vehicles', 'anti riot', 'agreed that', 'agreed with', 'agree that', 'agree with', 'agrees that', 'agrees with', 'all agreed', 'analysts agreed', 'stags ~2 battle|battling|fight|fighting|clash*', 'deer ~2 battle|battling|fight|fighting|clash*', 'stags', 'demonstrate a|an|the|that|its|their|his|her|our|how|what|commitment|resolve|support', 'demonstrates a|an|the|that|its|their|his|her|our|how|what|commitment|resolve|support', 'demonstrated a|an|the|that|its|their|his|her|our|how|what|commitment|resolve|support'],
    reason: 'words that look like triggers but name no political violence ("missile tests", "firefighters battle the blaze", "riot police", "an attack on media freedom", "these actions demonstrate a disregard", "the two leaders agreed that more work remains")',
  },
  {
    id: 'not-event-warning',
    cat: 'not_event',
    pats: ['surface to air', 'ground to air', 'shoulder fired', 'air defence missile*', 'air defense missile*', 'air raid siren*', 'air raid alert*', 'air raid warning*', 'air raid shelter*', 'air alert*', 'air defence siren*', 'air defense siren*', 'from the air force'],
    reason: 'a warning of attack from the air is no air strike: "as air raid sirens sounded" tells the setting of whatever hit the city, not its means; a surface-to-air or air-defence missile is fired from the ground (the missile itself stays a shelling hit); "help sent by the air force" names who came, not an attack from the air',
  },
  {
    id: 'not-event-unrest-backdrop',
    cat: 'not_event',
    pats: ['unrest gripping|sweeping|rocking|roiling|engulfing|shaking|convulsing', 'nationwide unrest', 'countrywide unrest', 'wave of unrest', 'months|weeks|years of unrest', 'political unrest', 'social unrest', 'economic unrest'],
    reason: 'unrest named as the country\'s state of affairs ("a flashpoint in the unrest gripping the country", "months of political unrest") is the backdrop of a demonstration, not violence by its demonstrators (ACLED: a Violent demonstration needs the demonstrators\' own violence)',
  },
  {
    id: 'not-event-crowd-control',
    cat: 'not_event',
    pats: ['stun grenade*', 'sound grenade*', 'smoke grenade*', 'flash grenade*', 'flashbang*', 'flash bang*', 'tear gas grenade*', 'teargas grenade*'],
    reason: 'crowd-control munitions are how a protest was dispersed (the dispersal cue reads them), not a grenade attack: "police fired tear gas and stun grenades at the marchers"',
  },
  {
    id: 'agreement',
    cat: 'agreement',
    pats: ['agreement*', 'agreed', 'ceasefire|ceasefires', 'cease fire', 'cease-fire', 'truce', 'peace deal*', 'peace accord*', 'peace talks', 'peace agreement', 'signed', 'deal', 'surrender*', 'laid down ~2 arms|weapons', 'lay down ~2 arms|weapons', 'prisoner exchange*', 'exchanged ~2 prisoners|detainees|bodies|captives', 'swapped', 'prisoner swap*', 'swap', 'exchange of prisoners', 'in exchange for', 'exchange process', 'exchange of ~3 prisoners|detainees|bodies|captives', 'released ~4 prisoner*|detainee*|hostage*|captive*', 'freed ~4 prisoner*|detainee*|hostage*|captive*', 'reconcil*', 'negotiat*', 'accord', 'memorandum of understanding', 'amnesty', 'pact', 'joined the peace process', 'peace process', 'handed themselves over', 'turned themselves in', 'gave themselves up'],
    reason: 'ACLED: Agreement covers ceasefires, peace deals, surrenders and prisoner exchanges',
  },
  {
    id: 'hq',
    cat: 'hq',
    pats: ['established ~4 base|bases|headquarter*|post|posts|outpost*|checkpoint*|camp|camps|position*|office|point|points', 'camp|camps|base|bases|post|posts|point|points|headquarters|outpost*|checkpoint* ~3 established|set|built|opened|erected', 'observation point*', 'set up ~4 point|points', 'set up ~4 base|bases|headquarter*|post|posts|outpost*|checkpoint*|camp|camps|position*', 'setting up ~4 base|bases|headquarter*|post|posts|outpost*|checkpoint*|camp|camps', 'opened ~4 base|bases|headquarter*|outpost*|office|offices', 'new base', 'new military base', 'new headquarters', 'new outpost', 'observation post*', 'built ~4 base|bases|headquarter*|post|posts|outpost*|checkpoint*|camp|camps', 'install* ~4 base|bases|headquarter*|post|posts|outpost*|checkpoint*|camp|camps', 'establish* ~4 base|bases|headquarter*|post|posts|outpost*|checkpoint*|camp|camps|presence', 'erected', 'barracks', 'military base', 'military point*', 'military post*'],
    reason: 'ACLED: Headquarters or base established by an armed group or state force',
  },
  {
    id: 'change',
    cat: 'change',
    pats: ['withdrew from', 'withdrawn from', 'pulled out of', 'vacated', 'evacuated ~3 positions|base|bases|town|area', 'moved|moving|pushed|advanced forward', 'forwarded', 'forwarding', 'forward base*|position*|deploy*|operating', 'fortif*', 'pull* back', 'retreat*', 'dispatch*', 'sent ~3 troops|forces|reinforcements|soldiers', 'moving ~3 troops|forces', 'moved ~3 troops|forces', 'mass* ~3 troops|forces', 'amass*', 'reinforced', 'stationed', 'relocat*', 'took up positions', 'consolidat*', 'kick off the assault', 'joined the', 'joined ~2 militants|taliban|rebels|insurgents|group|ranks|forces|fighters', 'defected', 'defect*', 'deploy*', 'redeploy*', 'reinforcement*', 'troops arrived', 'convoy*', 'patrol*', 'curfew*', 'lockdown', 'state of emergency', 'martial law', 'mobilis*', 'mobiliz*', 'recruit*', 'withdrew', 'withdrawn', 'withdrawal', 'pulled out', 'movement of forces', 'security measures', 'announced', 'declared', 'formed', 'split', 'merged', 'new group', 'launched ~3 campaign|group|movement', 'distributed', 'handed out', 'training', 'trained', 'parade', 'military exercise*', 'drills', 'checkpoint*', 'banned', 'ban', 'suspended', 'appointed', 'elected', 'resigned', 'sworn in', 'dissolved', 'leaflets', 'warning', 'warned', 'threatened', 'threat|threats', 'ultimatum', 'mass grave*', 'displaced', 'fled', 'flee', 'fleeing', 'exhumed', 'found dead', 'bodies were found', 'body was found', 'bodies found', 'body found', 'discovered the body', 'killed by unknown', 'tunnel|tunnels'],
    reason: 'ACLED: Change to group/activity and Other: movements of forces, recruitment, defections, new restrictions, threats',
  },
  // ---------------------------------------------------------------- cues
  {
    id: 'cue-disperse',
    cat: 'cue_disperse',
    pats: ['dispers*', 'tear gas', 'teargas', 'tear-gas', 'tear smoke', 'tear shell*', 'water cannon*', 'rubber bullet*', 'plastic bullet*', 'pellet*', 'pepper spray*', 'pepper spray', 'pepper balls', 'stun grenade*', 'flash bang*', 'baton charge*', 'baton*', 'lathi*', 'lathicharg*', 'cane charge*', 'arrest|arrests|arrested|arresting', 'detained|detaining|detain|detains', 'detention', 'custody', 'suppress*', 'halted', 'drag* ~3 out', 'struggled to', 'broke up', 'break up', 'broken up', 'intervened', 'intervention', 'prevented', 'cleared ~3 protest*|protester*|demonstrat*|square|streets|camp|sit', 'removed', 'evicted', 'fined', 'fired ~2 in the air', 'warning shots', 'shots in the air', 'charged ~3 protest*|demonstrat*|crowd', 'cordoned', 'kettled', 'blocked the march', 'stopped the march', 'beat|beaten|beating', 'assaulted', 'manhandled', 'clashed with police'],
    reason: 'ACLED: Protest with intervention is a peaceful protest that state forces try to disperse or suppress without serious or lethal force (arrests, tear gas, batons)',
  },
  {
    id: 'cue-force',
    cat: 'cue_force',
    pats: ['live ammunition', 'live rounds', 'live bullets', 'live fire', 'opened fire', 'open fire', 'opens fire', 'shot dead', 'shot and killed', 'shot at', 'fired on', 'fired at', 'fired into', 'killed', 'killing', 'dead', 'died', 'excessive force', 'lethal force', 'deadly force', 'brutal*', 'violently', 'massacre*', 'crackdown', 'crushed', 'seriously injured', 'critically injured', 'serious injuries', 'ran over', 'gunfire', 'die', 'injured', 'wounded', 'injuring', 'wounding', 'hits', 'hit', 'beat|beaten|beating', 'attacked', 'attack|attacks'],
    reason: 'ACLED: Excessive force against protesters is lethal or serious force against peaceful protesters ("police shot dead two protesters")',
  },
  {
    id: 'cue-civ',
    cat: 'cue_civ',
    pats: ['civilian*', 'man', 'men', 'woman', 'women', 'child|children|boy|boys|girl|girls|baby|infant*|minor|minors|teen*|teenager*|kid|kids', 'villager*', 'resident*', 'farmer*', 'herder*', 'shepherd*', 'student*', 'teacher*', 'journalist*', 'reporter*', 'worker*', 'aid worker*', 'doctor*', 'nurse*', 'driver*', 'passenger*', 'shopkeeper*', 'trader*', 'merchant*', 'businessman', 'businessmen', 'business man', 'worshipper*', 'pilgrim*', 'priest*', 'pastor*', 'imam*', 'cleric*', 'monk*', 'nun|nuns', 'refugee*', 'idp|idps', 'displaced', 'migrant*', 'family|families', 'wife', 'husband', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'relative*', 'elder*', 'chief*', 'activist*', 'lawyer*', 'judge*', 'candidate*', 'politician*', 'councillor*', 'councilor*', 'mayor*', 'official*', 'leader*', 'member of', 'members of', 'supporter*', 'person|persons|people', 'individual*', 'local*', 'inhabitant*', 'peasant*', 'fisherm*', 'miner*', 'vendor*', 'motorist*', 'motorcyclist*', 'pedestrian*', 'truck driver*', 'employee*', 'staff', 'engineer*', 'contractor*', 'tribesman', 'social leader*', 'indigenous', 'hospital', 'school', 'mosque', 'church', 'market', 'home', 'house', 'homes', 'houses', 'residence', 'displaced persons', 'prisoner*', 'detainee*', 'inmate*', 'suspect*', 'thief', 'thieves', 'robber*', 'alleged', 'accused of'],
    reason: 'ACLED: violence against unarmed people (civilians, including officials, activists and detainees) is Violence against civilians',
  },
  {
    id: 'cue-state',
    cat: 'cue_state',
    pats: ['soldier*', 'troop|troops', 'army', 'armed forces', 'military', 'police*', 'policem*', 'policewom*', 'cop|cops', 'officer*', 'security forces', 'security personnel', 'security force', 'forces', 'force', 'regime', 'government forces', 'gendarm*', 'national guard', 'guardsm*', 'marines', 'commando*', 'border guard*', 'border police', 'paramilitar*', 'personnel', 'jawan*', 'crpf', 'bsf', 'itbp', 'ssb', 'anp', 'ana', 'andsf', 'nds', 'fc', 'frontier corps', 'rangers', 'levies', 'constable*', 'sepoy*', 'checkpoint*', 'check post*', 'checkpost*', 'outpost*', 'convoy*', 'patrol*', 'base|bases', 'position|positions', 'militia*', 'fighters', 'militants', 'insurgents', 'rebels', 'combatants', 'taliban', 'guards', 'sdf', 'ypg', 'pkk', 'hts', 'isis', 'isil', 'daesh', 'shabaab', 'houthi*', 'lna', 'gna', 'fardc', 'idf', 'jawans'],
    reason: 'armed actors as targets: an attack on soldiers, police or fighters is an Armed clash in ACLED, not an Attack on civilians',
  },
  {
    id: 'cue-sport',
    cat: 'cue_sport',
    pats: ['match|matches', 'wicket*', 'innings', 'world cup', 'premier league', 'champions league', 'league table', 'tournament*', 'championship*', 'scored ~2 goal|goals|winner|century|runs', 'goalkeeper*', 'striker*', 'midfielder*', 'defender*', 'half-time', 'halftime', 'kick-off', 'cricket', 'football', 'soccer', 'rugby', 'tennis', 'olympic*', 'semi-final*', 'quarter-final*', 'batting', 'bowler*', 'batsman', 'batsmen', 'batter*', 'overs', 'penalty shootout', 'equaliser', 'equalizer', 'hat-trick', 'fixture*', 'relegation', 'playoff*', 'play-off*'],
    reason: 'a match report shoots, strikes, attacks and beats without violence (news-dev sports negatives); it explains only weak triggers, never a toll',
  },
  {
    id: 'cue-accident',
    cat: 'cue_disaster',
    pats: ['plunged', 'plunges', 'plunging', 'gorge', 'ravine', 'overturned', 'overturning', 'skidded', 'skidding', 'rolled over', 'head-on', 'bus fell', 'fell off', 'fell into'],
    reason: 'road and transport accidents: "a bus plunged into a gorge, leaving 25 dead" is no attack',
  },
  {
    id: 'cue-domestic',
    cat: 'cue_crime',
    pats: ['land dispute*', 'property dispute*', 'family feud*', 'old enmity', 'his wife', 'her husband', 'his uncle', 'his nephew', 'his cousin', 'his brother-in-law', 'his father-in-law', 'his mother-in-law', 'her mother-in-law', 'her father-in-law'],
    reason: 'a killing within a family or over a private dispute is crime between private parties, not political violence (ACLED codes no event unless an armed group or state forces act)',
  },
  {
    id: 'cue-armed',
    cat: 'cue_armed',
    pats: ['militant*', 'insurgent*', 'rebel*', 'gunmen', 'gunman', 'armed men', 'armed group*', 'terrorist*', 'jihadist*', 'extremist*', 'taliban', 'fighters', 'militia*', 'bandit*', 'guerrilla*', 'islamic state', 'isis', 'isil', 'daesh', 'iskp', 'ttp', 'al shabaab', 'al-shabaab', 'shabaab', 'boko haram', 'iswap', 'jnim', 'isgs', 'houthi*', 'naxal*', 'maoist*', 'cartel*', 'gang|gangs', 'gang members', 'armed', 'attackers', 'assailants', 'unknown', 'unidentified'],
    reason: 'non-state armed perpetrators',
  },
  {
    id: 'cue-disaster',
    cat: 'cue_disaster',
    pats: ['earthquake*', 'quake*', 'tremor*', 'flood*', 'flash flood*', 'landslide*', 'mudslide*', 'avalanche*', 'cyclone*', 'hurricane*', 'typhoon*', 'tornado*', 'storm|storms', 'tsunami*', 'volcan*', 'eruption', 'drought*', 'wildfire*', 'bushfire*', 'forest fire*', 'heatwave*', 'heat wave*', 'snow*', 'blizzard*', 'lightning', 'rainfall', 'heavy rain*', 'monsoon*', 'accident*', 'accidental*', 'crash|crashed|crashes', 'collision*', 'collided', 'derail*', 'capsiz*', 'sank', 'ran aground', 'shipwreck*', 'gas leak*', 'leak|leakage', 'cylinder*', 'boiler', 'short circuit', 'fire broke out', 'blaze', 'caught fire', 'factory fire', 'building collapse*', 'bridge collapse*', 'roof collapse*', 'stampede*', 'drown*', 'electrocut*', 'spill', 'chemical plant', 'refinery', 'mine collapse', 'poisoning', 'food poisoning', 'poisoned', 'toxins', 'pest control', 'furnace', 'propane', 'fireworks', 'fertili*', 'ammonium nitrate', 'solvent*', 'industrial accident*', 'industrial fire*', 'industrial explosion*', 'warehouse*', 'gas plant', 'power plant', 'chemical plant', 'storage', 'cooking gas', 'gas explosion', 'gas container*', 'gas tank*', 'gas pipeline', 'tanker', 'lost control', 'icy road', 'weather', 'disaster|disasters', 'torrential', 'high winds', 'temperatures', 'fires ~2 burning|raging|spread*', 'bush fire*', 'grass fire*', 'non-combat', 'noncombat', 'natural causes', 'illness'],
    reason: 'natural and man-made disasters, accidents and epidemics are not political violence (CASE NATURAL_DISASTER, MAN_MADE_DISASTER)',
  },
  {
    id: 'cue-epidemic',
    cat: 'cue_disaster',
    pats: ['epidemic*', 'outbreak*', 'infected', 'infections', 'cholera', 'ebola'],
    reason: 'an epidemic explains deaths, lockdown measures and a health "battle", but not people attacking or beating others: "police beat a man for breaking the lockdown during the outbreak" is an attack (events.ts)',
  },
  {
    id: 'cue-disaster-aftermath',
    cat: 'cue_disaster',
    pats: ['hospitalised', 'hospitalized', 'rescue*', 'rescuers', 'firefighters', 'fire fighters', 'firemen', 'fire brigade', 'emergency services', 'relief', 'evacuat*'],
    reason: 'the aftermath of a disaster, but of attacks too ("humanitarian relief", "rescuers pulled survivors from the rubble"): it backs a disaster named elsewhere and never stands for one alone',
  },
  {
    id: 'cue-crime',
    cat: 'cue_crime',
    pats: ['robbery', 'robberies', 'robber*', 'burglar*', 'theft*', 'thief', 'thieves', 'smuggl*', 'traffick*', 'drug*', 'narcotic*', 'cocaine', 'heroin', 'marijuana', 'cannabis', 'methamphetamine', 'meth', 'counterfeit*', 'fraud*', 'scam*', 'money laundering', 'bribe*', 'corruption', 'embezzl*', 'poach*', 'contraband', 'illegal mining', 'illegal logging', 'fake', 'cigarettes', 'domestic', 'dispute over', 'personal enmity', 'family dispute', 'love affair', 'his wife', 'her husband', 'by his wife', 'by her husband', 'stepfather', 'stepmother', 'in-laws', 'marital', 'spouse', 'honour killing', 'honor killing', 'road rage', 'hit-and-run', 'shoplift*', 'pickpocket*', 'stolen goods', 'ransom', 'cybercrime', 'hacking', 'hackers', 'gold', 'arms dealer*', 'steal|stealing|stole|stolen', 'car theft', 'poaching', 'pornograph*', 'currency', 'investigat*', 'probe', 'inquiry', 'trial', 'convicted', 'charged with', 'hate crime', 'crime|crimes', 'criminal*', 'migrant*', 'illegal immigra*', 'illegal migra*', 'illegal crossing*', 'illegally cross*', 'offences', 'offenses', 'suspects', 'stolen', 'break and enter', 'bank', 'seized ~3 kg|kilograms|tonnes|tons|grams'],
    reason: 'ordinary and organised crime without a political target is not coded (CASE ORG_CRIME)',
  },
  {
    id: 'cue-diplo',
    cat: 'cue_diplo',
    pats: ['sanction*', 'summit*', 'talks', 'visit*', 'met with', 'meeting', 'diplomat*', 'ambassador*', 'embassy', 'embassies', 'foreign minister*', 'foreign ministry', 'envoy*', 'bilateral', 'treaty', 'conference', 'un security council', 'security council', 'resolution', 'cooperation', 'diplomatic', 'trade', 'tariff*', 'aid package', 'expelled', 'recalled', 'nuclear deal', 'nuclear programme', 'nuclear program'],
    reason: 'diplomacy, sanctions, visits and statements are not events of political violence (CASE DIPLO)',
  },
  {
    id: 'cue-attrib',
    cat: 'cue_attrib',
    pats: ['claimed responsibility', 'claim* responsibility', 'claimed credit', 'took responsibility', 'claiming responsibility', 'responsibility for', 'takes credit', 'took credit', 'take credit', 'claimed', 'claims', 'accused', 'accuses', 'accusing', 'accusation*', 'blamed', 'blames', 'blaming', 'denied', 'denies', 'deny', 'allegations', 'retaliation for', 'in retaliation', 'in response to', 'revenge for', 'in revenge', 'responsible for', 'held responsible', 'was behind', 'were behind', 'behind the', 'suspected of', 'suspected to be behind', 'rejected', 'attributed', 'pointed the finger'],
    reason: 'a claim, accusation or denial about an earlier attack is not itself an event unless the text gives the attack a place, a date and a toll (CASE ATTRIB)',
  },
  {
    id: 'cue-hedge',
    cat: 'cue_hedge',
    pats: ['may|might|could|would|should|will|shall', 'plan|plans|planned|planning', 'plot|plots|plotting', 'threaten*', 'vow*', 'warn*', 'intend*', 'prepar*', 'possible', 'potential', 'likely', 'fear*', 'risk', 'if', 'whether', 'unless', 'aim*', 'seek*', 'ready to', 'promised', 'pledged', 'expected', 'want*', 'hope*', 'going to', 'to be held', 'scheduled', 'call* for', 'urged', 'appeal*'],
    reason: 'a planned, threatened or possible event is not an event',
  },
  {
    id: 'cue-generic',
    cat: 'cue_generic',
    pats: ['so far', 'since', 'over the past ~2 years|months|decades|decade', 'in the past ~2 years|months|decades|decade', 'past few years|months|decades', 'in recent years|months|decades', 'recent years', 'recent months', 'this year', 'last year', 'per cent', 'percent', 'rise in', 'increase in', 'decrease in', 'decline in', 'surge in', 'spate of', 'wave of', 'series of', 'number of attacks', 'increasing', 'repeatedly', 'often', 'regularly', 'frequently', 'every', 'annual', 'statistics', 'reported more than', 'recorded', 'total of', 'tally', 'incidents', 'cases', 'decades', 'history', 'historically', 'norm', 'policy', 'strategy', 'for years|decades', 'for many years|decades', 'one of ~3 most violent|dangerous|deadliest'],
    reason: 'statistics, trends and habits speak of many events, not one ("more than 856 attacks so far in 2024")',
  },
  {
    id: 'cue-new',
    cat: 'cue_new',
    pats: ['in another', 'in a separate', 'separate incident', 'separate attack', 'separately', 'meanwhile', 'elsewhere', 'in a similar', 'similar incident', 'in yet another', 'another attack', 'another incident', 'in an unrelated', 'the following day', 'the next day', 'a day later', 'the day after', 'also today', 'also on', 'also yesterday', 'also last'],
    reason: 'an explicit marker that the text now reports another incident',
  },
  {
    id: 'cue-past',
    cat: 'cue_past',
    pats: ['last week', 'last month', 'last year', 'earlier', 'ago', 'previous', 'previously', 'last weekend', 'the day before', 'in january|february|march|april|june|july|august|september|october|november|december', 'on monday|tuesday|wednesday|thursday|friday|saturday|sunday', 'last monday|tuesday|wednesday|thursday|friday|saturday|sunday', 'past week', 'weeks ago', 'days ago'],
    reason: 'a time anchor that places an incident before the main one: background',
  },
  {
    id: 'cue-anaphor',
    cat: 'cue_anaphor',
    pats: ['the|these|those|this|that|such|\'s|’s ~1 strike|strikes|attack|attacks|blast|blasts|explosion|explosions|bombing|bombings|raid|raids|incident|clash|clashes|assault|shelling|fighting|protest|protests|demonstration|demonstrations|rally|riot|riots|violence|operation|ambush|killing|killings|abduction|kidnapping|airstrike|airstrikes|bombardment|bombardments|barrage|shells|shelling|gunfight|gunbattle|firefight|battle|offensive|massacre|siege|bomber|bombers|attacker|attackers|assailant|assailants|gunman|gunmen|capture|fall|takeover|seizure'],
    reason: '"the strikes", "the attack", "the bomber", "the capture of the town": a definite mention refers back to an incident already told',
  },
];
