/**
 * The public edition must carry no trace of a record that is not public: the fixture plants
 * unique marker words and ids in non-public lessons, an event, an action note and an
 * assurance return, and every output file is searched, Pagefind's compressed index included.
 */
import path from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, FIXTURES, buildSite, page, readDecoded } from './build-site.ts';

const MARKERS = [
  'Zanzibarquartz',
  'Xylophonemarmalade',
  'Quillfeather',
  'Vantablack',
  'Wolframbanjo',
  'Jellyfishtrombone',
  'Kumquatzeppelin',
  'qqsecret',
  'qqofficial',
  '2024-002',
];
const contentDir = path.join(FIXTURES, 'editions');

let responders: BuiltSite;
let pub: BuiltSite;

function markersIn(site: BuiltSite): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const rel of site.files()) {
    const text = readDecoded(path.join(site.dir, rel)).toLowerCase();
    for (const marker of MARKERS) {
      if (text.includes(marker.toLowerCase()))
        found.set(marker, [...(found.get(marker) ?? []), rel]);
    }
  }
  return found;
}

beforeAll(() => {
  responders = buildSite({ contentDir, edition: 'responders', today: '2025-06-30' });
  pub = buildSite({ contentDir, edition: 'public', today: '2025-06-30' });
  if (!responders.ok) throw new Error(`responders build failed:\n${responders.log}`);
  if (!pub.ok) throw new Error(`public build failed:\n${pub.log}`);
});
afterAll(() => {
  responders?.cleanup();
  pub?.cleanup();
});

