import { describe, expect, it } from 'vitest';
import { findPersonalData, isNhsNumber } from './personal-data.ts';

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
  ])('flags %j', (text, finding) => expect(kinds(text)).toEqual([finding]));

  it.each([
    'A major incident was declared at 21:47 on 2017-05-22.',
    'Over 10,000 commanders were trained; 2,000 control room staff.',
    'Major Incident Standby, Inspector of Constabulary, the DS Guidance.',
    'The M62 was closed between junctions 22 and 23.',
    'Action note 2025-001, recommendation R1, version 1.2.3.',
    'Dial 999 or 112; call 111 for advice.',
    'The NHS number 943 476 5910 has a wrong check digit.',
  ])('does not flag %j', (text) => expect(kinds(text)).toEqual([]));

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
