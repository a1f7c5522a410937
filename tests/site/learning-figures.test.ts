/**
 * Every learning-loop figure on the built site — digests, the digest feed, trends, the
 * assurance dashboard, lifecycle on lesson pages, the open data exports — compared with the
 * same figures worked out independently from the content files (tests/helpers/expected-figures.ts).
 * Run over the sample content, both editions of the editions fixture and a generated corpus
 * (lessons without `published`, returns of every state, overdue notes, recurring issues).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Element, Root } from 'hast';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus/generate.ts';
import {
  type Raw,
  expectedCounts,
  expectedDigests,
  expectedFunnel,
  expectedNational,
  expectedNote,
  expectedTrends,
  readRoot,
} from '../helpers/expected-figures.ts';
import { type BuiltSite, FIXTURES, ROOT, buildSite, page } from './build-site.ts';
import { elements, parse, text } from './html.ts';

interface Case {
  name: string;
  contentDir: string;
  edition: 'responders' | 'public';
  today: string;
  site?: BuiltSite;
  raw?: Raw;
}

const corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-corpus-'));
const cases: Case[] = [
  {
    name: 'sample content',
    contentDir: path.join(ROOT, 'content'),
    edition: 'responders',
    today: '2026-11-23',
  },
  {
    name: 'editions fixture, public',
    contentDir: path.join(FIXTURES, 'editions'),
    edition: 'public',
    today: '2025-06-30',
  },
  {
    name: 'editions fixture, responders',
    contentDir: path.join(FIXTURES, 'editions'),
    edition: 'responders',
    today: '2025-06-30',
  },
  {
    name: 'generated corpus, responders',
    contentDir: corpusDir,
    edition: 'responders',
    today: '2027-01-15',
  },
  {
    name: 'generated corpus, public',
    contentDir: corpusDir,
    edition: 'public',
    today: '2027-01-15',
  },
];

beforeAll(() => {
  generateCorpus(corpusDir, { lessons: 240, seed: 3, until: '2026-06-30' });
  for (const c of cases) {
    c.site = buildSite({ contentDir: c.contentDir, edition: c.edition, today: c.today });
    if (!c.site.ok) throw new Error(`${c.name}: build failed:\n${c.site.log}`);
    c.raw = readRoot(c.contentDir, c.edition, c.today);
  }
}, 600_000);
afterAll(() => {
  for (const c of cases) c.site?.cleanup();
  fs.rmSync(corpusDir, { recursive: true, force: true });
});

// ------------------------------------------------------------------ reading the built pages

const prop = (e: Element, name: string): string | undefined => {
  const v = e.properties[name];
  return v === undefined || v === null ? undefined : Array.isArray(v) ? v.join(' ') : String(v);
};
const all = (node: Root | Element, name: string, value?: string) =>
  elements(
    node as Root,
    (e) => prop(e, name) !== undefined && (value === undefined || prop(e, name) === value),
  );
function one(node: Root | Element, name: string, value: string): Element {
  const found = all(node, name, value);
  if (found.length !== 1)
    throw new Error(`expected one element with ${name}=${value}, found ${found.length}`);
  return found[0]!;
}
const fig = (node: Element | Root, name: string) => text(one(node, 'dataFigure', name)).trim();
const num = (node: Element | Root, name: string) => Number(fig(node, name));
const percent = (p: number | undefined) => (p === undefined ? 'Nothing to implement' : `${p}%`);
const html = (c: Case, route: string) => parse(c.site!.read(page(route)));
const sorted = (a: Iterable<string>) => [...a].sort();

function lessonLinks(node: Element): string[] {
  return all(node, 'dataLesson').map((e) => prop(e, 'dataLesson')!);
}

describe.each(cases)('$name', (c) => {
  it('lists every quarter with a lesson published or a note issued, newest first, with its figures', () => {
    const expected = expectedDigests(c.raw!);
    const tree = html(c, 'digests/');
    const rows = all(tree, 'dataQuarter');
    expect(rows.map((r) => prop(r, 'dataQuarter'))).toEqual(expected.map((d) => d.quarter));
    for (const d of expected) {
      const row = one(tree, 'dataQuarter', d.quarter);
      expect(
        [
          num(row, 'identified'),
          num(row, 'practice'),
          num(row, 'notes-issued'),
          num(row, 'trends'),
        ],
        d.quarter,
      ).toEqual([d.identified.length, d.practice.length, d.notesIssued.length, d.trends.length]);
    }
    const built = c.site!.files().filter((f) => /^digests\/\d{4}-q[1-4]\/index\.html$/.test(f));
    expect(built.length).toBe(expected.length);
  });

  it('puts each lesson in the digest of its quarter, grouped by principle and theme, with notes, assurance and trends', () => {
    for (const d of expectedDigests(c.raw!)) {
      const tree = html(c, `digests/${d.quarter}/`);
      const at = `${c.name} ${d.quarter}`;
      const head = one(tree, 'dataFigures', 'headline');
      expect(num(head, 'identified'), at).toBe(d.identified.length);
      expect(num(head, 'practice'), at).toBe(d.practice.length);
      expect(num(head, 'notes-issued'), at).toBe(d.notesIssued.length);
      expect(num(head, 'returns-updated'), at).toBe(d.returnsUpdated);
      expect(num(head, 'trends'), at).toBe(d.trends.length);
      expect(sorted(all(tree, 'dataHighlight').map((e) => prop(e, 'dataHighlight')!)), at).toEqual(
        d.practice,
      );
      for (const [key, groups] of [
        ['principle', d.byPrinciple],
        ['theme', d.byTheme],
      ] as const) {
        const table = all(tree, 'dataGrouping', key)[0];
        if (groups.size === 0) {
          expect(table, at).toBeUndefined();
          continue;
        }
        const rows = all(table!, 'dataTerm');
        expect(sorted(rows.map((r) => prop(r, 'dataTerm')!)), `${at} ${key}`).toEqual(
          sorted(groups.keys()),
        );
        for (const row of rows) {
          const ids = groups.get(prop(row, 'dataTerm')!)!;
          expect(num(row, 'count'), `${at} ${key}`).toBe(ids.length);
          expect(sorted(lessonLinks(row))).toEqual(sorted(ids));
        }
      }
      expect(
        sorted(
          all(tree, 'dataNote')
            .filter((e) => e.tagName === 'li')
            .map((e) => prop(e, 'dataNote')!),
        ),
        at,
      ).toEqual(d.notesIssued);
      const open = all(tree, 'dataTable', 'open-notes')[0];
      expect(
        sorted(open ? all(open, 'dataNote').map((e) => prop(e, 'dataNote')!) : []),
        at,
      ).toEqual(d.openNotes);
      for (const id of d.openNotes) {
        const e = expectedNote(
          d.raw,
          d.raw.notes.find((n) => n.id === id)!,
        )!;
        const row = one(open!, 'dataNote', id);
        expect(
          [
            num(row, 'audience'),
            fig(row, 'percent-implemented'),
            num(row, 'no-return'),
            num(row, 'overdue'),
          ],
          at,
        ).toEqual([e.audience, percent(e.percent), e.counts['no-return'], e.overdue]);
      }
      expect(sorted(all(tree, 'dataTrend').map((e) => prop(e, 'dataTrend')!)), at).toEqual(
        d.trends,
      );
    }
  });

  it('feeds one digest per completed quarter', async () => {
    const expected = expectedDigests(c.raw!).filter((d) => {
      const [y, q] = [Number(d.quarter.slice(0, 4)), Number(d.quarter.slice(6))];
      return new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10) < c.today;
    });
    for (const file of ['feeds/digests.xml', 'feeds/digests.atom']) {
      const feed = await new Parser().parseString(c.site!.read(file));
      expect(
        feed.items.map((i) => i.link),
        file,
      ).toEqual(expected.map((d) => `https://jol.example.org/digests/${d.quarter}/`));
    }
    expect(c.site!.read(page(`digests/`))).toContain(
      '<link rel="alternate" type="application/atom+xml" title="JOL Library: quarterly digests (Atom)" href="/feeds/digests.atom">',
    );
  });

  it('flags the recurring issues, with links to their lessons', () => {
    const trends = expectedTrends(c.raw!);
    const tree = html(c, 'trends/');
    const sections = all(tree, 'dataTrend');
    expect(sorted(sections.map((s) => prop(s, 'dataTrend')!))).toEqual(
      sorted(trends.map((t) => t.key)),
    );
    for (const t of trends) {
      const s = one(tree, 'dataTrend', t.key);
      expect(lessonLinks(s), t.key).toEqual(t.lessons);
      expect(num(s, 'lessons')).toBe(t.lessons.length);
      expect(num(s, 'organisations')).toBe(t.organisations.length);
    }
  });

  it('counts lessons over time by principle, model, theme, source, sector and command level, in the table beside each chart', () => {
    const counts = expectedCounts(c.raw!);
    const tree = html(c, 'trends/');
    for (const [dimension, table] of Object.entries(counts)) {
      const section = one(tree, 'dataDimension', dimension);
      expect(all(section, 'role', 'img').length, dimension).toBe(1);
      const rows = all(section, 'dataKey');
      expect(sorted(rows.map((r) => prop(r, 'dataKey')!)), dimension).toEqual(sorted(table.keys()));
      for (const row of rows) {
        const expected = table.get(prop(row, 'dataKey')!)!;
        const cells = all(row, 'dataYear');
        for (const cell of cells)
          expect(
            Number(text(cell)),
            `${dimension} ${prop(row, 'dataKey')} ${prop(cell, 'dataYear')}`,
          ).toBe(expected.get(prop(cell, 'dataYear')!) ?? 0);
        expect(cells.reduce((n, cell) => n + Number(text(cell)), 0)).toBe(
          [...expected.values()].reduce((a, b) => a + b, 0),
        );
        expect(num(row, 'total')).toBe([...expected.values()].reduce((a, b) => a + b, 0));
      }
    }
  });

  it('shows national assurance over the open notes and the lifecycle funnel', () => {
    const nat = expectedNational(c.raw!);
    const tree = html(c, 'assurance/');
    const national = one(tree, 'dataView', 'national');
    if (nat.notes.length > 0) {
      const head = one(national, 'dataFigures', 'headline');
      expect(num(head, 'open-notes')).toBe(nat.notes.length);
      expect(fig(head, 'percent-implemented')).toBe(percent(nat.percent));
      expect(num(head, 'overdue')).toBe(nat.overdue);
      expect(num(head, 'no-return')).toBe(nat.counts['no-return']);
      for (const [state, n] of Object.entries(nat.counts))
        expect(num(one(national, 'dataState', state), 'count'), state).toBe(n);
      const sectors = one(national, 'dataTable', 'national-sectors');
      expect(sorted(all(sectors, 'dataKey').map((r) => prop(r, 'dataKey')!))).toEqual(
        sorted(nat.sectorPercent.keys()),
      );
      for (const [sector, p] of nat.sectorPercent)
        expect(fig(one(sectors, 'dataKey', sector), 'value'), sector).toBe(percent(p));
      const overdue = all(national, 'dataTable', 'overdue-organisations')[0];
      const rows = overdue ? all(overdue, 'dataOrganisation') : [];
      expect(
        Object.fromEntries(rows.map((r) => [prop(r, 'dataOrganisation'), num(r, 'overdue')])),
      ).toEqual(Object.fromEntries(nat.overdueByOrg));
    } else {
      expect(text(national)).toContain('No note for action is open.');
    }
    const withRecs = c.raw!.notes.filter((n) => n.recs.length > 0).map((n) => n.id);
    const notesTable = all(tree, 'dataTable', 'notes')[0];
    expect(
      sorted(notesTable ? all(notesTable, 'dataNote').map((e) => prop(e, 'dataNote')!) : []),
    ).toEqual(sorted(withRecs));
    for (const id of withRecs) {
      const e = expectedNote(
        c.raw!,
        c.raw!.notes.find((n) => n.id === id)!,
      )!;
      const row = one(notesTable!, 'dataNote', id);
      expect(
        [
          num(row, 'audience'),
          fig(row, 'percent-implemented'),
          num(row, 'no-return'),
          num(row, 'overdue'),
        ],
        id,
      ).toEqual([e.audience, percent(e.percent), e.counts['no-return'], e.overdue]);
    }
    const funnel = one(tree, 'dataView', 'funnel');
    const byStatus = expectedFunnel(c.raw!);
    expect(num(funnel, 'lessons')).toBe(c.raw!.lessons.length);
    const bars = Object.fromEntries(
      all(funnel, 'dataKey').map((r) => [prop(r, 'dataKey'), num(r, 'value')]),
    );
    expect(bars).toEqual({
      identified: c.raw!.lessons.length,
      actioned: byStatus.actioned! + byStatus.learned!,
      learned: byStatus.learned,
      'no-further-action': byStatus['no-further-action'],
      superseded: byStatus.superseded,
    });
    for (const [status, n] of Object.entries(byStatus))
      expect(Number(text(one(funnel, 'dataStatus', status))), status).toBe(n);
  });

  it('shows every recommendation × organisation of each note, by sector and by recommendation', () => {
    for (const note of c.raw!.notes) {
      const e = expectedNote(c.raw!, note);
      if (!e) {
        expect(c.site!.exists(page(`assurance/${note.id}/`)), note.id).toBe(false);
        continue;
      }
      const tree = html(c, `assurance/${note.id}/`);
      const at = `${c.name} ${note.id}`;
      const head = one(tree, 'dataFigures', 'headline');
      expect(
        [
          num(head, 'audience'),
          num(head, 'cells'),
          num(head, 'no-return'),
          num(head, 'overdue'),
          fig(head, 'percent-implemented'),
        ],
        at,
      ).toEqual([e.audience, e.cells, e.counts['no-return'], e.overdue, percent(e.percent)]);
      const detail = one(tree, 'dataTable', 'sector-detail');
      expect(sorted(all(detail, 'dataSector').map((r) => prop(r, 'dataSector')!)), at).toEqual(
        sorted(e.bySector.keys()),
      );
      for (const [sector, s] of e.bySector) {
        const row = one(detail, 'dataSector', sector);
        expect(num(row, 'organisations')).toBe(s.organisations);
        expect(num(row, 'overdue')).toBe(s.overdue);
        for (const [state, n] of Object.entries(s.counts))
          expect(num(row, `state-${state}`), `${at} ${sector} ${state}`).toBe(n);
        expect(fig(one(one(tree, 'dataTable', 'sectors'), 'dataKey', sector), 'value')).toBe(
          percent(s.percent),
        );
      }
      const recs = one(tree, 'dataTable', 'recommendations');
      for (const [id, r] of e.byRecommendation) {
        const row = one(recs, 'dataRecommendation', id);
        expect(num(row, 'overdue'), `${at} ${id}`).toBe(r.overdue);
        for (const [state, n] of Object.entries(r.counts))
          expect(num(row, `state-${state}`), `${at} ${id} ${state}`).toBe(n);
      }
      const missing = all(tree, 'dataList', 'no-return')[0];
      expect(
        sorted(
          missing ? all(missing, 'dataOrganisation').map((x) => prop(x, 'dataOrganisation')!) : [],
        ),
        at,
      ).toEqual(sorted(e.noReturn));
      const matrix = all(tree, 'dataTable', 'matrix')[0];
      const cells = matrix ? all(matrix, 'dataState') : [];
      expect(cells.length, at).toBe(e.cells);
      for (const cell of cells) {
        const org = prop(elementParentRow(matrix!, cell), 'dataOrganisation')!;
        const want = e.cellsByKey.get(`${org}|${prop(cell, 'dataRecommendation')}`)!;
        expect(
          { state: prop(cell, 'dataState'), overdue: prop(cell, 'dataOverdue') === 'true' },
          `${at} ${org}`,
        ).toEqual(want);
      }
    }
  });

  it('shows where each lesson stands in the lifecycle', () => {
    for (const l of c.raw!.lessons) {
      const tree = html(c, `lessons/${l.id}/`);
      expect(
        prop(one(tree, 'dataLifecycle', String(l.d.status ?? 'identified')), 'dataLifecycle'),
        l.id,
      ).toBe(l.d.status ?? 'identified');
    }
  });

  it('exports every record of the edition, and only those, as JSON and CSV, with the schemas beside them', () => {
    const raw = c.raw!;
    const ids: Record<string, string[]> = {
      lessons: raw.lessons.map((l) => l.id),
      'action-notes': raw.notes.map((n) => n.id),
      events: raw.events,
      organisations: raw.orgs.map((o) => o.id),
    };
    for (const [dataset, want] of Object.entries(ids)) {
      const json = (
        JSON.parse(c.site!.read(`data/${dataset}.json`)) as { records: { id: string }[] }
      ).records;
      expect(
        json.map((r) => r.id),
        dataset,
      ).toEqual(sorted(want));
      const csv = parseCsv<Record<string, string>>(c.site!.read(`data/${dataset}.csv`), {
        columns: true,
      });
      expect(
        csv.map((r) => r.id),
        dataset,
      ).toEqual(sorted(want));
    }
    const lessonsCsv = parseCsv<Record<string, string>>(c.site!.read('data/lessons.csv'), {
      columns: true,
    });
    const lessonsJson = (
      JSON.parse(c.site!.read('data/lessons.json')) as { records: Record<string, unknown>[] }
    ).records;
    for (const l of raw.lessons) {
      const row = lessonsCsv.find((r) => r.id === l.id)!;
      expect([row.published, row.title, row.status, row.principles], l.id).toEqual([
        l.published,
        l.d.title,
        l.d.status ?? 'identified',
        (l.d.principles ?? []).join('; '),
      ]);
      expect(lessonsJson.find((r) => r.id === l.id)!.published).toBe(l.published);
    }
    const assuranceJson = (
      JSON.parse(c.site!.read('data/assurance.json')) as {
        records: { action_note: string; organisation: string; returns: unknown[] }[];
      }
    ).records;
    expect(sorted(assuranceJson.map((r) => `${r.action_note}/${r.organisation}`))).toEqual(
      sorted(raw.returns.map((r) => `${r.note}/${r.org}`)),
    );
    const assuranceCsv = parseCsv<Record<string, string>>(c.site!.read('data/assurance.csv'), {
      columns: true,
    });
    const entries = raw.returns.flatMap((r) =>
      (r.d.returns as { recommendation: string; state: string }[]).map(
        (e) => `${r.note}|${r.org}|${e.recommendation}|${e.state}`,
      ),
    );
    expect(
      sorted(
        assuranceCsv.map(
          (r) => `${r.action_note}|${r.organisation}|${r.recommendation}|${r.state}`,
        ),
      ),
    ).toEqual(sorted(entries));
    for (const file of fs.readdirSync(path.join(ROOT, 'schemas/json'))) {
      expect(c.site!.read(`data/schemas/${file}`), file).toBe(
        fs.readFileSync(path.join(ROOT, 'schemas/json', file), 'utf8'),
      );
    }
    const dataPage = html(c, 'data/');
    expect(num(one(dataPage, 'dataDataset', 'lessons'), 'records')).toBe(raw.lessons.length);
    expect(num(one(dataPage, 'dataDataset', 'assurance'), 'records')).toBe(raw.returns.length);
  });
});

function elementParentRow(table: Element, cell: Element): Element {
  const rows = elements(table as unknown as Root, (e) => e.tagName === 'tr');
  return rows.find((r) => r.children.includes(cell))!;
}

describe('the test data exercises every rule', () => {
  it('has recurring issues, overdue returns, not-applicable returns, lessons without a published date and non-public records', () => {
    const corpus = cases.find((c) => c.name === 'generated corpus, responders')!.raw!;
    expect(expectedTrends(corpus).length).toBeGreaterThan(0);
    expect(expectedNational(corpus).overdue).toBeGreaterThan(0);
    expect(
      corpus.returns.some((r) =>
        (r.d.returns as { state: string }[]).some((e) => e.state === 'not-applicable'),
      ),
    ).toBe(true);
    expect(corpus.lessons.some((l) => l.d.published === undefined)).toBe(true);
    const pub = cases.find((c) => c.name === 'generated corpus, public')!.raw!;
    expect(pub.lessons.length).toBeLessThan(corpus.lessons.length);
    const sample = cases[0]!.raw!;
    expect(expectedTrends(sample).length).toBeGreaterThan(0);
  });
});
