/**
 * The learning-loop figures of a content root, worked out again straight from the files, for
 * comparison with the built pages and exports. Deliberately independent of src/lib: records
 * are read with `yaml` (frontmatter split by hand), vocabularies from their JSON data files,
 * and every figure is counted by plain loops following the content model's words (a
 * brute-force window for trends, no shared helpers). Only the rounding of percentages to one
 * decimal place is the same by definition.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const VOCAB = path.resolve(import.meta.dirname, '../../schemas/vocabularies');
const readJson = (name: string) => JSON.parse(fs.readFileSync(path.join(VOCAB, name), 'utf8'));
const nrr = readJson('nrr-2025-risks.json') as {
  themes: { id: string; risks: { id: string }[] }[];
};
const jesip = readJson('jesip.json') as {
  principles: { id: string }[];
  models: { id: string }[];
  command_levels: { id: string }[];
};
export const THEME_OF_RISK = new Map(
  nrr.themes.flatMap((t) => t.risks.map((r) => [r.id, t.id] as const)),
);
export const PRINCIPLE_IDS = jesip.principles.map((p) => p.id);
export const THEME_IDS = nrr.themes.map((t) => t.id);

// Records as the test reads them from YAML: any field, any shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;
export interface RawLesson {
  id: string;
  d: Data;
  published: string;
}
export interface RawNote {
  id: string;
  d: Data;
  status: string;
  recs: { id: string }[];
}
export interface RawReturn {
  note: string;
  org: string;
  d: Data;
  /** Date of the commit that brought this version (`git log` of the file), when in Git. */
  recorded?: string;
}
export interface RawOrg {
  id: string;
  d: Data;
}

function frontmatter(file: string): Data {
  const text = fs.readFileSync(file, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!m) throw new Error(`no frontmatter in ${file}`);
  return parse(m[1]!) as Data;
}

