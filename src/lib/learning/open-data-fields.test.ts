import { describe, expect, it } from 'vitest';
import { DATASETS, MARKING_COLUMN, csvHeader, toJson } from './open-data.ts';
import { fieldDocs, schemaFileOf, typeText } from './open-data-fields.ts';

describe('open data field documentation', () => {
  it('documents every JSON field of every dataset, derived fields first', () => {
    const lessons = fieldDocs('lessons');
    expect(lessons[0]!.name).toBe('id');
    expect(lessons.map((f) => f.name)).toContain('body');
    expect(lessons.find((f) => f.name === 'published')).toMatchObject({ required: true });
    expect(lessons.map((f) => f.name)).not.toContain('personal_data_exceptions');
    expect(lessons.find((f) => f.name === 'kind')!.type).toBe(
      'one of: lesson-identified, notable-practice',
    );
    expect(lessons.find((f) => f.name === 'principles')!.type).toMatch(
      /^list; each one of: co-locate/,
    );
    const notes = fieldDocs('action-notes').map((f) => f.name);
    expect(notes).toEqual(
      expect.arrayContaining([
        'recommendations',
        'recommendations[].id',
        'recommendations[].text',
        'recommendations[].due',
      ]),
    );
    expect(
      fieldDocs('assurance')
        .map((f) => f.name)
        .slice(0, 3),
    ).toEqual(['action_note', 'organisation', 'updated']);
    for (const d of DATASETS)
      for (const f of fieldDocs(d)) expect(f.description, `${d}.${f.name}`).not.toBe('');
  });

  it('covers every CSV column but the marking, which the page explains apart', () => {
    for (const d of DATASETS) {
      expect(csvHeader(d)[0]).toBe(MARKING_COLUMN);
      const documented = new Set(fieldDocs(d).map((f) => f.name.replace(/\[\]\..*$/, '')));
      for (const column of csvHeader(d)
        .slice(1)
        .filter((c) => !['recommendation', 'state', 'evidence'].includes(c) || d !== 'assurance')) {
        expect(documented.has(column), `${d}: ${column}`).toBe(true);
      }
    }
  });

  it('names types in words and the schema file of each dataset', () => {
    expect(typeText({ type: 'boolean', default: false })).toBe('true or false (default false)');
    expect(typeText({ type: 'string', format: 'date' })).toBe('date (YYYY-MM-DD)');
    expect(schemaFileOf('assurance')).toBe('assurance-return.schema.json');
  });

  it('writes JSON with its marking, edition, licence and handling first, then one record per line', () => {
    const about = {
      classification: 'official-sensitive',
      edition: 'responders',
      licence: 'Not licensed for reuse.',
      handling: 'Share only with responders.',
    } as const;
    const head = {
      classification: 'OFFICIAL-SENSITIVE',
      edition: 'responders',
      licence: 'Not licensed for reuse.',
      handling: 'Share only with responders.',
    };
    expect(JSON.parse(toJson([], about))).toEqual({ ...head, records: [] });
    expect(toJson([], about).split('\n')).toHaveLength(2);
    const text = toJson([{ a: 1 }, { b: 'x\ny' }], { ...about, classification: 'official' });
    expect(text.split('\n')).toHaveLength(5);
    expect(text.split('\n')[1]).toBe('{"a":1},');
    expect(JSON.parse(text)).toEqual({
      ...head,
      classification: 'OFFICIAL',
      records: [{ a: 1 }, { b: 'x\ny' }],
    });
  });
});
