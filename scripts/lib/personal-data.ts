/**
 * Finds text that looks like personal data ("not who, but what and why"): email addresses,
 * UK phone numbers, National Insurance and NHS numbers, vehicle registrations, police collar
 * numbers and titled personal names. Works on raw text, so each finding has the exact offset
 * of the offending text, also inside multi-line paragraphs and multi-line YAML strings.
 */
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
    | 'titled-name';
}

const SP = '[ \\t]*(?:\\r?\\n[ \\t]*)?'; // spaces, possibly across one line break (wrapped text)
const SP1 = '(?:[ \\t]+(?:\\r?\\n[ \\t]*)?|\\r?\\n[ \\t]*)';

const TITLES = [
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Mx',
  'Dr',
  'Prof',
  'Professor',
  'Sir',
  'Dame',
  'Rev',
  'Revd',
  'Cllr',
  'Councillor',
  'PC',
  'PCSO',
  'PS',
  'DC',
  'DS',
  'DI',
  'DCI',
  'DSI',
  'Sgt',
  'Sergeant',
  'Insp',
  'Inspector',
  'Supt',
  'Superintendent',
];
/** Capitalised words that commonly follow a title without being a name. */
const NOT_NAMES = new Set([
  'Inquiry',
  'Report',
  'Review',
  'Team',
  'Office',
  'Foster',
  'Service',
  'Services',
  'Council',
  'Unit',
  'Level',
  'Grade',
  'Rank',
  'Training',
  'Course',
  'Programme',
  'Guidance',
  'Network',
  'Power',
  'Supply',
  'Lead',
  'Leads',
  'Role',
  'Roles',
  'On',
  'In',
  'Of',
  'The',
  'And',
]);
NOT_NAMES.delete('Foster'); // "Dr Foster" is a name as well as a brand; reviewers decide with an exception

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
    { kind: 'vehicle-registration', re: /\b[A-HJ-PR-Y][A-HJ-PR-Y]\d{2}[ \t]?[A-HJ-PR-Z]{3}\b/g },
    {
      kind: 'collar-number',
      re: new RegExp(
        `\\b(?:(?:PC|PCSO|PS|DC|DS|Sgt)${SP}\\d{2,6}|(?:collar|shoulder|warrant)${SP1}(?:number|no\\.?)${SP}:?${SP}\\d{2,6})\\b`,
        'gi',
      ),
      accept: (m) => !/^(?:dc|ds|ps|pc)/.test(m[0]) || /^[A-Z]/.test(m[0]),
    },
    {
      kind: 'titled-name',
      re: new RegExp(
        `\\b(?:${TITLES.join('|')})\\.?(?:${SP1})(?:[A-Z]\\.${SP})*([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)\\b`,
        'g',
      ),
      accept: (m) => !NOT_NAMES.has(m[1]!),
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

/** Email addresses, found from each "@" outwards (a regex scanning from every character is slow). */
function findEmails(text: string, out: Finding[]): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    if (start === at) continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (domain)
      out.push({ offset: start, text: text.slice(start, at + 1) + domain[0], kind: 'email' });
  }
}

export function findPersonalData(text: string): Finding[] {
  const out: Finding[] = [];
  findEmails(text, out);
  for (const { kind, re, accept } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!accept || accept(m))
        out.push({ offset: m.index, text: m[0].replace(/\s+/g, ' '), kind });
    }
  }
  // A collar number such as "PC 1234" is also a titled "name" shape; keep one finding per place.
  out.sort((a, b) => a.offset - b.offset);
  return out.filter((f, i) => i === 0 || f.offset !== out[i - 1]!.offset);
}

export const FINDING_LABEL: Record<Finding['kind'], string> = {
  email: 'an email address',
  phone: 'a phone number',
  'ni-number': 'a National Insurance number',
  'nhs-number': 'an NHS number',
  'vehicle-registration': 'a vehicle registration',
  'collar-number': 'a police collar number',
  'titled-name': 'a personal name with a title',
};
