/** `npm run import` runs the validator's personal-data check on every row and reports each finding at its CSV line and column. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeExportCsv } from '../helpers/csv-file.ts';
import { fixtureRoot, type FixtureRoot } from '../helpers/fixture-root.ts';
import { cli } from './run-cli.ts';

let fixture: FixtureRoot;
beforeEach(() => {
  fixture = fixtureRoot();
});
afterEach(() => fixture.cleanup());

const HEADER = [
  'Kind',
  'Title',
  'Summary',
  'Date',
  'Source',
  'Submitted by',
  'Submitted',
  'Criteria',
  'Classification',
  'Public',
  'What happened',
  'Why it matters',
  'Recommendation',
];
const row = (title: string, summary: string, whatHappened: string) => [
  'Lesson identified',
  title,
  summary,
  '2025-10-08',
  'exercise',
  'greater-manchester-police',
  '2025-11-01',
  'interoperability',
  'official',
  'no',
  whatHappened,
  'Messages were delayed.',
  'Open it at once.',
];

describe('npm run import with personal data', () => {
  it('reports each finding at its row and column, and writes nothing', async () => {
    const file = writeExportCsv(fixture.cwd, [
      HEADER,
      row(
        'Radio talkgroup opened late at a flooding exercise',
        'During a multi-agency flooding exercise the interoperability talkgroup was opened only after the first joint meeting.',
        'The talkgroup was opened late.',
      ),
      row(
        'Rest centre list was kept on one laptop only',
        'The list of evacuees at the rest centre was kept on one laptop, so the council could not see it from the town hall.',
        'Paramedic Lucy Hart found that the casualty, born on 2 June 1981, was not on it.',
      ),
    ]);
    const before = fs.readdirSync(path.join(fixture.root, 'lessons')).sort();
    const r = await cli('import.ts', [file], fixture.cwd);
    expect(r.code).toBe(1);
    expect(fs.readdirSync(path.join(fixture.root, 'lessons')).sort()).toEqual(before);
    // The second data row is on line 3; "What happened" is its 11th column.
    expect(r.stdout).toMatch(
      /export\.csv:3:11 {2}error {2}Found what looks like a name with a title, rank or role \("Paramedic Lucy Hart"\)/,
    );
    expect(r.stdout).toMatch(
      /export\.csv:3:11 {2}error {2}Found what looks like a date of birth \("born on 2 June 1981"\)/,
    );
    expect(r.stdout).not.toMatch(/export\.csv:2:/);
  });
});
