/**
 * The `jol` command line as its users call it: `npx jol …` and the bin itself, from a shell
 * whose PATH finds the system's Node (20) before the project's Node 24; progress on stderr in
 * a terminal (a pseudo-terminal) and never in pipes or CI; `npm run -s validate -- --format
 * json` printing JSON alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus/generate.ts';
import { writeExportCsv } from '../helpers/csv-file.ts';
import { TALKGROUP_LESSON } from '../helpers/lesson-flags.ts';
import { fixtureRoot, tempDir, type FixtureRoot } from '../helpers/fixture-root.ts';
import { REPO, inTerminal, runProcess } from './run-cli.ts';

const LAUNCHER = path.join(REPO, 'scripts/jol.mjs');
/** System folders first, as in a shell where the machine's Node 20 is the `node` found. */
const SYSTEM_FIRST = `/usr/bin:/bin:${process.env.PATH ?? ''}`;

let fixture: FixtureRoot;
beforeEach(() => {
  fixture = fixtureRoot();
});
afterEach(() => fixture.cleanup());

/** The environment of a user's shell: no CI, the fixture as content root. */
function userEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: SYSTEM_FIRST,
    HOME: process.env.HOME ?? '',
    TERM: 'xterm',
    JOL_TODAY: '2026-11-23',
    JOL_CONTENT_DIR: fixture.root,
    ...extra,
  };
}

const npx = (args: string[], extra: Record<string, string> = {}) =>
  runProcess('npx', ['--no-install', 'jol', ...args], { cwd: REPO, env: userEnv(extra) });
/** The bin file started by whichever `node` the PATH finds first. */
const bin = (args: string[], cwd = fixture.cwd, extra: Record<string, string> = {}) =>
  runProcess('node', [LAUNCHER, ...args], { cwd, env: userEnv(extra) });

const LESSON_FLAGS = ['--yes', ...TALKGROUP_LESSON.head, ...TALKGROUP_LESSON.tail];
const LESSON_FILE = 'lessons/2025-10-08-radio-talkgroup-opened-late-at-a-flooding-exercise.md';

function csvOfOneLesson(): string {
  return writeExportCsv(fixture.cwd, [
    ['Kind', 'Title', 'Summary', 'Date', 'Source', 'Submitted by', 'Organisations'].concat([
      'Submitted',
      'Criteria',
      'Classification',
      'Public',
      'What happened',
      'Why it matters',
      'Recommendation',
    ]),
    [
      'Lesson identified',
      'Radio talkgroup opened late at a flooding exercise',
      'During a multi-agency flooding exercise the interoperability talkgroup was opened only after the first joint meeting.',
      '2025-10-08',
      'exercise',
      'greater-manchester-police',
      'greater-manchester-police; north-west-ambulance-service',
      '2025-11-01',
      'interoperability',
      'official',
      'no',
      'The talkgroup was opened late.',
      'Messages were delayed.',
      'Open it at once.',
    ],
  ]);
}

