/**
 * Content is untrusted: titles, summaries, names and Markdown bodies in the fixture carry
 * script tags, event handlers, javascript: links and CDATA terminators. Nothing of it may run
 * or break a page or a feed. The site is built under a base path, as on GitHub Pages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Parser from 'rss-parser';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, FIXTURES, buildSite, page } from './build-site.ts';
import { elements, htmlErrors, parse, text } from './html.ts';

const TITLE = `Hostile </script <img src=x onerror=alert(1) "quoted" & 'apostrophe' ]]`;
const LESSON = 'lessons/2024-01-05-hostile-lesson/';
let site: BuiltSite;

beforeAll(() => {
  site = buildSite({
    contentDir: path.join(FIXTURES, 'hostile'),
    today: '2025-06-30',
    basePath: '/jol-library/',
  });
  if (!site.ok) throw new Error(`build failed:\n${site.log}`);
});
afterAll(() => site?.cleanup());

const htmlFiles = () => site.files().filter((f) => f.endsWith('.html'));

describe('hostile content', () => {
  it('shows hostile titles and names as text', () => {
    const tree = parse(site.read(page(LESSON)));
    expect(text(elements(tree, (e) => e.tagName === 'h1')[0]!)).toBe(TITLE);
    expect(text(elements(tree, (e) => e.tagName === 'title')[0]!)).toBe(`${TITLE} – JOL Library`);
    expect(text(tree)).toContain('Quote "and" Ampersand & <Service');
    expect(text(tree)).toContain("<script>alert('code')</script>");
  });

  it('has no script, handler or script URL from content on any page', () => {
    for (const f of htmlFiles()) {
      const tree = parse(site.read(f));
      const scripts = elements(tree, (e) => e.tagName === 'script');
      for (const s of scripts)
        expect(String(s.properties.src), f).toMatch(/^\/jol-library\/_astro\/[\w.-]+\.js$/);
      for (const e of elements(tree)) {
        for (const [name, value] of Object.entries(e.properties)) {
          expect(name.toLowerCase().startsWith('on'), `${f}: <${e.tagName} ${name}>`).toBe(false);
          if (['href', 'src', 'action', 'formAction'].includes(name)) {
            expect(String(value), `${f}: <${e.tagName} ${name}="${String(value)}">`).not.toMatch(
              /^\s*(javascript|vbscript|data):/i,
            );
          }
        }
        // The site's own charts are SVG drawn from numbers: only these shapes, nothing from content can link or run.
        const chart =
          e.tagName === 'svg' &&
          String(e.properties.className).includes('jol-chart__svg') &&
          elements(e as never, (x) => x !== e).every((x) =>
            ['g', 'rect', 'text', 'title', 'desc', 'line'].includes(x.tagName),
          );
        expect(
          ['iframe', 'object', 'embed', 'svg', 'img', 'style', 'base'].includes(e.tagName) &&
            !chart,
          `${f}: <${e.tagName}>`,
        ).toBe(false);
      }
    }
  });

  it('keeps every page valid HTML', async () => {
    const errors: string[] = [];
    for (const f of htmlFiles()) errors.push(...(await htmlErrors(site.read(f), f)));
    expect(errors).toEqual([]);
  });

  it('keeps every feed well-formed, with the hostile text as text', async () => {
    for (const f of site.files().filter((x) => x.startsWith('feeds/') && !x.endsWith('.json'))) {
      expect(XMLValidator.validate(site.read(f)), f).toBe(true);
    }
    const feed = await new Parser().parseString(site.read('feeds/lessons.xml'));
    expect(feed.items[0]!.title).toBe(TITLE);
    expect(feed.items[0]!.contentSnippet ?? feed.items[0]!.content).toContain(
      ']]> <!-- not a comment',
    );
    const json = JSON.parse(site.read('feeds/lessons.json')) as { items: { title: string }[] };
    expect(json.items[0]!.title).toBe(TITLE);
  });

  it('puts every internal link under the base path', () => {
    for (const f of htmlFiles()) {
      const tree = parse(site.read(f));
      for (const a of elements(
        tree,
        (e) => e.tagName === 'a' || e.tagName === 'link' || e.tagName === 'form',
      )) {
        const target = String(a.properties.href ?? a.properties.action ?? '');
        if (target.startsWith('/')) expect(target, f).toMatch(/^\/jol-library\//);
      }
    }
    expect(site.read(page('search/'))).toContain('data-bundle="/jol-library/pagefind/"');
    expect(site.read('feeds/lessons.xml')).toContain(
      'https://jol.example.org/jol-library/lessons/2024-01-05-hostile-lesson/',
    );
  });
});

describe('invalid content', () => {
  it('stops the build with the validator report', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-invalid-'));
    try {
      fs.cpSync(path.join(FIXTURES, 'hostile'), dir, { recursive: true });
      const file = path.join(dir, 'lessons/2024-01-05-hostile-lesson.md');
      fs.writeFileSync(
        file,
        fs.readFileSync(file, 'utf8').replace('source: incident', 'source: incidnt'),
      );
      const broken = buildSite({ contentDir: dir, today: '2025-06-30' });
      try {
        expect(broken.ok).toBe(false);
        expect(broken.log).toContain('The content has errors; fix them before building.');
        expect(broken.log).toMatch(/2024-01-05-hostile-lesson\.md:\d+:\d+\s+error\s+.*incidnt/);
        expect(broken.exists('index.html')).toBe(false);
      } finally {
        broken.cleanup();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
