/**
 * Closed quarters are frozen, and the assurance history is open data. A real temporary Git
 * repository gets lessons, an action note and assurance returns committed on chosen dates; the
 * site is built, then a lesson published today is added, returns are changed and removed today
 * and the note is closed today, and the site is built again. On the way an organisation's id
 * changes (its record and its return are renamed in one commit). Every closed quarter's digest
 * (`<main>`) is the same in both builds and shows the library as it stood on the quarter's last
 * day; /data/assurance-history.csv|json has one row per state held, worked out here from the
 * commits made.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historySeconds } from '../../scripts/lib/bench/measure.ts';
import { git } from '../helpers/git.ts';
import { lessonFile } from '../helpers/lesson-file.ts';
import { type BuiltSite, FIXTURES, buildSite, page } from './build-site.ts';
import { elements, parse } from './html.ts';

const TODAY = '2024-11-20';
/** An organisation whose id changes in the third quarter: its record and return move. */
const OLD_ID = 'coastal-ambulance-service';
const NEW_ID = 'south-coast-ambulance-service';
const AUDIENCE = [NEW_ID, 'northshire-fire-and-rescue', 'northshire-police'];
const NOTE = '2024-001';
const RECS = ['R1', 'R2'];
const REPORT_BACK_BY = '2024-03-01';

function lesson(id: string, org: string, status?: string): string {
  return lessonFile(
    [
      'kind: lesson-identified',
      `title: Lesson ${id.slice(11)} about radio talkgroups at the scene`,
      'summary: Commanders from each service could not talk on a shared talkgroup, so the joint picture of the rail incident was built more slowly than it should have been.',
      `date: ${id.slice(0, 10)}`,
      'source: exercise',
      `submitted_by: ${org}`,
      `submitted: ${id.slice(0, 10)}`,
      'criteria:',
      '  - interoperability',
      'principles:',
      '  - communicate',
      'risks:',
      '  - rail-accident',
      ...(status ? [`status: ${status}`] : []),
      'classification: official',
      'public: true',
    ],
    {
      whatHappened: 'Talkgroups were opened late.',
      whyItMatters: 'Joint decisions waited.',
      recommendation: 'Open the talkgroup at once.',
    },
  );
}

function note(status: 'open' | 'closed'): string {
  return [
    '---',
    'title: Opening interoperability talkgroups at once',
    'summary: Control rooms are asked to open the interoperability talkgroup with the first M/ETHANE message, after the lessons of early 2024.',
    'issued: 2024-01-25',
    'kind: for-action',
    'lessons:',
    '  - 2024-01-10-first',
    'audience:',
    '  - police',
    '  - fire-rescue',
    '  - ambulance',
    'recommendations:',
    '  - id: R1',
    '    text: Open the interoperability talkgroup with the first M/ETHANE message.',
    '  - id: R2',
    '    text: Test the talkgroup procedure in every multi-agency exercise.',
    `report_back_by: ${REPORT_BACK_BY}`,
    `status: ${status}`,
    'classification: official',
    'public: true',
    '---',
    '',
    '## Background',
    '',
    'Talkgroups were opened late.',
    '',
  ].join('\n');
}

type States = Record<string, string>;
function returnFile(updated: string, states: States): string {
  return [
    `updated: ${updated}`,
    'returns:',
    ...Object.entries(states).flatMap(([rec, state]) => [
      `  - recommendation: ${rec}`,
      `    state: ${state}`,
      ...(state === 'implemented' || state === 'not-applicable'
        ? ['    evidence: Done and checked at the last multi-agency exercise.']
        : []),
    ]),
    '',
  ].join('\n');
}

