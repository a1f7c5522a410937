/**
 * Finds text that looks like personal data ("not who, but what and why"): names with a title,
 * rank or role of any UK responder service ("Station Manager Amir Shah", "Lt Col Ruth Mills"),
 * names beside a role or a verb of speech ("Neil Byrne, the loggist", "according to Maria
 * Lopez"), email addresses, UK phone numbers, National Insurance and NHS numbers, vehicle
 * registrations (current and old style), police collar numbers, dates of birth, house-number
 * addresses and social-media handles. Works on raw text, so each finding has the exact offset
 * of the offending text, also inside multi-line paragraphs and multi-line YAML strings.
 *
 * Everything here is patterns and word lists (`schemas/vocabularies/ranks-and-roles.json`),
 * cheap enough for every file. A capitalised name that no pattern decides is returned as a
 * *candidate* (`findNameCandidates`), for the language model (`possible-names.ts`) to judge.
 */
import { ranksAndRoles } from '../../schemas/vocabularies.ts';

export interface Finding {
  offset: number;
  text: string;
  kind:
    | 'email'
    | 'phone'
    | 'ni-number'
    | 'nhs-number'
    | 'vehicle-registration'
    | 'collar-number'
    | 'titled-name'
    | 'named-person'
    | 'date-of-birth'
    | 'address'
    | 'social-media-handle'
    | 'possible-name';
}

const SP = '[ \\t]*(?:\\r?\\n[ \\t]*)?'; // spaces, possibly across one line break (wrapped text)
const SP1 = '(?:[ \\t]+(?:\\r?\\n[ \\t]*)?|\\r?\\n[ \\t]*)';
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DATE = `(?:\\d{1,2}(?:st|nd|rd|th)?${SP1}(?:of${SP1})?${MONTH}${SP1}\\d{4}|${MONTH}${SP1}\\d{1,2}(?:st|nd|rd|th)?,?${SP1}\\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|(?:in${SP1})?(?:${MONTH}${SP1})?(?:19|20)\\d{2})`;
const STREET =
  'Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Court|Ct|Gardens|Place|Terrace|Grove|Row|Walk|Square|Mews|Parade|Rise|Wynd|Brae|Gate|Hill|View|Green|Park';
/** A full UK postcode ("CF14 6DE", "SW1A 1AA", "M1 1AE"). */
const POSTCODE = '(?:[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?[ \\t]?\\d[ABD-HJLNP-UW-Z]{2})\\b';
/** Words before a number that make it a part, a step or a count, not a house: "Chapter 6 The response", "page 12". */
const NOT_ADDRESS_BEFORE =
  /\b(?:chapter|section|part|page|paragraph|para|figure|fig|table|annex|appendix|step|phase|stage|item|line|number|no|point|recommendation|lesson|action|version|day|week|month|year|junction|level|floor|platform|bay|room|ward|gate|tier|grade|category|cat|unit|annexe|slide|question|priority|exercise|box|route|bus|flight|channel|zone|sector|rule|principle|article|schedule|regulation|clause)\.?[ \t]*$/i;

/** Responder acronyms that look like the letters of an old-style registration ("A34 HGV"). */
const NOT_PLATE_LETTERS = new Set(
  'HGV LGV RTC LRF SCG TCG FCP RVP CCS JDM NHS PPE CCA SAR EOC ECC MAC MTA CBR HAZ NPA NWS GMP BTP DVI MOD RAF RNLI EMAS WMAS NWAS YAS SWAS SECAMB LAS NEAS SAS NIAS WAST JOL NCC CCC ERT USAR HVP MTFA CPR AED ETA'.split(
    ' ',
  ),
);

const PATTERNS: { kind: Finding['kind']; re: RegExp; accept?: (m: RegExpExecArray) => boolean }[] =
  [
    {
      kind: 'phone',
      re: new RegExp(
        `(?<![\\w+])(?:\\+44${SP}(?:\\(0\\)${SP})?|0)(?:\\d[ \\t-]?){8,9}\\d(?![\\w])`,
        'g',
      ),
      accept: (m) => {
        const digits = m[0].replace('(0)', '').replace(/\D/g, '').replace(/^44/, '0');
        return digits.length === 10 || digits.length === 11;
      },
    },
    {
      kind: 'ni-number',
      re: /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?[A-D]\b/g,
    },
    {
      kind: 'nhs-number',
      re: /(?<![\d-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d-])/g,
      accept: (m) => isNhsNumber(m[0]),
    },
    // Current style (AB12 CDE), then old prefix style (P456 XYZ) and suffix style (ABC 123D).
    { kind: 'vehicle-registration', re: /\b[A-HJ-PR-Y][A-HJ-PR-Y]\d{2}[ \t]?[A-HJ-PR-Z]{3}\b/g },
    {
      kind: 'vehicle-registration',
      re: /\b[A-HJ-NP-Y]\d{1,3}[ \t]?([A-HJ-PR-Z]{3})\b/g,
      accept: (m) => !NOT_PLATE_LETTERS.has(m[1]!),
    },
    {
      kind: 'vehicle-registration',
      re: /\b([A-HJ-PR-Y]{3})[ \t]?\d{1,3}[A-HJ-NP-Y]\b/g,
      accept: (m) => !NOT_PLATE_LETTERS.has(m[1]!),
    },
    {
      kind: 'collar-number',
      re: new RegExp(
        `\\b(?:(?:PC|PCSO|PS|DC|DS|Sgt)${SP}\\d{2,6}|(?:collar|shoulder|warrant)${SP1}(?:number|no\\.?)${SP}:?${SP}\\d{2,6})\\b`,
        'gi',
      ),
      accept: (m) => !/^(?:dc|ds|ps|pc)/.test(m[0]) || /^[A-Z]/.test(m[0]),
    },
    {
      kind: 'date-of-birth',
      re: new RegExp(
        `\\b(?:[Bb]orn(?:${SP1}on)?|[Dd]ate${SP1}of${SP1}birth|DOB|D\\.O\\.B\\.?|[Dd]\\.o\\.b\\.?)${SP}(?::${SP}|,${SP}|-${SP})?${DATE}(?!\\d)`,
        'g',
      ),
    },
    {
      kind: 'address',
      re: new RegExp(
        `\\b\\d{1,4}[A-Za-z]?,?${SP1}(?:[A-Z][a-z'’-]+${SP1}){1,3}(?:${STREET})\\b`,
        'g',
      ),
      // Not part of a reference or a number ("2.14 Mill Lane", "A/14 Mill Lane").
      accept: (m) => !/[\w/.:-]/.test(m.input[m.index - 1] ?? ' '),
    },
    // A street without a usual suffix: "6 The Paddocks", "12 The Maltings" (not "Chapter 6 The Response").
    {
      kind: 'address',
      re: new RegExp(
        `\\b\\d{1,3}[A-Za-z]?,?${SP1}The${SP1}[A-Z][a-z'’-]+(?:${SP1}[A-Z][a-z'’-]+)?(?![\\w'’-])`,
        'g',
      ),
      accept: (m) =>
        !/[\w/.:-]/.test(m.input[m.index - 1] ?? ' ') &&
        !NOT_ADDRESS_BEFORE.test(m.input.slice(Math.max(0, m.index - 20), m.index)),
    },
    // A street that starts with its Welsh or Gaelic word: "18 Heol y Felin", "3 Ffordd yr Ysgol".
    {
      kind: 'address',
      re: new RegExp(
        `\\b\\d{1,4}[A-Za-z]?,?${SP1}(?:Heol|Ffordd|Stryd|Lôn|Lon|Rhodfa|Cilgant|Clos|Maes|Sràid|Rathad)${SP1}(?:(?:y|yr|'r|an|na|nam|nan|a'|[A-Z][\\p{Ll}'’-]+)${SP1}){0,3}[A-Z][\\p{Ll}'’-]+`,
        'gu',
      ),
      accept: (m) => !/[\w/.:-]/.test(m.input[m.index - 1] ?? ' '),
    },
    // A house number with a full UK postcode a few words on: "18 Heol y Felin, CF14 6DE".
    {
      kind: 'address',
      re: new RegExp(`\\b\\d{1,4}[A-Za-z]?,?${SP1}(?:[\\p{L}'’-]+,?${SP1}){1,6}${POSTCODE}`, 'gu'),
      accept: (m) =>
        !/[\w/.:-]/.test(m.input[m.index - 1] ?? ' ') &&
        !NOT_ADDRESS_BEFORE.test(m.input.slice(Math.max(0, m.index - 20), m.index)),
    },
  ];

