/**
 * What a reader's browser downloads for a first search: opens the built search page in a
 * fresh Chromium context (empty cache), types a word into the search box key by key (the page
 * searches as you type; no Enter), as fast as keys can be sent or `delay` ms apart, or puts it
 * in the box at once (`atOnce`, as pasted: the bytes of that search alone), optionally ticks
 * one filter, waits for the results and for the network to go quiet, and counts every
 * response — the page, its CSS and JavaScript, Pagefind's scripts, WebAssembly, metadata,
 * index chunks, filter chunks and fragments.
 *
 * Bytes are counted by the static server (`scripts/lib/browser/static-server.ts`) as written to
 * the socket, headers included, with text gzipped as GitHub Pages sends it: Pagefind 1.6
 * fetches its WebAssembly and index from a web worker, which a DevTools session on the page
 * does not see, so counting in the page misses most of the bytes. The site must therefore be
 * served by `serveStatic()` in this process (pass it, or it is found by its address).
 */
import type { Browser, Page } from 'playwright-core';
import {
  findStaticServer,
  type ServedResponse,
  type StaticServer,
} from '../browser/static-server.ts';

/** What a response is for, by its path. */
export type ResponseKind =
  | 'page'
  | 'css'
  | 'js'
  | 'pagefindJs'
  | 'wasm'
  | 'pfMeta'
  | 'index'
  | 'filter'
  | 'fragment'
  | 'delta'
  | 'dates'
  | 'other';

export interface KindCost {
  bytes: number;
  requests: number;
}

export interface SearchCost {
  word: string;
  /** Every byte the server wrote for the search page and the search: status lines, headers and bodies. */
  bytes: number;
  requests: number;
  /** From the last keystroke to the results for the word being in the list, measured in the page. */
  milliseconds: number;
  /** The status line once announced, e.g. `12 results for “control”`. */
  results: string;
  /** Bytes and requests by kind: the page, site CSS and JS, Pagefind's JS, WebAssembly, metadata, index, filter and fragment files. */
  byKind: Record<ResponseKind, KindCost>;
  /** The filter ticked after the word's results were shown, if any. */
  filter?: SearchFilter;
  /** How the word went in: typed `delay` ms a key, or at once. */
  typed: { delay: number } | 'at once';
  /** With a filter: from ticking it to the filtered results being in the list. */
  filterMilliseconds?: number;
  /** Every response, in the order they finished. */
  responses: ServedResponse[];
}

export interface SearchFilter {
  /** The filter's name as on the search page (`Type`, `Principle`, …). */
  name: string;
  /** One of its values (`Lesson identified`, …). */
  value: string;
}

export interface FirstSearchOptions {
  /** The server of the site; by default the `serveStatic()` server of this process at `searchUrl`. */
  server?: StaticServer;
  /** Tick this filter once the word's results are shown, and count the filtered search too. */
  filter?: SearchFilter;
  /** Milliseconds between keys (default 0: as fast as they can be sent). */
  delay?: number;
  /** Put the word in the box in one input event (as pasted) instead of typing it. */
  atOnce?: boolean;
}

export function kindOf(urlPath: string): ResponseKind {
  const file = urlPath.split('/').pop() ?? '';
  // Everything of the search index's delta (its manifest, entry, metadata, chunks, fragments).
  if (urlPath.includes('/pagefind-delta/')) return 'delta';
  if (urlPath.includes('/pagefind/')) {
    if (file.endsWith('.pf_index')) return 'index';
    if (file.endsWith('.pf_filter')) return 'filter';
    if (file.endsWith('.pf_fragment')) return 'fragment';
    if (file.endsWith('.pf_meta') || file === 'pagefind-entry.json') return 'pfMeta';
    if (file === 'jol-dates.json') return 'dates';
    if (file.endsWith('.pagefind') || file.endsWith('.wasm')) return 'wasm';
    if (file.endsWith('.js')) return 'pagefindJs';
    return 'other';
  }
  if (file === '' || file.endsWith('.html')) return 'page';
  if (file.endsWith('.css')) return 'css';
  if (file.endsWith('.js') || file.endsWith('.mjs')) return 'js';
  return 'other';
}

export function costByKind(responses: readonly ServedResponse[]): Record<ResponseKind, KindCost> {
  const kinds: ResponseKind[] = [
    'page',
    'css',
    'js',
    'pagefindJs',
    'wasm',
    'pfMeta',
    'index',
    'filter',
    'fragment',
    'delta',
    'dates',
    'other',
  ];
  const out = Object.fromEntries(kinds.map((k) => [k, { bytes: 0, requests: 0 }])) as Record<
    ResponseKind,
    KindCost
  >;
  for (const r of responses) {
    const k = out[kindOf(r.path)];
    k.bytes += r.bytes;
    k.requests++;
  }
  return out;
}

interface Watch {
  lastKey: number;
  lastChange: number;
  shown: number;
  items: number;
}

