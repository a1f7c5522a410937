/**
 * Each edition says truly what it is and how to handle it, and the public edition links only
 * where a public reader can follow. The editions fixture (OFFICIAL-SENSITIVE and non-public
 * records beside public ones) is built three times under a base path: the responders edition
 * and the public edition with the repository's own jol.config.json (the sample library, a
 * private repository), and the public edition with a copy that names a public repository and is
 * no longer the sample. Every href, src and action of every HTML page is followed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, FIXTURES, ROOT, buildSite, page } from './build-site.ts';

const contentDir = path.join(FIXTURES, 'editions');
const BASE = '/jol/';
const ORIGIN = 'https://jol.example.org';
/** build-site.ts's JOL_REPOSITORY_URL. */
const REPOSITORY = 'https://github.com/example/jol-library';
const SAMPLE_NOTICE = 'Sample content: fictional lessons for demonstration';
const repoConfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'jol.config.json'), 'utf8')) as {
  sample: boolean;
  repositoryVisibility: string;
  contact: { email: string };
  editions: Record<
    'responders' | 'public',
    { dataTitle: string; licence: string; handling: string }
  >;
};

let configDir: string;
let responders: BuiltSite;
let pub: BuiltSite;
let pubOpen: BuiltSite;

beforeAll(() => {
  configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-handling-'));
  const openConfig = path.join(configDir, 'jol.config.json');
  fs.writeFileSync(
    openConfig,
    JSON.stringify({ ...repoConfig, sample: false, repositoryVisibility: 'public' }),
  );
  const options = { contentDir, today: '2025-06-30', basePath: BASE };
  responders = buildSite({ ...options, edition: 'responders' });
  pub = buildSite({ ...options, edition: 'public' });
  pubOpen = buildSite({ ...options, edition: 'public', env: { JOL_CONFIG: openConfig } });
  for (const [name, site] of Object.entries({ responders, pub, pubOpen }))
    if (!site.ok) throw new Error(`${name} build failed:\n${site.log.slice(-3000)}`);
}, 600_000);
afterAll(() => {
  for (const site of [responders, pub, pubOpen]) site?.cleanup();
  if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
});

const textFiles = (site: BuiltSite) =>
  site
    .files()
    .filter((f) => /\.(html|xml|atom|json|csv|txt)$/.test(f) && !f.startsWith('pagefind'));
const htmlPages = (site: BuiltSite) => site.files().filter((f) => f.endsWith('.html'));

function decode(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"');
}

/** Every href, src and action of every page, resolved against the page's address. */
function links(site: BuiltSite): { from: string; url: URL }[] {
  const out: { from: string; url: URL }[] = [];
  for (const file of htmlPages(site)) {
    const address = `${ORIGIN}${BASE}${file.replace(/(^|\/)index\.html$/, '$1')}`;
    for (const m of site.read(file).matchAll(/\s(?:href|src|action)="([^"]*)"/g))
      out.push({ from: file, url: new URL(decode(m[1]!), address) });
  }
  return out;
}

/** The links inside the site whose file is not in the build. */
function broken(site: BuiltSite): string[] {
  const missing = new Set<string>();
  for (const { from, url } of links(site)) {
    if (url.origin !== ORIGIN) continue;
    if (!url.pathname.startsWith(BASE)) {
      missing.add(`${from} → ${url.pathname} (outside ${BASE})`);
      continue;
    }
    const rel = decodeURIComponent(url.pathname.slice(BASE.length));
    const found =
      rel === '' || rel.endsWith('/')
        ? site.exists(`${rel}index.html`)
        : site.exists(rel) && !fs.statSync(path.join(site.dir, rel)).isDirectory();
    if (!found) missing.add(`${from} → ${url.pathname}`);
  }
  return [...missing];
}