/** NHS numbers end with a modulus 11 check digit; only numbers that pass are flagged. */
export function isNhsNumber(raw: string): boolean {
  const d = raw.replace(/\D/g, '');
  if (d.length !== 10 || /^(\d)\1{9}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(d[9]);
}

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;

/** "@lhart_para", "@nessa.lovesmanc" (dots inside, as Instagram and TikTok allow), but not a domain ("@nhs.net"). */
const HANDLE = /@[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*(?![\w@/-]|\.[A-Za-z0-9_])/y;
const DOMAIN_END =
  /\.(?:uk|com|net|org|gov|nhs|police|mod|ac|sch|co|io|info|scot|wales|cymru|eu|int|edu|biz|me|app|dev|ie)$/i;

/** Email addresses and social-media handles, found from each "@" outwards (a regex scanning from every character is slow). */
function findEmails(text: string, out: Finding[]): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    if (start === at) {
      // "@lhart_para", not a GitHub team ("@org/team", "@central-team") nor part of a path or address.
      HANDLE.lastIndex = at;
      const handle = /[\w.@/+-]/.test(text[at - 1] ?? ' ') ? null : HANDLE.exec(text);
      if (handle && handle[0].length >= 3 && handle[0].length <= 31 && !DOMAIN_END.test(handle[0]))
        out.push({ offset: at, text: handle[0], kind: 'social-media-handle' });
      continue;
    }
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (domain)
      out.push({ offset: start, text: text.slice(start, at + 1) + domain[0], kind: 'email' });
  }
}

// ---------------------------------------------------------------------------------------------
// Names: tokens of one sentence at a time, matched against the ranks-and-roles vocabulary.

/**
 * Capitalised words that follow a title or rank, or stand beside a role, without being a name:
 * the words of organisations, places, things, documents and plain English ("Major Incident",
 * "General Data Protection Regulation", "Captain's log").
 */
