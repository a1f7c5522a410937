/**
 * The search index's delta (src/lib/search-index-plan.ts) against a full index, in a real
 * browser: after a few records change, a rebuild that indexes only those and merges them into
 * the last full index must find what a clean build's full index finds — the same records for
 * every query and filter, in the same date order when sorted by date — and must not find the
 * changed records by their old words. Built under a base path, as on GitHub Pages, so the
 * delta's results must carry it too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus/generate.ts';
import { type BuiltSite, buildSite, ROOT } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { serve } from './serve.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-search-delta-'));
const root = path.join(work, 'content');
const cacheDir = path.join(ROOT, '.cache/site-tests', `search-delta-cache-${process.pid}`);
const sites: BuiltSite[] = [];
const servers: Awaited<ReturnType<typeof serve>>[] = [];
let browser: Browser;
let withDelta: BuiltSite;
let full: BuiltSite;
let deltaUrl = '';
let fullUrl = '';
const problems: string[] = [];

const BASE = '/jol-library/';
const build = (cache?: string) => {
  const site = buildSite({
    contentDir: root,
    today: '2026-11-23',
    basePath: BASE,
    ...(cache ? { cacheDir: cache } : {}),
  });
  sites.push(site);
  if (!site.ok) throw new Error(`build failed:\n${site.log.slice(-3000)}`);
  return site;
};
const lessonFile = (name: string) => path.join(root, 'lessons', name);
const edit = (name: string, change: (text: string) => string) => {
  const before = fs.readFileSync(lessonFile(name), 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  fs.writeFileSync(lessonFile(name), after);
};

let renamed = '';
let oldTitleWords = '';
const oldTitleQuery = () => `q=${encodeURIComponent(`"${oldTitleWords}"`)}`;
/** What the phrase of the old title found in the build before the rename. */
let beforeRename: Found;

beforeAll(async () => {
  generateCorpus(root, { lessons: 120, seed: 23 });
  const first = build(cacheDir);
  browser = await launch();
  const lessons = fs.readdirSync(path.join(root, 'lessons')).sort();
  // A new title with a word no other record has; the old title's words should no longer find it.
  renamed = lessons[10]!.replace(/\.md$/, '');
  oldTitleWords = /^title: (.*)$/m
    .exec(fs.readFileSync(lessonFile(lessons[10]!), 'utf8'))![1]!
    .split(' ')
    .slice(1, 6)
    .join(' ');
  // Searched before anything changes (the next build reuses this build's cache).
  const original = await serve(first.dir, BASE);
  try {
    beforeRename = await everyResult(original.url, oldTitleQuery());
  } finally {
    await original.close();
  }
  edit(lessons[10]!, (t) =>
    t.replace(
      /^title: .*(\n {2}.*)*$/m,
      'title: Quokkaford radio interoperability lesson renamed after review',
    ),
  );
  // A new word in a body, and a lesson moved in date order (the newest of all now).
  edit(lessons[20]!, (t) => `${t.trimEnd()}\n\nThe wallabyton rendezvous point was moved twice.\n`);
  const moved = lessons
    .slice(30)
    .find((f) =>
      /kind: lesson-identified[^]*\npublished: /.test(fs.readFileSync(lessonFile(f), 'utf8')),
    )!;
  edit(moved, (t) => t.replace(/^published: .*$/m, 'published: 2026-11-20'));
  withDelta = build(cacheDir);
  full = build();
  const a = await serve(withDelta.dir, BASE);
  const b = await serve(full.dir, BASE);
  servers.push(a, b);
  deltaUrl = a.url;
  fullUrl = b.url;
}, 600_000);

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  for (const s of sites) s.cleanup();
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

interface Found {
  status: string;
  urls: string[];
  dates: string[];
  /** Each result's excerpt, by address. */
  excerpts: Record<string, string>;
}