/** One commit: lessons added, the note written, returns written (states) or removed (null). */
interface Step {
  date: string;
  lessons?: [id: string, org: string][];
  /** A lesson's status changed: [id, org, status]. */
  status?: [id: string, org: string, status: string][];
  note?: 'open' | 'closed';
  returns?: Record<string, { updated: string; states: States } | null>;
  /** An organisation's id changed: [old id, new id, new name]; its record and returns move. */
  renames?: [from: string, to: string, name: string][];
}
const BEFORE: Step[] = [
  { date: '2024-01-20', lessons: [['2024-01-10-first', 'northshire-police']] },
  { date: '2024-02-01', note: 'open' },
  { date: '2024-02-05', lessons: [['2024-02-01-second', 'northshire-fire-and-rescue']] },
  {
    date: '2024-02-10',
    returns: { 'northshire-police': { updated: '2024-02-09', states: { R1: 'in-progress' } } },
  },
  { date: '2024-03-10', lessons: [['2024-03-05-third', 'coastal-ambulance-service']] },
  {
    date: '2024-05-05',
    lessons: [['2024-05-01-fourth', 'northshire-police']],
    status: [['2024-01-10-first', 'northshire-police', 'actioned']],
    returns: {
      'northshire-police': {
        updated: '2024-05-01',
        states: { R1: 'implemented', R2: 'not-started' },
      },
      'coastal-ambulance-service': { updated: '2024-05-02', states: { R1: 'in-progress' } },
    },
  },
  {
    date: '2024-08-01',
    lessons: [['2024-07-30-fifth', 'northshire-fire-and-rescue']],
    status: [
      ['2024-01-10-first', 'northshire-police', 'learned'],
      ['2024-02-01-second', 'northshire-fire-and-rescue', 'learned'],
    ],
    // Only the reported date changes: the same states, so no new row.
    returns: {
      'northshire-police': {
        updated: '2024-07-31',
        states: { R1: 'implemented', R2: 'not-started' },
      },
    },
  },
  // The ambulance service's id changes: the record, its return (unchanged) and its lesson's
  // submitted_by, in one commit.
  {
    date: '2024-09-02',
    renames: [[OLD_ID, NEW_ID, 'South Coast Ambulance Service']],
    lessons: [['2024-03-05-third', NEW_ID]],
  },
];
// Today: a lesson published today (a fourth organisation, within a year of the first three),
// a return changed, one added, one removed, and the note closed. The return added is nearly
// the one removed, so Git pairs them as a rename: not the same return, as no organisation's
// id changed.
const AFTER: Step = {
  date: TODAY,
  lessons: [['2024-11-18-late', 'northshire-lrf']],
  note: 'closed',
  returns: {
    'northshire-police': {
      updated: '2024-11-19',
      states: { R1: 'not-applicable', R2: 'not-started' },
    },
    'northshire-fire-and-rescue': { updated: '2024-11-19', states: { R1: 'in-progress' } },
    [NEW_ID]: null,
  },
};

let repo: string;
let content: string;
let before: BuiltSite;
let after: BuiltSite;

function commit(step: Step): void {
  for (const [id, org] of step.lessons ?? [])
    fs.writeFileSync(path.join(content, 'lessons', `${id}.md`), lesson(id, org));
  for (const [id, org, status] of step.status ?? [])
    fs.writeFileSync(path.join(content, 'lessons', `${id}.md`), lesson(id, org, status));
  if (step.note)
    fs.writeFileSync(path.join(content, 'action-notes', `${NOTE}.md`), note(step.note));
  for (const [from, to, name] of step.renames ?? []) {
    const record = (id: string) => path.join(content, 'organisations', `${id}.yaml`);
    git(repo, ['mv', record(from), record(to)]);
    const text = fs.readFileSync(record(to), 'utf8');
    fs.writeFileSync(record(to), text.replace(/^name: .*$/m, `name: ${name}`));
    const ret = (id: string) => path.join(content, 'assurance', NOTE, `${id}.yaml`);
    git(repo, ['mv', ret(from), ret(to)]);
  }
  for (const [org, r] of Object.entries(step.returns ?? {})) {
    const file = path.join(content, 'assurance', NOTE, `${org}.yaml`);
    if (r) fs.writeFileSync(file, returnFile(r.updated, r.states));
    else git(repo, ['rm', '-q', file]);
  }
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', `changes of ${step.date}`], step.date);
}

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-digest-history-'));
  git(repo, ['init', '-q', '-b', 'main']);
  content = path.join(repo, 'content');
  for (const d of ['lessons', 'action-notes', `assurance/${NOTE}`])
    fs.mkdirSync(path.join(content, d), { recursive: true });
  fs.cpSync(path.join(FIXTURES, 'editions/organisations'), path.join(content, 'organisations'), {
    recursive: true,
  });
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'organisations'], '2023-12-01');
  for (const step of BEFORE) commit(step);
  before = buildSite({ contentDir: content, today: TODAY });
  if (!before.ok) throw new Error(`build failed:\n${before.log}`);
  commit(AFTER);
  // A record never committed: its history is not available, and the build says so.
  fs.writeFileSync(
    path.join(content, 'lessons', '2024-11-19-uncommitted.md'),
    lesson('2024-11-19-uncommitted', 'northshire-police'),
  );
  after = buildSite({ contentDir: content, today: TODAY });
  if (!after.ok) throw new Error(`second build failed:\n${after.log}`);
}, 300_000);

