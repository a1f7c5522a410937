/**
 * The content-hash cache and the worker threads are optimisations: they must never change
 * what the validator reports. Runs on a generated corpus with planted errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus/generate.ts';
import { validateContent } from '../../scripts/lib/validate-content.ts';
import { tempDir } from '../helpers/fixture-root.ts';

let cwd: string;
let root: string;
const lessonsDir = () => path.join(root, 'lessons');
const nth = (n: number) => path.join(lessonsDir(), fs.readdirSync(lessonsDir()).sort()[n]!);
const edit = (file: string, from: string | RegExp, to: string) =>
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));

beforeAll(() => {
  process.env.JOL_TODAY = '2026-11-23';
  cwd = tempDir();
  root = path.join(cwd, 'content');
  generateCorpus(root, { lessons: 400, seed: 7 });
  edit(nth(3), /source: \w+/, 'source: incidnt');
  const identified = fs
    .readdirSync(lessonsDir())
    .sort()
    .map((f) => path.join(lessonsDir(), f))
    .filter((f) => fs.readFileSync(f, 'utf8').includes('## Why it matters'));
  edit(identified[5]!, '## Why it matters', '## Why it Matters');
  edit(nth(20), /submitted_by: [\w-]+/, 'submitted_by: nobody-at-all');
  edit(nth(30), '---\n\n', '---\n\nSpoke to PC Smith.\n\n');
});
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const strip = (r: Awaited<ReturnType<typeof validateContent>>) => r.diagnostics;

describe('worker threads', () => {
  it('report exactly what the inline run reports', async () => {
    const inline = await validateContent({ root, cwd, cache: false, workers: 0 });
    const threaded = await validateContent({ root, cwd, cache: false, workers: 2 });
    expect(
      inline.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => d.rule)
        .sort(),
    ).toEqual([
      'body/required-sections',
      'personal-data/titled-name',
      'references/missing',
      'schema/enum',
    ]);
    expect(strip(threaded)).toEqual(strip(inline));
  });
});

describe('content-hash cache', () => {
  it('serves unchanged files from the cache and re-checks changed ones, with the same report', async () => {
    const env = process.env.JOL_CACHE_DIR;
    process.env.JOL_CACHE_DIR = path.join(cwd, 'cache');
    try {
      const cold = await validateContent({ root, cwd, workers: 0 });
      expect(cold.cached).toBe(0);
      const warm = await validateContent({ root, cwd, workers: 0 });
      expect(warm.cached).toBe(warm.records);
      expect(strip(warm)).toEqual(strip(cold));

      // Same bytes, new modification time: found by content hash, still from the cache.
      const touched = nth(50);
      fs.utimesSync(touched, new Date(), new Date(Date.now() + 5000));
      expect((await validateContent({ root, cwd, workers: 0 })).cached).toBe(warm.records);

      // A real change is re-checked, and its new problem reported.
      edit(nth(60), /source: \w+/, 'source: rumour');
      const after = await validateContent({ root, cwd, workers: 0 });
      expect(after.cached).toBe(warm.records - 1);
      expect(after.diagnostics.filter((d) => d.rule === 'schema/enum')).toHaveLength(2);

      // A different "today" may change date rules: the cache is not used.
      process.env.JOL_TODAY = '2026-11-24';
      expect((await validateContent({ root, cwd, workers: 0 })).cached).toBe(0);
    } finally {
      process.env.JOL_TODAY = '2026-11-23';
      if (env === undefined) delete process.env.JOL_CACHE_DIR;
      else process.env.JOL_CACHE_DIR = env;
    }
  });
});

describe('PR mode', () => {
  it('reports for the files it lints what a full run reports, whether its early worker is used or not', async () => {
    const env = process.env.JOL_CACHE_DIR;
    process.env.JOL_CACHE_DIR = path.join(cwd, 'cache-pr');
    try {
      // What PR mode keeps of a full run: the file's problems, those of records it breaks, and
      // every missing reference.
      const of = (r: Awaited<ReturnType<typeof validateContent>>, file: string) =>
        r.diagnostics.filter(
          (d) => d.file === file || d.target === file || d.rule === 'references/missing',
        );
      const full = await validateContent({ root, cwd });
      // Served from the cache: the worker started before discovery is not needed and is ended.
      const cachedFile = path.relative(cwd, nth(3));
      const cachedRun = await validateContent({ root, cwd, paths: [cachedFile] });
      expect(cachedRun.cached).toBe(cachedRun.records);
      expect(cachedRun.diagnostics).toEqual(of(full, cachedFile));
      expect(cachedRun.diagnostics.map((d) => d.rule)).toEqual([
        'schema/enum',
        'references/missing',
      ]);
      // Changed: checked by that worker.
      edit(nth(70), '---\n\n', '---\n\nSpoke to PC Jones.\n\n');
      const changed = path.relative(cwd, nth(70));
      const changedRun = await validateContent({ root, cwd, paths: [changed] });
      expect(changedRun.cached).toBe(changedRun.records - 1);
      expect(changedRun.diagnostics).toEqual(of(await validateContent({ root, cwd }), changed));
      expect(changedRun.diagnostics.map((d) => d.rule).sort()).toEqual([
        'personal-data/titled-name',
        'references/missing',
      ]);
    } finally {
      if (env === undefined) delete process.env.JOL_CACHE_DIR;
      else process.env.JOL_CACHE_DIR = env;
    }
  });

  it('finds the same likely duplicates for the changed lessons as a full run', async () => {
    const dir = tempDir();
    const dupRoot = path.join(dir, 'content');
    const env = process.env.JOL_CACHE_DIR;
    process.env.JOL_CACHE_DIR = path.join(dir, 'cache');
    try {
      generateCorpus(dupRoot, { lessons: 120, seed: 11 });
      const files = fs.readdirSync(path.join(dupRoot, 'lessons')).sort();
      // Two near copies of one lesson, submitted later, with words no other lesson has.
      const copies = ['2026-02-01-lesson-copy-one.md', '2026-02-02-lesson-copy-two.md'];
      const source = fs.readFileSync(path.join(dupRoot, 'lessons', files[40]!), 'utf8');
      copies.forEach((name, i) =>
        fs.writeFileSync(
          path.join(dupRoot, 'lessons', name),
          source
            .replace(/^title: /m, `title: Zebrafish quokka marmoset platypus ${i} `)
            .replace(/^date: .*/m, `date: 2026-02-0${i + 1}`)
            .replace(/^submitted: .*/m, `submitted: 2026-02-0${i + 3}`)
            .replace(/^published: .*/m, `published: 2026-02-1${i}`),
        ),
      );
      const options = { root: dupRoot, cwd: dir };
      const duplicates = (r: Awaited<ReturnType<typeof validateContent>>) =>
        r.diagnostics.filter((d) => d.rule === 'duplicates/similar-lesson');
      const full = duplicates(await validateContent(options));
      expect(full.map((d) => [d.file, d.target])).toContainEqual([
        'content/lessons/2026-02-02-lesson-copy-two.md',
        'content/lessons/2026-02-01-lesson-copy-one.md',
      ]);
      // The copies, and the lessons the generated corpus itself finds alike.
      const changed = new Set([
        ...copies.map((c) => `content/lessons/${c}`),
        ...full.map((d) => d.file),
      ]);
      expect(changed.size).toBeGreaterThan(3);
      for (const file of changed) {
        const pr = duplicates(await validateContent({ ...options, paths: [file] }));
        // A changed lesson is compared with every other (a lesson that resembles it, changed
        // or not, is named as its target only when that lesson is checked too).
        expect(pr).toEqual(full.filter((d) => d.file === file));
      }
    } finally {
      if (env === undefined) delete process.env.JOL_CACHE_DIR;
      else process.env.JOL_CACHE_DIR = env;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