/** Every result of a search given in the address: the status line, and each result's address and date ("Show more" until all are shown). */
async function everyResult(base: string, query: string): Promise<Found> {
  const page: Page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${query}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${query}: ${e.message}`));
  await page.goto(`${base}search/?${query}`);
  await page.waitForFunction(() => {
    const s = document.querySelector('#search-status')?.textContent ?? '';
    return /result/i.test(s) && !/Searching/.test(s);
  });
  const status = (await page.textContent('#search-status'))!.trim();
  for (;;) {
    const more = page.locator('#search-more');
    if (!(await more.isVisible())) break;
    const shown = await page.locator('#search-results li').count();
    await more.click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('#search-results li').length > n,
      shown,
    );
  }
  const urls = await page
    .locator('#search-results h2 a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const dates = await page.locator('#search-results .jol-lesson-list__meta').allTextContents();
  const excerpts = await page.locator('#search-results li p.govuk-body').allTextContents();
  await page.close();
  return {
    status,
    urls,
    dates: dates.map((d) => d.split(' · ').pop()!),
    excerpts: Object.fromEntries(urls.map((u, i) => [u, excerpts[i]!])),
  };
}

describe('search with a delta index', () => {
  it('the rebuild indexed only the changed records', () => {
    expect(withDelta.log).toContain('a delta of 3 changed records');
    expect(withDelta.exists('pagefind-delta/jol-delta.json')).toBe(true);
    expect(withDelta.read('search/index.html')).toContain(`data-delta="${BASE}pagefind-delta/"`);
    // A clean build has no delta and says nothing of one.
    expect(full.exists('pagefind-delta')).toBe(false);
    expect(full.read('search/index.html')).not.toContain('data-delta');
  });

  const queries = [
    'q=quokkaford',
    'q=wallabyton',
    oldTitleQuery,
    'q=radio',
    'q=radio&sort=newest',
    'q=radio&sort=oldest',
    'q=rendezvous+point&sort=newest&Type=Lesson+identified',
    'Type=Lesson+identified&sort=newest',
    'Type=Lesson+identified&sort=oldest',
  ];
  for (const q of queries) {
    const name = typeof q === 'string' ? q : "the renamed lesson's old title, as a phrase";
    it(`finds what the full index finds: ${name}`, async () => {
      const query = typeof q === 'string' ? q : q();
      const [a, b] = [await everyResult(deltaUrl, query), await everyResult(fullUrl, query)];
      expect(a.status).toBe(b.status);
      expect([...a.urls].sort()).toEqual([...b.urls].sort());
      // The delta's results are shown as the full index's are (same base path, same excerpt length).
      expect(a.excerpts).toEqual(b.excerpts);
      // Sorted by date: the same dates in the same order (records of one date may come in either order).
      if (query.includes('sort=')) expect(a.dates).toEqual(b.dates);
      if (query === 'q=quokkaford') expect(a.urls).toEqual([`${BASE}lessons/${renamed}/`]);
      if (query === 'q=wallabyton') expect(a.urls).toHaveLength(1);
      if (query === 'Type=Lesson+identified&sort=newest')
        expect(a.dates[0]).toBe('20 November 2026');
      if (query === oldTitleQuery()) {
        expect(beforeRename.urls).toContain(`${BASE}lessons/${renamed}/`);
        expect(a.urls).not.toContain(`${BASE}lessons/${renamed}/`);
      }
    });
  }

  it('the renamed lesson is not found by its old title, which found it before the rename', async () => {
    expect(beforeRename.status).toMatch(/^\d+ results? for /);
    expect(beforeRename.urls).toContain(`${BASE}lessons/${renamed}/`);
    const { urls } = await everyResult(deltaUrl, oldTitleQuery());
    expect(urls).not.toContain(`${BASE}lessons/${renamed}/`);
    expect(problems).toEqual([]);
  });

  it("searches the full index alone when the delta's manifest cannot be had (a page cached from before a deploy without one)", async () => {
    const file = path.join(withDelta.dir, 'pagefind-delta', 'jol-delta.json');
    const kept = fs.readFileSync(file);
    fs.rmSync(file);
    try {
      const radio = await everyResult(deltaUrl, 'q=radio');
      expect(radio.status).toMatch(/^\d+ results? for “radio”$/);
      // The new title's word is only in the delta, which is not merged.
      expect((await everyResult(deltaUrl, 'q=quokkaford')).status).toMatch(
        /^No results for “quokkaford”/,
      );
    } finally {
      fs.writeFileSync(file, kept);
    }
  });
});
