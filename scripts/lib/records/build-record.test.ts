import { describe, expect, it } from 'vitest';
import { risks, sources } from '../../../schemas/vocabularies.ts';
import { buildRecord, splitList, termOf, termsOf } from './build-record.ts';
import { recordText } from './write-record.ts';

describe('answers to values', () => {
  it('maps ids, names and "Name (id)" labels to vocabulary ids, and keeps what it cannot read', () => {
    expect(termOf('Exercise', sources)).toBe('exercise');
    expect(termOf('External report (external)', sources)).toBe('external');
    expect(termOf('incidnt', sources)).toBe('incidnt');
    expect(
      termsOf(
        'Chemical, Biological, Radiological and Nuclear (CBRN) attacks (cbrn-attacks), Coastal flooding (coastal-flooding)',
        risks,
      ),
    ).toEqual(['cbrn-attacks', 'coastal-flooding']);
    expect(splitList('a; b\n- c, ,d')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('builds a lesson in schema order with the kind fixed, blanks left out, wrong types kept for the validator', () => {
    const r = buildRecord(
      'lesson',
      {
        title: '  A title here  ',
        date: '2025-01-02',
        public: 'maybe',
        criteria: '',
        summary: 42,
        'section-what-happened': 'x\r\ny',
      },
      '/nowhere',
    );
    expect(r.id).toBe('2025-01-02-a-title-here');
    expect(Object.keys(r.data)).toEqual(['kind', 'title', 'summary', 'date', 'public']);
    expect(r.data).toMatchObject({
      kind: 'lesson-identified',
      title: 'A title here',
      summary: 42,
      public: 'maybe',
    });
    expect(r.body).toBe(
      '## What happened\n\nx\ny\n\n## Why it matters\n\n\n\n## Recommendation\n\n\n',
    );
  });

  it('writes YAML that keeps dates as plain dates and quotes what needs quoting', () => {
    const text = recordText('events', {
      name: 'Exercise: "Night Owl" #2',
      start: '2025-01-02',
      organisations: ['a', 'b'],
      public: false,
    });
    expect(text).toBe(
      'name: \'Exercise: "Night Owl" #2\'\nstart: 2025-01-02\norganisations:\n  - a\n  - b\npublic: false\n',
    );
  });
});