const NOT_NAMES = new Set(
  `A An The This That These Those There Then Than When Where While Which Who Whom Whose Why What How
  And Or But Nor Not No Yes So If As At By For From In Into Of On Onto Out Over To Under Up Upon With
  Within Without After Before During Since Until About Above Across Against Along Among Around Behind
  Below Beneath Beside Between Beyond Down Inside Near Off Outside Past Through Throughout Toward
  Towards Via Per All Any Each Every Both Either Neither Some Many Most Much More Other Another Such
  Our Their His Her Its My Your We They He She It I You Us Them Him One Two Three Four Five Six
  Seven Eight Nine Ten First Second Third Fourth Fifth Last Next New Old Also Only Just Still Even
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December Spring Summer Autumn Winter Christmas Easter
  Inquiry Report Reports Review Team Teams Office Offices Service Services Council Councils Unit Units
  Level Grade Rank Training Course Courses Programme Guidance Network Power Supply Lead Leads Role
  Roles Incident Incidents Trauma Centre Centres Center Data Protection Medical Accident Investigation
  Branch Finance Practice Practices Hospital Hospitals Police Fire Rescue Ambulance Health Care
  Authority Authorities Agency Agencies Trust Trusts Board Boards Group Groups Forum Forums
  Partnership Partnerships Department Departments Ministry Government Command Commands Control Room
  Rooms Communications Operations Operation Operational Exercise Exercises Plan Plans Planning
  Procedure Procedures Policy Policies Response Responses Recovery Resilience Emergency Emergencies
  Civil Contingencies Contingency Act Acts Regulation Regulations Standard Standards Model Models
  Principles Principle Decision Decisions Log Logs Logging Assessment Assessments Risk Risks Register
  Registers Strategy Strategic Tactical Tactic Tactics Safety Security Welfare Support Liaison
  Interoperability Joint Multi Agency National Regional Local County District City Town Borough
  Metropolitan Royal British United Kingdom England Scotland Wales Ireland Northern Southern Eastern
  Western North South East West Central Greater Upper Lower Great Little High Low Park Street Road Lane
  Bridge Bridges Dock Docks Station Stations Airport Port Harbour Terminal Tunnel Motorway Junction
  Estate Square Market School Schools College University Academy Church Cathedral Chapel Mosque
  Temple Synagogue Stadium Arena Hall Halls House Court Courts Tower Towers Castle Barracks Base Camp
  Ward Wards Clinic Surgery Pharmacy Library Museum Theatre Centre Hotel Prison Depot Site Sites
  Storm Flood Floods Flooding Fires Wildfire Heatwave Snow Rain Wind Weather Warning Warnings Alert
  Alerts Message Messages Channel Channels Radio Airwave Talkgroup System Systems Platform App Website
  Portal Database Dashboard Map Maps Vehicle Vehicles Appliance Appliances Pump Pumps Boat Boats
  Lifeboat Helicopter Aircraft Ship Ships Vessel Vessels Ferry Train Trains Bus Buses Tram Rail Railway
  Railways Line Lines Water Waters Energy Gas Electricity Grid Telecoms Mobile Phone Phones Internet
  Cyber Digital Technology Tech Information Intelligence Evidence Media Press Public Private Sector
  Sectors Community Communities Voluntary Volunteers Charity Charities Foundation Society Association
  Federation Institute Institution College Commission Committee Panel Meeting Meetings Cell Cells Hub
  Hubs Desk Point Points Post Posts Area Areas Zone Zones Sector Region Regions Division Divisions
  District Districts Watch Watches Shift Shifts Duty Duties Manager Managers Officer Officers Commander
  Commanders Staff Crew Crews Personnel People Person Casualty Casualties Patient Patients Survivor
  Survivors Victim Victims Family Families Child Children Adult Adults Resident Residents Member Members
  General Major Captain Marshal Chief Senior Junior Deputy Assistant Acting Temporary Principal Head
  Director Directors Executive Executives Secretary Chair Chairs President Minister Ministers Cabinet
  Parliament Assembly Senedd Scottish Welsh Irish English European International Global World
  Standby Declared Declaration Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo
  Lima Mike November Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey Xray Yankee Zulu
  Gold Silver Bronze Red Amber Green Blue Yellow Black White Grey Orange Purple Pink Brown
  Version Appendix Annex Section Sections Chapter Part Parts Page Pages Table Figure Note Notes
  Action Actions Lesson Lessons Learning Learned Identified Notable Debrief Debriefs Letter Letters
  Purpose Data Power Supply Ltd Limited Plc Inc Company Companies Solutions Consulting Partners
  Tactical Strategic Operational Gateway Link Links Hazard Hazards Area Scene Scenes Cordon Cordons
  Rendezvous Marshalling Holding Casualty Clearing Forward Command Post Evacuation Shelter Shelters Rest
  Reception Assistance Humanitarian Coordination Co-ordination Co-ordinating Coordinating Operating
  Please Thanks Thank Dear Regards Kind Best Sincerely Welcome Hello Hi Note Summary Background
  Recommendation Recommendations Conclusion Conclusions Findings Finding Outcome Outcomes Why Happened
  Matters Done Worked Adopt Others Lessons Debriefing Terms Reference Objectives Objective Scope
  Highways Environment Environmental Marine Maritime Coastguard Coastal Mountain Cave Lowland
  Search Searches Underground Overground Transport Network Networks Trains Roads Airports Ports
  Defence Army Navy Force Forces Air Regiment Battalion Brigade Squadron Fleet Corps Engineers
  Signals Logistics Medical Medics Military Naval Police Constabulary Fire Brigade Service
  Everyone Everybody Someone Somebody Nobody Anyone Anybody Noone None Nothing Something Everything
  Anything Several Few`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words of NOT_NAMES that are also surnames: part of a name after a first name ("Mrs Anne Brown", "Sgt Ian Ward"). */
const SURNAMES_TOO = new Set(
  'Brown Green White Black Grey Gray Gold Silver Ward Hall House Park Lane Hill Church Little Young Marsh Wood Cross Castle Field Fields Mill Mills Moor Head Bishop Temple Power Lord King Chambers Marshall Major Rose Lake North West East South Street Bridge Tower Bell Page Hunter Mason Baker Cook Porter Rivers Banks Brooks Law Lyon Lord Long Short Best Sharp Strong Noble Parks Constable Driver Gunner Master Pilot Ranger Helm Chaplain Sergeant Skipper Steward Nurse'.split(
    ' ',
  ),
);

/** A word that ends a name as a place or thing: "Prince Charles Hospital", "Nelson Street". */
const THING_AFTER = new Set(
  `Hospital Hospitals Infirmary Clinic Hospice Surgery Practice Centre Center School Academy College
  University Bridge Dock Docks Quay Wharf Pier Harbour Marina Station Airport Airfield Port Terminal
  Street St Road Rd Lane Avenue Close Drive Way Crescent Court Gardens Place Terrace Grove Row Walk
  Square Mews Parade Rise Hill Park Green Common Heath Moor Fen Marsh Wood Woods Forest Vale Valley
  Estate Tower Towers Building House Hall Halls Arena Stadium Ground Theatre Museum Library Gallery
  Church Cathedral Chapel Abbey Mosque Temple Synagogue Memorial Monument Statue Barracks Camp Base
  Tunnel Viaduct Dam Reservoir Lake Loch River Canal Beach Bay Sands Head Point Island Isle Cross
  Gate Gateway Junction Interchange Motorway Bypass Way Line Trust Foundation Fund Award Awards
  Lecture Medal Prize Unit Ward Wing Building Block Suite Room Rooms Hotel Inn Arms Prison Depot Works
  Plant Power Fields Field Stadium Line Lines Report Review Inquiry Act Award Scholarship Road Wharf
  Close Quarter Quarters Town City Village Borough County Shire Valley Cottage Cottages Farm Mill
  Market Mall Plaza Parkway Crossing Ferry Lifeboat Regiment Battalion Rules Principle Model Scale
  Test Method Plan Protocol Syndrome Disease Virus Line Centre Service Services Show Parade Festival
  Fair Games Marathon Carnival Regatta Procession Cup Trophy`
    .split(/\s+/)
    .filter(Boolean),
);

/** A word before a name that makes it a place or thing: "Storm Ciarán", "Exercise Unified Response". */
const THING_BEFORE = new Set(
  `Storm Hurricane Exercise Operation Op Project Programme Plan Code Protocol HMS HMY RFA RMS MV MS
  SS FV RNLB RV Lake Loch Mount Mt Cape Fort Port Glen Strath Ben Saint St Sainte Ste Kings Queens
  Princes Lady Lord Via Route Flight Train Platform Gate Terminal Ward Room Bay Level Building Block
  Station Camp Sector Zone Area Region Division Unit Channel Talkgroup Version Phase Stage Tier Grade
  Vehicle Appliance Callsign Call Sign Codename Codeword Cyclone Typhoon Tropical`
    .split(/\s+/)
    .filter(Boolean),
);

/** Before a title, a ship's prefix or a word for a vessel makes the name a vessel's: "the lifeboat Sir William Hillary", "RRS Sir David Attenborough". */
const VESSEL_BEFORE = new Set(
  `HMS HMY HMC HMCS HMAS HMNZS USS RFA RRS RMS RV NRV MV MY MS SS SV FV RNLB lifeboat lifeboats
  vessel vessels ship ships boat boats ferry ferries tug tugs yacht yachts trawler cutter tanker
  dredger barge locomotive locomotives engine aircraft airliner helicopter`
    .split(/\s+/)
    .filter(Boolean),
);

/** Common nouns after "the Lady Isabella": the name is the name of a thing ("the Lady Isabella waterwheel"). */
const THING_NOUN_AFTER = new Set(
  `waterwheel wheel lifeboat locomotive engine ship vessel boat building wing ward unit statue memorial
  bridge tunnel hall library centre center school hospital hospice stadium stand pier lighthouse
  trophy cup award lecture show parade festival fund scholarship medal prize rule principle scale
  method mine colliery pit reservoir dam viaduct canal lock estate tower garden gardens park theatre
  footbridge suite pavilion gallery clinic institute academy chapel church fountain monument arch
  gatehouse quay dock wharf mill footpath walkway`
    .split(/\s+/)
    .filter(Boolean),
);

/** Small words that sit inside names ("Ruud van Dijk", "Bongani van der Merwe", "Da Silva"). */
const PARTICLES = new Set(
  'de da das dos du van von der den ter ten le la di del della bin binti bint ibn al el ap ní nic mac mc ó ua'.split(
    ' ',
  ),
);

/** Words for the places a name follows ("in Ashby Marsh", "near Harlow Fen"): a place, not a person. */
const PLACE_WORDS = new Set(
  'in at near across around towards toward outside through throughout within into onto off beyond between via along around'.split(
    ' ',
  ),
);

/** Verbs of speech after a name: "Maria Lopez said", "Chidi Okafor told the control room". */
const SPEECH_AFTER = new Set(
  'said says told tells stated states explained explains recalled recalls reported reports confirmed confirms added adds noted notes commented comments wrote writes asked asks described describes admitted admits insisted insists warned warns emailed phoned rang called calls messaged texted replied replies answered answers agreed agrees argued argues remembered remembers suggested suggests estimated estimates recalled claimed claims acknowledged acknowledges'.split(
    ' ',
  ),
);
/** Words before a name that say someone spoke: "according to Maria Lopez", "told Ana Silva". */
const SPEECH_BEFORE: string[][] = [
  ['according', 'to'],
  ['told'],
  ['asked'],
  ['said'],
  ['says'],
  ['spoke', 'to'],
  ['spoke', 'with'],
  ['speaking', 'to'],
  ['speaking', 'with'],
  ['talked', 'to'],
  ['talking', 'to'],
  ['interviewed'],
  ['quoted'],
  ['quoting'],
  ['wrote'],
  ['in', 'the', 'words', 'of'],
  ['statement', 'from'],
  ['statement', 'by'],
  ['email', 'from'],
  ['message', 'from'],
  ['call', 'from'],
  ['phoned'],
  ['rang'],
  ['thanked'],
  ['praised'],
  ['named', 'as'],
  ['identified', 'as'],
  ['known', 'as'],
];
/**
 * Verbs of speech that only a person does, in the past tense: a single first name before one is a
 * person ("Fatima explained", "Oluwaseun said"); documents and bodies "state", "note" and "suggest".
 */
const PERSON_SPEECH = new Set(
  'said told explained recalled admitted insisted argued replied remembered asked added commented claimed rang phoned emailed texted messaged agreed warned confirmed shouted whispered joked'.split(
    ' ',
  ),
);
/** A sentence that starts with one capitalised word and such a verb ("Oluwaseun said …"). */
const STARTS_WITH_SPEAKER = new RegExp(
  `\\p{Lu}[\\p{Ll}\\p{M}'’-]+${SP1}(?:and${SP1}\\p{Lu}[\\p{Ll}\\p{M}'’-]+${SP1})?(?:${[...PERSON_SPEECH].join('|')})\\b`,
  'uy',
);

/** Words after a role word that make it part of a thing: "the casualty clearing station", "the casualty bureau". */
const NOT_A_ROLE_AFTER = new Set(
  'clearing bureau reception centre center station cell point list lists numbers figures count information records record liaison log desk team teams service services room rooms unit units vehicle vehicles car cars plan plans officer'.split(
    ' ',
  ),
);
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'their', 'its', 'his', 'her', 'one']);

