/**
 * Builds the repository's sample content (responders edition) and checks the output: a page
 * for every record, lesson pages with every field in words, valid HTML everywhere, feeds
 * that parse, the search index over content pages only, and the weight of a lesson page.
 */
import path from 'node:path';
import zlib from 'node:zlib';
import Parser from 'rss-parser';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type LoadedContent } from '../../scripts/lib/load-content.ts';
import { allCriteria, principles, riskThemes, risks, sectors } from '../../schemas/vocabularies.ts';
import { type BuiltSite, ROOT, buildSite, page } from './build-site.ts';
import { elements, htmlErrors, parse, text } from './html.ts';

let site: BuiltSite;
let content: LoadedContent;

beforeAll(async () => {
  site = buildSite({ contentDir: path.join(ROOT, 'content') });
  if (!site.ok) throw new Error(`build failed:\n${site.log}`);
  content = (
    await loadContent({ root: path.join(ROOT, 'content'), edition: 'responders', cache: false })
  ).content;
});
afterAll(() => site?.cleanup());

const htmlFiles = () => site.files().filter((f) => f.endsWith('.html'));
type Data = Record<string, unknown> & {
  title: string;
  principles?: string[];
  risks?: string[];
  criteria: string[];
  related?: string[];
  lessons?: string[];
};

