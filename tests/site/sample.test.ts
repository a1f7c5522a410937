/**
 * Builds the repository's sample content (responders edition) and checks the output against
 * the content files themselves (read with `yaml`, not with the site's loader): a page for every
 * record, every lesson's fields in words as the vocabularies name them, valid HTML everywhere,
 * feeds that parse, the search index over content pages only, and the weight of a lesson page.
 */
import path from 'node:path';
import zlib from 'node:zlib';
import type { Element } from 'hast';
import Parser from 'rss-parser';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ContentFiles,
  inWords,
  readContentFiles,
  vocabularies as v,
} from '../helpers/content-files.ts';
import { type BuiltSite, ROOT, buildSite, page } from './build-site.ts';
import { elements, htmlErrors, parse, text } from './html.ts';

const CONTENT = path.join(ROOT, 'content');
let site: BuiltSite;
const content: ContentFiles = readContentFiles(CONTENT);

beforeAll(() => {
  site = buildSite({ contentDir: CONTENT });
  if (!site.ok) throw new Error(`build failed:\n${site.log}`);
});
afterAll(() => site?.cleanup());

const htmlFiles = () => site.files().filter((f) => f.endsWith('.html'));
const words = (node: Element) => text(node).replace(/\s+/g, ' ').trim();
const hasClass = (e: Element, name: string) =>
  (Array.isArray(e.properties.className) ? e.properties.className : []).includes(name);

