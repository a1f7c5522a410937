/**
 * The optimised path against the plain one: a rebuild that reuses Astro's incremental cache
 * and the kept search index must write exactly what a clean build writes with every page
 * rendered (JOL_INCREMENTAL=off) and the index built afresh — every page, feed, digest and
 * export, byte for byte — after changes of each kind that ripple across pages: a lesson's
 * title (related lists, topic lists, feeds), its status (facet counts, lifecycle), an
 * organisation's name (every list naming it), an action note's title and an assurance
 * return's state (the note's pages, digests, open data). The search index is the exception by
 * design: the rebuild indexes only the changed records, into a delta (tests/browser/
 * search-delta.test.ts checks that it finds what a full index finds); the same rebuild with
 * JOL_SEARCH_INDEX=full writes the clean build's index byte for byte too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus/generate.ts';
import { type BuiltSite, buildSite, ROOT } from './build-site.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-incremental-'));
const root = path.join(work, 'content');
const cacheDir = path.join(ROOT, '.cache/site-tests', `incremental-cache-${process.pid}`);
const sites: BuiltSite[] = [];
const build = (opts: { cache?: string; plain?: boolean; env?: Record<string, string> } = {}) => {
  const site = buildSite({
    contentDir: root,
    today: '2026-11-23',
    ...(opts.cache ? { cacheDir: opts.cache } : {}),
    env: { ...(opts.plain ? { JOL_INCREMENTAL: 'off' } : {}), ...opts.env },
  });
  sites.push(site);
  if (!site.ok) throw new Error(`build failed:\n${site.log.slice(-3000)}`);
  return site;
};
const edit = (file: string, from: RegExp, to: string) => {
  const text = fs.readFileSync(file, 'utf8');
  expect(text, file).toMatch(from);
  fs.writeFileSync(file, text.replace(from, to));
};
/** Files that differ between two outputs (missing on either side included), but for those `skip` matches. */
function differences(a: BuiltSite, b: BuiltSite, skip?: RegExp): string[] {
  const files = new Set([...a.files(), ...b.files()]);
  return [...files].filter(
    (f) =>
      !skip?.test(f) &&
      (!a.exists(f) ||
        !b.exists(f) ||
        !fs.readFileSync(path.join(a.dir, f)).equals(fs.readFileSync(path.join(b.dir, f)))),
  );
}
const fragments = (site: BuiltSite) =>
  site.files().filter((f) => f.startsWith('pagefind/fragment/'));
const count = (log: string, what: RegExp) => (log.match(what) ?? []).length;

let first: BuiltSite;
let unchanged: BuiltSite;
let rebuilt: BuiltSite;
let reindexed: BuiltSite;
let plain: BuiltSite;

