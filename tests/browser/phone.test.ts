/**
 * Phone first: at 320, 375, 768 and 1280 CSS px the site scrolls only vertically, the header
 * search box takes the width the row allows, every navigation link is reachable by keyboard
 * and by touch (behind the "Menu" button on small screens, all shown from the tablet
 * breakpoint, and one row from 1024 px), every link and button is a tap target of at least
 * 24 × 24 CSS px or spaced as WCAG 2.2's target-size exception allows, and axe-core finds no
 * WCAG 2.2 A/AA violation and no content outside landmarks ("region").
 */
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, FIXTURES, buildSite } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { serve } from './serve.ts';

let browser: Browser;
let site: BuiltSite;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  browser = await launch();
  site = buildSite({ contentDir: path.join(FIXTURES, 'editions'), today: '2025-06-30' });
  if (!site.ok) throw new Error(`build failed:\n${site.log}`);
  server = await serve(site.dir);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.cleanup();
});

const WIDTHS = [320, 375, 768, 1280];
const NAV = ['Lessons', 'Action notes', 'Search', 'Digests', 'More'];
const PAGES = [
  '',
  'lessons/',
  'lessons/2024-02-10-radio-talkgroups-not-shared/',
  'action-notes/2024-001/',
  'events/2024-02-10-exercise-open-harbour/',
  'digests/2024-q2/',
  'assurance/2024-001/',
  'trends/',
  'more/',
  'search/',
];

async function withContext<T>(width: number, run: (c: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    hasTouch: width < 1024,
    isMobile: width < 1024,
  });
  try {
    return await run(context);
  } finally {
    await context.close();
  }
}

/** Every visible link, button, form control and summary whose box is under 24 × 24 CSS px and
 * that fails WCAG 2.2's exceptions: spacing (a 24 px circle centred on its box overlaps no
 * other target and no other undersized target's circle) and inline (a link in a sentence,
 * whose size the line-height of the text around it sets). */
function smallTargets(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const MIN = 24;
    const all = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input:not([type=hidden]), select, textarea, summary',
      ),
    ]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ el, r }) => r.width > 0 && r.height > 0 && el.checkVisibility());
    const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    const circleHitsRect = (c: { x: number; y: number }, r: DOMRect) => {
      const dx = c.x - Math.max(r.left, Math.min(c.x, r.right));
      const dy = c.y - Math.max(r.top, Math.min(c.y, r.bottom));
      return dx * dx + dy * dy < (MIN / 2) ** 2;
    };
    const inSentence = (el: HTMLElement) => {
      const block = el.closest('p, li, dd, dt, td, th, figcaption');
      if (!block || el.tagName !== 'A') return false;
      const copy = block.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('a, button').forEach((t) => t.remove());
      return /\p{L}{2}/u.test(copy.textContent ?? '');
    };
    const small = all.filter(({ r }) => r.width < MIN || r.height < MIN);
    return small
      .filter(({ el }) => !inSentence(el))
      .filter(({ el, r }) => {
        const c = centre(r);
        return (
          all.some(
            (o) =>
              o.el !== el && !o.el.contains(el) && !el.contains(o.el) && circleHitsRect(c, o.r),
          ) ||
          small.some((o) => {
            if (o.el === el) return false;
            const d = centre(o.r);
            return Math.hypot(c.x - d.x, c.y - d.y) < MIN;
          })
        );
      })
      .map(
        ({ el, r }) =>
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
      );
  });
}

