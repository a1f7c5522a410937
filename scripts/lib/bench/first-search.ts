/**
 * What a reader's browser downloads for a first search: opens the built search page in a fresh
 * Chromium context (empty cache), types a word, submits, and counts the bytes of every
 * response from opening the page until the results are shown — the page itself, Pagefind's
 * script, WebAssembly, index chunks, filter data and fragments — plus how long the results
 * took to appear after the query was sent.
 */
import type { Browser } from 'playwright-core';

export interface SearchCost {
  word: string;
  bytes: number;
  requests: number;
  milliseconds: number;
  results: string;
}

export async function firstSearch(browser: Browser, searchUrl: string, word: string): Promise<SearchCost> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests++;
    });
    await page.goto(searchUrl, { waitUntil: 'load' });
    await page.fill('#search-q', word);
    const started = Date.now();
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => {
      const status = document.querySelector('#search-status');
      return status !== null && /result/i.test(status.textContent ?? '');
    });
    const milliseconds = Date.now() - started;
    // Let late responses (fragments of the first results) finish.
    await page.waitForLoadState('networkidle');
    const results = (await page.textContent('#search-status'))?.trim() ?? '';
    return { word, bytes, requests, milliseconds, results };
  } finally {
    await context.close();
  }
}