/**
 * Watches the search page from now: the time of each keystroke in the search box (its input
 * event) and of each filter or order change, and the time the results list next shows results
 * for the box's words (the script sets `data-results-for` in the same step as it puts the
 * items in the list).
 */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __jolWatch?: Watch; __jolObserver?: MutationObserver };
    const box = document.querySelector<HTMLInputElement>('#search-q')!;
    const list = document.querySelector<HTMLElement>('#search-results')!;
    w.__jolObserver?.disconnect();
    const state: Watch = { lastKey: 0, lastChange: 0, shown: 0, items: 0 };
    w.__jolWatch = state;
    const form = box.form;
    if (form && !form.__jolWatched) {
      form.__jolWatched = true;
      const current = () => (window as unknown as { __jolWatch: Watch }).__jolWatch;
      // Capturing listeners on the form run before the page's own listeners.
      form.addEventListener(
        'input',
        (e) => {
          if (e.target !== box) return;
          current().lastKey = performance.now();
          current().shown = 0;
        },
        { capture: true },
      );
      form.addEventListener(
        'change',
        (e) => {
          if (e.target === box) return;
          current().lastChange = performance.now();
          current().shown = 0;
        },
        { capture: true },
      );
    }
    w.__jolObserver = new MutationObserver(() => {
      if (
        state.shown === 0 &&
        list.dataset.resultsFor !== undefined &&
        list.dataset.resultsFor === box.value.trim()
      ) {
        state.shown = performance.now();
        state.items = list.querySelectorAll('li').length;
      }
    });
    w.__jolObserver.observe(list, { attributes: true, attributeFilter: ['data-results-for'] });
  });
}

async function shownAfter(
  page: Page,
  from: 'lastKey' | 'lastChange',
): Promise<{ milliseconds: number; items: number }> {
  const handle = await page.waitForFunction(
    (start) => {
      const s = (window as unknown as { __jolWatch: Watch }).__jolWatch;
      const t0 = s[start];
      return s.shown > 0 && t0 > 0 ? { milliseconds: s.shown - t0, items: s.items } : false;
    },
    from,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as { milliseconds: number; items: number };
}

/**
 * Types `word` into the search box of an open search page key by key (`delay` ms apart, no
 * Enter) and returns how long after the last keystroke the results for it were in the list,
 * as measured in the page, and how many items were shown.
 */
export async function typeUntilResults(
  page: Page,
  word: string,
  delay = 0,
): Promise<{ milliseconds: number; items: number }> {
  await watch(page);
  await page.locator('#search-q').pressSequentially(word, { delay });
  return shownAfter(page, 'lastKey');
}

/** Puts `word` in the search box in one input event, as pasting does, and returns as typeUntilResults does. */
export async function pasteUntilResults(
  page: Page,
  word: string,
): Promise<{ milliseconds: number; items: number }> {
  await watch(page);
  await page.locator('#search-q').fill(word);
  return shownAfter(page, 'lastKey');
}

/** Waits for the status line (a live region, updated once the reader pauses) to describe the results. */
export async function announced(page: Page): Promise<string> {
  await page.waitForFunction(
    () =>
      /result/i.test(document.querySelector('#search-status')?.textContent ?? '') &&
      !/Searching/.test(document.querySelector('#search-status')?.textContent ?? ''),
  );
  return (await page.textContent('#search-status'))?.trim() ?? '';
}

export async function firstSearch(
  browser: Browser,
  searchUrl: string,
  word: string,
  options: FirstSearchOptions = {},
): Promise<SearchCost> {
  const server = options.server ?? findStaticServer(searchUrl);
  if (!server) {
    throw new Error(
      `firstSearch counts bytes at the server, and no serveStatic() server of this process serves ${searchUrl}. ` +
        'Serve the built site with serveStatic() from scripts/lib/browser/static-server.ts.',
    );
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  const recording = server.record();
  try {
    await page.goto(searchUrl, { waitUntil: 'load' });
    await page.click('#search-q');
    const typed = options.atOnce
      ? await pasteUntilResults(page, word)
      : await typeUntilResults(page, word, options.delay ?? 0);
    let filterMilliseconds: number | undefined;
    if (options.filter) {
      const { name, value } = options.filter;
      const check = page.locator(
        `input[type="checkbox"][name=${JSON.stringify(name)}][value=${JSON.stringify(value)}]`,
      );
      if ((await check.count()) !== 1)
        throw new Error(`No filter ${name}: ${value} on the search page.`);
      await check.evaluate((el) => el.closest('details')?.setAttribute('open', ''));
      await watch(page);
      await check.check();
      filterMilliseconds = (await shownAfter(page, 'lastChange')).milliseconds;
    }
    const results = await announced(page);
    // Let late responses finish (the worker's requests included: the server sees them all).
    await page.waitForLoadState('networkidle');
    await recording.idle(500);
    const responses = recording.stop();
    return {
      word,
      typed: options.atOnce ? 'at once' : { delay: options.delay ?? 0 },
      bytes: responses.reduce((n, r) => n + r.bytes, 0),
      requests: responses.length,
      milliseconds: Math.round(typed.milliseconds),
      results,
      byKind: costByKind(responses),
      ...(options.filter
        ? { filter: options.filter, filterMilliseconds: Math.round(filterMilliseconds!) }
        : {}),
      responses,
    };
  } finally {
    recording.stop();
    await context.close();
  }
}
