/**
 * The public edition's search index never keeps words taken out of a lesson: every public build
 * indexes every record, even with the cache of the last build kept (the responders edition may
 * index only the changed records into a delta, whose base index still holds the old words).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, FIXTURES, ROOT } from './build-site.ts';

// A word the stemmer leaves as it is, so the index chunks hold it whole.
const WORD = 'qoxtrabuz';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-public-index-'));
const content = path.join(work, 'content');
fs.cpSync(path.join(FIXTURES, 'editions'), content, { recursive: true });
const lesson = path.join(content, 'lessons/2024-02-10-radio-talkgroups-not-shared.md');
const original = fs.readFileSync(lesson, 'utf8');
const sites: BuiltSite[] = [];
afterAll(() => {
  for (const s of sites) s.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Every file of the output as text, Pagefind's gzipped index files decompressed. */
function outputText(site: BuiltSite): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of site.files()) {
    let bytes = fs.readFileSync(path.join(site.dir, f));
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
    out.set(f, bytes.toString('latin1'));
  }
  return out;
}
const holding = (site: BuiltSite, word: string) =>
  [...outputText(site)].filter(([, text]) => text.includes(word)).map(([f]) => f);

function build(edition: 'public' | 'responders', cacheDir: string): BuiltSite {
  const site = buildSite({ contentDir: content, edition, today: '2026-11-23', cacheDir });
  sites.push(site);
  if (!site.ok) throw new Error(`build failed:\n${site.log.slice(-3000)}`);
  return site;
}

describe.each(['public', 'responders'] as const)('the %s edition', (edition) => {
  it(
    edition === 'public'
      ? 'takes a word out of the search index at the next build, with the cache kept'
      : 'may keep it in the base index of a delta (why the public edition never uses one)',
    () => {
      const cacheDir = path.join(
        ROOT,
        '.cache/site-tests',
        `public-index-${edition}-${process.pid}`,
      );
      fs.writeFileSync(
        lesson,
        original.replace(
          'Each control room opened its own talkgroup.',
          `Each control room opened its own ${WORD} talkgroup.`,
        ),
      );
      const first = build(edition, cacheDir);
      expect(holding(first, WORD).some((f) => f.startsWith('pagefind/index/'))).toBe(true);

      fs.writeFileSync(lesson, original);
      const second = build(edition, cacheDir);
      if (edition === 'public') {
        expect(second.log).toMatch(/public edition indexes every record/);
        expect(holding(second, WORD)).toEqual([]);
      } else {
        // The page itself no longer has the word; the base index's chunk still does.
        expect(holding(second, WORD).filter((f) => f.endsWith('.html'))).toEqual([]);
        expect(holding(second, WORD).some((f) => f.includes('/index/'))).toBe(true);
      }
      fs.rmSync(cacheDir, { recursive: true, force: true });
    },
    240_000,
  );
});
