/**
 * The public edition never shows a record it does not hold, even through a link in a public
 * body and even when the validator's errors were not heeded (JOL_BUILD_INVALID=1 builds
 * despite them). A public notable practice of the editions fixture links, in every form a
 * SPOC could write, to an official-sensitive lesson, a non-public lesson and a non-public
 * action note; their ids and titles must be in no file of the public output (Pagefind's
 * compressed index decompressed), while the responders edition still links them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_LINK_TEXT } from '../../scripts/lib/body-links.ts';
import { validateContent } from '../../scripts/lib/validate-content.ts';
import { type BuiltSite, FIXTURES, buildSite, page, readDecoded } from './build-site.ts';

const SENSITIVE = '2024-04-01-qqsecret-sensitive-lesson';
const NOT_PUBLIC = '2024-03-20-qqofficial-not-public-lesson';
const NOTE = '2024-002';
const PRACTICE = '2024-02-11-joint-hazard-board-at-forward-command';
const MARKERS = [
  SENSITIVE,
  NOT_PUBLIC,
  'qqsecret',
  'qqofficial',
  NOTE,
  // Titles of the hidden records (and their marker words).
  'Zanzibarquartz',
  'Quillfeather',
  'Wolframbanjo',
  'Jellyfishtrombone',
];

/** Every way a body can link to a record page; the site is built under /jol-library/. */
const LINKS = `
## How others can adopt it

Carry a hazard board in every command vehicle and fill it in together at the first meeting,
as [the sensitive board notes](/lessons/${SENSITIVE}/) and
[the board under the base path](/jol-library/lessons/${SENSITIVE}/) showed, and as
[Zanzibarquartz sensitive lesson about the Quillfeather site](../${SENSITIVE}/) says.
See <https://jol-library.github.io/jol-library/lessons/${SENSITIVE}/>, the
[note for responders](https://jol.example.org/jol-library/action-notes/${NOTE}/index.html),
[Jellyfishtrombone note for responders only](/action-notes/${NOTE}/), its
[returns](../../assurance/${NOTE}/), ![a photo of the board](/lessons/${NOT_PUBLIC}/) and
the [practice kept for responders][kept]. Action note ${NOTE} asks for the same.
The [radio talkgroups lesson](../2024-02-10-radio-talkgroups-not-shared/) is public.

[kept]: /jol-library/lessons/${NOT_PUBLIC}/#what-was-done
`;

let contentDir: string;
let responders: BuiltSite;
let pub: BuiltSite;

beforeAll(() => {
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-public-links-'));
  fs.cpSync(path.join(FIXTURES, 'editions'), contentDir, { recursive: true });
  const file = path.join(contentDir, 'lessons', `${PRACTICE}.md`);
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace(/\n## How others can adopt it\n[\s\S]*$/, LINKS));
  const options = {
    contentDir,
    today: '2025-06-30',
    basePath: '/jol-library/',
    env: { JOL_BUILD_INVALID: '1' },
  };
  responders = buildSite({ ...options, edition: 'responders' });
  pub = buildSite({ ...options, edition: 'public' });
  if (!responders.ok) throw new Error(`responders build failed:\n${responders.log}`);
  if (!pub.ok) throw new Error(`public build failed:\n${pub.log}`);
});
afterAll(() => {
  responders?.cleanup();
  pub?.cleanup();
  if (contentDir) fs.rmSync(contentDir, { recursive: true, force: true });
});

function markersIn(site: BuiltSite): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const rel of site.files()) {
    const text = readDecoded(path.join(site.dir, rel)).toLowerCase();
    for (const marker of MARKERS)
      if (text.includes(marker.toLowerCase())) (found[marker] ??= []).push(rel);
  }
  return found;
}

describe('links in public bodies to records outside the edition', () => {
  it('are each an error of the validator, which the build went past and said so', async () => {
    // The build's JOL_SITE_URL, the other address the validator knows besides jol.config.json's.
    process.env.JOL_SITE_URL = 'https://jol.example.org';
    const result = await validateContent({ root: contentDir, cache: false, workers: 0 });
    delete process.env.JOL_SITE_URL;
    const links = result.diagnostics.filter((d) => d.rule === 'public-release/non-public-link');
    expect(links.map((d) => `${d.line}:${d.column}`)).toEqual([
      '38:4',
      '39:1',
      '40:1',
      '41:5',
      '42:1',
      '43:1',
      '44:1',
      '44:39',
      '48:1',
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(9);
    expect(pub.log).toContain('JOL_BUILD_INVALID=1: building despite 9 validator errors');
  });

  it('leave no id, slug or title of those records in any file of the public edition', () => {
    expect(pub.files().some((f) => f.startsWith('pagefind/') && /\.pf_/.test(f))).toBe(true);
    expect(markersIn(pub)).toEqual({});
  });

  it('keep their words as plain text on the page, and public links as links', () => {
    const html = pub.read(page(`lessons/${PRACTICE}/`));
    expect(html).toContain('the sensitive board notes');
    expect(html).not.toMatch(/<a[^>]*>the sensitive board notes/);
    expect(html).toContain('a photo of the board');
    expect(html).toContain(HIDDEN_LINK_TEXT);
    expect(html).toMatch(
      /<a href="..\/2024-02-10-radio-talkgroups-not-shared\/"[^>]*>radio talkgroups lesson<\/a>/,
    );
  });

  it('give the open data and the search index the same treated body', () => {
    // The records, whether the file is a list of them or an object holding the list.
    const json = JSON.parse(pub.read('data/lessons.json')) as unknown;
    const lessons = (
      Array.isArray(json) ? json : Object.values(json as object).find(Array.isArray)
    ) as {
      id: string;
      body: string;
    }[];
    const body = lessons.find((l) => l.id === PRACTICE)!.body;
    expect(body).toContain('as the sensitive board notes and');
    expect(body).toContain(`Action note ${HIDDEN_LINK_TEXT} asks for the same.`);
    expect(body).toContain('[radio talkgroups lesson](../2024-02-10-radio-talkgroups-not-shared/)');
    const fragments = pub
      .files()
      .filter((f) => f.startsWith('pagefind/fragment/'))
      .map((f) => readDecoded(path.join(pub.dir, f)))
      .join('\n');
    expect(fragments).toContain('the sensitive board notes');
  });

  it('are still links in the responders edition', () => {
    const html = responders.read(page(`lessons/${PRACTICE}/`));
    for (const href of [
      `/lessons/${SENSITIVE}/`,
      `/jol-library/lessons/${SENSITIVE}/`,
      `../${SENSITIVE}/`,
      `https://jol-library.github.io/jol-library/lessons/${SENSITIVE}/`,
      `/action-notes/${NOTE}/`,
      `/jol-library/lessons/${NOT_PUBLIC}/#what-was-done`,
    ])
      expect(html).toContain(`href="${href}"`);
    expect(Object.keys(markersIn(responders)).sort()).toEqual([...MARKERS].sort());
  });
});