describe.each(WIDTHS)('at %i CSS px', (width) => {
  it('no page scrolls sideways, targets are big enough, and axe finds nothing (region included)', async () => {
    await withContext(width, async (context) => {
      const p = await context.newPage();
      const problems: string[] = [];
      p.on('pageerror', (e) => problems.push(e.message));
      for (const route of PAGES) {
        await p.goto(server.url + route);
        const overflow = await p.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${route} scrolls sideways`).toBeLessThanOrEqual(0);
        expect(await smallTargets(p), `${route}: targets under 24 × 24 px`).toEqual([]);
        await p.evaluate(axe.source);
        const results = await p.evaluate(async () => {
          const a = (window as unknown as { axe: typeof axe }).axe;
          const wcag = await a.run(document, {
            runOnly: {
              type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'],
            },
          });
          const region = await a.run(document, { runOnly: { type: 'rule', values: ['region'] } });
          return [...wcag.violations, ...region.violations].map(
            (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
          );
        });
        expect(results, route).toEqual([]);
      }
      expect(problems).toEqual([]);
    });
  });

  it('the header search box takes the width its row allows', async () => {
    await withContext(width, async (context) => {
      const p = await context.newPage();
      await p.goto(`${server.url}lessons/`);
      const { input, form, button } = await p.evaluate(() => {
        const box = (s: string) => document.querySelector(s)!.getBoundingClientRect().width;
        return {
          input: box('#site-search'),
          form: box('.jol-header-search'),
          button: box('.jol-header-search button'),
        };
      });
      // 30em of 16 px is the widest it needs to be; the gap beside the button is 10 px.
      expect(input).toBeGreaterThanOrEqual(Math.min(480, form - button - 10) - 1);
      expect(input + button).toBeLessThanOrEqual(form);
    });
  });

  it('every navigation link is reachable by keyboard and by touch', async () => {
    await withContext(width, async (context) => {
      const p = await context.newPage();
      await p.goto(`${server.url}lessons/2024-02-10-radio-talkgroups-not-shared/`);
      const toggle = p.locator('.govuk-service-navigation__toggle');
      const collapsed = width < 641;
      expect(await toggle.isVisible()).toBe(collapsed);
      const links = p.locator('.govuk-service-navigation__link');
      expect((await links.allTextContents()).map((t) => t.trim())).toEqual(NAV);

      // Keyboard: Tab from the top of the page, opening the menu with Enter where it is folded.
      const reached: string[] = [];
      for (let i = 0; i < 20 && reached.length < NAV.length; i++) {
        await p.keyboard.press('Tab');
        const focused = await p.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          return { cls: el.className, text: el.textContent?.trim() ?? '' };
        });
        if (focused.cls.includes('govuk-service-navigation__toggle')) {
          expect(await toggle.getAttribute('aria-expanded')).toBe('false');
          await p.keyboard.press('Enter');
          expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        }
        if (focused.cls.includes('govuk-service-navigation__link')) reached.push(focused.text);
      }
      expect(reached).toEqual(NAV);

      if (width >= 1024) {
        for (const w of [1024, width]) {
          await p.setViewportSize({ width: w, height: 800 });
          const tops = await p
            .locator('.govuk-service-navigation__item')
            .evaluateAll((items) => items.map((li) => li.getBoundingClientRect().top));
          expect(new Set(tops).size, `navigation on one row at ${w} px`).toBe(1);
        }
      }

      // Touch (a mouse click where the screen is wide): every link opens its page.
      for (const [i, name] of NAV.entries()) {
        await p.goto(`${server.url}lessons/2024-02-10-radio-talkgroups-not-shared/`);
        if (collapsed) {
          await toggle.tap();
          expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        }
        const link = links.nth(i);
        const href = await link.getAttribute('href');
        if (width < 1024) await link.tap();
        else await link.click();
        await p.waitForURL(new URL(href!, server.url).href);
        expect(await p.locator('.govuk-service-navigation__item--active').textContent()).toContain(
          name,
        );
      }
    });
  });
});

describe('without JavaScript', () => {
  it('shows every navigation link on a phone, with no menu button', async () => {
    const context = await browser.newContext({
      viewport: { width: 320, height: 800 },
      javaScriptEnabled: false,
    });
    try {
      const p = await context.newPage();
      await p.goto(`${server.url}lessons/`);
      expect(await p.locator('.govuk-service-navigation__toggle').isVisible()).toBe(false);
      for (const name of NAV)
        expect(await p.getByRole('link', { name, exact: true }).first().isVisible(), name).toBe(
          true,
        );
      await p.getByRole('link', { name: 'More', exact: true }).click();
      for (const name of ['Notable practice', 'Events', 'Topics', 'Trends', 'Assurance'])
        expect(await p.locator('main').getByRole('link', { name, exact: true }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
