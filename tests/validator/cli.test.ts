/**
 * The validator as a user runs it: `node scripts/validate.ts` in a content root, its exit
 * codes, its three output formats and PR mode (paths given).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INVALID, fixtureRoot, type FixtureRoot } from '../helpers/fixture-root.ts';

const CLI = path.resolve(import.meta.dirname, '../../scripts/validate.ts');
const roots: FixtureRoot[] = [];
afterAll(() => roots.forEach((r) => r.cleanup()));

function root(overlay?: string) {
  const r = fixtureRoot(overlay);
  roots.push(r);
  return r;
}

function run(r: FixtureRoot, args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: r.cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      JOL_TODAY: '2026-11-23',
      JOL_CONTENT_DIR: 'content',
      JOL_CACHE_DIR: path.join(r.cwd, '.cache'),
      GITHUB_STEP_SUMMARY: '',
      ...env,
    },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('exit codes and text output', () => {
  it('exits 0 and says so for valid content', () => {
    const { code, out } = run(root());
    expect(code).toBe(0);
    expect(out.trim()).toBe('✔ 12 files checked: no problems');
  });

  it('exits 1 with file:line:col lines and a summary for invalid content', () => {
    const { code, out } = run(root(path.join(INVALID, 'schema/enum')));
    expect(code).toBe(1);
    expect(out).toContain(
      'content/lessons/2017-05-22-methane-not-shared.md:8:9  error  Unexpected source "incidnt"',
    );
    expect(out.trim().split('\n').at(-1)).toBe(
      '✖ 4 errors and 0 warnings in 2 files (12 files checked)',
    );
  });

  it('exits 0 with warnings only', () => {
    const { code, out } = run(root(path.join(INVALID, 'cross-record/audience')));
    expect(code).toBe(0);
    expect(out).toContain('⚠ 0 errors and 1 warning in 1 file');
  });

  it('exits 2 on usage errors, with a message and no stack trace', () => {
    const r = root();
    for (const [args, env, message] of [
      [['--format', 'xml'], {}, 'Unknown format "xml", expected one of text, github, json'],
      [['content/lessons/nope.md'], {}, 'No such file or folder: content/lessons/nope.md'],
      [['--bogus'], {}, "Unknown option '--bogus'"],
      [[], { JOL_CONTENT_DIR: 'missing' }, 'Content folder not found'],
      [[], { JOL_TODAY: '2025-02-30' }, 'JOL_TODAY must be a date'],
    ] as const) {
      const { code, err } = run(r, [...args], env);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toContain(message);
      expect(err).not.toMatch(/\n\s+at /);
    }
  });

  it('prints help', () => {
    const { code, out } = run(root(), ['--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: npm run validate');
  });
});

describe('formats', () => {
  it('json is an array of {file, line, column, severity, rule, message}', () => {
    const { code, out } = run(root(path.join(INVALID, 'schema/enum')), ['--format', 'json']);
    expect(code).toBe(1);
    const items = JSON.parse(out) as Record<string, unknown>[];
    expect(items).toHaveLength(4);
    for (const item of items)
      expect(Object.keys(item)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
    expect(items[0]).toEqual({
      file: 'content/lessons/2017-05-22-methane-not-shared.md',
      line: 8,
      column: 9,
      severity: 'error',
      rule: 'schema/enum',
      message:
        'Unexpected source "incidnt", expected one of incident, exercise, training, testing, external (did you mean "incident"?)',
    });
  });

  it('github writes escaped workflow annotations and a Markdown job summary', () => {
    const r = root(path.join(INVALID, 'schema/enum'));
    const summary = path.join(r.cwd, 'summary.md');
    fs.writeFileSync(summary, '');
    const { code, out } = run(r, ['--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(code).toBe(1);
    expect(out.split('\n')[0]).toBe(
      '::error file=content/lessons/2017-05-22-methane-not-shared.md,line=8,col=9,title=JOL schema/enum::Unexpected source "incidnt", expected one of incident, exercise, training, testing, external (did you mean "incident"?)',
    );
    const md = fs.readFileSync(summary, 'utf8');
    expect(md).toContain('### JOL content check: changes needed');
    expect(md).toContain(
      '| `content/organisations/greater-manchester-police.yaml:2:9` | error | Unexpected sector "policing"',
    );
  });

  it('--summary writes the Markdown summary to a file too', () => {
    const r = root();
    const file = path.join(r.cwd, 'comment.md');
    expect(run(r, ['--summary', file]).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('### JOL content check: passed');
  });
});

describe('PR mode (paths given)', () => {
  it('lints only the given files', () => {
    const r = root(path.join(INVALID, 'schema/enum'));
    const { code, out } = run(r, ['content/lessons/2017-06-01-joint-welfare-cell.md']);
    expect(code).toBe(0);
    expect(out.trim()).toBe('✔ 1 file checked: no problems');
  });

  it('resolves references against the whole repository', () => {
    const r = root();
    const lesson = path.join(r.root, 'lessons', '2017-05-23-new-lesson.md');
    const text = fs
      .readFileSync(path.join(r.root, 'lessons', '2017-05-22-methane-not-shared.md'), 'utf8')
      .replace('date: 2017-05-22', 'date: 2017-05-23')
      .replace(
        'title: M/ETHANE messages were not shared between control rooms',
        'title: Ambulance control received the first message late',
      )
      .replace(
        'tags: [control-rooms, methane]',
        'tags: [control-rooms]\nrelated: [2017-06-01-joint-welfare-cell, 2017-06-01-no-such-lesson]',
      );
    fs.writeFileSync(lesson, text);
    const { code, out } = run(r, ['content/lessons/2017-05-23-new-lesson.md']);
    expect(code).toBe(1);
    expect(out).toContain(
      'content/lessons/2017-05-23-new-lesson.md:20:42  error  Unknown lesson "2017-06-01-no-such-lesson" in related',
    );
    expect(out).not.toContain('2017-06-01-joint-welfare-cell"');
    expect(out).toContain('(1 file checked)');
  });

  it('reports records elsewhere that a change breaks (a deleted event, a record made non-public)', () => {
    const r = root();
    fs.rmSync(path.join(r.root, 'events', '2017-05-22-manchester-arena-attack.yaml'));
    const note = path.join(r.root, 'action-notes', '2018-001.md');
    fs.writeFileSync(note, fs.readFileSync(note, 'utf8'));
    const lesson = path.join(r.root, 'lessons', '2017-05-22-methane-not-shared.md');
    fs.writeFileSync(
      lesson,
      fs.readFileSync(lesson, 'utf8').replace('public: true', 'public: false'),
    );
    const { code, out } = run(r, ['content/lessons/2017-05-22-methane-not-shared.md']);
    expect(code).toBe(1);
    expect(out).toContain(
      'content/lessons/2017-06-01-joint-welfare-cell.md:9:8  error  Unknown event "2017-05-22-manchester-arena-attack"',
    );
    expect(out).toContain(
      'content/action-notes/2018-001.md:8:11  error  This public action note refers to lesson "2017-05-22-methane-not-shared", which is not public',
    );
    expect(out).toContain(
      'content/lessons/2017-06-01-joint-welfare-cell.md:14:11  error  This public lesson refers to lesson "2017-05-22-methane-not-shared"',
    );
  });
});
