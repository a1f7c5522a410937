/**
 * The built site in a real browser (system Chromium via playwright-core): search and filters
 * find the right records, keyboard-only use works, axe-core finds no WCAG 2.2 A/AA violation
 * on any page template, the strict CSP still lets Pagefind run, and hostile content never runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { announced, typeUntilResults } from '../../scripts/lib/bench/first-search.ts';
import { type BuiltSite, FIXTURES, buildSite } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { serve } from './serve.ts';

let browser: Browser;
let context: BrowserContext;
let site: BuiltSite;
let hostile: BuiltSite;
let server: Awaited<ReturnType<typeof serve>>;
let hostileServer: Awaited<ReturnType<typeof serve>>;
const problems: string[] = [];

beforeAll(async () => {
  browser = await launch();
  site = buildSite({ contentDir: path.join(FIXTURES, 'editions'), today: '2025-06-30' });
  if (!site.ok) throw new Error(`build failed:\n${site.log}`);
  hostile = buildSite({
    contentDir: path.join(FIXTURES, 'hostile'),
    today: '2025-06-30',
    basePath: '/jol-library/',
  });
  if (!hostile.ok) throw new Error(`build failed:\n${hostile.log}`);
  server = await serve(site.dir);
  hostileServer = await serve(hostile.dir, '/jol-library/');
  context = await browser.newContext();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await hostileServer?.close();
  site?.cleanup();
  hostile?.cleanup();
});

// Each test answers for what its own pages logged: errors, CSP violations, dialogs (only the
// page that does not exist may log its own 404).
afterEach(() => {
  const logged = problems.splice(0);
  expect(
    logged.filter((m) => !(m.startsWith(`${server.url}no-such-page/: `) && /404/.test(m))),
  ).toEqual([]);
});

async function open(url: string): Promise<Page> {
  const p = await context.newPage();
  p.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${url}: ${m.text()}`);
  });
  p.on('pageerror', (e) => problems.push(`${url}: ${e.message}`));
  p.on('dialog', (d) => {
    problems.push(`${url}: dialog ${d.message()}`);
    void d.dismiss();
  });
  await p.goto(url);
  return p;
}

async function resultTitles(p: Page): Promise<string[]> {
  await p.waitForFunction(() => {
    const s = document.querySelector('#search-status')?.textContent ?? '';
    return /result/.test(s) && !/Searching/.test(s);
  });
  return p.locator('#search-results h2 a').allTextContents();
}

describe('search', () => {
  it('finds a lesson by words in its title, best match first', async () => {
    const p = await open(`${server.url}search/?q=radio+talkgroups`);
    const titles = await resultTitles(p);
    expect(titles[0]).toBe(
      'Radio talkgroups were not shared between control rooms during the harbour exercise',
    );
    expect(await p.locator('#search-results mark').count()).toBeGreaterThan(0);
    expect(await p.locator('#search-nojs').isHidden()).toBe(true);
    await p.close();
  });

  it('filters by type and principle and sorts by date', async () => {
    const p = await open(`${server.url}search/`);
    await p.locator('summary', { hasText: 'Type' }).click();
    await p.getByLabel('Notable practice', { exact: true }).check();
    expect((await resultTitles(p)).sort()).toEqual([
      "A joint hazard board at forward command kept every service's risks in one place",
      'Wolframbanjo practice kept for responders only',
    ]);
    await p.locator('summary', { hasText: 'Principle' }).click();
    await p.getByLabel('Co-locate', { exact: true }).check();
    await p.waitForFunction(() =>
      document.querySelector('#search-status')?.textContent?.startsWith('1 result'),
    );
    expect(await resultTitles(p)).toEqual([
      "A joint hazard board at forward command kept every service's risks in one place",
    ]);
    expect(new URL(p.url()).searchParams.getAll('Principle')).toEqual(['Co-locate']);
    await p.close();

    const sorted = await open(`${server.url}search/?Type=Lesson+identified&sort=newest`);
    expect(await resultTitles(sorted)).toEqual([
      'Zanzibarquartz sensitive lesson about the Quillfeather site',
      'Radio talkgroups were not shared between control rooms during the harbour exercise',
    ]);
    await sorted.selectOption('#search-sort', 'oldest');
    await sorted.waitForFunction(() =>
      document.querySelector('#search-results h2 a')?.textContent?.startsWith('Radio'),
    );
    expect(await resultTitles(sorted)).toEqual([
      'Radio talkgroups were not shared between control rooms during the harbour exercise',
      'Zanzibarquartz sensitive lesson about the Quillfeather site',
    ]);
    await sorted.close();
  });

  it('filters action notes and events by kind, status and year', async () => {
    const p = await open(`${server.url}search/?Type=Action+note&Status=Open`);
    expect((await resultTitles(p)).sort()).toEqual([
      'Jellyfishtrombone note for responders only',
      'Opening interoperability talkgroups with the first M/ETHANE message',
    ]);
    await p.close();
    const events = await open(
      `${server.url}search/?Type=Event&Year=2024&Organisation=Coastal+Ambulance+Service`,
    );
    expect(await resultTitles(events)).toEqual(['Exercise Open Harbour']);
    await events.close();
  });

  it('says so when nothing matches', async () => {
    const p = await open(`${server.url}search/?q=qwxzvq`);
    await p.waitForFunction(() =>
      document.querySelector('#search-status')?.textContent?.startsWith('No results'),
    );
    expect(await p.locator('#search-results li').count()).toBe(0);
    await p.close();
  });

  it('loads no JavaScript on a lesson page but the menu toggle and offline reading, and Pagefind only once search is used', async () => {
    const p = await context.newPage();
    const scripts: string[] = [];
    p.on('request', (r) => {
      if (
        r.resourceType() === 'script' ||
        r.url().endsWith('.wasm') ||
        r.url().includes('/pagefind/')
      )
        scripts.push(r.url());
    });
    await p.goto(`${server.url}lessons/2024-02-10-radio-talkgroups-not-shared/`);
    await p.waitForLoadState('networkidle');
    // The layout's scripts, bundled by Astro: the service navigation's menu toggle
    // (src/scripts/menu.ts) and offline reading's (src/scripts/offline.ts, which in this
    // edition registers nothing before the reader turns it on) with the module they share.
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts)
      expect(s).toMatch(
        /\/_astro\/(Layout\.astro_astro_type_script_index_\d_lang|offline-choice)\.[\w-]+\.js$/,
      );
    scripts.length = 0;
    await p.goto(`${server.url}search/`);
    await p.waitForLoadState('networkidle');
    expect(scripts.some((s) => s.includes('/pagefind/'))).toBe(false);
    await p.fill('#search-q', 'hazard');
    await p.press('#search-q', 'Enter');
    expect(await resultTitles(p)).toContain(
      "A joint hazard board at forward command kept every service's risks in one place",
    );
    expect(scripts.some((s) => s.includes('/pagefind/pagefind.js'))).toBe(true);
    await p.close();
  });
});

describe('search as you type', () => {
  /** Every text the status (a live region) is given from now on, in order. */
  async function watchStatus(p: Page): Promise<() => Promise<string[]>> {
    await p.evaluate(() => {
      const status = document.querySelector('#search-status')!;
      const w = window as unknown as { statusTexts: string[] };
      w.statusTexts = [];
      new MutationObserver(() => w.statusTexts.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    return () =>
      p.evaluate(() =>
        (window as unknown as { statusTexts: string[] }).statusTexts.filter((t) => t !== ''),
      );
  }
  const submits = (p: Page) =>
    p.evaluate(() => {
      const w = window as unknown as { submits?: number };
      if (w.submits === undefined) {
        w.submits = 0;
        document
          .querySelector('#search-form')!
          .addEventListener('submit', () => w.submits!++, { capture: true });
      }
      return w.submits;
    });

  it('shows results for a word typed without pressing Enter, narrows them as more is typed, and keeps the address in step', async () => {
    const p = await open(`${server.url}search/`);
    await submits(p);
    const statusTexts = await watchStatus(p);
    await p.click('#search-q');
    await typeUntilResults(p, 'control', 100);
    const control = await p.locator('#search-results h2 a').allTextContents();
    expect(control.sort()).toEqual([
      "A joint hazard board at forward command kept every service's risks in one place",
      'Opening interoperability talkgroups with the first M/ETHANE message',
      'Radio talkgroups were not shared between control rooms during the harbour exercise',
    ]);
    expect(new URL(p.url()).searchParams.get('q')).toBe('control');
    expect(await announced(p)).toBe('3 results for “control”');

    await typeUntilResults(p, ' room', 100);
    const narrowed = await p.locator('#search-results h2 a').allTextContents();
    expect(narrowed.sort()).toEqual([
      'Opening interoperability talkgroups with the first M/ETHANE message',
      'Radio talkgroups were not shared between control rooms during the harbour exercise',
    ]);
    expect(new URL(p.url()).searchParams.get('q')).toBe('control room');
    expect(await announced(p)).toBe('2 results for “control room”');
    // The live region was given one count per pause in typing, never one per keystroke,
    // and never "Searching…".
    expect(await statusTexts()).toEqual([
      '3 results for “control”',
      '2 results for “control room”',
    ]);
    expect(await submits(p)).toBe(0);

    // Clearing the box empties the results, resets the status and the address.
    await p.locator('#search-q').clear();
    await p.waitForFunction(
      () =>
        document.querySelector('#search-status')?.textContent ===
        'Enter words to search for, or choose filters.',
    );
    expect(await p.locator('#search-results li').count()).toBe(0);
    expect(await p.locator('#search-more').isHidden()).toBe(true);
    expect(new URL(p.url()).search).toBe('');
    expect(await submits(p)).toBe(0);
    await p.close();
  });

  it('keeps the checked filters while typing, and Enter still searches at once', async () => {
    // A context of its own: Playwright's clock, stopped below, holds for every page of a context.
    const own = await browser.newContext();
    const p = await own.newPage();
    p.on('pageerror', (e) => problems.push(`${p.url()}: ${e.message}`));
    // The page's clock is Playwright's, so that it can be stopped below.
    await p.clock.install();
    await p.goto(`${server.url}search/?Type=Lesson+identified`);
    await resultTitles(p);
    await p.click('#search-q');
    await typeUntilResults(p, 'radio', 100);
    expect(await p.locator('#search-results h2 a').allTextContents()).toEqual([
      'Radio talkgroups were not shared between control rooms during the harbour exercise',
    ]);
    expect(new URL(p.url()).searchParams.getAll('Type')).toEqual(['Lesson identified']);
    // With the clock stopped, the pause after typing never comes: only Enter can search.
    await p.clock.pauseAt(new Date(await p.evaluate(() => Date.now() + 1000)));
    await p.keyboard.type(' talkgroups');
    // Nothing searched yet: the address still holds the last search.
    expect(new URL(p.url()).searchParams.get('q')).toBe('radio');
    await p.keyboard.press('Enter');
    await p.waitForFunction(
      () =>
        document.querySelector('#search-status')?.textContent === '1 result for “radio talkgroups”',
    );
    expect(new URL(p.url()).searchParams.get('q')).toBe('radio talkgroups');
    await own.close();
  });
});

describe('keyboard', () => {
  it('skips to content, searches from the header and opens a result without a mouse', async () => {
    const p = await open(server.url);
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to main content',
    );
    await p.keyboard.press('Enter');
    expect(p.url()).toMatch(/#main-content$/);
    // Reach the header search box by tabbing.
    await p.goto(server.url);
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      await p.keyboard.press('Tab');
      found = await p.evaluate(() => document.activeElement?.id === 'site-search');
    }
    expect(found).toBe(true);
    await p.keyboard.type('hazard board');
    await p.keyboard.press('Enter');
    await p.waitForURL(/\/search\/\?q=hazard\+board/);
    expect(await resultTitles(p)).toContain(
      "A joint hazard board at forward command kept every service's risks in one place",
    );
    // Tab from the search box to the first result and follow it.
    await p.focus('#search-q');
    let onResult = false;
    for (let i = 0; i < 80 && !onResult; i++) {
      await p.keyboard.press('Tab');
      onResult = await p.evaluate(
        () => document.activeElement?.closest('#search-results') !== null,
      );
    }
    expect(onResult).toBe(true);
    await p.keyboard.press('Enter');
    await p.waitForURL(/\/lessons\//);
    expect(await p.locator('h1').textContent()).toBe(
      "A joint hazard board at forward command kept every service's risks in one place",
    );
    await p.close();
  });

  it('opens a filter and checks a box with the keyboard', async () => {
    const p = await open(`${server.url}search/`);
    await p.focus('summary:has-text("Type")');
    await p.keyboard.press('Enter');
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe(
      'checkbox',
    );
    await p.keyboard.press('Space');
    expect((await resultTitles(p)).length).toBeGreaterThan(0);
    await p.close();
  });
});

describe('accessibility', () => {
  const templates = [
    '',
    'lessons/',
    'notable-practice/',
    'lessons/2024-02-10-radio-talkgroups-not-shared/',
    'lessons/2024-02-11-joint-hazard-board-at-forward-command/',
    'principles/',
    'principles/co-locate/',
    'nrr-themes/',
    'risks/rail-accident/',
    'years/2024/',
    'action-notes/',
    'action-notes/2024-001/',
    'events/',
    'events/2024-02-10-exercise-open-harbour/',
    'organisations/',
    'organisations/northshire-police/',
    'digests/',
    'digests/2024-q2/',
    'trends/',
    'assurance/',
    'assurance/2024-001/',
    'data/',
    'topics/',
    'more/',
    'offline/',
    'about/',
    'criteria/',
    'submit/',
    'review/',
    'subscribe/',
    'search/',
    'search/?q=talkgroups',
    'no-such-page/',
  ];

  it.each(templates)('axe finds no WCAG 2.2 A/AA violation on /%s', async (route) => {
    const p = await open(server.url + route);
    if (route.startsWith('search/?')) await resultTitles(p);
    await p.evaluate(axe.source);
    const result = await p.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'],
        },
      }),
    );
    const violations = result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
    expect(violations).toEqual([]);
    await p.close();
  });
});

