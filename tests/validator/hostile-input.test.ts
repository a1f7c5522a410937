/**
 * Records built to hurt: symbolic links out of the root, to nothing or in a loop, FIFOs,
 * Markdown whose parse time grows with the square of its size, YAML bombs and stack-deep
 * nesting. Each is an error at its own path and position, and every other file is still
 * checked: through the validator CLI as a process (exit codes) and through validateContent.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../scripts/lib/validate-content.ts';
import { renderMarkdown } from '../../scripts/lib/render-html.ts';
import { fixtureRoot, VALID, type FixtureRoot } from '../helpers/fixture-root.ts';

process.env.JOL_TODAY = '2026-11-23';
const CLI = path.resolve(import.meta.dirname, '../../scripts/validate.ts');
const LESSON = 'lessons/2017-05-22-methane-not-shared.md';
const OTHER = 'lessons/2017-06-01-joint-welfare-cell.md';
const lesson = fs.readFileSync(path.join(VALID, LESSON), 'utf8');
const roots: FixtureRoot[] = [];
afterAll(() => roots.forEach((r) => r.cleanup()));

/** The valid fixture, changed by `setup`, with a planted error in another lesson. */
function root(setup: (root: string) => void): FixtureRoot {
  const r = fixtureRoot();
  roots.push(r);
  const other = path.join(r.root, OTHER);
  fs.writeFileSync(other, fs.readFileSync(other, 'utf8').replace(/source: \w+/, 'source: incidnt'));
  setup(r.root);
  return r;
}

function cli(r: FixtureRoot, args: string[] = []) {
  const result = spawnSync(process.execPath, [CLI, '--format', 'json', ...args], {
    cwd: r.cwd,
    encoding: 'utf8',
    env: { ...process.env, JOL_CONTENT_DIR: 'content', JOL_CACHE_DIR: path.join(r.cwd, '.c') },
  });
  const found = result.stdout
    ? (JSON.parse(result.stdout) as { file: string; line: number; rule: string }[])
    : [];
  return { code: result.status, stderr: result.stderr, found };
}

const planted = { file: `content/${OTHER}`, rule: 'schema/enum' };

