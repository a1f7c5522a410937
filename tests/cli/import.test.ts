/**
 * `npm run import -- file.csv` end to end: all rows valid → all written; any row invalid →
 * nothing written, each problem at its CSV line and column; the content root untouched while
 * checking and whenever the process is interrupted or killed.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateLessonCsv } from '../../scripts/lib/import/generate-csv.ts';
import { lessonColumns } from '../../scripts/lib/import/lesson-columns.ts';
import { validateContent } from '../../scripts/lib/validate-content.ts';
import { writeExportCsv } from '../helpers/csv-file.ts';
import { fixtureRoot, type FixtureRoot } from '../helpers/fixture-root.ts';
import { cli, REPO } from './run-cli.ts';

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

const writeCsv = (rows: string[][], header = HEADER) =>
  writeExportCsv(fixture.cwd, [header, ...rows]);

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

/** Every file and folder under a directory, with a hash of each file's bytes. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const abs = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, abs)] = entry.isDirectory()
      ? 'folder'
      : createHash('sha1').update(fs.readFileSync(abs)).digest('hex');
  }
  return out;
}

const ORGANISATIONS = [
  'greater-manchester-police',
  'north-west-ambulance-service',
  'greater-manchester-fire-and-rescue-service',
];
const stagingFolders = () =>
  fs.readdirSync(fixture.cwd).filter((e) => e.startsWith('.jol-import-'));

/**
 * Starts an import of a large CSV as a process, and sends it `signal` when `when` says so
 * (polled every millisecond): returns how it ended.
 */
async function interrupted(
  rows: number,
  signal: NodeJS.Signals,
  when: () => boolean,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const csv = path.join(fixture.cwd, 'large.csv');
  fs.writeFileSync(csv, generateLessonCsv({ rows, organisations: ORGANISATIONS }));
  const child = spawn(process.execPath, [path.join(REPO, 'scripts', 'import.ts'), csv], {
    cwd: fixture.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', JOL_TODAY: '2026-11-23' },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, sig) => resolve({ code, signal: sig })),
  );
  let running = true;
  void ended.then(() => (running = false));
  while (running && !when()) await new Promise((r) => setTimeout(r, 1));
  if (running) child.kill(signal);
  return { ...(await ended), stderr };
}

describe('npm run import: all or nothing', () => {
  const newLessons = (before: string[]) => lessons().filter((f) => !before.includes(f));

  it('SIGKILL while checking a large CSV leaves the content root exactly as it was', async () => {
    const before = tree(fixture.cwd);
    const names = lessons();
    // Checking takes seconds: the process is killed once it has begun (or as soon as a file
    // appears in the root, as the import once wrote its rows there to check them).
    const started = Date.now();
    const end = await interrupted(
      3000,
      'SIGKILL',
      () => Date.now() - started > 1500 || newLessons(names).length > 0,
    );
    expect(end.signal).toBe('SIGKILL');
    const after = tree(fixture.cwd);
    delete after['large.csv'];
    expect(after).toEqual(before);
  });

  it('SIGINT while the files are written undoes them: the content root is as it was', async () => {
    const before = tree(fixture.root);
    const names = lessons();
    const end = await interrupted(
      3000,
      'SIGINT',
      () => stagingFolders().length > 0 || newLessons(names).length > 0,
    );
    expect(end.code).toBe(130);
    expect(end.stderr).toContain('Interrupted: nothing was written');
    expect(tree(fixture.root)).toEqual(before);
    expect(stagingFolders()).toEqual([]);
  });

  it('SIGKILL while the files are moved in: the next import finishes or undoes it, never half', async () => {
    const before = tree(fixture.root);
    const names = lessons();
    const end = await interrupted(3000, 'SIGKILL', () => newLessons(names).length > 0);
    expect(end.signal).toBe('SIGKILL');
    // Any later import first completes a committed import or undoes an unfinished one.
    const r = await cli('import.ts', [writeCsv([ROW_LESSON]), '--check'], fixture.cwd);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/(Undid|Completed) an interrupted import/);
    expect(stagingFolders()).toEqual([]);
    const added = newLessons(names);
    if (/Undid/.test(r.stderr)) expect(tree(fixture.root)).toEqual(before);
    else expect(added).toHaveLength(3000);
  });

  it('--check writes nothing, in the content root or beside it', async () => {
    const before = tree(fixture.cwd);
    const r = await cli(
      'import.ts',
      [writeCsv([ROW_LESSON, ROW_PRACTICE]), '--check'],
      fixture.cwd,
    );
    expect(r.code).toBe(0);
    const after = tree(fixture.cwd);
    delete after['export.csv'];
    expect(after).toEqual(before);
  });
});

