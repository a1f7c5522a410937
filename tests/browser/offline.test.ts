/**
 * Offline reading in Chromium with the network switched off (context.setOffline): the public
 * edition keeps pages by default, registering its service worker after the load event; a
 * lesson opened online reloads offline; search finds a kept lesson offline and says which
 * results are not kept; "Save for offline" shows the size before it saves; the responders
 * edition keeps nothing before the reader turns offline reading on, and deletes everything
 * when they turn it off; a new build's page replaces the kept one on the next visit online,
 * the old build's cache goes, and pages kept longer than offlineDays (30 in the public
 * edition) are deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, FIXTURES, ROOT, buildSite } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { serve } from './serve.ts';

const LESSON = 'lessons/2024-02-10-radio-talkgroups-not-shared/';
const TITLE = 'Radio talkgroups were not shared between control rooms during the harbour exercise';
const NEW_TITLE = 'Radio talkgroups were opened an hour late during the harbour exercise';

let browser: Browser;
let publicSite: BuiltSite;
let responders: BuiltSite;
let rebuilt: BuiltSite;
let content: string;
let served: string;
let publicServer: Awaited<ReturnType<typeof serve>>;
let respondersServer: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  browser = await launch();
  publicSite = buildSite({
    contentDir: path.join(FIXTURES, 'editions'),
    edition: 'public',
    today: '2025-06-30',
  });
  if (!publicSite.ok) throw new Error(`build failed:\n${publicSite.log}`);
  responders = buildSite({ contentDir: path.join(FIXTURES, 'editions'), today: '2025-06-30' });
  if (!responders.ok) throw new Error(`build failed:\n${responders.log}`);
  // The next build: the same library with one lesson's title changed.
  content = fs.mkdtempSync(path.join(ROOT, '.cache/site-tests/offline-content-'));
  fs.cpSync(path.join(FIXTURES, 'editions'), content, { recursive: true });
  const file = path.join(content, 'lessons/2024-02-10-radio-talkgroups-not-shared.md');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(TITLE, NEW_TITLE));
  rebuilt = buildSite({ contentDir: content, edition: 'public', today: '2025-06-30' });
  if (!rebuilt.ok) throw new Error(`build failed:\n${rebuilt.log}`);
  // The public site is served from a copy, which the rebuild later replaces.
  served = fs.mkdtempSync(path.join(ROOT, '.cache/site-tests/offline-served-'));
  fs.cpSync(publicSite.dir, served, { recursive: true });
  publicServer = await serve(served);
  respondersServer = await serve(responders.dir);
});

afterAll(async () => {
  await browser?.close();
  await publicServer?.close();
  await respondersServer?.close();
  for (const s of [publicSite, responders, rebuilt]) s?.cleanup();
  for (const d of [content, served]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

/** A context that records the page's readyState when the service worker is registered. */
async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const proto = ServiceWorkerContainer.prototype;
    const register = proto.register.bind(navigator.serviceWorker);
    proto.register = (...args) => {
      (window as unknown as { registeredWhen: string }).registeredWhen = document.readyState;
      return register(...args);
    };
  });
  return context;
}

/** Waits until the service worker is active and controls the page. */
async function controlled(p: Page): Promise<void> {
  await p.evaluate(() => navigator.serviceWorker.ready);
  await p.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const cacheNames = (p: Page) => p.evaluate(() => caches.keys());
const keptPaths = (p: Page) =>
  p.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) out.push(new URL(r.url).pathname);
    return out;
  });

