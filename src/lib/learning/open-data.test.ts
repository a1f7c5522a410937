import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  csvTable,
  DATASETS,
  datasetPaths,
  fieldsOf,
  fileClassification,
  jsonRecords,
  toCsv,
} from './open-data.ts';
import { lesson, library, note, org, ret } from '../../../tests/helpers/library.ts';

const lib = library({
  organisations: [org('org-a', 'police'), org('org-b', 'ambulance')],
  lessons: [
    lesson('2024-01-05-a', {
      principles: ['communicate', 'co-locate'],
      summary: 'A summary, with a comma; a "quote" and a\nline break in it.',
      personal_data_exceptions: [{ text: 'Dr Foster', reason: 'A road name, not a person.' }],
    }),
  ],
  notes: [
    note('2024-001', {
      recommendations: [
        { id: 'R1', text: 'First.', due: '2024-05-01' },
        { id: 'R2', text: 'Second.' },
      ],
    }),
  ],
  returns: [
    ret('2024-001', 'org-a', '2024-03-15', [
      { recommendation: 'R1', state: 'implemented', evidence: 'Done, tested.' },
      { recommendation: 'R2', state: 'in-progress' },
    ]),
  ],
});

describe('open data', () => {
  it('keeps the schema field order and leaves out review-only fields', () => {
    expect(fieldsOf('lessons').slice(0, 3)).toEqual(['kind', 'title', 'summary']);
    expect(fieldsOf('lessons')).not.toContain('personal_data_exceptions');
    expect(jsonRecords(lib, 'lessons')[0]).not.toHaveProperty('personal_data_exceptions');
  });

  it('round-trips every lesson value through CSV, lists joined with "; "', () => {
    const table = csvTable(lib, 'lessons');
    const [header, row] = parse(toCsv(table));
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(record.id).toBe('2024-01-05-a');
    expect(record.summary).toBe('A summary, with a comma; a "quote" and a\nline break in it.');
    expect(record.principles).toBe('communicate; co-locate');
    expect(record.public).toBe('true');
  });

  it('gives assurance one row per organisation and recommendation', () => {
    expect(csvTable(lib, 'assurance').rows).toEqual([
      ['OFFICIAL', '2024-001', 'org-a', '2024-03-15', 'R1', 'implemented', 'Done, tested.'],
      ['OFFICIAL', '2024-001', 'org-a', '2024-03-15', 'R2', 'in-progress', ''],
    ]);
  });

  it('starts every CSV row with its own marking and marks each file with its highest', () => {
    const mixed = library({
      organisations: [org('org-a', 'police')],
      lessons: [
        lesson('2024-01-05-a'),
        lesson('2024-01-06-b', { classification: 'official-sensitive', public: false }),
      ],
      notes: [note('2024-001', { classification: 'official-sensitive', public: false })],
      returns: [
        ret('2024-001', 'org-a', '2024-03-15', [{ recommendation: 'R1', state: 'not-started' }]),
      ],
    });
    expect(csvTable(mixed, 'lessons').rows.map((r) => [r[0], r[1]])).toEqual([
      ['OFFICIAL', '2024-01-05-a'],
      ['OFFICIAL-SENSITIVE', '2024-01-06-b'],
    ]);
    expect(csvTable(mixed, 'assurance').rows[0]![0]).toBe('OFFICIAL-SENSITIVE');
    expect(csvTable(mixed, 'organisations').rows[0]![0]).toBe('OFFICIAL');
    expect(fileClassification(mixed, 'lessons')).toBe('official-sensitive');
    expect(fileClassification(mixed, 'assurance')).toBe('official-sensitive');
    expect(fileClassification(mixed, 'organisations')).toBe('official');
    expect(fileClassification(lib, 'lessons')).toBe('official');
  });

  it('writes recommendations readably in the action-note CSV', () => {
    const t = csvTable(lib, 'action-notes');
    expect(t.rows[0]![t.header.indexOf('recommendations')]).toBe(
      'R1: First. (due 2024-05-01); R2: Second.',
    );
  });
});

describe('open data cache keys', () => {
  const build = (title: string) =>
    library({
      organisations: [org('org-a', 'police')],
      lessons: [lesson('2024-01-05-a', { title })],
      notes: [note('2024-001')],
    });
  const keys = (l: ReturnType<typeof build>) =>
    Object.fromEntries(datasetPaths(l).map((p) => [p.params.dataset, p.cacheKey]));

  it('keys every dataset, and only the changed collection gets a new key', () => {
    const before = keys(build('A lesson title that is long enough'));
    const after = keys(build('Another lesson title, long enough'));
    expect(Object.keys(before).sort()).toEqual([...DATASETS].sort());
    expect(after.lessons).not.toBe(before.lessons);
    for (const d of DATASETS.filter((d) => d !== 'lessons')) expect(after[d], d).toBe(before[d]);
    expect(keys(build('A lesson title that is long enough'))).toEqual(before);
  });
});