describe('the responders edition', () => {
  it('never says "open data" or "Open Government Licence", in any page, feed or data file', () => {
    const files = textFiles(responders);
    expect(files.length).toBeGreaterThan(50);
    const said = files.filter((f) => /open data|open government licen/i.test(responders.read(f)));
    expect(said).toEqual([]);
  });

  it('calls its data page "Data downloads", with the handling and licence of the configuration', () => {
    const html = responders.read(page('data/'));
    const text = repoConfig.editions.responders;
    expect(text.dataTitle).toBe('Data downloads');
    expect(html).toContain('<h1 class="govuk-heading-l">Data downloads</h1>');
    expect(html).toContain('<title>Data downloads – JOL Library</title>');
    expect(html).toContain(text.handling);
    expect(html).toContain(text.licence);
    expect(html).toMatch(/data-dataset="lessons"[\s\S]*?data-marking[^>]*>OFFICIAL-SENSITIVE</);
    expect(html).toMatch(/data-dataset="organisations"[\s\S]*?data-marking[^>]*>OFFICIAL</);
    // The navigation, the footer and the home page use the same words.
    for (const p of [page(''), page('lessons/')]) {
      const h = responders.read(p);
      expect(h).toContain(`href="${BASE}data/"`);
      expect(h).toMatch(/>\s*Data downloads/);
    }
    expect(responders.read(page(''))).toContain('Data downloads (JSON and CSV)');
  });

  it('marks each data file: OFFICIAL-SENSITIVE where it holds such records, each CSV row with its own', () => {
    type DataFile = {
      classification: string;
      edition: string;
      licence: string;
      handling: string;
      records: { id?: string; classification?: string }[];
    };
    const json = (f: string) => JSON.parse(responders.read(`data/${f}.json`)) as DataFile;
    const lessons = json('lessons');
    expect(lessons).toMatchObject({
      classification: 'OFFICIAL-SENSITIVE',
      edition: 'responders',
      licence: repoConfig.editions.responders.licence,
      handling: repoConfig.editions.responders.handling,
    });
    expect(lessons.records).toHaveLength(4);
    expect(json('action-notes').classification).toBe('OFFICIAL-SENSITIVE');
    expect(json('events').classification).toBe('OFFICIAL-SENSITIVE');
    expect(json('organisations').classification).toBe('OFFICIAL');
    const rows = responders.read('data/lessons.csv').trim().split('\r\n');
    expect(rows[0]).toMatch(/^marking,id,/);
    expect(rows.find((r) => r.includes('2024-04-01-qqsecret-sensitive-lesson'))).toMatch(
      /^OFFICIAL-SENSITIVE,2024-04-01-qqsecret-sensitive-lesson,/,
    );
    expect(rows.find((r) => r.includes(',2024-02-10-radio-talkgroups-not-shared,'))).toMatch(
      /^OFFICIAL,/,
    );
    const assurance = responders.read('data/assurance.csv').trim().split('\r\n');
    expect(assurance.filter((r) => r.startsWith('OFFICIAL-SENSITIVE,2024-002,')).length).toBe(
      assurance.filter((r) => r.includes(',2024-002,')).length,
    );
  });

  it('carries the responders licence in its feeds, not the OGL', async () => {
    const feed = await new Parser().parseString(responders.read('feeds/lessons.xml'));
    expect(feed.copyright).toBe(repoConfig.editions.responders.licence);
    expect(responders.read('feeds/lessons.json')).not.toContain('Open Government');
  });

  it('links its readers to the repository (they work with it)', () => {
    const lesson = responders.read(page('lessons/2024-02-10-radio-talkgroups-not-shared/'));
    expect(lesson).toContain(`${REPOSITORY}/commits/main/`);
    expect(lesson).toContain(`${REPOSITORY}/edit/main/`);
    expect(responders.read(page('submit/'))).toContain(`${REPOSITORY}/issues/new/choose`);
  });
});

describe('the public edition', () => {
  it('keeps the Open Government Licence: footer, data page, data files and feeds', async () => {
    const ogl = repoConfig.editions.public.licence;
    expect(ogl).toContain('Open Government Licence v3.0');
    expect(pub.read(page(''))).toContain(ogl);
    const data = pub.read(page('data/'));
    expect(data).toContain('<h1 class="govuk-heading-l">Open data</h1>');
    expect(data).toContain(ogl);
    const lessons = JSON.parse(pub.read('data/lessons.json')) as Record<string, unknown>;
    expect(lessons).toMatchObject({ classification: 'OFFICIAL', edition: 'public', licence: ogl });
    for (const f of pub.files().filter((x) => /^data\/[^/]+\.csv$/.test(x)))
      for (const row of pub.read(f).trim().split('\r\n').slice(1))
        expect(row, f).toMatch(/^OFFICIAL,/);
    const feed = await new Parser().parseString(pub.read('feeds/lessons.xml'));
    expect(feed.copyright).toBe(ogl);
  });

  it('links to no page it lacks, following every href, src and action under the base path', () => {
    expect(links(pub).length).toBeGreaterThan(500);
    expect(broken(pub)).toEqual([]);
    expect(broken(pubOpen)).toEqual([]);
  });

  it('never links to a private repository, and explains how an organisation joins instead', () => {
    expect(repoConfig.repositoryVisibility).toBe('private');
    const toRepository = links(pub).filter(({ url }) => url.href.startsWith(REPOSITORY));
    expect(toRepository.map((l) => `${l.from} → ${l.url.href}`)).toEqual([]);
    const everywhere = textFiles(pub).filter((f) => pub.read(f).includes(REPOSITORY));
    expect(everywhere).toEqual([]);
    const submit = pub.read(page('submit/'));
    expect(submit).toContain('How an organisation joins');
    expect(submit).toContain(`href="mailto:${repoConfig.contact.email}"`);
    expect(submit).not.toContain('By pull request');
    expect(submit).toContain('the JOL central team (<a');
  });

  it('links to a public repository: source, history, suggest a change and the forms', () => {
    const lesson = pubOpen.read(page('lessons/2024-02-10-radio-talkgroups-not-shared/'));
    expect(lesson).toContain(`${REPOSITORY}/commits/main/`);
    expect(lesson).toContain(`${REPOSITORY}/edit/main/`);
    expect(lesson).toContain('suggest a change');
    expect(pubOpen.read(page(''))).toContain(`href="${REPOSITORY}"`);
    const submit = pubOpen.read(page('submit/'));
    expect(submit).toContain(`${REPOSITORY}/issues/new/choose`);
    expect(submit).toContain('By pull request');
    expect(submit).not.toContain('How an organisation joins');
  });
});

describe('the sample library', () => {
  it('says on every page, in a landmark, that its lessons are fictional', () => {
    expect(repoConfig.sample).toBe(true);
    for (const site of [responders, pub]) {
      const pages = htmlPages(site);
      expect(pages.length).toBeGreaterThan(20);
      const without = pages.filter((p) => {
        const html = site.read(p);
        return (
          !/<main[^>]*>\s*<section class="govuk-notification-banner" aria-labelledby="sample-notice-title"/.test(
            html,
          ) || !html.includes(SAMPLE_NOTICE)
        );
      });
      expect(without).toEqual([]);
    }
  });

  it('says nothing of the kind once the configuration says sample: false', () => {
    const pages = htmlPages(pubOpen);
    expect(pages.filter((p) => pubOpen.read(p).includes(SAMPLE_NOTICE))).toEqual([]);
  });
});
