/** `npm run import -- file.csv` end to end: all rows valid → all written; any row invalid → nothing written, each problem at its CSV line and column. */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateContent } from '../../scripts/lib/validate-content.ts';
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
  'Organisations',
  'Submitted',
  'Criteria',
  'Risks',
  'Classification',
  'Public',
  'What happened',
  'Why it matters',
  'Recommendation',
  'What was done',
  'Why it worked',
  'How others can adopt it',
];

const ROW_LESSON = [
  'Lesson identified',
  'Radio talkgroup opened late at a flooding exercise',
  'During a multi-agency flooding exercise the interoperability talkgroup was opened only after the first joint meeting.',
  '2025-10-08',
  'exercise',
  'greater-manchester-police',
  'greater-manchester-police; north-west-ambulance-service',
  '2025-11-01',
  'interoperability;national-impact',
  'Coastal flooding (coastal-flooding)',
  'official',
  'no',
  'The talkgroup was opened late.\n\nSecond paragraph, with a comma.',
  'Messages were delayed.',
  'Open it at once.',
  '',
  '',
  '',
];
const ROW_PRACTICE = [
  'notable-practice',
  'One shared flood map for every agency',
  'A joint flood cell kept one map that every agency updated, so commanders shared one picture.',
  '2025-10-09',
  'exercise',
  'greater-manchester-police',
  '',
  '2025-11-01',
  'improves-interoperability',
  '',
  'official',
  'no',
  '',
  '',
  '',
  'One map.',
  'Everyone updated it.',
  'Put it in the plan.',
];

function writeCsv(rows: string[][], header = HEADER): string {
  const file = path.join(fixture.cwd, 'export.csv');
  fs.writeFileSync(file, stringify([header, ...rows]));
  return file;
}

const lessons = () => fs.readdirSync(path.join(fixture.root, 'lessons')).sort();

describe('npm run import', () => {
  it('writes every row when all are valid, and the content root stays valid', async () => {
    const before = lessons();
    const r = await cli('import.ts', [writeCsv([ROW_LESSON, ROW_PRACTICE])], fixture.cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ Imported 2 lessons');
    expect(lessons()).toEqual(
      [
        ...before,
        '2025-10-08-radio-talkgroup-opened-late-at-a-flooding-exercise.md',
        '2025-10-09-one-shared-flood-map-for-every-agency.md',
      ].sort(),
    );
    const text = fs.readFileSync(
      path.join(
        fixture.root,
        'lessons/2025-10-08-radio-talkgroup-opened-late-at-a-flooding-exercise.md',
      ),
      'utf8',
    );
    expect(text).toContain(
      '## What happened\n\nThe talkgroup was opened late.\n\nSecond paragraph, with a comma.\n',
    );
    expect(text).toContain('risks:\n  - coastal-flooding\n');
    const { diagnostics } = await validateContent({
      root: fixture.root,
      cwd: fixture.cwd,
      cache: false,
      workers: 0,
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('writes nothing when any row is invalid, and reports each problem at its row and cell', async () => {
    const badDate = [...ROW_PRACTICE];
    badDate[3] = '2025-02-30';
    const badSource = [...ROW_LESSON];
    badSource[1] = 'Another radio lesson about talkgroups opened late';
    badSource[4] = 'incidnt';
    badSource[5] = 'nobody';
    const before = lessons();
    const r = await cli('import.ts', [writeCsv([ROW_LESSON, badDate, badSource])], fixture.cwd);
    expect(r.code).toBe(1);
    expect(lessons()).toEqual(before);
    // Row 1 of data starts on line 2 and spans 3 lines (a cell with two paragraphs); the next rows start on lines 5 and 6.
    expect(r.stdout).toContain(
      'export.csv:5:4  error  Cannot name the file: the date is "2025-02-30"',
    );
    expect(r.stdout).toMatch(/export\.csv:6:5 {2}error {2}Unexpected source "incidnt"/);
    expect(r.stdout).toMatch(/export\.csv:6:6 {2}error {2}Unknown organisation "nobody"/);
    expect(r.stdout).toContain('✖ 3 errors in 3 rows: nothing was written');
  });

  it('--check reports without writing', async () => {
    const before = lessons();
    const r = await cli('import.ts', [writeCsv([ROW_LESSON]), '--check'], fixture.cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ 1 row valid (--check: nothing written)');
    expect(lessons()).toEqual(before);
  });

  it('unknown columns, two rows making one file and existing lessons are errors', async () => {
    let r = await cli(
      'import.ts',
      [writeCsv([ROW_LESSON], [...HEADER.slice(0, -1), 'Officer in charge'])],
      fixture.cwd,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('export.csv:1:18  error  Unknown column "Officer in charge"');

    r = await cli('import.ts', [writeCsv([ROW_LESSON, ROW_LESSON])], fixture.cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('export.csv:5:2  error  This row makes the same file as line 2');

    const existing = [...ROW_LESSON];
    existing[1] = 'Methane not shared';
    existing[3] = '2017-05-22';
    existing[7] = '2017-09-01';
    r = await cli('import.ts', [writeCsv([existing])], fixture.cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('A lesson with the id 2017-05-22-methane-not-shared already exists');
  });

  it('a file that is not CSV is reported with its line', async () => {
    const file = path.join(fixture.cwd, 'broken.csv');
    fs.writeFileSync(file, 'kind,title\n"lesson-identified,"unclosed\n');
    const r = await cli('import.ts', [file], fixture.cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken\.csv:\d+:1 {2}error {2}The file is not valid CSV/);
  });
});