describe('symbolic links and special files', () => {
  it('refuses links out of the root (a record, /etc/passwd) and checks everything else', () => {
    const r = root((c) => {
      const outside = path.join(path.dirname(c), 'outside.md');
      fs.writeFileSync(outside, lesson.replace('M/ETHANE messages were', 'Outside'));
      fs.symlinkSync(outside, path.join(c, 'lessons/2020-01-01-outside.md'));
      fs.symlinkSync('/etc/passwd', path.join(c, 'lessons/2020-01-02-passwd.md'));
    });
    const { code, found } = cli(r);
    expect(code).toBe(1);
    expect(found).toContainEqual(expect.objectContaining(planted));
    for (const name of ['2020-01-01-outside.md', '2020-01-02-passwd.md'])
      expect(found.filter((d) => d.file === `content/lessons/${name}`)).toEqual([
        expect.objectContaining({ rule: 'file/symlink' }),
      ]);
  });

  it('follows a link that stays inside the root', async () => {
    const r = root((c) =>
      fs.symlinkSync(path.join(c, OTHER), path.join(c, 'lessons/2017-06-01-joint-welfare-kept.md')),
    );
    const { diagnostics } = await validateContent({ root: r.root, cwd: r.cwd, cache: false });
    expect(diagnostics.filter((d) => d.file.endsWith('kept.md')).map((d) => d.rule)).toContain(
      'schema/enum',
    );
  });

  it('reports a dangling link and a loop at their paths, exit 1, in full and in PR mode', () => {
    const r = root((c) => {
      fs.symlinkSync('nowhere.md', path.join(c, 'lessons/2020-01-01-dangling.md'));
      fs.symlinkSync('2020-01-03-b.md', path.join(c, 'lessons/2020-01-03-a.md'));
      fs.symlinkSync('2020-01-03-a.md', path.join(c, 'lessons/2020-01-03-b.md'));
    });
    const full = cli(r);
    expect(full.code).toBe(1);
    expect(full.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(full.found).toContainEqual(expect.objectContaining(planted));
    for (const name of ['2020-01-01-dangling.md', '2020-01-03-a.md', '2020-01-03-b.md'])
      expect(full.found).toContainEqual(
        expect.objectContaining({ file: `content/lessons/${name}`, rule: 'file/symlink' }),
      );
    const pr = cli(r, ['content/lessons/2020-01-01-dangling.md']);
    expect(pr.code).toBe(1);
    expect(pr.found.map((d) => d.rule)).toEqual(['file/symlink']);
  });

  it('refuses a FIFO without reading it (it would block forever)', () => {
    const r = root((c) =>
      spawnSync('mkfifo', [path.join(c, 'lessons/2020-01-01-pipe.md')], { stdio: 'ignore' }),
    );
    const { code, found } = cli(r);
    expect(code).toBe(1);
    expect(found).toContainEqual(expect.objectContaining(planted));
    expect(found).toContainEqual(
      expect.objectContaining({
        file: 'content/lessons/2020-01-01-pipe.md',
        rule: 'file/not-regular',
      }),
    );
  });
});

/** Validates the fixture with the lesson's body extended by `extra`; the planted error too. */
async function withBody(
  extra: string,
  options: { fileTimeLimit?: number; renderBodies?: boolean; paths?: string[] } = {},
) {
  const r = root((c) => fs.writeFileSync(path.join(c, LESSON), `${lesson}\n${extra}\n`));
  const { diagnostics } = await validateContent({
    root: r.root,
    cwd: r.cwd,
    cache: false,
    // A generous bound: nothing here may come near it, and the run still ends if it did.
    fileTimeLimit: 30,
    ...options,
  });
  expect(diagnostics).toContainEqual(expect.objectContaining(planted));
  return diagnostics.filter((d) => d.file === `content/${LESSON}`);
}

const bodyLine = lesson.split('\n').length + 1;

describe('Markdown that micromark parses in quadratic time', () => {
  const emphasis = (n: number) => `${'*a '.repeat(n)}b${' a*'.repeat(n)}`;
  it.each([
    ['emphasis runs, 24 KB', emphasis(4000), 'markdown/delimiter-runs', 1501],
    ['emphasis runs, near 1 MiB', emphasis(170_000), 'markdown/delimiter-runs', 1501],
    ['block quotes 40,000 deep', '>'.repeat(40_000), 'markdown/too-deep', 33],
    ['block quotes near 1 MiB deep', '>'.repeat(1_040_000), 'markdown/too-deep', 33],
    [
      'a table of 100,000 rows (1 MB)',
      `| a |\n|---|\n${'| x | y |\n'.repeat(100_000)}`,
      'markdown/too-large',
      1,
    ],
    ['20,000 links in one paragraph', '[a](b) '.repeat(20_000), 'markdown/delimiter-runs', 3501],
    [
      '20,000 HTML comments in one paragraph',
      '<!--'.repeat(20_000),
      'markdown/delimiter-runs',
      2001,
    ],
    ['lists 4,000 deep on one line', `${'- '.repeat(4000)}x`, 'markdown/too-deep', 65],
    [
      'lists 500 deep by indentation',
      Array.from({ length: 500 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n'),
      'markdown/too-deep',
      1,
    ],
  ])('%s: refused before parsing, at the place', async (_, extra, rule, column) => {
    const found = await withBody(extra);
    expect(found[0]).toMatchObject({ rule, line: expect.any(Number) as number });
    expect(found[0]!.line).toBeGreaterThanOrEqual(bodyLine);
    if (column !== 1) expect(found[0]!.column).toBe(column);
  });

  it('leaves ordinary emphasis, nesting and thematic breaks alone', async () => {
    const extra = [
      '> - *one* _two_ **three**',
      '>   - 1. nested',
      '',
      '- - -',
      '',
      '```',
      `${'*x '.repeat(600)}`,
      '```',
    ].join('\n');
    expect(await withBody(extra)).toEqual([]);
  });

  it('renders a refused body as text, without parsing it (the build)', () => {
    const html = renderMarkdown(`${'>'.repeat(40_000)}<script>`);
    expect(html).toContain('&#x3C;script>');
    expect(html).not.toContain('<blockquote>');
  });

  // The largest body the pre-scan lets through (lines, headings, links) takes about a second
  // to check and render; the other records a few milliseconds. A limit of 0.1 s times the one
  // out and none of the others.
  const words =
    'The control room shared the message with partners and the JESIP joint decision model. ';
  const unit = `## A heading [with](a) link\n\n${`Words [a](b) and \\e, ${words}${words.slice(0, 60)}\n`.repeat(7)}${`Words &amp; \\e, ${words}${words}\n`.repeat(13)}\n`;
  const slowBody = unit.repeat(210);

  it('gives a file that overruns the time limit file/timeout, and checks every other file', async () => {
    const found = await withBody(slowBody, { fileTimeLimit: 0.1, renderBodies: true });
    expect(found).toEqual([expect.objectContaining({ rule: 'file/timeout', line: 0 })]);
    expect(found[0]!.message).toMatch(/took longer than 0.1 s to read/);
  });

  it('times a file out in PR mode too, where the worker is started before discovery', async () => {
    const found = await withBody(slowBody, {
      fileTimeLimit: 0.1,
      renderBodies: true,
      paths: [`content/${LESSON}`, `content/${OTHER}`],
    });
    expect(found).toEqual([expect.objectContaining({ rule: 'file/timeout', line: 0 })]);
  });
});

describe('frontmatter', () => {
  async function lessonWith(from: string | RegExp, to: string) {
    const r = root((c) => fs.writeFileSync(path.join(c, LESSON), lesson.replace(from, to)));
    const { diagnostics } = await validateContent({ root: r.root, cwd: r.cwd, cache: false });
    return diagnostics
      .filter((d) => d.file === `content/${LESSON}`)
      .map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`);
  }

  it('reports a tag inside a folded summary at the tag', async () => {
    expect(await lessonWith('M/ETHANE messages passed', 'M/ETHANE <b>messages</b> passed')).toEqual(
      ['6:12 schema/plain-text Expected summary to be plain text, found an HTML tag'],
    );
  });

  it('refuses a right-to-left override in the title, at the character', async () => {
    const found = await lessonWith('M/ETHANE messages were', 'M/ETHANE \u202Emessages were');
    expect(found).toEqual([expect.stringMatching(/^3:17 schema\/plain-text .*U\+202E/)]);
  });

  it('accepts 60 ordinary aliases and refuses a bomb at its alias', async () => {
    const aliases = `tags: [&t control-rooms, methane]\nrelated: [${Array(60).fill('*t').join(', ')}]`;
    const found = await lessonWith('tags: [control-rooms, methane]', aliases);
    expect(found.some((f) => /alias/i.test(f))).toBe(false);
    const levels = ['a0: &a0 [l, l, l, l, l, l, l, l, l, l]'];
    for (let i = 1; i < 8; i++)
      levels.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const bomb = await lessonWith('public: true\n', `public: true\n${levels.join('\n')}\n`);
    expect(bomb).toEqual([expect.stringMatching(/^26:\d+ yaml\/aliases Aliases \(\*a2\)/)]);
  });

  it('refuses flow collections 10,000 deep with a clear message, not a stack overflow', async () => {
    const found = await lessonWith(
      'tags: [control-rooms, methane]',
      `tags: ${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    );
    expect(found).toEqual([
      expect.stringMatching(/^19:71 yaml\/too-deep .*nested more than 64 deep/),
    ]);
  });

  it('names a !!binary value by its tag, not as a mapping', async () => {
    const found = await lessonWith('tags: [control-rooms, methane]', 'tags: !!binary aGVsbG8=');
    expect(found).toEqual([expect.stringMatching(/^19:\d+ yaml\/syntax Unexpected tag !!binary/)]);
  });

  it('says "an event" for an event without fields', async () => {
    const r = root((c) =>
      fs.writeFileSync(path.join(c, 'events/2025-10-08-exercise-paper-lantern.yaml'), '# none\n'),
    );
    const { diagnostics } = await validateContent({ root: r.root, cwd: r.cwd, cache: false });
    expect(diagnostics.map((d) => d.message)).toContain(
      'Expected the fields of an event, found none',
    );
  });
});