afterAll(() => {
  before?.cleanup();
  after?.cleanup();
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

const mainOf = (site: BuiltSite, quarter: string) => {
  const m = /<main[\s\S]*<\/main>/.exec(site.read(page(`digests/${quarter}/`)));
  if (!m) throw new Error(`no <main> in the ${quarter} digest`);
  return m[0];
};
const quarterEnd = (q: string) => {
  const [y, n] = [Number(q.slice(0, 4)), Number(q.slice(6))];
  return new Date(Date.UTC(y, n * 3, 0)).toISOString().slice(0, 10);
};

/**
 * An organisation's id today: a renamed organisation's return keeps its history, so on every
 * day, before the rename too, it is that organisation's return.
 */
function currentId(org: string): string {
  for (const step of [...BEFORE, AFTER])
    for (const [from, to] of step.renames ?? []) if (org === from) org = to;
  return org;
}

/** The states of every return as the commits left them on a day, by organisation id today. */
function returnsOn(day: string): Map<string, States> {
  const out = new Map<string, States>();
  for (const step of [...BEFORE, AFTER]) {
    if (step.date > day) break;
    for (const [org, r] of Object.entries(step.returns ?? {}))
      if (r) out.set(currentId(org), r.states);
      else out.delete(currentId(org));
  }
  return out;
}

function figure(tree: ReturnType<typeof parse>, name: string): string {
  const [e] = elements(tree, (x) => x.properties.dataFigure === name);
  const text = (n: unknown): string => {
    const node = n as { type: string; value?: string; children?: unknown[] };
    return node.type === 'text' ? node.value! : (node.children ?? []).map(text).join('');
  };
  return text(e).trim();
}

describe('closed quarters are frozen', () => {
  const closed = ['2024-q1', '2024-q2', '2024-q3'];

  it('builds the same <main> for every closed quarter after a lesson and returns are added today', () => {
    for (const q of closed) expect(after.exists(page(`digests/${q}/`)), q).toBe(true);
    for (const q of closed) expect(mainOf(after, q), q).toBe(mainOf(before, q));
    // The open quarter does change: the new lesson is in it.
    expect(mainOf(after, '2024-q4')).toContain('2024-11-18-late');
    expect(before.exists(page('digests/2024-q4/'))).toBe(false);
    expect(after.log).toContain(
      'Record history: 1 record is not committed yet, so its history is not available; the current file is used.',
    );
    expect(before.log).not.toContain('Record history:');
    // Each build read the history anew (a new commit), and says how long it took, as the
    // benchmark reads it back.
    for (const site of [before, after]) {
      const read = historySeconds(site.log);
      expect(read.seconds).toBeGreaterThanOrEqual(0);
      expect(read.cached).toBe(false);
    }
  });

  it('lists under a recurring issue only the lessons published by the end of its quarter', () => {
    const tree = parse(after.read(page('digests/2024-q1/')));
    const [trend] = elements(
      tree,
      (e) => e.properties.dataTrend === 'communicate|accidents-and-systems-failures',
    );
    const ids = elements(trend as never, (e) => e.properties.dataLesson !== undefined).map((e) =>
      String(e.properties.dataLesson),
    );
    expect(ids.sort()).toEqual(['2024-01-10-first', '2024-02-01-second', '2024-03-05-third']);
  });

  it("shows each return's state and the note's status as recorded on the quarter's last day", () => {
    for (const q of closed) {
      const end = quarterEnd(q);
      const states = returnsOn(end);
      const cells = AUDIENCE.flatMap((org) => RECS.map((r) => states.get(org)?.[r] ?? 'no-return'));
      const done = cells.filter((s) => s === 'implemented' || s === 'not-applicable').length;
      const applicable = cells.length - cells.filter((s) => s === 'not-applicable').length;
      const overdue = REPORT_BACK_BY < end ? cells.length - done : 0;
      const tree = parse(after.read(page(`digests/${q}/`)));
      // The note was open on every closed quarter's last day (it was closed today).
      const [row] = elements(tree, (e) => e.properties.dataNote === NOTE && e.tagName === 'tr');
      expect(row, q).toBeDefined();
      expect(figure(row as never, 'audience'), q).toBe(String(AUDIENCE.length));
      expect(figure(row as never, 'no-return'), q).toBe(
        String(cells.filter((s) => s === 'no-return').length),
      );
      expect(figure(row as never, 'overdue'), q).toBe(String(overdue));
      const implemented = cells.filter((s) => s === 'implemented').length;
      expect(figure(row as never, 'percent-implemented'), q).toContain(
        `${Math.round((implemented / applicable) * 1000) / 10}`,
      );
      // Returns recorded (committed) during the quarter.
      const recorded = new Set(
        [...BEFORE, AFTER]
          .filter(
            (s) =>
              s.date >=
                `${q.slice(0, 4)}-${String(Number(q.slice(6)) * 3 - 2).padStart(2, '0')}-01` &&
              s.date <= end,
          )
          .flatMap((s) =>
            Object.entries(s.returns ?? {})
              .filter(([, r]) => r)
              .map(([o]) => o),
          ),
      );
      expect(figure(tree, 'returns-updated'), q).toBe(String(recorded.size));
    }
  });
});

describe('assurance history open data', () => {
  /**
   * The rows expected from the commits: one per state held, ended by the next different state
   * or removal. A renamed organisation's return keeps its rows, under its id today: the
   * rename (which writes no state) neither ends nor starts one.
   */
  function expectedRows(): string[][] {
    const rows: string[][] = [];
    const open = new Map<string, string[]>();
    for (const step of [...BEFORE, AFTER]) {
      for (const [written, r] of Object.entries(step.returns ?? {})) {
        const org = currentId(written);
        for (const rec of RECS) {
          const key = `${org}|${rec}`;
          const state = r?.states[rec];
          const current = open.get(key);
          if (current && current[3] === state) continue;
          if (current) {
            current[5] = step.date;
            open.delete(key);
          }
          if (state) {
            const row = [NOTE, rec, org, state, step.date, '', r.updated, step.date];
            rows.push(row);
            open.set(key, row);
          }
        }
      }
    }
    return rows;
  }
  const shaOn = (date: string) =>
    git(repo, [
      'log',
      '--format=%h',
      '--abbrev=7',
      `--since=${date}T00:00:00Z`,
      `--until=${date}T23:59:59Z`,
    ]).split('\n')[0]!;

  it('has one row per state each return held, in CSV and JSON', () => {
    const expected = expectedRows()
      .map((r) => [...r.slice(0, 7), shaOn(r[7]!).slice(0, 7)])
      .sort((a, b) => `${a[0]}${a[2]}${a[1]}${a[4]}`.localeCompare(`${b[0]}${b[2]}${b[1]}${b[4]}`));
    const csv = after.read('data/assurance-history.csv').trim().split('\r\n');
    expect(csv[0]).toBe(
      'marking,action_note,recommendation,organisation,state,from,to,reported,commit',
    );
    const rows = csv.slice(1).map((line) => line.split(','));
    expect(rows.map((r) => r[0])).toEqual(rows.map(() => 'OFFICIAL'));
    expect(rows.map((r) => r.slice(1))).toEqual(expected);
    const json = JSON.parse(after.read('data/assurance-history.json')) as {
      classification: string;
      records: Record<string, string>[];
    };
    expect(json.classification).toBe('OFFICIAL');
    expect(
      json.records.map((r) => [
        r.action_note,
        r.recommendation,
        r.organisation,
        r.state,
        r.from,
        r.to,
        r.reported,
        r.commit,
      ]),
    ).toEqual(expected);
    // The renamed return: its row runs from before the rename, under the new id, to the day
    // it was removed.
    expect(expected.filter((r) => r[2] === OLD_ID)).toEqual([]);
    const renamed = BEFORE.find((s) => s.renames)!.date;
    expect(expected.filter((r) => r[2] === NEW_ID).map((r) => [r[4]! < renamed, r[5]])).toEqual([
      [true, TODAY],
    ]);
    // The return added today, which Git paired with the one removed, starts today.
    expect(
      git(repo, ['log', '-M', '--raw', '--format=', '-1', 'HEAD', '--', 'content/assurance']),
    ).toMatch(
      new RegExp(` R\\d+\\t\\S+/${NEW_ID}\\.yaml\\t\\S+/northshire-fire-and-rescue\\.yaml`),
    );
    expect(expected.filter((r) => r[2] === 'northshire-fire-and-rescue').map((r) => r[4])).toEqual([
      TODAY,
    ]);
  });

  it('documents the dataset on the data page with its JSON Schema', () => {
    const schema = JSON.parse(after.read('data/schemas/assurance-history.schema.json')) as {
      required: string[];
    };
    expect(schema.required).toEqual([
      'action_note',
      'recommendation',
      'organisation',
      'state',
      'from',
      'to',
      'reported',
      'commit',
    ]);
    const data = after.read(page('data/'));
    expect(data).toContain('href="/data/assurance-history.csv"');
    expect(data).toContain('href="/data/schemas/assurance-history.schema.json"');
  });
});

describe('lesson lifecycle dated from history', () => {
  /** The day each lesson reached a status, from the steps above. */
  const reached = (id: string, status: string) =>
    BEFORE.find((s) => s.status?.some(([l, , st]) => l === id && st === status))!.date;
  const added = (id: string) => BEFORE.find((s) => s.lessons?.some(([l]) => l === id))!.date;
  const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
  const long = (d: string) =>
    new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });

  it('says on the lesson page when it became actioned and learned', () => {
    const html = after.read(page('lessons/2024-01-10-first/'));
    expect(html).toContain(`Actioned on ${long(reached('2024-01-10-first', 'actioned'))}`);
    expect(html).toContain(`Learned on ${long(reached('2024-01-10-first', 'learned'))}`);
  });

  it('gives the median and 90th percentile of days from identified to learned on the trends page', () => {
    const values = ['2024-01-10-first', '2024-02-01-second']
      .map((id) => days(added(id), reached(id, 'learned')))
      .sort((a, b) => a - b);
    const median = (values[0]! + values[1]!) / 2;
    const p90 = values[1]!;
    const tree = parse(after.read(page('trends/')));
    const [year] = elements(tree, (e) => e.properties.dataTimeTable === 'year');
    const [row] = elements(year as never, (e) => e.properties.dataTerm === '2024');
    expect(['lessons', 'median', 'p90'].map((f) => figure(row as never, f))).toEqual([
      '2',
      String(median),
      String(p90),
    ]);
    const [principle] = elements(tree, (e) => e.properties.dataTimeTable === 'principle');
    const [communicate] = elements(
      principle as never,
      (e) => e.properties.dataTerm === 'communicate',
    );
    expect(figure(communicate as never, 'lessons')).toBe('2');
  });
});