describe('printing a digest', () => {
  it('prints on A4 with the protective marking and without navigation, search, breadcrumbs or footer', async () => {
    const p = await open(`${server.url}digests/2024-q2/`);
    await p.emulateMedia({ media: 'print' });
    for (const hidden of [
      '.govuk-service-navigation',
      '.jol-header-search',
      '.govuk-breadcrumbs',
      '.govuk-footer',
      '.govuk-phase-banner',
    ]) {
      expect(await p.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    expect(await p.locator('header .jol-classification').isVisible()).toBe(true);
    expect(await p.locator('main .jol-classification.jol-print-only').isVisible()).toBe(true);
    expect(await p.locator('h1').textContent()).toBe('April to June 2024');
    const pdf = (await p.pdf({ preferCSSPageSize: true })).toString('latin1');
    // A4 is 595 × 842 points.
    const boxes = [...pdf.matchAll(/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toEqual([595, 842]);
    await p.emulateMedia({ media: 'screen' });
    expect(await p.locator('.govuk-service-navigation').isVisible()).toBe(true);
    expect(await p.locator('main .jol-print-only').first().isVisible()).toBe(false);
    await p.close();
  });
});

describe('safety', () => {
  it('runs nothing from hostile content, and search shows it as text', async () => {
    const title = `Hostile </script <img src=x onerror=alert(1) "quoted" & 'apostrophe' ]]`;
    const before = problems.length;
    const p = await open(`${hostileServer.url}lessons/2024-01-05-hostile-lesson/`);
    expect(await p.locator('h1').textContent()).toBe(title);
    await p.goto(`${hostileServer.url}search/?q=hostile`);
    expect(await resultTitles(p)).toContain(title);
    // Result links carry the base path the site is served under.
    expect(await p.locator('#search-results h2 a').first().getAttribute('href')).toBe(
      '/jol-library/lessons/2024-01-05-hostile-lesson/',
    );
    await p.goto(`${hostileServer.url}search/?q=javascript`);
    await resultTitles(p);
    expect(problems.slice(before)).toEqual([]);
    await p.close();
  });

  it('logs no errors or CSP violations, and every file of the site it asks for is there', async () => {
    // Its own pages, in a fresh context (nothing cached): the templates that load anything
    // beyond the page, and search with a query typed and its results shown.
    const seen: string[] = [];
    const fresh = await browser.newContext();
    const origin = new URL(server.url).origin;
    try {
      const p = await fresh.newPage();
      // CSP violations are reported to the page as events (and to the console as errors).
      await p.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`),
        ),
      );
      p.on('console', (m) => {
        if (m.type() === 'error') seen.push(`${p.url()}: console: ${m.text()}`);
      });
      p.on('pageerror', (e) => seen.push(`${p.url()}: ${e.message}`));
      p.on('requestfailed', (r) => seen.push(`${r.url()}: failed (${r.failure()?.errorText})`));
      p.on('response', (r) => {
        if (r.status() >= 400 && r.url().startsWith(origin))
          seen.push(`${r.url()}: HTTP ${r.status()}`);
      });
      const visited: string[] = [];
      for (const route of [
        '',
        'lessons/',
        'notable-practice/',
        'lessons/2024-02-10-radio-talkgroups-not-shared/',
        'principles/co-locate/',
        'trends/',
        'digests/2024-q2/',
        'action-notes/2024-001/',
        'assurance/2024-001/',
        'search/',
      ]) {
        const response = await p.goto(server.url + route);
        expect(response?.status(), route).toBe(200);
        await p.waitForLoadState('networkidle');
        visited.push(route);
      }
      await p.click('#search-q');
      await p.keyboard.type('talkgroups');
      expect(await resultTitles(p)).toContain(
        'Radio talkgroups were not shared between control rooms during the harbour exercise',
      );
      await p.locator('summary', { hasText: 'Type' }).click();
      await p.getByLabel('Lesson identified', { exact: true }).check();
      await p.waitForFunction(() =>
        /^1 result/.test(document.querySelector('#search-status')?.textContent ?? ''),
      );
      await p.waitForLoadState('networkidle');
      expect(visited).toHaveLength(10);
      expect(seen).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

describe('browser setup', () => {
  it('fails with a clear hint when no Chromium is installed', async () => {
    const { findChromium } = await import('./browser.ts');
    expect(() => findChromium({ JOL_CHROMIUM: '/nonexistent/chrome' })).toThrow(
      /JOL_CHROMIUM is set/,
    );
    expect(fs.existsSync(findChromium({}))).toBe(true);
  });
});