interface TrieNode {
  next: Map<string, TrieNode>;
  end?: { people: boolean };
}

/** Every rank, role and title of the vocabulary as a word trie: full titles by their lower case, abbreviations as written. */
const RANKS: TrieNode = { next: new Map() };
function addPhrase(words: string[], people: boolean): void {
  let node = RANKS;
  for (const w of words) {
    let next = node.next.get(w);
    if (!next) node.next.set(w, (next = { next: new Map() }));
    node = next;
  }
  node.end = { people: node.end?.people === false ? false : people };
}
const phraseWords = (s: string) => s.split(/[\s]+/).filter(Boolean);
for (const service of ranksAndRoles.services) {
  for (const term of service.terms) {
    addPhrase(
      phraseWords(term.name).map((w) => w.toLowerCase()),
      false,
    );
    for (const abbreviation of term.abbreviations ?? [])
      addPhrase(
        phraseWords(abbreviation).map((w) => `=${w.replace(/\.$/, '')}`),
        false,
      );
  }
}
for (const noun of ranksAndRoles.people) addPhrase(phraseWords(noun.toLowerCase()), true);
const PREFIXES = new Set(ranksAndRoles.prefixes.filter((p) => !p.endsWith('/')));
const SLASH_PREFIX = /^[AT]\/(?=\p{L})/u;
/** Ranks that are also ordinary words ("a major incident", "the general public"): with a capital only, and never lower-case. */
const ORDINARY_WORDS = new Set(
  'general major captain marshal private sister master mate pilot officer manager commander controller supervisor engineer driver director chair chairman secretary helm marine volunteer responder detective consultant registrar lady lord father canon dame sir ranger gunner sapper signaller trooper fusilier rifleman guardsman craftsman kingsman leader con cox mid fr'.split(
    ' ',
  ),
);

