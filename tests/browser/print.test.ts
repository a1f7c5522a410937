/**
 * Printing from the browser: lesson, action-note, assurance and digest pages printed to PDF by
 * Chromium on A4, each page of the PDF read back with pdftotext (Debian's poppler-utils). Every
 * printed page carries the protective marking at its top and bottom, no navigation, search,
 * phase banner or footer text appears, the page says where it was printed from, and charts
 * print with their tables.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, FIXTURES, buildSite } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { serve } from './serve.ts';

let browser: Browser;
let site: BuiltSite;
let server: Awaited<ReturnType<typeof serve>>;
let tmp: string;

beforeAll(async () => {
  browser = await launch();
  site = buildSite({ contentDir: path.join(FIXTURES, 'editions'), today: '2025-06-30' });
  if (!site.ok) throw new Error(`build failed:\n${site.log}`);
  server = await serve(site.dir);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-print-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.cleanup();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Prints a page to PDF on A4 as the browser's print dialog would (the page's own @page size
 * and margins) and returns each printed page's lines of text, blank lines left out. */
async function printedPages(route: string): Promise<string[][]> {
  const p = await browser.newPage();
  try {
    await p.goto(server.url + route);
    const file = path.join(tmp, `${route.replace(/\W+/g, '-')}.pdf`);
    fs.writeFileSync(file, await p.pdf({ format: 'A4', preferCSSPageSize: true }));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    return text
      .split('\f')
      .map((page) =>
        page
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      )
      .filter((lines) => lines.length > 0);
  } finally {
    await p.close();
  }
}

// Words only the site's navigation, header search, phase banner and footer print.
const CHROME = [
  'Skip to main content',
  'Search lessons, action notes and events',
  'Responders edition: holds',
  'Support links',
  'What JOL is',
  'Submission criteria',
  'Menu',
];

const cases: { route: string; marking: string; expect?: string[] }[] = [
  { route: 'lessons/2024-02-10-radio-talkgroups-not-shared/', marking: 'OFFICIAL' },
  { route: 'lessons/2024-04-01-qqsecret-sensitive-lesson/', marking: 'OFFICIAL-SENSITIVE' },
  { route: 'action-notes/2024-001/', marking: 'OFFICIAL' },
  // A chart prints with its table: the table's caption and header row are on paper.
  { route: 'assurance/2024-001/', marking: 'OFFICIAL', expect: ['Returns by sector and state'] },
  { route: 'digests/2024-q2/', marking: 'OFFICIAL-SENSITIVE', expect: ['JESIP principle'] },
];

describe('printing to PDF on A4', () => {
  it.each(cases)(
    '$route: the marking at the top and bottom of every page, no navigation',
    async ({ route, marking, expect: words = [] }) => {
      const pages = await printedPages(route);
      expect(pages.length).toBeGreaterThan(0);
      for (const [i, lines] of pages.entries()) {
        expect(lines[0], `page ${i + 1} top`).toBe(marking);
        expect(lines.at(-1), `page ${i + 1} bottom`).toBe(marking);
        const text = lines.join('\n');
        for (const chrome of CHROME)
          expect(text.includes(chrome), `page ${i + 1} prints "${chrome}"`).toBe(false);
      }
      const all = pages.flat().join(' ').replace(/\s+/g, ' ');
      expect(all).toContain(`printed from https://jol.example.org/${route}`);
      for (const w of words) expect(all).toContain(w);
    },
  );

  it('splits a long table between rows, never inside one, and repeats its header', async () => {
    // The digest's tables, as print styles them: no row breaks across pages, headers repeat.
    const p = await browser.newPage();
    try {
      await p.goto(`${server.url}digests/2024-q2/`);
      await p.emulateMedia({ media: 'print' });
      const rows = await p.evaluate(() =>
        [...document.querySelectorAll('main tr')].map((tr) => getComputedStyle(tr).breakInside),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows)).toEqual(new Set(['avoid']));
      const heads = await p.evaluate(() =>
        [...document.querySelectorAll('main thead')].map((t) => getComputedStyle(t).display),
      );
      expect(new Set(heads)).toEqual(new Set(['table-header-group']));
    } finally {
      await p.close();
    }
  });
});
