/**
 * `node scripts/bench-history.ts [--lessons N] [--returns R] [--versions V] [--runs K] [--build]`:
 * the cost of reading the content's history from Git. Generates a deterministic content root
 * (scripts/lib/corpus/generate.ts, 10,000 lessons by default) topped up to R assurance return
 * files (3,000), and a Git repository (made with one `git fast-import`) in which every lesson
 * is committed once and every return V times (5), each version in its own dated commit batch.
 * Then measures, median of K runs (3):
 * - the history read cold (`readGitHistory` with an empty cache folder): one `git log --raw`
 *   and one `git cat-file --batch`, every version parsed;
 * - the same read when the cache holds HEAD's history (a rebuild without a new commit);
 * - for comparison, the `git log --name-status` the build made before history was read;
 * - with `--build`, cold site builds of the repository and of the same files outside Git (no
 *   history), alternately, `--build-runs` of each (3): the difference of the medians is what
 *   history adds to a cold build (reading it, and the digests, progress and pages made from it).
 * Budget: history adds at most 5 s to a cold build and nothing to a rebuild.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { readGitHistory } from '../src/lib/published.ts';
import { generateCorpus } from './lib/corpus/generate.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    lessons: { type: 'string', default: '10000' },
    returns: { type: 'string', default: '3000' },
    versions: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    build: { type: 'boolean', default: false },
    'build-runs': { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const LESSONS = Number(values.lessons);
const RETURNS = Number(values.returns);
const VERSIONS = Number(values.versions);
const RUNS = Number(values.runs);
const BUILD_RUNS = Number(values['build-runs']);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-bench-history-'));
const repo = path.join(tmp, 'repo');
const content = path.join(repo, 'content');
fs.mkdirSync(content, { recursive: true });
generateCorpus(content, { lessons: LESSONS, until: '2026-06-30' });

// Top up the returns: organisations in each note's audience, note by note, until R files.
type Note = { id: string; audience: string[]; recs: string[] };
const frontmatter = (file: string) =>
  parse(/^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(file, 'utf8'))![1]!) as Record<
    string,
    unknown
  >;
const notes: Note[] = fs
  .readdirSync(path.join(content, 'action-notes'))
  .sort()
  .map((f) => {
    const d = frontmatter(path.join(content, 'action-notes', f));
    return {
      id: f.slice(0, -3),
      audience: d.audience as string[],
      recs: ((d.recommendations as { id: string }[] | undefined) ?? []).map((r) => r.id),
    };
  })
  .filter((n) => n.recs.length > 0);
const orgs = fs
  .readdirSync(path.join(content, 'organisations'))
  .sort()
  .map((f) => ({
    id: f.slice(0, -5),
    sector: String(
      (parse(fs.readFileSync(path.join(content, 'organisations', f), 'utf8')) as { sector: string })
        .sector,
    ),
  }));
const returnFiles = (): string[] =>
  fs.existsSync(path.join(content, 'assurance'))
    ? fs
        .readdirSync(path.join(content, 'assurance'))
        .flatMap((n) =>
          fs.readdirSync(path.join(content, 'assurance', n)).map((f) => `assurance/${n}/${f}`),
        )
    : [];
let count = returnFiles().length;
const STATES = ['not-started', 'in-progress', 'implemented', 'not-applicable'];
const entries = (recs: string[], step: number) =>
  recs.map((r, i) => {
    const state = STATES[(step + i) % STATES.length]!;
    return {
      recommendation: r,
      state,
      ...(state === 'implemented' || state === 'not-applicable'
        ? { evidence: 'Checked at the last multi-agency exercise.' }
        : {}),
    };
  });
for (const note of notes) {
  if (count >= RETURNS) break;
  for (const org of orgs) {
    if (count >= RETURNS) break;
    if (!note.audience.includes('all') && !note.audience.includes(org.sector)) continue;
    const file = path.join(content, 'assurance', note.id, `${org.id}.yaml`);
    if (fs.existsSync(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, stringify({ updated: '2026-06-30', returns: entries(note.recs, 3) }));
    count++;
  }
}

// The repository: one fast-import stream of dated commits.
const chunks: Buffer[] = [];
let mark = 0;
let day = Date.parse('2019-01-01');
const put = (s: string | Buffer) => chunks.push(Buffer.isBuffer(s) ? s : Buffer.from(s));
const commit = (files: [string, Buffer][]) => {
  const when = Math.floor(day / 1000);
  day += 86_400_000;
  const msg = `batch ${++mark}`;
  put(
    `commit refs/heads/main\ncommitter Bench <bench@example.org> ${when} +0000\ndata ${msg.length}\n${msg}\n`,
  );
  for (const [rel, data] of files) {
    put(`M 100644 inline content/${rel}\ndata ${data.length}\n`);
    put(data);
    put('\n');
  }
};
const read = (rel: string) => fs.readFileSync(path.join(content, rel));
const list = (dir: string) =>
  fs
    .readdirSync(path.join(content, dir))
    .sort()
    .map((f) => `${dir}/${f}`);
commit(
  [...list('organisations'), ...list('events'), ...list('action-notes')].map((r) => [r, read(r)]),
);
const lessonFiles = list('lessons');
for (let i = 0; i < lessonFiles.length; i += 50)
  commit(lessonFiles.slice(i, i + 50).map((r) => [r, read(r)]));
const returns = returnFiles().sort();
for (let v = 1; v <= VERSIONS; v++) {
  for (let i = 0; i < returns.length; i += 100)
    commit(
      returns.slice(i, i + 100).map((rel) => {
        if (v === VERSIONS) return [rel, read(rel)];
        const d = parse(read(rel).toString('utf8')) as { returns: { recommendation: string }[] };
        const recs = d.returns.map((e) => e.recommendation);
        return [rel, Buffer.from(stringify({ updated: '2019-06-01', returns: entries(recs, v) }))];
      }),
    );
}
execFileSync('git', ['init', '-q', '-b', 'main', repo]);
execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: Buffer.concat(chunks) });
execFileSync('git', ['reset', '-q'], { cwd: repo });
const commits = execFileSync('git', ['rev-list', '--count', 'HEAD'], {
  cwd: repo,
  encoding: 'utf8',
}).trim();

const time = (f: () => void) => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e9;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cold: number[] = [];
const warm: number[] = [];
const before: number[] = [];
let versionsRead = 0;
for (let r = 0; r < RUNS; r++) {
  const cache = fs.mkdtempSync(path.join(tmp, 'cache-'));
  cold.push(
    time(() => {
      const h = readGitHistory(content, cache);
      versionsRead = [...h.returns.values()].reduce((n, v) => n + v.length, 0);
    }),
  );
  warm.push(time(() => readGitHistory(content, cache)));
  before.push(
    time(() =>
      execFileSync(
        'git',
        [
          'log',
          '--first-parent',
          '--diff-merges=first-parent',
          '--reverse',
          '-M',
          '--name-status',
          '--format=%x1e%cs',
          '--',
          '.',
        ],
        { cwd: content, maxBuffer: 1 << 30 },
      ),
    ),
  );
}
const rows: [string, string][] = [
  [
    'content',
    `${LESSONS} lessons, ${returns.length} return files × ${VERSIONS} versions, ${commits} commits`,
  ],
  ['return versions read', String(versionsRead)],
  ['history read, cold (git log --raw + cat-file + parse)', `${median(cold).toFixed(2)} s`],
  ['history read, cached (same HEAD)', `${median(warm).toFixed(3)} s`],
  ['before: git log --name-status only', `${median(before).toFixed(2)} s`],
];

if (values.build) {
  const build = (dir: string) => {
    const out = fs.mkdtempSync(path.join(PROJECT, '.cache', 'bench-history-'));
    const t = time(() => {
      const r = spawnSync(
        process.execPath,
        [path.join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build'],
        {
          cwd: PROJECT,
          env: {
            ...process.env,
            JOL_CONTENT_DIR: dir,
            JOL_OUT_DIR: path.join(out, 'dist'),
            JOL_CACHE_DIR: path.join(out, 'cache'),
            JOL_TODAY: '2026-07-01',
            ASTRO_TELEMETRY_DISABLED: '1',
          },
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        },
      );
      if (r.status !== 0)
        throw new Error(`build failed:\n${`${r.stdout}\n${r.stderr}`.slice(-3000)}`);
    });
    fs.rmSync(out, { recursive: true, force: true });
    return t;
  };
  const plain = path.join(tmp, 'plain');
  fs.cpSync(content, plain, { recursive: true });
  // Alternately, so that a colleague's load on the machine falls on both alike.
  const withHistory: number[] = [];
  const without: number[] = [];
  for (let r = 0; r < BUILD_RUNS; r++) {
    withHistory.push(build(content));
    without.push(build(plain));
  }
  rows.push([
    `cold build with history (median of ${BUILD_RUNS})`,
    `${median(withHistory).toFixed(1)} s (${withHistory.map((t) => t.toFixed(1)).join(', ')})`,
  ]);
  rows.push([
    `cold build of the same files outside Git`,
    `${median(without).toFixed(1)} s (${without.map((t) => t.toFixed(1)).join(', ')})`,
  ]);
}
for (const [k, v] of rows) console.log(`${k.padEnd(56)} ${v}`);
if (!values.keep) fs.rmSync(tmp, { recursive: true, force: true });
else console.log(`kept ${tmp}`);