describe('npm run import: encodings and CSV syntax', () => {
  const csvBytes = (text: string) =>
    Buffer.from(stringify([HEADER, ROW_LESSON]).replace('Radio talkgroup', text), 'utf8');

  it('refuses a Windows-1252 file at the row, column and byte offset of its first invalid byte', async () => {
    for (const [char, byte] of [
      ['£', 0xa3],
      ['é', 0xe9],
    ] as const) {
      // The title (column 2 of the row on line 2) holds the character in Windows-1252.
      const utf8 = csvBytes(`Radio ${char}`);
      const at = utf8.indexOf(Buffer.from(char));
      const bytes = Buffer.concat([
        utf8.subarray(0, at),
        Buffer.from([byte]),
        utf8.subarray(at + Buffer.byteLength(char)),
      ]);
      const file = path.join(fixture.cwd, 'export.csv');
      fs.writeFileSync(file, bytes);
      const before = lessons();
      const r = await cli('import.ts', [file], fixture.cwd);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        `export.csv:2:2  error  The file is not UTF-8: found the byte 0x${byte.toString(16).toUpperCase()} at byte offset ${at}, expected UTF-8 text`,
      );
      expect(r.stdout).not.toContain('\uFFFD');
      expect(lessons()).toEqual(before);
    }
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const file = path.join(fixture.cwd, 'export.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csvBytes('Radio £5')]));
    const r = await cli('import.ts', [file, '--check'], fixture.cwd);
    expect(r.stdout).toBe('✔ 1 row valid (--check: nothing written)\n');
    expect(r.code).toBe(0);
  });

  it('reports a syntax error at the column where it is', async () => {
    const file = path.join(fixture.cwd, 'broken.csv');
    fs.writeFileSync(file, 'kind,title,summary\nlesson-identified,A title,"quoted" then text\n');
    let r = await cli('import.ts', [file], fixture.cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /broken\.csv:2:3 {2}error {2}The file is not valid CSV: Invalid Closing Quote/,
    );
    fs.writeFileSync(file, 'kind,title,summary\nlesson-identified,A title,summary,extra\n');
    r = await cli('import.ts', [file], fixture.cwd);
    expect(r.stdout).toMatch(/broken\.csv:2:4 {2}error {2}Row has 4 cells, expected 3/);
  });
});

describe('npm run import: warnings and positions', () => {
  it('warns about cells a spreadsheet would run as formulas, at their row and column, and imports them as text', async () => {
    const row = [...ROW_LESSON];
    row[12] = '=HYPERLINK("https://example.org","click")';
    row[14] = '- Open it at once.';
    const r = await cli('import.ts', [writeCsv([ROW_PRACTICE, row])], fixture.cwd);
    expect(r.stdout).toContain(
      'export.csv:3:13  warning  Cell starts with "=", which a spreadsheet runs as a formula',
    );
    expect(r.stdout).toContain('export.csv:3:15  warning  Cell starts with "-"');
    expect(r.stdout).toContain('✔ Imported 2 lessons');
    expect(r.code).toBe(0);
  });

  it('reports personal data at the CSV row and the column of the cell that holds it', async () => {
    const row = [...ROW_LESSON];
    row[2] = `${ROW_LESSON[2]} Call 07700 900123 for the log.`;
    row[13] = 'Messages were delayed.\n\nEmail jo.bloggs@example.com for the log.';
    const r = await cli('import.ts', [writeCsv([ROW_PRACTICE, row])], fixture.cwd);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.includes('(personal-data'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/export\.csv:3:3 {2}error {2}.*07700 900123/);
    expect(lines[1]).toMatch(/export\.csv:3:14 {2}error {2}.*jo\.bloggs@example\.com/);
  });
});

describe('npm run import -- --help', () => {
  it('lists every column of the schema, whether it is required and its format, with an example row that imports', async () => {
    const r = await cli('import.ts', ['--help'], fixture.cwd);
    expect(r.code).toBe(0);
    for (const c of lessonColumns()) {
      expect(r.stdout).toContain(`  ${c.header} (`);
      expect(r.stdout).toContain(`format: ${c.format}`);
    }
    expect(r.stdout).toMatch(
      / {2}Title \(title\) — required\n {6}format: one line of text, 10 to 120 characters/,
    );
    expect(r.stdout).toMatch(
      / {2}Risks \(risks\) — optional\n {6}format: one or more.*coastal-flooding/,
    );
    expect(r.stdout).toMatch(/ {2}What happened \(section\) — required for a lesson identified/);
    const example = r.stdout
      .split('Example:\n\n')[1]!
      .trimEnd()
      .split('\n')
      .map((l) => l.slice(2));
    const file = path.join(fixture.cwd, 'example.csv');
    fs.writeFileSync(file, `${example.join('\n')}\n`);
    const imported = await cli('import.ts', [file], fixture.cwd);
    expect(imported.stdout).toContain('✔ Imported 1 lesson\n');
  });
});