interface Token {
  text: string;
  start: number;
  end: number;
  /** A full stop follows at once ("Sgt.", "A."). */
  dot: boolean;
}

const TOKEN = /[\p{L}\p{M}\d]+(?:['’/-][\p{L}\p{M}\d]+)*|[^\s\p{L}\p{M}\d]/gu;
function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    const end = m.index + m[0].length;
    tokens.push({ text: m[0], start: m.index, end, dot: text[end] === '.' });
  }
  return tokens;
}

const NAME_WORD =
  /^(?:\p{Lu}[\p{Ll}\p{M}]+(?:['’]\p{Lu}?[\p{Ll}\p{M}]+)?|\p{Lu}['’]\p{Lu}[\p{Ll}\p{M}]+|Mc\p{Lu}[\p{Ll}\p{M}]+|Mac\p{Lu}[\p{Ll}\p{M}]+|\p{Lu}[\p{Ll}\p{M}]*-\p{Lu}[\p{Ll}\p{M}]+|(?:al|el)-\p{Lu}[\p{Ll}\p{M}]+|Ó|Ní|Ní)$/u;
const ROMAN = /^(?:I|II|III|IV|V|VI|VII|VIII)$/;
const isInitial = (t: Token) => /^\p{Lu}$/u.test(t.text) && t.dot;
/**
 * Hyphenated given names with a small second part ("Hyun-woo", "Ji-hoon", "Seo-yeon"), not
 * English compounds ("Follow-up", "Multi-agency", "Well-being", "Cross-border").
 */
const HYPHENATED_GIVEN = /^(\p{Lu}[\p{Ll}\p{M}]+)-([\p{Ll}\p{M}]{2,5})$/u;
const NOT_GIVEN_FIRST = new Set(
  `self co non multi cross post pre re inter well long short follow build built stand hand back check
  set sign log mid semi sub anti counter over under out up down off on in high low half full part
  real near far cut drop call lock pull push run walk turn break tie pick drive stop start hold make
  take give go come look write read wake lay fly pop warm cool wrap round one two three four five six
  seven eight nine ten twenty top hot old new ex vice step great large small open close blue red green
  black white day night year week time first second third last face kick life cost risk fire flood
  water land air sea road rail joint all any best worst fast slow hard soft deep wide first-aid`
    .split(/\s+/)
    .filter(Boolean),
);
const NOT_GIVEN_SECOND = new Set(
  `up out in on off down over back led based wide term time call site line free safe type like made aid
  fed run wise way day days year hour hours week end side hand scale level going ward wards style
  agency board borne born held owned known aged sized shot let set go stop able proof wave loss case
  only`
    .split(/\s+/)
    .filter(Boolean),
);
function isNameWord(t: Token | undefined): boolean {
  if (!t) return false;
  const w = t.text.replace(/['’]s$/, '');
  if (NAME_WORD.test(w)) return !NOT_NAMES.has(w);
  const hyphenated = HYPHENATED_GIVEN.exec(w);
  return (
    !!hyphenated &&
    !NOT_GIVEN_FIRST.has(hyphenated[1]!.toLowerCase()) &&
    !NOT_GIVEN_SECOND.has(hyphenated[2]!)
  );
}
const isCapitalised = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);

/** The longest rank, role or title starting at token i (with "Acting", "T/" …), as [end, people]. */
function rankAt(
  tokens: Token[],
  i: number,
): { end: number; people: boolean; first: string } | undefined {
  let start = i;
  if (PREFIXES.has(tokens[i]?.text.replace(/\.$/, '') ?? '') && tokens[i + 1]) start = i + 1;
  let node: TrieNode | undefined = RANKS;
  let best: { end: number; people: boolean; first: string } | undefined;
  for (let j = start; j < tokens.length && node; j++) {
    let word = tokens[j]!.text;
    if (j === start && SLASH_PREFIX.test(word)) {
      word = word.slice(2);
    }
    const byAbbreviation: TrieNode | undefined = node.next.get(`=${word}`);
    const byName: TrieNode | undefined = node.next.get(word.toLowerCase());
    node = byAbbreviation ?? byName;
    if (!node) break;
    if (node.end) best = { end: j + 1, people: node.end.people, first: tokens[start]!.text };
  }
  return best;
}

/** A word that is a rank or role by itself ("Paramedic", "Mayor's") is not a name, unless it is a surname too ("Porter"). */
function isRoleWord(t: Token | undefined): boolean {
  if (!t) return false;
  const w = t.text.replace(/['’]s$/, '');
  if (SURNAMES_TOO.has(w)) return false;
  return !!(RANKS.next.get(`=${w}`)?.end ?? RANKS.next.get(w.toLowerCase())?.end);
}

/** The name that starts at token i: initials, name words and particles; its end (exclusive) and word count. */
function nameAt(tokens: Token[], i: number): { end: number; words: number } | undefined {
  let words = 0;
  let last = i; // the end of the last name word: trailing numerals and particles are not part of a name
  let initials = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (isInitial(t)) {
      initials++;
      j++; // its full stop
      continue;
    }
    // Initials without full stops ("Mrs A Brown", "Insp R J Whitfield"): only before a name word.
    if (/^\p{Lu}$/u.test(t.text) && initials < 3) {
      let k = j;
      while (k < j + 3 && /^\p{Lu}$/u.test(tokens[k]?.text ?? '') && !tokens[k]!.dot) k++;
      if (k > j && (isNameWord(tokens[k]) || SURNAMES_TOO.has(tokens[k]?.text ?? ''))) {
        initials += k - j;
        j = k - 1;
        continue;
      }
    }
    if (isNameWord(t) || (words + initials > 0 && SURNAMES_TOO.has(t.text))) {
      words++;
      last = j + 1;
      continue;
    }
    if (words > 0 && ROMAN.test(t.text)) continue;
    if (words > 0 && PARTICLES.has(t.text.toLowerCase()) && isNameWord(tokens[j + 1])) continue;
    break;
  }
  return words > 0 ? { end: last, words } : undefined;
}

/** Tokens i..end are on one line or a wrapped line: no blank line, no sentence end between them. */
const joined = (text: string, a: Token, b: Token) => !/\n\s*\n/.test(text.slice(a.end, b.start));

/** A name that is a place or a thing: followed by "Hospital", "Street"…, or after "Storm", "Exercise" … */
function isThing(tokens: Token[], start: number, end: number, before = true): boolean {
  let a = end;
  while (tokens[a] && ROMAN.test(tokens[a]!.text)) a++; // "Queen Elizabeth II Bridge"
  if (tokens[a]?.text === "'" || tokens[a]?.text === '’') a++; // "St Thomas' Hospital"
  const after = tokens[a];
  if (after && /^\d/.test(after.text)) return true; // "Ashby Marsh 12", "Exercise Kestrel 3"

  if (after && THING_AFTER.has(after.text)) return true;
  if (after && /^['’]s$/.test(after.text) && THING_AFTER.has(tokens[end + 1]?.text ?? ''))
    return true;
  // "Lord Provost's Parade", "Mayor's Show": a possessive before a thing's word, at the end or inside.
  for (let k = start; k < end; k++)
    if (/['’]s$/.test(tokens[k]!.text) && THING_AFTER.has(tokens[k + 1]?.text ?? '')) return true;
  const previous = tokens[start - 1];
  if (before && previous && THING_BEFORE.has(previous.text.replace(/\.$/, ''))) return true;
  return false;
}

const lower = (t: Token | undefined) => t?.text.toLowerCase() ?? '';

/** Sentence-start: the token is the first of its sentence, line item, heading or YAML value. */
function startsSentence(text: string, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev) return true;
  if (/^[.!?:;#>*(\-–—"“‘]$/.test(prev.text)) return true;
  if (/\n/.test(text.slice(prev.end, tokens[i]!.start)) && /^\d+$/.test(prev.text) === false) {
    // A new line starts a sentence only where the line starts a list item or a field.
    return /\n[ \t]*(?:[-*>#]|\d+\.|[a-z_]+:)/.test(text.slice(prev.end - 1, tokens[i]!.start + 1));
  }
  return false;
}

export interface NameCandidate {
  /** Offset and text of the capitalised words that may be a name. */
  offset: number;
  text: string;
  /** Offsets of the sentence it is in, for a model that reads sentences. */
  sentenceStart: number;
  sentenceEnd: number;
}

/** The end of an initial or an abbreviated title before a full stop ("A.", "Sgt."): not a sentence end. */
const ABBREVIATION =
  /(?:^|[\s(])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Sgt|Insp|Supt|Capt|Col|Lt|Maj|Gen|Brig|Prof|Rev|Cllr|St|No|Fr|Revd|Det|Ch|Cmdr|Cdr|Sqn|Ldr|Wg|Flt|Fg|Offr|Cpl|Pte|Bdr|Gnr|Spr|Stn|Mgr)$/u;

const SENTENCE_END = /[.!?](?=[\s"'”’)\]]|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*>#]|\d+\.\s|[a-z_]+:))/g;

/** The sentences of a text that hold a capitalised word that is not the first of its sentence. */
function* sentencesWithCapitals(text: string): Generator<[number, number]> {
  const CAP = /[A-Z\u00C0-\u00DE\u0100-\u024F][a-z\u00DF-\u00FF\u0100-\u024F'’]/g;
  let lastEnd = -1;
  for (let m = CAP.exec(text); m; m = CAP.exec(text)) {
    if (m.index < lastEnd) continue;
    // Only a capital after a word, a number or a comma (with spaces, maybe a line break) between:
    // not the first word of a sentence, a heading, a list item or a field.
    let p = m.index - 1;
    if (p >= 0 && text[p] !== ' ' && text[p] !== '\t' && text[p] !== '\n') continue;
    while (p >= 0 && (text[p] === ' ' || text[p] === '\t' || text[p] === '\r')) p--;
    if (p >= 0 && text[p] === '\n') {
      p--;
      while (p >= 0 && (text[p] === ' ' || text[p] === '\t' || text[p] === '\r')) p--;
    }
    // After an initial or an abbreviated title ("DS K. Adeyemi", "Insp. Whitfield") too.
    const afterAbbreviation =
      p >= 0 && text[p] === '.' && ABBREVIATION.test(text.slice(Math.max(0, p - 6), p));
    if (p < 0 || (!afterAbbreviation && !/[\p{L}\p{N},;)'’”\]]/u.test(text[p]!))) {
      // The first word of a sentence too, when a verb of speech follows it ("Fatima explained").
      STARTS_WITH_SPEAKER.lastIndex = m.index;
      if (!STARTS_WITH_SPEAKER.test(text)) continue;
    }
    // The sentence around the capital: back to the previous sentence end, on to the next.
    let start = m.index;
    for (let k = m.index - 1; k >= 0 && k > m.index - 2000; k--) {
      const c = text[k]!;
      if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[k + 1] ?? ' ')) {
        // "Sgt. Smith" and "A. Brown": an abbreviation or an initial does not end a sentence.
        if (ABBREVIATION.test(text.slice(Math.max(0, k - 6), k))) continue;
        start = k + 1;
        break;
      }
      if (
        c === '\n' &&
        (/^\n[ \t]*(?:[-*>#]|\d+\.\s|[a-z_]+:)/.test(text.slice(k, k + 40)) ||
          /\n[ \t]*$/.test(text.slice(Math.max(0, k - 200), k)))
      ) {
        start = k + 1;
        break;
      }
      if (k === 0) start = 0;
    }
    SENTENCE_END.lastIndex = m.index;
    let end = text.length;
    for (let e = SENTENCE_END.exec(text); e; e = SENTENCE_END.exec(text)) {
      if (e[0] === '.' && ABBREVIATION.test(text.slice(Math.max(0, e.index - 6), e.index)))
        continue;
      end = e.index + (e[0].startsWith('\n') ? 0 : 1);
      break;
    }
    lastEnd = end;
    yield [start, end];
  }
}

/** Names, decided by patterns: titled names (errors), names beside a role or a verb of speech (errors), and the rest as candidates. */
export function findNames(text: string, out: Finding[], candidates?: NameCandidate[]): void {
  for (const [from, to] of sentencesWithCapitals(text)) {
    const tokens = tokenize(text, from, to);
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      // 1. A rank, role or title, then a name: "Station Manager Amir Shah", "the paramedic Lucy Hart".
      const rank = rankAt(tokens, i);
      if (rank) {
        let nameStart = rank.end;
        if (tokens[nameStart]?.text === '.') nameStart++; // "Sgt. Farah Hussain"
        const afterComma = tokens[nameStart]?.text === ',';
        if (afterComma) nameStart++; // "the loggist, John Carter"
        const name = nameAt(tokens, nameStart);
        const first = tokens[i]!;
        const ordinary = ORDINARY_WORDS.has(rank.first.toLowerCase()) && rank.end - i === 1;
        const lowerRank = !isCapitalised(first) && !SLASH_PREFIX.test(first.text);
        // A vessel's or a thing's name: "the lifeboat Sir William Hillary", "the Lady Isabella waterwheel".
        const vesselOrThing =
          !!name &&
          (VESSEL_BEFORE.has(tokens[i - 1]?.text ?? '') ||
            (DETERMINERS.has(lower(tokens[i - 1])) &&
              THING_NOUN_AFTER.has(tokens[name.end]?.text ?? '')));
        if (name && vesselOrThing && !lowerRank) {
          i = name.end;
          continue;
        }
        if (
          name &&
          joined(text, tokens[rank.end - 1]!, tokens[nameStart]!) &&
          !isThing(tokens, nameStart, name.end, false) &&
          !isRoleWord(tokens[nameStart]) &&
          !(ordinary && lowerRank) &&
          !((lowerRank || afterComma || rank.people) && name.words < 1)
        ) {
          // Lower-case roles, people and "role, Name" need a determiner before them or two name words.
          const determined = DETERMINERS.has(lower(tokens[i - 1])) || name.words >= 2;
          const titled = !lowerRank && !rank.people && !afterComma;
          if (titled || determined) {
            const kind: Finding['kind'] = titled ? 'titled-name' : 'named-person';
            const s = titled ? first.start : tokens[nameStart]!.start;
            const e = tokens[name.end - 1]!.end;
            out.push({ offset: s, text: text.slice(s, e).replace(/\s+/g, ' '), kind });
            i = name.end;
            continue;
          }
        }
      }
      // 2. A name of two or more words not led by a rank: beside a role or a verb of speech, or a candidate.
      if (isNameWord(t) && !rankAt(tokens, i)) {
        const name = nameAt(tokens, i);
        if (name && name.words >= 2) {
          const thing =
            isThing(tokens, i, name.end) ||
            hasOrganisationWord(tokens, i, name.end) ||
            THING_BEFORE.has(t.text) ||
            tokens.slice(i, name.end - 1).some((w) => /['’]s$/.test(w.text));
          if (!thing) {
            const s = t.start;
            const e = tokens[name.end - 1]!.end;
            const span = { offset: s, text: text.slice(s, e).replace(/\s+/g, ' ') };
            const place = PLACE_WORDS.has(lower(tokens[i - 1]));
            if (spokenTo(tokens, i) || (!place && besideRoleOrSpeech(tokens, i, name.end))) {
              out.push({ ...span, kind: 'named-person' });
            } else if (
              candidates &&
              !place &&
              tokens[i - 1]?.text !== '(' &&
              !THING_AFTER.has(tokens[name.end - 1]!.text) &&
              !(startsSentence(text, tokens, i) && NOT_NAMES.has(t.text))
            ) {
              candidates.push({ ...span, sentenceStart: from, sentenceEnd: to });
            }
          }
          i = name.end;
          continue;
        }
        // A first name alone that speaks: "Fatima explained", "according to Krzysztof".
        if (name && name.end === i + 1 && singleNameSpeaks(text, tokens, i)) {
          out.push({ offset: t.start, text: t.text, kind: 'named-person' });
          i = name.end;
          continue;
        }
      }
      i++;
    }
  }
}

/** Words of organisations and places inside a run of capitalised words ("Network Rail", "Thames Water"). */
const ORGANISATION_WORDS = new Set(
  `Rail Water Energy Power Police Fire Ambulance Council Trust Agency Authority Service Services Group
  Forum Board Office Ltd Limited Plc Airport Airways Airlines Railway Railways Transport Highways
  Networks Network Mobile Telecom Telecoms Gas Electric Electricity Distribution Coastguard Lifeboats
  Cross Army Navy Force University College School Hospital NHS Health Care Housing Homes Association
  Society Institute Partnership Alliance Federation Union Company Holdings Energy Utilities
  England Scotland Wales Ireland Britain Kingdom Manchester London Birmingham Liverpool Leeds
  Glasgow Edinburgh Cardiff Belfast Bristol Sheffield Newcastle Nottingham Leicester Coventry
  Yorkshire Lancashire Cumbria Devon Cornwall Kent Essex Surrey Sussex Hampshire Dorset Somerset
  Norfolk Suffolk Cheshire Merseyside Midlands Thames Severn Humber Tyne Wear Mersey Clyde Forth`
    .split(/\s+/)
    .filter(Boolean),
);
function hasOrganisationWord(tokens: Token[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (ORGANISATION_WORDS.has(tokens[k]!.text)) return true;
  return false;
}

/** "Neil Byrne, the loggist", "Maria Lopez said", "according to Maria Lopez", "the casualty, Omar Haddad". */
function besideRoleOrSpeech(tokens: Token[], start: number, end: number): boolean {
  // After the name: ", the [adjective] role" or a verb of speech.
  let k = end;
  if (tokens[k]?.text === ',') k++;
  if (SPEECH_AFTER.has(lower(tokens[k]))) return true;
  // "Wojciech Nowak and Li Wei said", "Tariq, Bronwen and Ali argued".
  const afterList = afterNameList(tokens, end);
  if (afterList > end && PERSON_SPEECH.has(lower(tokens[afterList]))) return true;
  if (tokens[end]?.text === ',' && DETERMINERS.has(lower(tokens[k]))) {
    for (let a = k + 1; a <= k + 3 && a < tokens.length; a++) {
      const role = rankAt(tokens, a);
      // "In Marlow Heath, the casualty clearing station": the role word starts the name of a thing.
      if (role && !NOT_A_ROLE_AFTER.has(lower(tokens[role.end]))) return true;
    }
  }
  if (tokens[end]?.text === '(') {
    // "Neil Byrne (loggist)", "Nkechi Okonjo (the loggist)"
    const r = DETERMINERS.has(lower(tokens[end + 1])) ? end + 2 : end + 1;
    if (rankAt(tokens, r)) return true;
  }
  return false;
}

/** "according to Maria Lopez", "a statement from Roisin Gallagher", "told, Ana Silva". */
function spokenTo(tokens: Token[], start: number): boolean {
  for (const words of SPEECH_BEFORE) {
    const s = start - words.length - (tokens[start - 1]?.text === ',' ? 1 : 0);
    if (s >= 0 && words.every((w, n) => lower(tokens[s + n]) === w)) return true;
  }
  // Speech reported first: "'No radio for twenty minutes,' recalled Euan Mackenzie", "…,” explained Ana Silva".
  const verb = tokens[start - 1];
  const before = tokens[start - 2]?.text ?? '';
  return SPEECH_AFTER.has(lower(verb)) && /^[,'"’”]$/.test(before);
}

/** The end of a list of names after a name: ", Bronwen and Ali", " and Li Wei" (or `end` when none). */
function afterNameList(tokens: Token[], end: number): number {
  let k = end;
  for (let n = 0; n < 4; n++) {
    let j = k;
    if (tokens[j]?.text === ',') j++;
    if (lower(tokens[j]) === 'and' || lower(tokens[j]) === '&') j++;
    else if (tokens[k]?.text !== ',') break;
    const next = isNameWord(tokens[j]) && !rankAt(tokens, j) ? nameAt(tokens, j) : undefined;
    if (!next || hasOrganisationWord(tokens, j, next.end) || isThing(tokens, j, next.end)) break;
    k = next.end;
  }
  return k;
}

/** Words that look like a plural or a common noun at the start of a sentence ("Observers noted", "Witnesses said"). */
const PLURAL = /(?<![usiay])s$/;

/**
 * A single capitalised word that speaks: before a verb of speech only a person uses ("Fatima
 * explained", "Tariq and Bronwen argued"), after "according to" and the like, or after speech
 * reported first ("…,' recalled Oluwaseun"). Not a plural ("Witnesses said"), a role, a place or
 * an organisation word, nor part of a longer run of capitalised words ("Met Office said").
 */
function singleNameSpeaks(text: string, tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const previous = tokens[i - 1];
  if (
    ORGANISATION_WORDS.has(t.text) ||
    THING_BEFORE.has(t.text) ||
    isRoleWord(t) ||
    /['’]s$/.test(t.text) ||
    PLACE_WORDS.has(lower(previous)) ||
    isCapitalised(tokens[i + 1]) ||
    (previous && /^\p{Lu}/u.test(previous.text) && !startsSentence(text, tokens, i))
  )
    return false;
  if (spokenTo(tokens, i)) return true;
  if (PLURAL.test(t.text)) return false;
  if (PERSON_SPEECH.has(lower(tokens[i + 1]))) return true;
  const afterList = afterNameList(tokens, i + 1);
  return afterList > i + 1 && PERSON_SPEECH.has(lower(tokens[afterList]));
}

/** Everything the patterns decide. Name candidates that only a model can judge go to `candidates` when given. */
export function findPersonalData(text: string, candidates?: NameCandidate[]): Finding[] {
  const out: Finding[] = [];
  findEmails(text, out);
  for (const { kind, re, accept } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!accept || accept(m))
        out.push({ offset: m.index, text: m[0].replace(/\s+/g, ' '), kind });
    }
  }
  findNames(text, out, candidates);
  // A collar number such as "PC 1234" is also a titled "name" shape; keep one finding per place,
  // the longest (an address inside a date of birth, a title inside a longer title).
  out.sort((a, b) => a.offset - b.offset || b.text.length - a.text.length);
  const kept: Finding[] = [];
  for (const f of out) {
    const last = kept[kept.length - 1];
    if (last && f.offset < last.offset + last.text.length) continue;
    kept.push(f);
  }
  return kept;
}

export const FINDING_LABEL: Record<Finding['kind'], string> = {
  email: 'an email address',
  phone: 'a phone number',
  'ni-number': 'a National Insurance number',
  'nhs-number': 'an NHS number',
  'vehicle-registration': 'a vehicle registration',
  'collar-number': 'a police collar number',
  'titled-name': 'a name with a title, rank or role',
  'named-person': 'a person named beside their role or words',
  'date-of-birth': 'a date of birth',
  address: 'a home address',
  'social-media-handle': 'a social-media handle',
  'possible-name': "a person's name",
};

/** What a SPOC writes instead, by kind: said first in every message. */
export const INSTEAD: Record<Finding['kind'], string> = {
  email: "write the organisation's mailbox or its name instead",
  phone: 'write the organisation or the role (“the control room”) instead',
  'ni-number': 'leave the number out',
  'nhs-number': 'leave the number out: “the patient” is enough',
  'vehicle-registration': 'describe the vehicle (“a private car”, “the first ambulance”) instead',
  'collar-number': 'write the rank or role (“an officer”, “the duty sergeant”) instead',
  'titled-name':
    'write the rank or role without the name (“the station manager”, “a paramedic”, “the duty inspector”) instead',
  'named-person':
    'write the role without the name (“the loggist”, “the strategic commander”, “the casualty”) instead',
  'date-of-birth': 'leave it out, or give an age range (“a man in his forties”) if it matters',
  address: 'write the kind of place (“a terraced house”, “a street in the town centre”) instead',
  'social-media-handle': 'name the organisation or the role, not the account',
  'possible-name':
    'if it names a person, write their role (“the station manager”, “a paramedic”, “the casualty”) instead',
};