describe('assurance progress over time', () => {
  /** Cells done and overdue on a day, from the commits (the note was open until today). */
  function expectedOn(day: string, open: boolean) {
    const states = returnsOn(day);
    const cells = AUDIENCE.flatMap((org) => RECS.map((r) => states.get(org)?.[r]));
    const done = cells.filter((s) => s === 'implemented' || s === 'not-applicable').length;
    return {
      cells: cells.length,
      done,
      overdue: open && REPORT_BACK_BY < day ? cells.length - done : 0,
    };
  }

  it("shows the note's share done and overdue cells quarter by quarter since issue", () => {
    const tree = parse(after.read(page(`assurance/${NOTE}/`)));
    const [table] = elements(tree, (e) => e.properties.dataTable === 'over-time-detail');
    const rows = elements(table as never, (e) => e.properties.dataQuarter !== undefined);
    expect(rows.map((r) => String(r.properties.dataQuarter))).toEqual([
      '2024-q1',
      '2024-q2',
      '2024-q3',
      '2024-q4',
    ]);
    for (const row of rows) {
      const q = String(row.properties.dataQuarter);
      const end = quarterEnd(q) < TODAY ? quarterEnd(q) : TODAY;
      // Closed today: open on every earlier day.
      const e = expectedOn(end, end < TODAY);
      expect(
        ['cells', 'done', 'overdue'].map((f) => figure(row as never, f)),
        q,
      ).toEqual([String(e.cells), String(e.done), String(e.overdue)]);
    }
  });

  it("shows the national line and each organisation's return history", () => {
    const dash = parse(after.read(page('assurance/')));
    const [national] = elements(dash, (e) => e.properties.dataTable === 'national-line-detail');
    const q2 = elements(national as never, (e) => e.properties.dataQuarter === '2024-q2')[0];
    expect(figure(q2 as never, 'done')).toBe(String(expectedOn('2024-06-30', true).done));
    // The note was closed today: no open note in the quarter still open.
    const q4 = elements(national as never, (e) => e.properties.dataQuarter === '2024-q4')[0];
    expect(figure(q4 as never, 'cells')).toBe('0');
    const org = parse(after.read(page('organisations/northshire-police/')));
    const [history] = elements(org, (e) => e.properties.dataTable === 'return-history');
    const states = elements(history as never, (e) => e.properties.dataState !== undefined).map(
      (e) => String(e.properties.dataState),
    );
    // Newest first: R1 not applicable (today), implemented, not started (R2), in progress.
    expect(states.sort()).toEqual(
      ['implemented', 'in-progress', 'not-applicable', 'not-started'].sort(),
    );
  });
});
