/**
 * Relevance must not drop as the index gets leaner: each query of a fixed set must still find
 * its lessons among the first five results, searched in Chromium on the search page (the page's
 * own script and the real Pagefind index of a real build).
 *
 * - The sample content: 40 queries in tests/fixtures/search-relevance/sample.json, each with
 *   the lessons (at most three) it must find, written by reading the records.
 * - A generated corpus (300 lessons, seeded): for lessons picked at even steps, the words of the
 *   title, and the place and number the generator gives each lesson, must find that lesson,
 *   read from its file; and a word put in one lesson's body alone must find it.
 *
 * And, on the generated site, what a first search downloads, counted at the server: no
 * Pagefind worker, no dates file unless results are ordered by date, only the chunk of the
 * filter in use, and nothing of the index for a word of two letters until the reader pauses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstSearch } from '../../scripts/lib/bench/first-search.ts';
import { generateCorpus } from '../../scripts/lib/corpus/generate.ts';
import { type BuiltSite, buildSite, ROOT } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { serve } from './serve.ts';

interface Query {
  q: string;
  /** Lesson ids (file names without .md), each to be among the first five results. */
  lessons: string[];
}

const sampleQueries = (
  JSON.parse(
    fs.readFileSync(path.join(ROOT, 'tests/fixtures/search-relevance/sample.json'), 'utf8'),
  ) as { queries: Query[] }
).queries;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-search-relevance-'));
const generatedRoot = path.join(work, 'content');
const RARE = 'semaphorist';
const sites: BuiltSite[] = [];
const servers: Awaited<ReturnType<typeof serve>>[] = [];
let browser: Browser;
let samplePage: Page;
let generatedPage: Page;
const generatedQueries: Query[] = [];

/** The generated lessons' queries, from their files: title words, and place and number. */
function queriesFromFiles(root: string): Query[] {
  const dir = path.join(root, 'lessons');
  const files = fs.readdirSync(dir).sort();
  const out: Query[] = [];
  for (let i = 7; i < files.length; i += 29) {
    const id = files[i]!.replace(/\.md$/, '');
    const title = String(
      (matter(fs.readFileSync(path.join(dir, files[i]!), 'utf8')).data as { title: string }).title,
    );
    // Generated titles end with the lesson's place and number: "… (Marlow Heath 124)".
    const place = /\(([^()]+)\)\s*$/.exec(title)?.[1];
    if (!place) throw new Error(`The generated title "${title}" has no place and number.`);
    out.push({ q: title.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim(), lessons: [id] });
    out.push({ q: place, lessons: [id] });
  }
  return out;
}

async function openSearch(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${url}search/`);
  return page;
}

/** The lesson ids among the first five results for `q`, searched on the open search page (Enter). */
async function firstFive(page: Page, q: string): Promise<string[]> {
  await page.fill('#search-q', q);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction(
    (words) => document.querySelector<HTMLElement>('#search-results')?.dataset.resultsFor === words,
    q,
  );
  const hrefs = await page
    .locator('#search-results h2 a')
    .evaluateAll((as) =>
      as.slice(0, 5).map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
  return hrefs.flatMap((h) => /\/lessons\/([^/]+)\/$/.exec(h)?.[1] ?? []);
}

beforeAll(async () => {
  generateCorpus(generatedRoot, { lessons: 300, seed: 31 });
  const lessons = fs.readdirSync(path.join(generatedRoot, 'lessons')).sort();
  const rare = lessons[150]!;
  const file = path.join(generatedRoot, 'lessons', rare);
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain('## What happened');
  fs.writeFileSync(
    file,
    text.replace('## What happened\n', `## What happened\n\nA ${RARE} passed messages by flag.\n`),
  );
  generatedQueries.push(...queriesFromFiles(generatedRoot), {
    q: RARE,
    lessons: [rare.replace(/\.md$/, '')],
  });
  for (const contentDir of [path.join(ROOT, 'content'), generatedRoot]) {
    const site = buildSite({ contentDir, today: '2026-11-23' });
    sites.push(site);
    if (!site.ok) throw new Error(`build failed:\n${site.log.slice(-3000)}`);
  }
  browser = await launch();
  for (const site of sites) servers.push(await serve(site.dir, '/'));
  samplePage = await openSearch(servers[0]!.url);
  generatedPage = await openSearch(servers[1]!.url);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  for (const s of sites) s.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('search relevance', () => {
  it('keeps a set of at least 30 sample queries, each naming lessons that exist', () => {
    expect(sampleQueries.length).toBeGreaterThanOrEqual(30);
    for (const { lessons } of sampleQueries) {
      expect(lessons.length).toBeGreaterThan(0);
      expect(lessons.length).toBeLessThanOrEqual(3);
      for (const id of lessons)
        expect(fs.existsSync(path.join(ROOT, 'content/lessons', `${id}.md`)), id).toBe(true);
    }
  });

  it('finds the lessons of every sample query among its first five results', async () => {
    const missed: string[] = [];
    for (const { q, lessons } of sampleQueries) {
      const found = await firstFive(samplePage, q);
      for (const id of lessons)
        if (!found.includes(id)) missed.push(`"${q}": ${id} not in ${found.join(', ')}`);
    }
    expect(missed).toEqual([]);
  });

  it('finds each generated lesson by its title, by its place and number, and by a word of its body alone', async () => {
    expect(generatedQueries.length).toBeGreaterThanOrEqual(20);
    const missed: string[] = [];
    for (const { q, lessons } of generatedQueries) {
      const found = await firstFive(generatedPage, q);
      for (const id of lessons)
        if (!found.includes(id)) missed.push(`"${q}": ${id} not in ${found.join(', ')}`);
    }
    expect(missed).toEqual([]);
  });
});

