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
