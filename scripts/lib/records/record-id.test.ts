import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datedId, recordId, recordPath, RecordIdError, slugify } from './record-id.ts';

describe('slugify', () => {
  it.each([
    ['M/ETHANE messages were not shared', 'm-ethane-messages-were-not-shared'],
    ['Café & “quotes” — déjà vu', 'cafe-and-quotes-deja-vu'],
    ['../../etc/passwd', 'etc-passwd'],
    ['$(rm -rf /) `id`', 'rm-rf-id'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['日本語だけ', ''],
  ])('%s → %s', (text, slug) => expect(slugify(text)).toBe(slug));

  it('cuts at a word boundary within the limit', () => {
    expect(slugify('one two three four', 9)).toBe('one-two');
    expect(slugify('abcdefghijklmnop', 5)).toBe('abcde');
  });
});

describe('ids and paths', () => {
  it('a dated id keeps within 80 characters and falls back when the title has no letters', () => {
    expect(datedId('2025-01-02', 'x '.repeat(100), 'lesson').length).toBeLessThanOrEqual(80);
    expect(datedId('2025-01-02', '日本語', 'lesson')).toBe('2025-01-02-lesson');
  });
  it('refuses dates that do not exist or are not written YYYY-MM-DD', () => {
    expect(() => datedId('2025-02-30', 'A title', 'lesson')).toThrow(RecordIdError);
    expect(() => datedId('30/01/2025', 'A title', 'lesson')).toThrow(
      'the date is "30/01/2025"; expected a date written YYYY-MM-DD',
    );
    expect(() => datedId(undefined, 'A title', 'lesson')).toThrow('the date is missing');
  });
  it('assurance ids are checked before they become folders', () => {
    expect(
      recordId(
        'assurance',
        {},
        { action_note: '2025-002', organisation: 'greater-manchester-police' },
        '/x',
      ),
    ).toBe('2025-002/greater-manchester-police');
    expect(() =>
      recordId('assurance', {}, { action_note: '2025-002/../..', organisation: 'x' }, '/x'),
    ).toThrow('Expected an action-note id');
    expect(() =>
      recordId('assurance', {}, { action_note: '2025-002', organisation: '../x' }, '/x'),
    ).toThrow('Expected an organisation id');
  });
  it('a path is always inside its collection folder', () => {
    expect(recordPath('/root/content', 'lessons', '2025-01-02-a')).toBe(
      path.resolve('/root/content/lessons/2025-01-02-a.md'),
    );
    expect(() => recordPath('/root/content', 'organisations', '../x')).toThrow(RecordIdError);
  });
});
