/**
 * Fuzzing the validator: a seeded generator (the same cases every run) mutates valid records
 * with YAML, Markdown and raw bytes, repeats fragments thousands of times, and validates them
 * all in one content root. The run must end (the per-file time guard bounds it), nothing may
 * throw, and every problem must be at a place inside its file: line 0 column 0 (the file as a
 * whole), or a line of the file and a column within that line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { validateContent } from '../../scripts/lib/validate-content.ts';
import { fixtureRoot, VALID } from '../helpers/fixture-root.ts';

process.env.JOL_TODAY = '2026-11-23';
const SEED = 20261205;
const CASES = 120;

/** mulberry32: a small seeded generator, so that a failing case can be made again. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const YAML = [
  '[',
  ']',
  '{',
  '}',
  '&a ',
  '*a',
  '!!binary ',
  '!x ',
  ': ',
  '- ',
  '"',
  "'",
  '\t',
  '? ',
  '|',
  '>-',
  '#',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '\u202E',
  '<b>',
  '\\u0000',
];
const MARKDOWN = [
  '>',
  '> ',
  '*',
  '**',
  '_',
  '- ',
  '1. ',
  '|',
  '| a |',
  '|---|',
  '```',
  '~~~',
  '[',
  '](',
  '<',
  '<div>',
  '&amp;',
  '&#',
  '\\',
  '`',
  '    ',
  '\n',
  '\n\n',
  '## ',
  '## What happened\n',
  '![',
  '<!--',
];
const BYTES = [
  [0x00],
  [0xff],
  [0xc3],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xef, 0xbb, 0xbf],
  [0x0d],
  [0x0b],
];

const roots: ReturnType<typeof fixtureRoot>[] = [];
afterAll(() => roots.forEach((r) => r.cleanup()));

it(`survives ${CASES} random records (seed ${SEED}) with every problem inside its file`, async () => {
  const next = random(SEED);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const r = fixtureRoot();
  roots.push(r);
  const lessons = fs
    .readdirSync(path.join(VALID, 'lessons'))
    .map((f) => path.join(VALID, 'lessons', f));
  const events = fs
    .readdirSync(path.join(VALID, 'events'))
    .map((f) => path.join(VALID, 'events', f));
  const written = new Map<string, Buffer>();
  for (let n = 0; n < CASES; n++) {
    const isLesson = next() < 0.7;
    const base = Buffer.from(fs.readFileSync(pick(isLesson ? lessons : events)));
    let bytes = base;
    const edits = 1 + Math.floor(next() * 6);
    for (let e = 0; e < edits; e++) {
      const kind = next();
      const fragment =
        kind < 0.4
          ? Buffer.from(pick(YAML))
          : kind < 0.85
            ? Buffer.from(pick(MARKDOWN))
            : Buffer.from(pick(BYTES));
      // Mostly a few copies; sometimes thousands (the constructs that are slow to parse).
      const times = next() < 0.15 ? 1000 + Math.floor(next() * 20_000) : 1 + Math.floor(next() * 4);
      const at = Math.floor(next() * (bytes.length + 1));
      const insert = Buffer.concat(Array<Buffer>(times).fill(fragment));
      bytes =
        next() < 0.2
          ? Buffer.concat([bytes.subarray(0, at), insert]) // cut the rest off
          : Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at)]);
    }
    const name = isLesson ? `lessons/2020-01-01-fuzz-${n}.md` : `events/2020-01-01-fuzz-${n}.yaml`;
    fs.writeFileSync(path.join(r.root, name), bytes);
    written.set(`content/${name}`, bytes);
  }

  // The time guard is the bound on the run: generous, so that a slow machine does not trip it.
  const result = await validateContent({
    root: r.root,
    cwd: r.cwd,
    cache: false,
    fileTimeLimit: 20,
  });

  expect(result.checked).toBe(12 + CASES);
  const misplaced: string[] = [];
  for (const d of result.diagnostics) {
    const bytes = written.get(d.file);
    if (!bytes) continue;
    expect(d.rule).not.toBe('file/timeout');
    if (d.line === 0 && d.column === 0) continue;
    const lines = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\n');
    const line = lines[d.line - 1];
    if (d.line < 1 || line === undefined || d.column < 1 || d.column > line.length + 1)
      misplaced.push(
        `${d.file}:${d.line}:${d.column} (${lines.length} lines) ${d.rule} ${d.message.slice(0, 80)}`,
      );
  }
  expect(misplaced).toEqual([]);
});
