import { describe, expect, it } from 'vitest';
import { evaluate } from './personal-data-eval.ts';
import { findPersonalData, isNhsNumber, type NameCandidate } from './personal-data.ts';

const kinds = (text: string) => findPersonalData(text).map((f) => `${f.kind}:${f.text}`);

describe('findPersonalData', () => {
  it.each([
    ['PC Smith attended', 'titled-name:PC Smith'],
    ['told Mrs A. Brown', 'titled-name:Mrs A. Brown'],
    ['Sergeant\n  Jones', 'titled-name:Sergeant Jones'],
    ['ring 0161 496 0000', 'phone:0161 496 0000'],
    ['or +44 (0)20 7946 0000', 'phone:+44 (0)20 7946 0000'],
    ['mobile 07700 900123', 'phone:07700 900123'],
    ['write to jo.bloggs@example.com', 'email:jo.bloggs@example.com'],
    ['NI AB 12 34 56 C', 'ni-number:AB 12 34 56 C'],
    ['NHS 943 476 5919', 'nhs-number:943 476 5919'],
    ['car AB12 CDE', 'vehicle-registration:AB12 CDE'],
    ['collar number 4567', 'collar-number:collar number 4567'],
    ['PC 1234', 'collar-number:PC 1234'],
    ['Station Manager Amir Shah asked', 'titled-name:Station Manager Amir Shah'],
    ['then Watch Manager Price arrived', 'titled-name:Watch Manager Price'],
    ['Paramedic Lucy Hart treated', 'titled-name:Paramedic Lucy Hart'],
    ['Deputy Chief Constable Anna Kerr chaired', 'titled-name:Deputy Chief Constable Anna Kerr'],
    ['Major Ian Duff led', 'titled-name:Major Ian Duff'],
    ['agreed by Lt Col Ruth Mills', 'titled-name:Lt Col Ruth Mills'],
    ['T/Insp Gareth Evans set it', 'titled-name:T/Insp Gareth Evans'],
    ['A/Sgt Bogdan Popescu ran it', 'titled-name:A/Sgt Bogdan Popescu'],
    ['and Ch Supt Rajesh Patel took', 'titled-name:Ch Supt Rajesh Patel'],
    ['Mr John Smith called', 'titled-name:Mr John Smith'],
    ['John Carter, the loggist, kept', 'named-person:John Carter'],
    ['The strategic commander, Neil Byrne, declared', 'named-person:Neil Byrne'],
    ['According to Maria Lopez, the cordon', 'named-person:Maria Lopez'],
    ['The casualty Omar Haddad was', 'named-person:Omar Haddad'],
    ['The car P456 XYZ was', 'vehicle-registration:P456 XYZ'],
    ['a van, ABC 123D, blocked', 'vehicle-registration:ABC 123D'],
    ['He was born on 2 June 1981.', 'date-of-birth:born on 2 June 1981'],
    ['She lived at 14 Mill Lane.', 'address:14 Mill Lane'],
    ['posted by @lhart_para', 'social-media-handle:@lhart_para'],
    // Initials with and without full stops, after an abbreviated title with a full stop.
    ['Later DS T. Osei spoke to the owner.', 'titled-name:DS T. Osei'],
    ['It was signed by Insp. B K Lowther.', 'titled-name:Insp. B K Lowther'],
    ['Mrs E Lindqvist rang the control room.', 'titled-name:Mrs E Lindqvist'],
    // Speech reported first, and first names alone that speak.
    ["'The gate was locked,' recalled Idris Vaughan.", 'named-person:Idris Vaughan'],
    [
      '“Too late,” said Crew Commander Ailsa Drummond.',
      'titled-name:Crew Commander Ailsa Drummond',
    ],
    ['Chiamaka explained that the hoist had failed.', 'named-person:Chiamaka'],
    ['The pump, according to Wiktor, had never been serviced.', 'named-person:Wiktor'],
    ['Ji-ho Lim told the review that no one had called back.', 'named-person:Ji-ho Lim'],
    // Streets without a usual suffix, and a house number beside a postcode.
    ['He lived at 9 The Orchards.', 'address:9 The Orchards'],
    ['Her flat at 4 Heol Gwyn, SA1 8PQ, flooded.', 'address:4 Heol Gwyn, SA1 8PQ'],
    ['The tenant at 31 Kingsmead, BS16 2NN, called.', 'address:31 Kingsmead, BS16 2NN'],
    ['shared by @sam.k_films', 'social-media-handle:@sam.k_films'],
  ])('flags %j', (text, finding) => expect(kinds(text)).toEqual([finding]));

  it.each([
    'A major incident was declared at 21:47 on 2017-05-22.',
    'Over 10,000 commanders were trained; 2,000 control room staff.',
    'Major Incident Standby, Inspector of Constabulary, the DS Guidance.',
    'The M62 was closed between junctions 22 and 23.',
    'Action note 2025-001, recommendation R1, version 1.2.3.',
    'Dial 999 or 112; call 111 for advice.',
    'The NHS number 943 476 5910 has a wrong check digit.',
    "Patients went to St Mary's Hospital and the Prince Charles Hospital.",
    'The Queen Elizabeth II Bridge and King George V Dock were closed; crews met on Nelson Street.',
    'Storm Ciarán, Exercise Unified Response and Operation London Bridge.',
    'An inspector from the neighbouring force met the tactical commander.',
    'A major incident was declared; the general public were warned.',
    'The captain of the ship and the fire marshal of the venue were told.',
    'The M/ETHANE message and the JDM were used; @central-team reviews.',
    'The A34 HGV crash closed junction 13.',
    // Vessels, events and things named with a title; a role with no name after it.
    'The lifeboat Sir Ronald Pickup and the ship RRS Sir Ernest Shackleton were at sea.',
    "The Lord Provost's Parade and the Lady Catherine footbridge were closed.",
    'The night-shift Consultant Radiographer joined the call.',
    // Plurals, pronouns and organisations that speak; numbered parts; domains.
    'Witnesses said the smoke was black; everyone agreed; Volunteers told the crews.',
    'Annex 3 The Timeline lists the calls; the Met Office said rain.',
    'Mail to @gov.uk and @nhs.net addresses bounced; @org/team reviews.',
  ])('does not flag %j', (text) => expect(kinds(text)).toEqual([]));

  it('leaves a bare name to the model, as a candidate with its sentence', () => {
    const candidates: NameCandidate[] = [];
    expect(findPersonalData('The point was staffed by Wojciech Nowak.', candidates)).toEqual([]);
    expect(candidates).toEqual([
      { offset: 25, text: 'Wojciech Nowak', sentenceStart: 0, sentenceEnd: 40 },
    ]);
  });

  it('reports each name of a list that speaks', () => {
    expect(kinds('Nerys and Callum Rees argued about the hose line.')).toEqual([
      'named-person:Nerys',
      'named-person:Callum Rees',
    ]);
  });

  it('gives the offset of the offending text', () => {
    expect(findPersonalData('Spoke to PC Smith.')[0]!.offset).toBe(9);
  });
});

describe('isNhsNumber', () => {
  it('checks the modulus 11 check digit', () => {
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(isNhsNumber('9434765910')).toBe(false);
    expect(isNhsNumber('1111111111')).toBe(false);
  });
});

describe('the labelled set (tests/fixtures/personal-data/labelled.json)', () => {
  it('is found with recall ≥ 95 %, no error on a clean sentence and warnings on at most 3 %', async () => {
    const { total, clean } = await evaluate();
    expect(total.spans).toBeGreaterThanOrEqual(150);
    expect(clean.sentences).toBeGreaterThanOrEqual(150);
    expect(total.found / total.spans).toBeGreaterThanOrEqual(0.95);
    expect(clean.withError).toEqual([]);
    expect(clean.withWarning.length).toBeLessThanOrEqual(0.03 * clean.sentences);
  });
});