function filesIn(dir: string, ext: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ext) && !f.startsWith('.'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * The versions of one file on the branch, oldest first: the date of each commit that changed it
 * and the file's text then, by asking Git about that one file; none outside Git or in a shallow
 * clone.
 */
function gitVersions(file: string): { date: string; text: string }[] {
  try {
    const cwd = path.dirname(file);
    const run = (args: string[]) =>
      execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (run(['rev-parse', '--is-shallow-repository']).trim() === 'true') return [];
    const log = run([
      'log',
      '--first-parent',
      '--reverse',
      '--format=%H %cs',
      '--',
      path.basename(file),
    ]).trim();
    if (!log) return [];
    return log.split('\n').map((line) => {
      const [sha, date] = line.split(' ') as [string, string];
      return { date, text: run(['show', `${sha}:./${path.basename(file)}`]) };
    });
  } catch {
    return [];
  }
}

/** The day a file was first committed, by asking Git about that one file; undefined outside Git or in a shallow clone. */
function gitAdded(file: string): string | undefined {
  try {
    const cwd = path.dirname(file);
    if (
      execFileSync('git', ['rev-parse', '--is-shallow-repository'], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() === 'true'
    )
      return undefined;
    const out = execFileSync(
      'git',
      ['log', '--diff-filter=A', '--follow', '--format=%cs', '--', path.basename(file)],
      { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();
    return out ? out.split('\n').pop() : undefined;
  } catch {
    return undefined;
  }
}

export interface Raw {
  lessons: RawLesson[];
  notes: RawNote[];
  returns: RawReturn[];
  orgs: RawOrg[];
  events: string[];
  today: string;
  /** The content root read. */
  root: string;
}

/** The records of one edition, as the content model defines it. */
export function readRoot(root: string, edition: 'responders' | 'public', today: string): Raw {
  const inEdition = (d: Data) =>
    edition === 'responders' || (d.classification === 'official' && d.public === true);
  const lessons = filesIn(path.join(root, 'lessons'), '.md')
    .map((f) => ({ f, d: frontmatter(f) }))
    .filter(({ d }) => inEdition(d))
    .map(({ f, d }) => ({
      id: path.basename(f, '.md'),
      d,
      published: String(d.published ?? gitAdded(f) ?? d.submitted),
    }));
  const notes = filesIn(path.join(root, 'action-notes'), '.md')
    .map((f) => ({ id: path.basename(f, '.md'), d: frontmatter(f) }))
    .filter(({ d }) => inEdition(d))
    .map(({ id, d }) => ({ id, d, status: d.status ?? 'open', recs: d.recommendations ?? [] }));
  const noteIds = new Set(notes.map((n) => n.id));
  const returns: RawReturn[] = [];
  const assuranceDir = path.join(root, 'assurance');
  if (fs.existsSync(assuranceDir)) {
    for (const note of fs.readdirSync(assuranceDir).sort()) {
      if (!noteIds.has(note)) continue;
      for (const f of filesIn(path.join(assuranceDir, note), '.yaml'))
        returns.push({
          note,
          org: path.basename(f, '.yaml'),
          d: parse(fs.readFileSync(f, 'utf8')),
          recorded: gitVersions(f).at(-1)?.date,
        });
    }
  }
  const orgs = filesIn(path.join(root, 'organisations'), '.yaml').map((f) => ({
    id: path.basename(f, '.yaml'),
    d: parse(fs.readFileSync(f, 'utf8')) as Data,
  }));
  const events = filesIn(path.join(root, 'events'), '.yaml')
    .filter((f) => inEdition(parse(fs.readFileSync(f, 'utf8'))))
    .map((f) => path.basename(f, '.yaml'));
  return { lessons, notes, returns, orgs, events, today, root };
}

/**
 * The records as they stood on `day`, from each file's own Git history (content model, "A
 * digest of a closed quarter"): lessons published and notes issued by then, each with the
 * status of its last version committed by then (else its first version's, else today's); each
 * return as its last version committed by then, or, for a file with no history, as it is if
 * its `updated` is not after the day. Files removed from the branch are not looked at.
 */
export function rawAsOf(raw: Raw, day: string): Raw {
  const statusThen = (file: string, fallback: string, now: string): string => {
    const versions = gitVersions(file);
    if (versions.length === 0) return now;
    const v = versions.filter((x) => x.date <= day).at(-1) ?? versions[0]!;
    const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(v.text);
    return String((parse(m![1]!) as Data).status ?? fallback);
  };
  const lessons = raw.lessons
    .filter((l) => l.published <= day)
    .map((l) => ({
      ...l,
      d: {
        ...l.d,
        status: statusThen(
          path.join(raw.root, 'lessons', `${l.id}.md`),
          'identified',
          l.d.status ?? 'identified',
        ),
      },
    }));
  const notes = raw.notes
    .filter((n) => String(n.d.issued) <= day)
    .map((n) => ({
      ...n,
      status: statusThen(path.join(raw.root, 'action-notes', `${n.id}.md`), 'open', n.status),
    }));
  const returns: RawReturn[] = [];
  for (const r of raw.returns) {
    const versions = gitVersions(path.join(raw.root, 'assurance', r.note, `${r.org}.yaml`));
    if (versions.length === 0) {
      if (String(r.d.updated) <= day) returns.push({ ...r, recorded: undefined });
      continue;
    }
    const v = versions.filter((x) => x.date <= day).at(-1);
    if (v) returns.push({ ...r, d: parse(v.text) as Data, recorded: v.date });
  }
  return { ...raw, lessons, notes, returns, today: day };
}

export function quarter(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-q${Math.ceil(month / 3)}`;
}
function quarterEnd(q: string): string {
  const year = Number(q.slice(0, 4));
  const n = Number(q.slice(6));
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  return `${year}-${ends[n - 1]}`;
}
const themesOf = (l: RawLesson): string[] => {
  const out: string[] = [];
  for (const r of l.d.risks ?? []) {
    const t = THEME_OF_RISK.get(r)!;
    if (!out.includes(t)) out.push(t);
  }
  return out;
};
const round1 = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : undefined;

// ---------------------------------------------------------------------------------- trends

export interface ExpectedTrend {
  key: string;
  crossed: string;
  lessons: string[];
  organisations: string[];
}

/** Brute force: for each lesson in order, look back over every earlier lesson within the window. */
export function expectedTrends(raw: Raw, minOrgs = 3, windowDays = 365): ExpectedTrend[] {
  const out: ExpectedTrend[] = [];
  const identified = raw.lessons.filter((l) => l.d.kind === 'lesson-identified');
  for (const p of PRINCIPLE_IDS) {
    for (const t of THEME_IDS) {
      const group = identified
        .filter((l) => (l.d.principles ?? []).includes(p) && themesOf(l).includes(t))
        .sort((a, b) =>
          a.published === b.published ? (a.id < b.id ? -1 : 1) : a.published < b.published ? -1 : 1,
        );
      let crossed: string | undefined;
      const marked = new Set<string>();
      for (let j = 0; j < group.length; j++) {
        const inWindow: RawLesson[] = [];
        for (let i = 0; i <= j; i++) {
          const days =
            (Date.parse(group[j]!.published) - Date.parse(group[i]!.published)) / 86_400_000;
          if (days < windowDays) inWindow.push(group[i]!);
        }
        const orgs = new Set(inWindow.map((l) => l.d.submitted_by));
        if (orgs.size >= minOrgs) {
          if (crossed === undefined) crossed = group[j]!.published;
          for (const l of inWindow) marked.add(l.id);
        }
      }
      if (crossed === undefined) continue;
      const lessons = group.filter((l) => marked.has(l.id));
      out.push({
        key: `${p}|${t}`,
        crossed,
        lessons: lessons.map((l) => l.id),
        organisations: [...new Set(lessons.map((l) => String(l.d.submitted_by)))].sort(),
      });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------- assurance

export interface ExpectedNote {
  id: string;
  audience: number;
  cells: number;
  counts: Record<string, number>;
  overdue: number;
  percent: number | undefined;
  noReturn: string[];
  bySector: Map<
    string,
    {
      organisations: number;
      counts: Record<string, number>;
      overdue: number;
      percent: number | undefined;
    }
  >;
  byRecommendation: Map<string, { counts: Record<string, number>; overdue: number }>;
  /** `${org}|${rec}` → state and overdue. */
  cellsByKey: Map<string, { state: string; overdue: boolean }>;
  overdueByOrg: Map<string, number>;
}

const STATES = ['not-started', 'in-progress', 'implemented', 'not-applicable', 'no-return'];
const zero = () => Object.fromEntries(STATES.map((s) => [s, 0])) as Record<string, number>;
const applicable = (c: Record<string, number>) =>
  STATES.reduce((n, s) => n + c[s]!, 0) - c['not-applicable']!;

export function expectedNote(raw: Raw, note: RawNote): ExpectedNote | undefined {
  if (note.recs.length === 0) return undefined;
  const audienceSectors: string[] = note.d.audience;
  const audience = raw.orgs.filter(
    (o) => audienceSectors.includes('all') || audienceSectors.includes(o.d.sector),
  );
  const pastDue =
    note.status === 'open' &&
    note.d.report_back_by !== undefined &&
    String(note.d.report_back_by) < raw.today;
  const e: ExpectedNote = {
    id: note.id,
    audience: audience.length,
    cells: 0,
    counts: zero(),
    overdue: 0,
    percent: undefined,
    noReturn: [],
    bySector: new Map(),
    byRecommendation: new Map(),
    cellsByKey: new Map(),
    overdueByOrg: new Map(),
  };
  for (const r of note.recs) e.byRecommendation.set(r.id, { counts: zero(), overdue: 0 });
  for (const org of audience) {
    const file = raw.returns.find((r) => r.note === note.id && r.org === org.id);
    if (!file) e.noReturn.push(org.id);
    let sector = e.bySector.get(org.d.sector);
    if (!sector)
      e.bySector.set(
        org.d.sector,
        (sector = { organisations: 0, counts: zero(), overdue: 0, percent: undefined }),
      );
    sector.organisations++;
    for (const rec of note.recs) {
      const entry = (file?.d.returns ?? []).find((x: Data) => x.recommendation === rec.id);
      const state: string = entry ? entry.state : 'no-return';
      const overdue = pastDue && state !== 'implemented' && state !== 'not-applicable';
      e.cells++;
      e.counts[state]!++;
      sector.counts[state]!++;
      e.byRecommendation.get(rec.id)!.counts[state]!++;
      e.cellsByKey.set(`${org.id}|${rec.id}`, { state, overdue });
      if (overdue) {
        e.overdue++;
        sector.overdue++;
        e.byRecommendation.get(rec.id)!.overdue++;
        e.overdueByOrg.set(org.id, (e.overdueByOrg.get(org.id) ?? 0) + 1);
      }
    }
  }
  e.percent = round1(e.counts.implemented!, applicable(e.counts));
  for (const s of e.bySector.values())
    s.percent = round1(s.counts.implemented!, applicable(s.counts));
  return e;
}

export function expectedNational(raw: Raw) {
  const notes = raw.notes
    .filter((n) => n.status === 'open')
    .map((n) => expectedNote(raw, n))
    .filter((n) => n !== undefined);
  const counts = zero();
  let overdue = 0;
  const sectors = new Map<string, Record<string, number>>();
  const orgs = new Map<string, number>();
  for (const n of notes) {
    for (const s of STATES) counts[s]! += n.counts[s]!;
    overdue += n.overdue;
    for (const [sector, v] of n.bySector) {
      const c = sectors.get(sector) ?? zero();
      for (const s of STATES) c[s]! += v.counts[s]!;
      sectors.set(sector, c);
    }
    for (const [org, k] of n.overdueByOrg) orgs.set(org, (orgs.get(org) ?? 0) + k);
  }
  const sectorPercent = new Map(
    [...sectors].map(([k, c]) => [k, round1(c.implemented!, applicable(c))]),
  );
  return {
    notes: notes.map((n) => n.id),
    counts,
    overdue,
    percent: round1(counts.implemented!, applicable(counts)),
    sectorPercent,
    overdueByOrg: orgs,
  };
}

// --------------------------------------------------------------------------------- digests

export interface ExpectedDigest {
  quarter: string;
  /** The records the digest is made from: as they stood on the last day of a closed quarter. */
  raw: Raw;
  identified: string[];
  practice: string[];
  byPrinciple: Map<string, string[]>;
  byTheme: Map<string, string[]>;
  notesIssued: string[];
  returnsUpdated: number;
  openNotes: string[];
  trends: string[];
}

export function expectedDigests(now: Raw): ExpectedDigest[] {
  const quarters = new Set<string>();
  for (const l of now.lessons) quarters.add(quarter(l.published));
  for (const n of now.notes) quarters.add(quarter(String(n.d.issued)));
  return [...quarters]
    .sort()
    .reverse()
    .map((q) => {
      // A closed quarter's digest shows the library as it stood on its last day.
      const raw = quarterEnd(q) < now.today ? rawAsOf(now, quarterEnd(q)) : now;
      const trends = expectedTrends(raw);
      const lessons = raw.lessons.filter((l) => quarter(l.published) === q);
      const byPrinciple = new Map<string, string[]>();
      const byTheme = new Map<string, string[]>();
      for (const l of lessons) {
        const ps: string[] = l.d.principles ?? [];
        for (const p of ps.length ? ps : ['none'])
          byPrinciple.set(p, [...(byPrinciple.get(p) ?? []), l.id]);
        const ts = themesOf(l);
        for (const t of ts.length ? ts : ['none'])
          byTheme.set(t, [...(byTheme.get(t) ?? []), l.id]);
      }
      return {
        quarter: q,
        raw,
        identified: lessons
          .filter((l) => l.d.kind === 'lesson-identified')
          .map((l) => l.id)
          .sort(),
        practice: lessons
          .filter((l) => l.d.kind === 'notable-practice')
          .map((l) => l.id)
          .sort(),
        byPrinciple,
        byTheme,
        notesIssued: raw.notes
          .filter((n) => quarter(String(n.d.issued)) === q)
          .map((n) => n.id)
          .sort(),
        // Counted by the date each return's version was recorded (its `updated` without history).
        returnsUpdated: raw.returns.filter((r) => quarter(r.recorded ?? String(r.d.updated)) === q)
          .length,
        openNotes: raw.notes
          .filter(
            (n) => n.status === 'open' && n.recs.length > 0 && String(n.d.issued) <= quarterEnd(q),
          )
          .map((n) => n.id)
          .sort(),
        trends: trends
          .filter((t) => quarter(t.crossed) === q)
          .map((t) => t.key)
          .sort(),
      };
    });
}

// ---------------------------------------------------------------------------------- counts

/** term → year → lessons, for each dimension the trends page charts. */
export function expectedCounts(raw: Raw): Record<string, Map<string, Map<string, number>>> {
  const sectorOf = new Map(raw.orgs.map((o) => [o.id, String(o.d.sector)]));
  const dims: Record<string, (l: RawLesson) => string[]> = {
    principle: (l) => l.d.principles ?? [],
    model: (l) => l.d.models ?? [],
    theme: themesOf,
    source: (l) => [l.d.source],
    sector: (l) => [
      ...new Set(
        [l.d.submitted_by, ...(l.d.organisations ?? [])].map((o: string) => sectorOf.get(o)!),
      ),
    ],
    'command-level': (l) => l.d.command_levels ?? [],
  };
  const out: Record<string, Map<string, Map<string, number>>> = {};
  for (const [key, of] of Object.entries(dims)) {
    const table = new Map<string, Map<string, number>>();
    for (const l of raw.lessons) {
      const year = l.published.slice(0, 4);
      for (const term of new Set(of(l))) {
        const row = table.get(term) ?? new Map<string, number>();
        row.set(year, (row.get(year) ?? 0) + 1);
        table.set(term, row);
      }
    }
    out[key] = table;
  }
  return out;
}

export function expectedFunnel(raw: Raw): Record<string, number> {
  const byStatus: Record<string, number> = {
    identified: 0,
    actioned: 0,
    learned: 0,
    'no-further-action': 0,
    superseded: 0,
  };
  for (const l of raw.lessons) byStatus[l.d.status ?? 'identified']!++;
  return byStatus;
}