describe('public edition', () => {
  it('keeps a lesson opened online and reloads it offline; installs after the load event', async () => {
    const context = await newContext();
    try {
      const p = await context.newPage();
      await p.goto(publicServer.url + LESSON);
      await controlled(p);
      expect(
        await p.evaluate(() => (window as unknown as { registeredWhen: string }).registeredWhen),
      ).toBe('complete');
      const names = await cacheNames(p);
      expect(names.some((n) => /^jol-shell-[0-9a-f]{12}$/.test(n))).toBe(true);
      expect(await keptPaths(p)).toContain(`/${LESSON}`);
      // Kept compressed, to take less of a phone's storage.
      expect(
        await p.evaluate(async () =>
          (await caches.match(location.href))?.headers.get('x-jol-gzip'),
        ),
      ).toBe('1');
      await context.setOffline(true);
      await p.reload();
      expect(await p.locator('h1').textContent()).toBe(TITLE);
      // The shell came at install: the lessons list opens offline too.
      await p.goto(`${publicServer.url}lessons/`);
      expect(await p.locator('h1').textContent()).toBe('Lessons');
    } finally {
      await context.close();
    }
  });

  it('searches offline: finds a kept lesson, and says which results are not kept', async () => {
    const context = await newContext();
    try {
      const p = await context.newPage();
      await p.goto(`${publicServer.url}search/`);
      await controlled(p);
      await p.goto(`${publicServer.url}search/?q=harbour`);
      const titles = async () => {
        await p.waitForFunction(() => {
          const s = document.querySelector('#search-status')?.textContent ?? '';
          return /result/.test(s) && !/Searching/.test(s);
        });
        return p.locator('#search-results h2 a').allTextContents();
      };
      expect(await titles()).toContain(TITLE);
      expect(await titles()).toContain('Exercise Open Harbour');
      await context.setOffline(true);
      await p.reload();
      expect(await titles()).toContain(TITLE);
      const result = (title: string) =>
        p.locator('#search-results li').filter({ has: p.getByRole('link', { name: title }) });
      const missing = result('Exercise Open Harbour');
      await expect.poll(() => missing.locator('.jol-offline-missing').count()).toBe(1);
      const kept = result(TITLE);
      expect(await kept.locator('.jol-offline-missing').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('"Save for offline" shows the size, then keeps the page and its lessons', async () => {
    const context = await newContext();
    try {
      const p = await context.newPage();
      await p.goto(`${publicServer.url}events/2024-02-10-exercise-open-harbour/`);
      await controlled(p);
      await p.getByRole('button', { name: 'Check the size' }).click();
      const save = p.getByRole('button', { name: /^Save \d+ pages \(\d+ KB\)$/ });
      await save.waitFor();
      expect(await p.locator('#save-offline-status').textContent()).toMatch(
        /^\d+ pages, \d+ KB on this device\.$/,
      );
      await save.click();
      await p.waitForFunction(() =>
        document.querySelector('#save-offline-status')?.textContent?.startsWith('Saved'),
      );
      const pages = await p.evaluate(async () =>
        (await (await caches.open('jol-pages')).keys()).map((r) => new URL(r.url).pathname),
      );
      expect(pages).toContain('/events/2024-02-10-exercise-open-harbour/');
      expect(pages).toContain(`/${LESSON}`);
    } finally {
      await context.close();
    }
  });

  it("a new build's page replaces the kept one on the next visit online", async () => {
    const context = await newContext();
    try {
      const p = await context.newPage();
      await p.goto(publicServer.url + LESSON);
      await controlled(p);
      const before = (await cacheNames(p)).filter((n) => n.startsWith('jol-shell-'));
      expect(before).toHaveLength(1);
      // Two kept pages: one stored longer ago than offlineDays, one just now. The next
      // worker expires entries when it activates.
      await p.evaluate(async () => {
        const cache = await caches.open('jol-pages');
        const stamp = (at: number) =>
          new Response('kept', { headers: { 'x-jol-stored': String(at) } });
        await cache.put('/expired-page/', stamp(Date.now() - 31 * 24 * 60 * 60 * 1000));
        await cache.put('/fresh-page/', stamp(Date.now()));
      });
      fs.rmSync(served, { recursive: true, force: true });
      fs.cpSync(rebuilt.dir, served, { recursive: true });
      await p.goto(publicServer.url + LESSON);
      expect(await p.locator('h1').textContent()).toBe(NEW_TITLE);
      // The new build's service worker takes over and deletes the old build's cache.
      await p.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await expect
        .poll(async () => (await cacheNames(p)).filter((n) => n.startsWith('jol-shell-')), {
          timeout: 30_000,
        })
        .not.toContain(before[0]);
      await expect
        .poll(async () => (await cacheNames(p)).filter((n) => n.startsWith('jol-shell-')), {
          timeout: 30_000,
        })
        .toHaveLength(1);
      const kept = await keptPaths(p);
      expect(kept).not.toContain('/expired-page/');
      expect(kept).toContain('/fresh-page/');
      await context.setOffline(true);
      await p.reload();
      expect(await p.locator('h1').textContent()).toBe(NEW_TITLE);
    } finally {
      await context.close();
      fs.rmSync(served, { recursive: true, force: true });
      fs.cpSync(publicSite.dir, served, { recursive: true });
    }
  });

  it('is an installable web app: a manifest with icons, no crown', async () => {
    const context = await newContext();
    try {
      const p = await context.newPage();
      await p.goto(publicServer.url);
      const href = await p.locator('link[rel=manifest]').getAttribute('href');
      const manifest = await p.evaluate(async (u) => (await fetch(u!)).json(), href);
      expect(manifest).toMatchObject({ start_url: '/', scope: '/', display: 'standalone' });
      for (const icon of manifest.icons as { src: string }[]) {
        const status = await p.evaluate(async (u) => (await fetch(u)).status, icon.src);
        expect(status, icon.src).toBe(200);
      }
    } finally {
      await context.close();
    }
  });
});

describe('responders edition', () => {
  it('keeps nothing before the reader turns offline reading on, and deletes it all when turned off', async () => {
    const context = await newContext();
    try {
      const p = await context.newPage();
      await p.goto(respondersServer.url + LESSON);
      await p.waitForLoadState('networkidle');
      await p.goto(`${respondersServer.url}lessons/`);
      await p.waitForLoadState('networkidle');
      expect(await cacheNames(p)).toEqual([]);
      expect(
        await p.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
        'no service worker before consent',
      ).toBe(0);
      // Save for offline points to the offline reading page instead.
      expect(await p.locator('#save-offline-off').isVisible()).toBe(true);
      expect(await p.getByRole('button', { name: 'Check the size' }).count()).toBe(0);

      await p.goto(`${respondersServer.url}offline/`);
      expect(await p.locator('[data-offline-notice]').textContent()).toContain(
        'OFFICIAL-SENSITIVE',
      );
      expect(await cacheNames(p)).toEqual([]);
      await p.getByRole('button', { name: 'Turn on offline reading' }).click();
      await p.waitForFunction(() =>
        document.querySelector('#offline-status')?.textContent?.includes('Offline reading is on'),
      );
      await controlled(p);
      expect((await cacheNames(p)).length).toBeGreaterThan(0);
      expect(await keptPaths(p)).toContain(`/${LESSON}`);
      await context.setOffline(true);
      await p.goto(respondersServer.url + LESSON);
      expect(await p.locator('h1').textContent()).toBe(TITLE);
      await context.setOffline(false);

      await p.goto(`${respondersServer.url}offline/`);
      await p
        .getByRole('button', { name: 'Turn off offline reading and delete the pages kept' })
        .click();
      await p.waitForFunction(() =>
        document.querySelector('#offline-status')?.textContent?.includes('nothing is kept'),
      );
      expect(await cacheNames(p)).toEqual([]);
      expect(
        await p.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
        'no service worker once turned off',
      ).toBe(0);
    } finally {
      await context.close();
    }
  });
});