describe('npx jol', () => {
  it('--help lists the commands', async () => {
    const r = await npx(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['validate', 'new', 'import', 'schemas', 'forms', 'codeowners'])
      expect(r.stdout).toMatch(new RegExp(`^ {2}${command} +\\S`, 'm'));
  });

  it('runs on the project’s Node 24 though the PATH finds another Node first', async () => {
    const system = await runProcess('node', ['--version'], { cwd: REPO, env: userEnv() });
    const viaNpx = await npx(['--version']);
    const viaBin = await bin(['--version']);
    expect(viaNpx.stdout).toMatch(/^jol \d+\.\d+\.\d+ \(Node 24\.\d+\.\d+\)$/m);
    expect(viaBin.stdout).toBe(viaNpx.stdout);
    // What the shell's own `node` is does not matter (Node 20 on this project's machines).
    expect(system.stdout).toMatch(/^v\d+\./);
  });

  it('validate reports like npm run validate, with its exit codes', async () => {
    const clean = await npx(['validate']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/✔ \d+ files checked: no problems/);
    fs.appendFileSync(
      path.join(fixture.root, 'events/2025-10-08-exercise-paper-lantern.yaml'),
      'colour: red\n',
    );
    const broken = await bin(['validate']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      /^content\/events\/2025-10-08-exercise-paper-lantern\.yaml:\d+:1 {2}error {2}.*\(schema\/unknown-key\)$/m,
    );
    const usage = await bin(['validate', '--format', 'xml']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Unknown format "xml"');
  });

  it('new lesson with flags writes a checked record', async () => {
    const r = await bin(['new', 'lesson', ...LESSON_FLAGS]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`✔ Wrote content/${LESSON_FILE}`);
    expect(fs.readFileSync(path.join(fixture.root, LESSON_FILE), 'utf8')).toContain(
      'title: Radio talkgroup opened late at a flooding exercise',
    );
    const check = await bin(['validate']);
    expect(check.code).toBe(0);
  });

  it('import --check reports every row and writes nothing', async () => {
    const before = fs.readdirSync(path.join(fixture.root, 'lessons'));
    const r = await bin(['import', csvOfOneLesson(), '--check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ 1 row valid (--check: nothing written)\n');
    expect(fs.readdirSync(path.join(fixture.root, 'lessons'))).toEqual(before);
  });

  it('an unknown command is a usage error', async () => {
    const r = await bin(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command "frobnicate"');
  });
});

describe('npm run -s validate -- --format json', () => {
  it('prints JSON alone, which parses', async () => {
    fs.appendFileSync(
      path.join(fixture.root, 'events/2025-10-08-exercise-paper-lantern.yaml'),
      'colour: red\n',
    );
    const r = await runProcess('npm', ['run', '-s', 'validate', '--', '--format', 'json'], {
      cwd: REPO,
      env: userEnv(),
    });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { rule: string; severity: string }[];
    expect(report).toContainEqual(
      expect.objectContaining({ rule: 'schema/unknown-key', severity: 'error' }),
    );
  });
});

describe('progress on long runs', () => {
  let corpus: string;
  const LESSONS = 260; // more than the validator checks inline: its worker threads run
  beforeEach(() => {
    corpus = tempDir('jol-corpus-');
    generateCorpus(path.join(corpus, 'content'), { lessons: LESSONS, seed: 11 });
  });
  afterEach(() => fs.rmSync(corpus, { recursive: true, force: true }));

  const corpusEnv = (extra: Record<string, string> = {}) =>
    userEnv({ JOL_CONTENT_DIR: path.join(corpus, 'content'), ...extra });
  const files = () =>
    fs
      .readdirSync(path.join(corpus, 'content'), { recursive: true })
      .filter((f) => /\.(md|yaml)$/.test(String(f))).length;

  it('validation counts the files checked on stderr in a terminal, in place', async () => {
    const total = files();
    const r = await inTerminal(`node ${LAUNCHER} validate --no-cache`, {
      cwd: corpus,
      env: corpusEnv(),
    });
    expect(r.code).toBe(0);
    const shown = `Checked ${total.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} files`;
    expect(r.stdout).toContain(shown);
    // Updated in place: each new count erases the line before it (log-update's sequence).
    expect(r.stdout).toContain('\u001b[2K\u001b[1A\u001b[2K\u001b[GChecked ');
    // The line is cleared before the report, which follows on its own lines.
    const report = r.stdout.slice(r.stdout.lastIndexOf(shown));
    expect(report).toContain(`${total} files checked`);
  });

  it('is quiet when CI is set, and when stderr is not a terminal', async () => {
    const ci = await inTerminal(`node ${LAUNCHER} validate --no-cache`, {
      cwd: corpus,
      env: corpusEnv({ CI: 'true' }),
    });
    expect(ci.code).toBe(0);
    expect(ci.stdout).not.toContain('Checked');
    expect(ci.stdout).not.toContain('\u001b[');
    const piped = await bin(['validate', '--no-cache'], corpus, corpusEnv());
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
  });

  it('import counts rows and files in a terminal, and is quiet in a pipe', async () => {
    const csv = csvOfOneLesson();
    const tty = await inTerminal(`node ${LAUNCHER} import ${csv} --check`, {
      cwd: fixture.cwd,
      env: userEnv(),
    });
    expect(tty.code).toBe(0);
    expect(tty.stdout).toContain('Prepared 1 of 1 rows');
    expect(tty.stdout).toMatch(/Checked (\d+) of \1 files/);
    expect(tty.stdout).toContain('✔ 1 row valid (--check: nothing written)');
    const piped = await bin(['import', csv, '--check']);
    expect(piped.stderr).toBe('');
  });
});