describe('editions', () => {
  it('the responders edition carries every marker, in pages and in the search index', () => {
    const found = markersIn(responders);
    expect([...found.keys()].sort()).toEqual([...MARKERS].sort());
    expect(
      found
        .get('Xylophonemarmalade')!
        .some((f) => f.startsWith('pagefind/') && f.includes('fragment')),
    ).toBe(true);
  });

  it('the public edition carries no marker in any file, Pagefind index decompressed included', () => {
    const files = pub.files();
    expect(files.filter((f) => f.startsWith('pagefind/')).length).toBeGreaterThan(3);
    expect(Object.fromEntries(markersIn(pub))).toEqual({});
  });

  it('the public search index does hold the public lessons (the decoding works)', () => {
    const fragments = pub.files().filter((f) => f.startsWith('pagefind/fragment/'));
    const text = fragments.map((f) => readDecoded(path.join(pub.dir, f))).join('\n');
    expect(text).toContain('Radio talkgroups were not shared');
    expect(text).toContain('joint hazard board');
  });

  it('has a page for exactly the records of each edition', () => {
    for (const id of [
      '2024-02-10-radio-talkgroups-not-shared',
      '2024-02-11-joint-hazard-board-at-forward-command',
    ]) {
      expect(pub.exists(page(`lessons/${id}/`))).toBe(true);
      expect(responders.exists(page(`lessons/${id}/`))).toBe(true);
    }
    expect(pub.exists(page('lessons/2024-04-01-qqsecret-sensitive-lesson/'))).toBe(false);
    expect(responders.exists(page('lessons/2024-04-01-qqsecret-sensitive-lesson/'))).toBe(true);
    expect(pub.exists(page('action-notes/2024-001/'))).toBe(true);
    expect(pub.exists(page('action-notes/2024-002/'))).toBe(false);
    expect(pub.exists(page('events/2024-02-10-exercise-open-harbour/'))).toBe(true);
    // Organisations are always public.
    expect(pub.exists(page('organisations/northshire-police/'))).toBe(true);
  });

  it('derives the citing action notes from the edition only', () => {
    const lessonPage = page('lessons/2024-02-10-radio-talkgroups-not-shared/');
    expect(responders.read(lessonPage)).toContain('/action-notes/2024-002/');
    expect(pub.read(lessonPage)).toContain('/action-notes/2024-001/');
    expect(pub.read(lessonPage)).not.toContain('2024-002');
  });

  it("counts and feeds only the edition's own lessons", async () => {
    const parser = new Parser();
    const pubFeed = await parser.parseString(pub.read('feeds/lessons.xml'));
    const respFeed = await parser.parseString(responders.read('feeds/lessons.xml'));
    expect(pubFeed.items.map((i) => i.title)).toEqual([
      "A joint hazard board at forward command kept every service's risks in one place",
      'Radio talkgroups were not shared between control rooms during the harbour exercise',
    ]);
    expect(respFeed.items).toHaveLength(4);
    expect(pub.read('index.html')).toMatch(
      /<span class="jol-counts__number">1<\/span> lesson identified/,
    );
    expect(responders.read('index.html')).toMatch(
      /<span class="jol-counts__number">2<\/span> lessons identified/,
    );
  });

  it("exports only the edition's records in the open data, and shows only its notes on the dashboard", () => {
    const dataFiles = pub.files().filter((f) => f.startsWith('data/'));
    expect(dataFiles).toEqual(
      expect.arrayContaining([
        'data/lessons.json',
        'data/lessons.csv',
        'data/action-notes.json',
        'data/assurance.csv',
        'data/events.json',
        'data/organisations.csv',
        'data/schemas/lesson.schema.json',
        'data/assurance-history.json',
        'data/assurance-history.csv',
        'data/index.html',
      ]),
    );
    for (const f of dataFiles) {
      const text = pub.read(f).toLowerCase();
      for (const marker of MARKERS)
        expect(text.includes(marker.toLowerCase()), `${marker} in ${f}`).toBe(false);
    }
    const ids = (site: BuiltSite, file: string) =>
      (JSON.parse(site.read(file)) as { records: { id: string }[] }).records.map((r) => r.id);
    expect(ids(pub, 'data/lessons.json')).toEqual([
      '2024-02-10-radio-talkgroups-not-shared',
      '2024-02-11-joint-hazard-board-at-forward-command',
    ]);
    expect(ids(responders, 'data/lessons.json')).toHaveLength(4);
    expect(ids(pub, 'data/action-notes.json')).toEqual(['2024-001']);
    expect(
      (
        JSON.parse(pub.read('data/assurance.json')) as { records: { action_note: string }[] }
      ).records.every((r) => r.action_note === '2024-001'),
    ).toBe(true);
    expect(responders.read('data/assurance.csv')).toContain('Kumquatzeppelin');
    // The assurance history: only the returns of public action notes in the public edition.
    const history = (site: BuiltSite) =>
      (
        JSON.parse(site.read('data/assurance-history.json')) as {
          records: { action_note: string }[];
        }
      ).records.map((r) => r.action_note);
    expect(history(pub).length).toBeGreaterThan(0);
    expect(new Set(history(pub))).toEqual(new Set(['2024-001']));
    expect(new Set(history(responders))).toEqual(new Set(['2024-001', '2024-002']));
    expect(pub.exists(page('assurance/2024-002/'))).toBe(false);
    expect(responders.exists(page('assurance/2024-002/'))).toBe(true);
    expect(pub.read(page('assurance/'))).not.toContain('2024-002');
  });

  it('marks pages with their classification', () => {
    // The banner's text, whatever whitespace the template puts around it.
    expect(responders.read(page('lessons/2024-04-01-qqsecret-sensitive-lesson/'))).toMatch(
      /jol-classification--official-sensitive">\s*OFFICIAL-SENSITIVE\s*</,
    );
    expect(pub.read(page('lessons/2024-02-10-radio-talkgroups-not-shared/'))).toMatch(
      /jol-classification--official">\s*OFFICIAL\s*</,
    );
    expect(pub.read('robots.txt')).toContain('Allow: /');
    expect(responders.read('robots.txt')).toContain('Disallow: /');
  });
});