beforeAll(() => {
  generateCorpus(root, { lessons: 120, seed: 11 });
  first = build({ cache: cacheDir });
  unchanged = build({ cache: cacheDir });
  // A lesson that another lesson lists as related, so the change ripples to other pages.
  const lessons = fs.readdirSync(path.join(root, 'lessons')).sort();
  const target = lessons.find((f) =>
    fs.readFileSync(path.join(root, 'lessons', f), 'utf8').includes('related:'),
  )!;
  const named = /related:\n\s+- (\S+)/.exec(
    fs.readFileSync(path.join(root, 'lessons', target), 'utf8'),
  )![1]!;
  edit(
    path.join(root, 'lessons', `${named}.md`),
    /^title: .*(\n {2}.*)*$/m,
    'title: Renamed lesson about the joint decision log at the rendezvous point',
  );
  edit(path.join(root, 'lessons', lessons[5]!), /^status: \S+$/m, 'status: learned');
  const org = fs.readdirSync(path.join(root, 'organisations')).sort()[0]!;
  edit(path.join(root, 'organisations', org), /^name: .*$/m, 'name: Renamed Resilience Partner');
  const note = fs.readdirSync(path.join(root, 'action-notes')).sort()[0]!;
  edit(
    path.join(root, 'action-notes', note),
    /^title: .*(\n {2}.*)*$/m,
    'title: Renamed action note on shared radio talkgroups',
  );
  // An assurance return: the note's page, its assurance page, digests and the open data.
  const returns = fs
    .readdirSync(path.join(root, 'assurance'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const changedReturn = returns.find((f) =>
    /state: (not-started|in-progress)\n(?! +evidence:)/.test(
      fs.readFileSync(path.join(root, 'assurance', f), 'utf8'),
    ),
  )!;
  edit(
    path.join(root, 'assurance', changedReturn),
    /state: (not-started|in-progress)\n(?! +evidence:)/,
    'state: implemented\n    evidence: The joint decision log template was changed and tested in an exercise.\n',
  );
  rebuilt = build({ cache: cacheDir });
  // The same changes with the search index built afresh, as JOL_SEARCH_INDEX=full asks.
  reindexed = build({ cache: cacheDir, env: { JOL_SEARCH_INDEX: 'full' } });
  plain = build({ plain: true });
}, 600_000);

afterAll(() => {
  for (const s of sites) s.cleanup();
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

describe('incremental rebuilds', () => {
  it('a rebuild with nothing changed copies every keyed page and reuses the search index, writing the same output', () => {
    expect(count(unchanged.log, /\(cached\)|\(restored\)/g)).toBeGreaterThan(150);
    expect(unchanged.log).toContain('the last index, reused');
    expect(differences(first, unchanged)).toEqual([]);
  });

  it('a rebuild after changes renders only some pages again', () => {
    const reused = count(rebuilt.log, /\(cached\)|\(restored\)/g);
    expect(reused).toBeGreaterThan(0);
    expect(reused).toBeLessThan(count(unchanged.log, /\(cached\)|\(restored\)/g));
    expect(rebuilt.log).toMatch(/the last full index and a delta of \d+ changed records/);
    expect(reindexed.log).toContain('indexing all 135 records (JOL_SEARCH_INDEX=full)');
    expect(count(plain.log, /\(cached\)|\(restored\)/g)).toBe(0);
  });

  it("writes exactly what a clean build with every page rendered writes, but for the search index's delta", () => {
    expect(rebuilt.files().length).toBeGreaterThan(300);
    // The service worker's version hashes the files it caches, the search page among them; with
    // the index built afresh (below) it is the clean build's byte for byte.
    expect(
      differences(rebuilt, plain, /^pagefind(-delta)?\/|^search\/index\.html$|^sw\.js$/),
    ).toEqual([]);
    expect(rebuilt.read('search/index.html').replace(' data-delta="/pagefind-delta/"', '')).toBe(
      plain.read('search/index.html'),
    );
    // The delta's pages replace some of the full index's, whose fragments (text, address) are not published.
    const { superseded } = JSON.parse(rebuilt.read('pagefind-delta/jol-delta.json')) as {
      superseded: string[];
    };
    expect(superseded.length).toBeGreaterThan(0);
    expect(fragments(rebuilt)).toEqual(
      fragments(first).filter(
        (f) => !superseded.some((id) => f === `pagefind/fragment/${id}.pf_fragment`),
      ),
    );
    // With the index built afresh, everything is as the clean build writes it, the index included.
    expect(differences(reindexed, plain)).toEqual([]);
    // And the changes are there: the renamed records appear across pages.
    expect(
      rebuilt
        .files()
        .filter(
          (f) => f.endsWith('.html') && rebuilt.read(f).includes('Renamed Resilience Partner'),
        ).length,
    ).toBeGreaterThan(2);
    expect(
      rebuilt
        .files()
        .filter(
          (f) =>
            f.endsWith('.html') &&
            rebuilt.read(f).includes('Renamed lesson about the joint decision log'),
        ).length,
    ).toBeGreaterThan(2);
    // Pages that are keyed now and were rendered every time before: some are reused, and the
    // ones the changes reach are rendered again (their output is compared above).
    for (const route of ['action-notes', 'assurance', 'digests', 'data']) {
      // Astro colours its log when it sees a CI environment: match the words, not the escapes.
      expect(
        count(
          stripVTControlCharacters(unchanged.log),
          new RegExp(`/${route}/[^ ]+ \\((cached|restored)\\)`, 'g'),
        ),
        route,
      ).toBeGreaterThan(0);
    }
  });
});
