/** `npm run new` end to end with flags: each kind writes a file the validator accepts; bad input writes nothing. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateContent } from '../../scripts/lib/validate-content.ts';
import { TALKGROUP_LESSON } from '../helpers/lesson-flags.ts';
import { fixtureRoot, type FixtureRoot } from '../helpers/fixture-root.ts';
import { cli } from './run-cli.ts';

let fixture: FixtureRoot;
beforeEach(() => {
  fixture = fixtureRoot();
});
afterEach(() => fixture.cleanup());

const newRecord = (args: string[]) => cli('new.ts', args, fixture.cwd);

async function errorsInRoot(): Promise<string[]> {
  const { diagnostics } = await validateContent({
    root: fixture.root,
    cwd: fixture.cwd,
    cache: false,
    workers: 0,
  });
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
}

const LESSON = [
  ...TALKGROUP_LESSON.head,
  '--criteria',
  'National impact',
  '--principles',
  'Communicate',
  '--risks',
  'coastal-flooding',
  '--tags',
  'radio',
  '--tags',
  'flooding',
  ...TALKGROUP_LESSON.tail,
];

const KINDS: [string, string[], string][] = [
  [
    'lesson',
    LESSON,
    'content/lessons/2025-10-08-radio-talkgroup-opened-late-at-a-flooding-exercise.md',
  ],
  [
    'notable-practice',
    [
      '--title',
      'One shared flood map for every agency',
      '--summary',
      'A joint flood cell kept one map that every agency updated, so commanders shared one picture.',
      '--date',
      '2025-10-08',
      '--source',
      'exercise',
      '--submitted-by',
      'greater-manchester-police',
      '--submitted',
      '2025-11-01',
      '--criteria',
      'improves-interoperability',
      '--classification',
      'official',
      '--what-was-done',
      'One map.',
      '--why-it-worked',
      'Everyone updated it.',
      '--how-others-can-adopt-it',
      'Put it in the plan.',
    ],
    'content/lessons/2025-10-08-one-shared-flood-map-for-every-agency.md',
  ],
  [
    'action-note',
    [
      '--title',
      'Open the interoperability talkgroup early',
      '--summary',
      'Control rooms are asked to open the interoperability talkgroup as soon as a major incident is declared.',
      '--issued',
      '2026-02-01',
      '--kind',
      'for-action',
      '--lessons',
      '2017-05-22-methane-not-shared',
      '--audience',
      'police,ambulance',
      '--recommendation',
      'Open the talkgroup at declaration | 2026-06-01',
      '--recommendation',
      'Test it in exercises',
      '--report-back-by',
      '2026-09-01',
      '--classification',
      'official',
      '--background',
      'Several debriefs found the talkgroup opened late.',
    ],
    'content/action-notes/2026-001.md',
  ],
  [
    'event',
    [
      '--name',
      'Exercise Northern Flood',
      '--type',
      'exercise',
      '--start',
      '2025-03-04',
      '--end',
      '2025-03-05',
      '--area',
      'Greater Manchester',
      '--forum',
      'greater-manchester-lrf',
      '--major-incident-declared',
      'no',
      '--organisations',
      'greater-manchester-police',
      '--debrief',
      'hot 2025-03-05',
      '--debrief',
      'structured:2025-04-01',
      '--classification',
      'official',
    ],
    'content/events/2025-03-04-exercise-northern-flood.yaml',
  ],
  [
    'organisation',
    [
      '--name',
      'Bolton Council',
      '--sector',
      'local-authority',
      '--category',
      'category-1',
      '--nation',
      'england',
      '--forum',
      'greater-manchester-lrf',
      '--spoc',
      'bolton-jol-spoc',
      '--mailbox',
      'resilience@bolton.example',
    ],
    'content/organisations/bolton-council.yaml',
  ],
  [
    'assurance-return',
    [
      '--action-note',
      '2018-001',
      '--organisation',
      'greater-manchester-fire-and-rescue-service',
      '--updated',
      '2026-01-10',
      '--return',
      'R1: implemented: Fire control forwards every message: see the log.',
      '--return',
      'R2:in-progress',
    ],
    'content/assurance/2018-001/greater-manchester-fire-and-rescue-service.yaml',
  ],
];

describe('npm run new -- <kind> --yes', () => {
  for (const [kind, args, file] of KINDS) {
    it(`${kind} writes ${file}, and the whole content root stays valid`, async () => {
      const r = await newRecord([kind, '--yes', ...args]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`✔ Wrote ${file}`);
      expect(r.code).toBe(0);
      expect(fs.existsSync(path.join(fixture.cwd, file))).toBe(true);
      expect(await errorsInRoot()).toEqual([]);
    });
  }

  it('maps names to vocabulary ids and writes lists as lists', async () => {
    await newRecord(['lesson', '--yes', ...LESSON]);
    const text = fs.readFileSync(path.join(fixture.cwd, KINDS[0]![2]), 'utf8');
    expect(text).toContain('criteria:\n  - interoperability\n  - national-impact\n');
    expect(text).not.toContain('National impact');
    expect(text).toContain('principles:\n  - communicate\n');
    expect(text).toContain(
      'organisations:\n  - greater-manchester-police\n  - north-west-ambulance-service\n',
    );
    expect(text).toContain('public: false\n');
  });
});

describe('bad input writes nothing', () => {
  it('an invalid record is reported at file:line:col and kept only as a draft', async () => {
    const args = LESSON.map((a) =>
      a === 'exercise'
        ? 'exercize'
        : a === 'greater-manchester-police'
          ? 'no-such-organisation'
          : a,
    );
    const r = await newRecord(['lesson', '--yes', ...args]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /content\/lessons\/2025-10-08-radio-talkgroup-opened-late-at-a-flooding-exercise\.md:\d+:\d+ {2}error {2}Unexpected source "exercize"/,
    );
    expect(r.stdout).toContain('Unknown organisation "no-such-organisation"');
    expect(fs.existsSync(path.join(fixture.cwd, KINDS[0]![2]))).toBe(false);
    const draft = /saved in (\S+)/.exec(r.stdout)![1]!;
    expect(fs.readFileSync(draft, 'utf8')).toContain('source: exercize');
  });

  it('a title with ../ and $(…) still makes a safe file name', async () => {
    const args = LESSON.map((a) =>
      a === 'Radio talkgroup opened late at a flooding exercise'
        ? '../../$(touch pwned) ../etc/passwd talkgroup'
        : a,
    );
    const r = await newRecord(['lesson', '--yes', ...args]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '✔ Wrote content/lessons/2025-10-08-touch-pwned-etc-passwd-talkgroup.md',
    );
    expect(fs.existsSync(path.join(fixture.cwd, 'pwned'))).toBe(false);
  });

  it('never replaces an existing record', async () => {
    const existing = path.join(fixture.root, 'organisations/greater-manchester-police.yaml');
    const before = fs.readFileSync(existing, 'utf8');
    const r = await newRecord([
      'organisation',
      '--yes',
      '--name',
      'Greater Manchester Police',
      '--sector',
      'police',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already exists');
    expect(fs.readFileSync(existing, 'utf8')).toBe(before);
  });

  it('an assurance return for a folder outside the content root is refused', async () => {
    const r = await newRecord([
      'assurance-return',
      '--yes',
      '--action-note',
      '../../x',
      '--organisation',
      'gmp',
      '--updated',
      '2026-01-01',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Expected an action-note id such as "2025-002"');
  });

  it('usage errors exit 2', async () => {
    expect((await newRecord(['meeting'])).code).toBe(2);
    expect((await newRecord(['lesson', '--colour', 'red'])).code).toBe(2);
    const help = await newRecord(['lesson', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--submitted-by (required)');
  });
});