/** The rows of a lesson page's summary list: each key with its value's words and its list items. */
function summaryRows(
  tree: ReturnType<typeof parse>,
): Map<string, { text: string; items: string[] }> {
  const list = elements(tree, (e) => e.tagName === 'dl' && hasClass(e, 'govuk-summary-list'))[0]!;
  const rows = new Map<string, { text: string; items: string[] }>();
  for (const row of list.children.filter((c): c is Element => c.type === 'element')) {
    const [dt, dd] = row.children.filter((c): c is Element => c.type === 'element');
    rows.set(words(dt!), {
      text: words(dd!),
      items: elements({ type: 'root', children: [dd!] }, (e) => e.tagName === 'li').map(words),
    });
  }
  return rows;
}

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

  it('shows every field of every lesson in words, as the vocabularies name them', () => {
    const orgName = (id: string) =>
      content.organisations.find((o) => o.id === id)!.data.name as string;
    const orgSector = (id: string) =>
      content.organisations.find((o) => o.id === id)!.data.sector as string;
    for (const lesson of content.lessons) {
      const d = lesson.data;
      const tree = parse(site.read(page(`lessons/${lesson.id}/`)));
      const at = `lessons/${lesson.id}/`;
      expect(words(elements(tree, (e) => e.tagName === 'h1')[0]!), at).toBe(d.title);
      expect(words(elements(tree, (e) => hasClass(e, 'govuk-body-l'))[0]!), at).toBe(
        String(d.summary).replace(/\s+/g, ' ').trim(),
      );
      const rows = summaryRows(tree);
      const row = (key: string) => {
        const r = rows.get(key);
        expect(r, `${at}: row "${key}"`).toBeDefined();
        return r!;
      };
      const terms = (key: string, ids: string[] | undefined, name: (id: string) => string) => {
        if ((ids ?? []).length === 0) expect(row(key).text, `${at}: ${key}`).toBe('None given');
        else expect(row(key).items, `${at}: ${key}`).toEqual(ids!.map(name));
      };
      const status = (d.status as string | undefined) ?? 'identified';
      const involved = [
        ...new Set<string>([d.submitted_by, ...((d.organisations as string[]) ?? [])]),
      ];
      expect(row('Type').text, at).toBe(v.lessonKind(d.kind));
      expect(row('Status').text, at).toBe(
        v.lessonStatus(status) +
          (d.superseded_by
            ? `: replaced by ${content.lessons.find((l) => l.id === d.superseded_by)!.data.title}`
            : ''),
      );
      expect(row('When the learning arose').text, at).toBe(inWords(d.date));
      expect(row('Source').text, at).toBe(v.source(d.source));
      expect(row('Event').text, at).toBe(
        d.event
          ? (content.events.find((e) => e.id === d.event)!.data.name as string)
          : 'No event named',
      );
      expect(row('Submitted by').text, at).toBe(orgName(d.submitted_by));
      expect(row('Organisations involved').items, at).toEqual(involved.map(orgName));
      expect(row('Sectors').items, at).toEqual([...new Set(involved.map(orgSector))].map(v.sector));
      expect(row('JOL criteria met').items, at).toEqual((d.criteria as string[]).map(v.criterion));
      terms('JESIP principles', d.principles, v.principle);
      terms('JESIP models', d.models, v.model);
      terms('Command levels', d.command_levels, v.commandLevel);
      terms('National Risk Register risks', d.risks, v.risk);
      terms(
        'Risk themes',
        [...new Set(((d.risks as string[]) ?? []).map(v.themeOfRisk))],
        v.riskTheme,
      );
      if ((d.tags ?? []).length > 0) expect(row('Tags').text, at).toBe(d.tags.join(', '));
      else expect(rows.has('Tags'), at).toBe(false);
      expect(row('Submitted').text, at).toBe(inWords(d.submitted));
      expect(row('Published').text, at).toBe(inWords(d.published));
      expect(row('Classification').text, at).toBe(
        `${v.classification(d.classification)}, ${d.public ? 'cleared for the public edition' : 'not for public release'}`,
      );
      const banner = elements(tree, (e) => hasClass(e, 'jol-classification'))[0]!;
      expect(words(banner), at).toBe(v.classification(d.classification));
    }
    // Every field the sample uses is covered above: a lesson with each of them.
    const used = new Set(content.lessons.flatMap((l) => Object.keys(l.data)));
    for (const field of [
      'models',
      'command_levels',
      'event',
      'organisations',
      'tags',
      'risks',
      'principles',
      'status',
      'published',
    ])
      expect(used, field).toContain(field);
  });

  it('links a lesson to the action notes that cite it, its related lessons and its history', () => {
    const cited = new Set(
      content['action-notes'].flatMap((n) => (n.data.lessons as string[] | undefined) ?? []),
    );
    const lesson =
      content.lessons.find(
        (l) =>
          cited.has(l.id) && (l.data.related ?? []).length > 0 && (l.data.risks ?? []).length > 0,
      ) ?? content.lessons.find((l) => cited.has(l.id))!;
    const html = site.read(page(`lessons/${lesson.id}/`));
    const notes = content['action-notes'].filter((n) =>
      ((n.data.lessons as string[] | undefined) ?? []).includes(lesson.id),
    );
    expect(notes.length).toBeGreaterThan(0);
    const citing = html.slice(
      html.indexOf('id="notes-heading"'),
      html.indexOf('id="related-heading"'),
    );
    for (const note of notes) expect(citing).toContain(`/action-notes/${note.id}/`);
    const related = html.slice(html.indexOf('id="related-heading"'));
    for (const r of lesson.data.related ?? []) expect(related).toContain(`/lessons/${r}/`);
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

  it("loads nothing from another origin: every script, style, image, font and form is the site's own", () => {
    const SITE = 'https://jol.example.org';
    const loads: string[] = [];
    for (const f of htmlFiles()) {
      const base = new URL(`/${f}`, SITE);
      for (const e of elements(parse(site.read(f)))) {
        const rel = String(e.properties.rel ?? '');
        const attr =
          e.tagName === 'link' && !/alternate|canonical/.test(rel)
            ? e.properties.href
            : e.tagName === 'form'
              ? e.properties.action
              : ['script', 'img', 'iframe', 'source', 'audio', 'video', 'embed', 'track'].includes(
                    e.tagName,
                  )
                ? e.properties.src
                : e.tagName === 'object'
                  ? e.properties.data
                  : undefined;
        if (typeof attr !== 'string') continue;
        loads.push(attr);
        expect(new URL(attr, base).origin, `${f}: <${e.tagName}> ${attr}`).toBe(SITE);
      }
    }
    for (const css of site.files().filter((f) => f.endsWith('.css')))
      for (const m of site.read(css).matchAll(/url\(\s*['"]?([^'")]+)/g))
        if (!m[1]!.startsWith('data:'))
          expect(new URL(m[1]!, new URL(`/${css}`, SITE)).origin, `${css}: ${m[1]}`).toBe(SITE);
    // The check saw what it is for: the pages' own stylesheets and the search page's script.
    expect(loads.some((l) => l.endsWith('.css'))).toBe(true);
    expect(loads.some((l) => l.endsWith('.js'))).toBe(true);
  });

  // The layout's scripts (the menu toggle and offline reading's registration) are on every
  // page; `npm run budget:offline` measures them with the page.
  const layoutScript =
    /<script type="module" src="\/_astro\/Layout\.astro_astro_type_script_index_\d_lang\.[\w-]+\.js"><\/script>/g;

  it("keeps a lesson page under 40 KB of compressed HTML and CSS, with no JavaScript but the layout's", () => {
    const sizes = content.lessons.map((l) => {
      const html = site.read(page(`lessons/${l.id}/`));
      expect(html.replace(layoutScript, '')).not.toContain('<script');
      const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) =>
        site.read(m[1]!.replace(/^\//, '')),
      );
      return [html, ...css].reduce((n, t) => n + zlib.gzipSync(t).length, 0);
    });
    expect(Math.max(...sizes)).toBeLessThanOrEqual(40 * 1024);
  });

  it("loads JavaScript beyond the layout's only on the search, offline and save-for-offline pages", () => {
    const withScript = htmlFiles().filter((f) =>
      site.read(f).replace(layoutScript, '').includes('<script'),
    );
    expect(withScript).toContain('search/index.html');
    for (const f of withScript)
      expect(
        /^(search|offline)\/index\.html$/.test(f) || site.read(f).includes('data-pages='),
        f,
      ).toBe(true);
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
    expect(first.contentSnippet ?? first.content).toBe(String(lesson.data.summary).trim());
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
      v.principles.length + v.riskThemes.length + v.sectors.length + content.organisations.length,
    );
    for (const p of v.principles) {
      const feed = await parser.parseString(site.read(`feeds/principles/${p.id}.xml`));
      const expected = content.lessons.filter((l) =>
        ((l.data.principles as string[] | undefined) ?? []).includes(p.id),
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
    // Exactly the site's pages: every page built (but the 404 page), and no address without one.
    const listed = [...sitemap.matchAll(/<loc>https:\/\/jol\.example\.org\/([^<]*)<\/loc>/g)]
      .map((m) => `${m[1]}index.html`)
      .sort();
    const built = htmlFiles()
      .filter((f) => f !== '404.html')
      .sort();
    expect(listed).toEqual(built);
  });
});