describe('sample site', () => {
  it('builds every lesson, action note, event and organisation page', () => {
    expect(content.lessons.length).toBeGreaterThan(0);
    for (const l of content.lessons) expect(site.exists(page(`lessons/${l.id}/`)), l.id).toBe(true);
    for (const n of content['action-notes'])
      expect(site.exists(page(`action-notes/${n.id}/`)), n.id).toBe(true);
    for (const e of content.events) expect(site.exists(page(`events/${e.id}/`)), e.id).toBe(true);
    for (const o of content.organisations)
      expect(site.exists(page(`organisations/${o.id}/`)), o.id).toBe(true);
    for (const p of [
      '',
      'lessons/',
      'notable-practice/',
      'search/',
      'topics/',
      'about/',
      'criteria/',
      'submit/',
      'review/',
      'subscribe/',
      'digests/',
      'principles/co-locate/',
      'models/methane/',
      'nrr-themes/',
      'sectors/police/',
      'years/',
    ]) {
      expect(site.exists(page(p)), p).toBe(true);
    }
    expect(site.exists('404.html')).toBe(true);
  });

  it('shows every field of a lesson in words, with derived action notes and related lessons', () => {
    const cited = new Set(content['action-notes'].flatMap((n) => (n.data as Data).lessons ?? []));
    const lesson =
      content.lessons.find(
        (l) =>
          cited.has(l.id) &&
          ((l.data as Data).related ?? []).length > 0 &&
          ((l.data as Data).risks ?? []).length > 0,
      ) ?? content.lessons.find((l) => cited.has(l.id))!;
    const d = lesson.data as Data;
    const html = site.read(page(`lessons/${lesson.id}/`));
    const tree = parse(html);
    const body = text(tree);
    expect(text(elements(tree, (e) => e.tagName === 'h1')[0]!)).toBe(d.title);
    for (const p of d.principles ?? []) expect(body).toContain(principles.name(p));
    for (const r of d.risks ?? []) expect(body).toContain(risks.name(r));
    for (const c of d.criteria) expect(body).toContain(allCriteria.name(c));
    const banner = elements(tree, (e) =>
      String(e.properties.className).includes('jol-classification'),
    )[0]!;
    expect(text(banner)).toBe(d.classification === 'official' ? 'OFFICIAL' : 'OFFICIAL-SENSITIVE');
    for (const note of content['action-notes'].filter((n) =>
      ((n.data as Data).lessons ?? []).includes(lesson.id),
    )) {
      expect(html).toContain(`/action-notes/${note.id}/`);
    }
    const related = html.slice(html.indexOf('id="related-heading"'));
    for (const r of d.related ?? []) expect(related).toContain(`/lessons/${r}/`);
    expect(html).toContain(
      `https://github.com/example/jol-library/commits/main/content/lessons/${lesson.id}.md`,
    );
    expect(html).toContain(
      `https://github.com/example/jol-library/edit/main/content/lessons/${lesson.id}.md`,
    );
  });

  it('produces valid HTML on every page', async () => {
    const errors: string[] = [];
    for (const f of htmlFiles()) errors.push(...(await htmlErrors(site.read(f), f)));
    expect(errors).toEqual([]);
  }, 120_000);

  it('runs no inline script or style and sets a strict Content-Security-Policy everywhere', () => {
    for (const f of htmlFiles()) {
      const html = site.read(f);
      expect(html, f).toContain(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self' 'wasm-unsafe-eval'",
      );
      const tree = parse(html);
      expect(
        elements(tree, (e) => e.tagName === 'script' && !e.properties.src),
        f,
      ).toEqual([]);
      expect(
        elements(tree, (e) => e.tagName === 'style' || e.properties.style !== undefined),
        f,
      ).toEqual([]);
      expect(html, f).toMatch(
        /<link rel="alternate" type="application\/rss\+xml" title="JOL Library: all lessons \(RSS\)" href="\/feeds\/lessons.xml">/,
      );
    }
  });

  it('keeps a lesson page under 40 KB of compressed HTML and CSS, with no JavaScript', () => {
    const sizes = content.lessons.map((l) => {
      const html = site.read(page(`lessons/${l.id}/`));
      expect(html).not.toContain('<script');
      const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) =>
        site.read(m[1]!.replace(/^\//, '')),
      );
      return [html, ...css].reduce((n, t) => n + zlib.gzipSync(t).length, 0);
    });
    expect(Math.max(...sizes)).toBeLessThanOrEqual(40 * 1024);
  });

  it('loads JavaScript only on the search page', () => {
    const withScript = htmlFiles().filter((f) => site.read(f).includes('<script'));
    expect(withScript).toEqual(['search/index.html']);
  });

  it('indexes lesson, action-note and event pages only', () => {
    const entry = JSON.parse(site.read('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBe(
      content.lessons.length + content['action-notes'].length + content.events.length,
    );
    expect(site.exists('pagefind/pagefind.js')).toBe(true);
  });

  it('publishes RSS, Atom and JSON feeds with one item per lesson, newest first', async () => {
    const parser = new Parser();
    for (const file of ['feeds/lessons.xml', 'feeds/lessons.atom']) {
      const xml = site.read(file);
      expect(XMLValidator.validate(xml), file).toBe(true);
      const feed = await parser.parseString(xml);
      expect(feed.items, file).toHaveLength(content.lessons.length);
      const dates = feed.items.map((i) => Date.parse(i.isoDate ?? i.pubDate ?? ''));
      expect(
        dates.every((d, i) => i === 0 || d <= dates[i - 1]!),
        file,
      ).toBe(true);
    }
    const rss = await parser.parseString(site.read('feeds/lessons.xml'));
    const first = rss.items[0]!;
    const lesson = content.lessons.find((l) => first.link?.endsWith(`/lessons/${l.id}/`))!;
    expect(first.contentSnippet ?? first.content).toBe(
      (lesson.data as { summary: string }).summary.trim(),
    );
    expect((first.categories ?? []).length).toBeGreaterThan(0);
    expect(first.link).toMatch(/^https:\/\/jol\.example\.org\/lessons\//);
    const json = JSON.parse(site.read('feeds/lessons.json')) as {
      version: string;
      items: { url: string; date_published: string }[];
    };
    expect(json.version).toMatch(/jsonfeed\.org\/version\/1/);
    expect(json.items).toHaveLength(content.lessons.length);
  });

  it('publishes a feed per principle, NRR theme, sector and organisation', async () => {
    const parser = new Parser();
    const feeds = site
      .files()
      .filter((f) => /^feeds\/(principles|nrr-themes|sectors|organisations)\/[^/]+\.xml$/.test(f));
    expect(feeds.length).toBe(
      principles.terms.length +
        riskThemes.terms.length +
        sectors.terms.length +
        content.organisations.length,
    );
    for (const p of principles.terms) {
      const feed = await parser.parseString(site.read(`feeds/principles/${p.id}.xml`));
      const expected = content.lessons.filter((l) =>
        ((l.data as Data).principles ?? []).includes(p.id),
      ).length;
      expect(feed.items, p.id).toHaveLength(expected);
    }
    for (const o of content.organisations)
      expect(site.exists(`feeds/organisations/${o.id}.xml`), o.id).toBe(true);
  });

  it('lists every page of the edition in the sitemap', () => {
    const sitemap = site.read('sitemap.xml');
    expect(XMLValidator.validate(sitemap)).toBe(true);
    for (const l of content.lessons)
      expect(sitemap).toContain(`<loc>https://jol.example.org/lessons/${l.id}/</loc>`);
  });
});