describe('what a first search downloads', () => {
  const paths = (rs: readonly { path: string }[]) => rs.map((r) => r.path);

  it('by best match with a filter: no worker, no dates, only the chunk of the filter in use', async () => {
    const server = servers[1]!;
    const cost = await firstSearch(browser, `${server.url}search/`, 'control', {
      server,
      filter: { name: 'Type', value: 'Lesson identified' },
    });
    expect(cost.results).toMatch(/^\d+ results? for “control”$/);
    const got = paths(cost.responses);
    expect(got.filter((p) => p.endsWith('pagefind-worker.js'))).toEqual([]);
    expect(got.filter((p) => p.endsWith('jol-dates.json'))).toEqual([]);
    // The organisations' list is fetched only when opened.
    expect(got.filter((p) => p.endsWith('filter-values.json'))).toEqual([]);
    // Ten filters on the page; the search fetched the chunk of the one ticked.
    expect(got.filter((p) => p.endsWith('.pf_filter'))).toHaveLength(1);
    expect(got.filter((p) => p.endsWith('.pf_index')).length).toBeGreaterThan(0);
  });

  it("fetches the organisations' list when it is opened, and filters by one of them", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${servers[1]!.url}search/?q=control`);
      await page.waitForFunction(
        () =>
          document.querySelector<HTMLElement>('#search-results')?.dataset.resultsFor === 'control',
      );
      expect(await page.locator('input[name="Organisation"]').count()).toBe(0);
      await page.locator('summary', { hasText: 'Organisation' }).click();
      const first = page.locator('input[name="Organisation"]').first();
      await first.waitFor({ state: 'attached' });
      expect(await page.locator('input[name="Organisation"]').count()).toBeGreaterThan(5);
      const name = (await first.getAttribute('value'))!;
      await page.getByLabel(name, { exact: true }).check();
      await page.waitForFunction(
        (n) => new URL(location.href).searchParams.get('Organisation') === n,
        name,
      );
      await page.waitForFunction(() =>
        /for “control”/.test(document.querySelector('#search-status')?.textContent ?? ''),
      );
    } finally {
      await page.close();
    }
  });

  it('ordered by date: fetches the dates once, and shows the newest first', async () => {
    const server = servers[1]!;
    const recording = server.record();
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}search/?q=control&sort=newest`);
      await page.waitForFunction(
        () =>
          document.querySelector<HTMLElement>('#search-results')?.dataset.resultsFor === 'control',
      );
      const dates = await page
        .locator('#search-results .jol-lesson-list__meta')
        .evaluateAll((ps) => ps.map((p) => p.textContent.split(' · ').pop()!));
      const asDates = dates.map((d) => new Date(`${d} UTC`).getTime());
      expect(asDates.length).toBeGreaterThan(1);
      expect(asDates).toEqual([...asDates].sort((a, b) => b - a));
      await recording.idle(300);
    } finally {
      await page.close();
    }
    expect(paths(recording.stop()).filter((p) => p.endsWith('jol-dates.json'))).toHaveLength(1);
  });

  it('fetches nothing of the index for a two-letter word until the reader pauses', async () => {
    const server = servers[1]!;
    const context = await browser.newContext();
    const page = await context.newPage();
    const recording = server.record();
    try {
      await page.clock.install();
      await page.goto(`${server.url}search/`);
      await page.click('#search-q');
      // Pagefind itself loads when the box is focused; the page's clock then stops.
      await expect
        .poll(() => paths(recording.responses).some((p) => p.endsWith('.pf_meta')), {
          timeout: 30_000,
        })
        .toBe(true);
      await page.clock.pauseAt(new Date(await page.evaluate(() => Date.now() + 1000)));
      await page.keyboard.type('co');
      await recording.idle(300);
      expect(paths(recording.responses).filter((p) => p.endsWith('.pf_index'))).toEqual([]);
      // The clock runs again, the pause comes: the search runs and fetches what it needs.
      await page.clock.resume();
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('#search-results')?.dataset.resultsFor === 'co',
      );
      expect(
        paths(recording.responses).filter((p) => p.endsWith('.pf_index')).length,
      ).toBeGreaterThan(0);
    } finally {
      recording.stop();
      await context.close();
    }
  });
});
