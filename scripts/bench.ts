/**
 * `npm run bench -- --lessons N [--runs R] [--no-search]`: the national-scale benchmark.
 * Generates a deterministic corpus of N lessons (with events, organisations, action notes and
 * assurance) into a temporary content root, commits it to a new Git repository as a history of
 * dated commits (scripts/lib/bench/corpus-history.ts: lessons by month, each return in two
 * versions), then measures, as whole processes, each as wall
 * time and peak memory (largest process of the tree): validation cold and warm; the site build
 * (which validates, renders and indexes); the search indexing inside it; a rebuild after one
 * lesson changed (incremental: the caches of the build are kept); the build's read of the Git history in each
 * (cold, then HEAD's from the cache, as read from the build's log); output size and pages per
 * second; and, counted at the server with text gzipped as GitHub Pages serves it, the bytes
 * Chromium downloads for a first search typed into the search page (a common word with a
 * filter, and a rare word), with the time from the last keystroke to the results, and the bytes
 * downloaded while typing a seven-letter word at 150 ms a key against the bytes of that search
 * alone. In each run it also builds a bare Astro + Pagefind site on the same corpus (one plain
 * page per lesson, Pagefind's CLI over the built HTML: scripts/lib/bench/baseline-site.ts) and
 * prints the ratio of the product's cold build to it. Prints one table with the budgets beside
 * the figures (median of R runs, default 3), the machine (cores, Node, load) above it, and
 * writes it as JSON to .bench/bench-N.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeBaselineSite } from './lib/bench/baseline-site.ts';
import { firstSearch, type SearchCost } from './lib/bench/first-search.ts';
import { commitCorpusHistory } from './lib/bench/corpus-history.ts';
import {
  historySeconds,
  indexSeconds,
  machine,
  median,
  table,
  type Row,
} from './lib/bench/measure.ts';
import { runTree, type TreeRun } from './lib/bench/process-tree.ts';
import { generateCorpus } from './lib/corpus/generate.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    lessons: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    'no-search': { type: 'boolean', default: false },
  },
});
const lessons = Number(values.lessons);
const runs = Number(values.runs);
if (!Number.isInteger(lessons) || lessons < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('Usage: npm run bench -- --lessons N [--runs R] [--no-search]');
  process.exit(2);
}

/** Budgets from the scale issue, by corpus size. */
const BUDGETS = {
  buildSeconds: lessons <= 10_000 ? 45 : lessons <= 30_000 ? 150 : undefined,
  buildMB: lessons <= 10_000 ? 2560 : undefined,
  rebuildSeconds: lessons <= 10_000 ? 15 : undefined,
  /** A first search for a common word, with one filter ticked. */
  searchBytes: 250 * 1024,
  /** A first search for a rare word. */
  rareSearchBytes: 220 * 1024,
  searchMs: 300,
  /** Bytes downloaded while typing a seven-letter word at 150 ms a key, over the bytes of that search alone. */
  typingRatio: 1.2,
};
/** The word typed key by key, and how far apart the keys are. */
const TYPED = { word: 'control', delay: 150 };

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-bench-'));
const root = path.join(work, 'content');
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
log(`Generating ${lessons.toLocaleString('en-GB')} lessons into ${root}…`);
const corpus = generateCorpus(root, { lessons });
// One lesson carries a word no other record has (the rare-word search).
const lessonFiles = fs.readdirSync(path.join(root, 'lessons')).sort();
const rareFile = path.join(root, 'lessons', lessonFiles[Math.floor(lessonFiles.length / 2)]!);
fs.writeFileSync(
  rareFile,
  fs
    .readFileSync(rareFile, 'utf8')
    .replace('## What', 'The liaison officer used a heliograph.\n\n## What'),
);
const files =
  corpus.lessons + corpus.events + corpus.organisations + corpus.actionNotes + corpus.assurance;
log(`${files.toLocaleString('en-GB')} files, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB.`);
// A content root is in Git: the build reads its history (published dates, closed quarters,
// the assurance history). The rebuild's changed lesson is not committed, as on a desk.
const history = commitCorpusHistory(work, root);
log(
  `Committed as ${history.commits.toLocaleString('en-GB')} dated commits (${history.versions.toLocaleString('en-GB')} file versions).`,
);

const NODE = process.execPath;
const baseEnv = {
  ...process.env,
  JOL_CONTENT_DIR: root,
  JOL_TODAY: '2026-11-23',
  JOL_EDITION: 'responders',
  ASTRO_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: '',
};
const ensure = (run: TreeRun, what: string) => {
  if (run.status !== 0)
    throw new Error(`${what} failed (exit ${run.status}):\n${run.output.slice(-4000)}`);
  return run;
};
const validateCmd = [path.join(PROJECT, 'scripts', 'validate.ts')];
const astroCmd = [path.join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'];

interface Round {
  validateCold: TreeRun;
  validateWarm: TreeRun;
  build: TreeRun;
  index: number;
  /** The build's read of the Git history, in seconds (cold), and the rebuild's (HEAD's, cached). */
  history: number;
  rebuild: TreeRun;
  rebuildIndex: number;
  rebuildHistory: number;
  rebuildHistoryCached: boolean;
  /** The bare Astro + Pagefind site: its build, then Pagefind over its HTML. */
  baseline: { build: TreeRun; index: TreeRun; seconds: number };
}
const loadAtStart = os.loadavg();
const rounds: Round[] = [];
let lastDist = '';
for (let r = 0; r < runs; r++) {
  const cache = path.join(work, `cache-${r}`);
  const dist = path.join(work, `dist-${r}`);
  const env = { ...baseEnv, JOL_CACHE_DIR: cache, JOL_OUT_DIR: dist };
  log(`Run ${r + 1} of ${runs}: validate (cold, then warm)…`);
  const validateCold = ensure(await runTree(NODE, validateCmd, { cwd: PROJECT, env }), 'validate');
  const validateWarm = ensure(await runTree(NODE, validateCmd, { cwd: PROJECT, env }), 'validate');
  // The build starts from empty caches: only the content is given.
  fs.rmSync(cache, { recursive: true, force: true });
  log(`Run ${r + 1} of ${runs}: site build from cold caches…`);
  const build = ensure(await runTree(NODE, astroCmd, { cwd: PROJECT, env }), 'astro build');
  const changed = path.join(root, 'lessons', lessonFiles[r]!);
  fs.appendFileSync(changed, `\nA sentence added in run ${r + 1}.\n`);
  log(`Run ${r + 1} of ${runs}: rebuild after one lesson changed…`);
  const rebuild = ensure(await runTree(NODE, astroCmd, { cwd: PROJECT, env }), 'astro rebuild');
  log(`Run ${r + 1} of ${runs}: the baseline, a bare Astro + Pagefind site of the same lessons…`);
  const bare = writeBaselineSite(path.join(work, 'baseline'), root, PROJECT);
  const bareEnv = { ...baseEnv, ...bare.env };
  const bareBuild = ensure(
    await runTree(NODE, bare.astro, { cwd: bare.root, env: bareEnv }),
    'baseline astro build',
  );
  const bareIndex = ensure(
    await runTree(NODE, bare.pagefind, { cwd: bare.root, env: bareEnv }),
    'baseline pagefind',
  );
  fs.rmSync(bare.root, { recursive: true, force: true });
  const rebuildHistory = historySeconds(rebuild.output);
  rounds.push({
    validateCold,
    validateWarm,
    build,
    index: indexSeconds(build.output),
    history: historySeconds(build.output).seconds,
    rebuild,
    rebuildIndex: indexSeconds(rebuild.output),
    rebuildHistory: rebuildHistory.seconds,
    rebuildHistoryCached: rebuildHistory.cached,
    baseline: {
      build: bareBuild,
      index: bareIndex,
      seconds: bareBuild.seconds + bareIndex.seconds,
    },
  });
  if (lastDist) fs.rmSync(lastDist, { recursive: true, force: true });
  lastDist = dist;
}

function walk(dir: string): { bytes: number; files: number; html: number } {
  let bytes = 0;
  let count = 0;
  let html = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    bytes += fs.statSync(p).size;
    count++;
    if (e.name.endsWith('.html')) html++;
  }
  return { bytes, files: count, html };
}
const output = walk(lastDist);
const buildSeconds = median(rounds.map((x) => x.build.seconds));

let searches: SearchCost[] = [];
/** The word typed at TYPED.delay ms a key, and the same word put in the box at once. */
let typing: { typed: SearchCost; atOnce: SearchCost } | undefined;
if (!values['no-search']) {
  log('First search in Chromium (common and rare word)…');
  const { launchChromium } = await import('./lib/browser/chromium.ts');
  const { serveStatic } = await import('./lib/browser/static-server.ts');
  const server = await serveStatic(lastDist, '/');
  const browser = await launchChromium();
  try {
    const per: SearchCost[][] = [];
    for (let r = 0; r < runs; r++) {
      per.push([
        await firstSearch(browser, `${server.url}search/`, 'control', {
          server,
          filter: { name: 'Type', value: 'Lesson identified' },
        }),
        await firstSearch(browser, `${server.url}search/`, 'heliograph', { server }),
      ]);
    }
    const typedRuns: SearchCost[] = [];
    const atOnceRuns: SearchCost[] = [];
    for (let r = 0; r < runs; r++) {
      typedRuns.push(
        await firstSearch(browser, `${server.url}search/`, TYPED.word, {
          server,
          delay: TYPED.delay,
        }),
      );
      atOnceRuns.push(
        await firstSearch(browser, `${server.url}search/`, TYPED.word, { server, atOnce: true }),
      );
    }
    const middle = (xs: SearchCost[]) => ({
      ...xs[0]!,
      bytes: median(xs.map((x) => x.bytes)),
      milliseconds: median(xs.map((x) => x.milliseconds)),
      requests: median(xs.map((x) => x.requests)),
    });
    typing = { typed: middle(typedRuns), atOnce: middle(atOnceRuns) };
    searches = [0, 1].map((i) => {
      const xs = per.map((p) => p[i]!);
      return {
        ...xs[0]!,
        bytes: median(xs.map((x) => x.bytes)),
        milliseconds: median(xs.map((x) => x.milliseconds)),
        requests: median(xs.map((x) => x.requests)),
      };
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

const med = (f: (x: Round) => number) => median(rounds.map(f));
const s = (n: number) => `${n.toFixed(1)} s`;
/** Shorter times, to the hundredth; n/a when the log did not say. */
const s2 = (n: number) => (Number.isNaN(n) ? 'n/a' : `${n.toFixed(2)} s`);
const mb = (n: number) => (Number.isNaN(n) ? 'n/a' : `${Math.round(n)} MB`);
const rows: Row[] = [
  {
    measure: 'validate, cold',
    value: s(med((x) => x.validateCold.seconds)),
    budget: '',
    ok: undefined,
  },
  {
    measure: 'validate, warm',
    value: s(med((x) => x.validateWarm.seconds)),
    budget: '',
    ok: undefined,
  },
  {
    measure: 'site build + search index (cold caches)',
    value: s(buildSeconds),
    budget: BUDGETS.buildSeconds ? `≤ ${BUDGETS.buildSeconds} s` : '',
    ok: BUDGETS.buildSeconds ? buildSeconds <= BUDGETS.buildSeconds : undefined,
  },
  {
    measure: '  baseline: bare Astro + Pagefind, same lessons (build + index)',
    value: `${s(med((x) => x.baseline.seconds))} (${s(med((x) => x.baseline.build.seconds))} + ${s(med((x) => x.baseline.index.seconds))})`,
    budget: '',
    ok: undefined,
  },
  {
    measure: '  product build ÷ baseline',
    value: `${(buildSeconds / med((x) => x.baseline.seconds)).toFixed(2)} ×`,
    budget: '',
    ok: undefined,
  },
  {
    measure: '  search index (Pagefind, alongside the pages)',
    value: s(med((x) => x.index)),
    budget: '',
    ok: undefined,
  },
  {
    measure: `  Git history read (${history.commits} commits, ${history.versions} file versions; cold)`,
    value: s2(med((x) => x.history)),
    budget: '',
    ok: undefined,
  },
  {
    measure: 'peak memory, build',
    value: mb(med((x) => x.build.peakMB)),
    budget: BUDGETS.buildMB ? `≤ ${BUDGETS.buildMB} MB` : '',
    ok: BUDGETS.buildMB ? med((x) => x.build.peakMB) <= BUDGETS.buildMB : undefined,
  },
  {
    measure: 'rebuild after one lesson changed',
    value: s(med((x) => x.rebuild.seconds)),
    budget: BUDGETS.rebuildSeconds ? `≤ ${BUDGETS.rebuildSeconds} s` : '',
    ok: BUDGETS.rebuildSeconds
      ? med((x) => x.rebuild.seconds) <= BUDGETS.rebuildSeconds
      : undefined,
  },
  {
    measure: '  search index in the rebuild (a delta of the changed lesson)',
    value: s(med((x) => x.rebuildIndex)),
    budget: '',
    ok: undefined,
  },
  {
    measure: `  Git history read in the rebuild (${rounds.every((x) => x.rebuildHistoryCached) ? "HEAD's, from the cache" : 'not from the cache'})`,
    value: s2(med((x) => x.rebuildHistory)),
    budget: '',
    ok: undefined,
  },
  {
    measure: 'peak memory, rebuild',
    value: mb(med((x) => x.rebuild.peakMB)),
    budget: '',
    ok: undefined,
  },
  {
    measure: 'output',
    value: `${(output.bytes / 1024 / 1024).toFixed(0)} MB, ${output.files} files`,
    budget: '',
    ok: undefined,
  },
  {
    measure: 'pages per second (build)',
    value: `${Math.round(output.html / buildSeconds)}`,
    budget: '',
    ok: undefined,
  },
  ...searches.flatMap((x) => {
    const k = (kind: keyof SearchCost['byKind']) => `${(x.byKind[kind].bytes / 1024).toFixed(0)}`;
    const what = x.filter ? `"${x.word}" + filter ${x.filter.name}` : `"${x.word}"`;
    const budget = x.filter ? BUDGETS.searchBytes : BUDGETS.rareSearchBytes;
    return [
      {
        measure: `first search ${what}: bytes downloaded (gzip)`,
        value: `${(x.bytes / 1024).toFixed(0)} KB (${x.requests} requests)`,
        budget: `≤ ${budget / 1024} KB`,
        ok: x.bytes <= budget,
      },
      {
        measure:
          '  page+css+js / Pagefind js+wasm / meta / index / filter / fragments / delta / dates / other (KB)',
        value: `${Number(k('page')) + Number(k('css')) + Number(k('js'))} / ${Number(k('pagefindJs')) + Number(k('wasm'))} / ${k('pfMeta')} / ${k('index')} / ${k('filter')} / ${k('fragment')} / ${k('delta')} / ${k('dates')} / ${k('other')}`,
        budget: '',
        ok: undefined,
      },
      {
        measure: `first search ${what}: last keystroke to results`,
        value: `${x.milliseconds} ms${x.filterMilliseconds !== undefined ? ` (filter: ${x.filterMilliseconds} ms)` : ''}`,
        budget: `≤ ${BUDGETS.searchMs} ms`,
        ok: x.milliseconds <= BUDGETS.searchMs,
      },
    ];
  }),
  ...(typing
    ? [
        {
          measure: `typing "${TYPED.word}" at ${TYPED.delay} ms a key: bytes downloaded`,
          value: `${(typing.typed.bytes / 1024).toFixed(0)} KB, ${(typing.typed.bytes / typing.atOnce.bytes).toFixed(2)} × the ${(typing.atOnce.bytes / 1024).toFixed(0)} KB of "${TYPED.word}" searched at once`,
          budget: `≤ ${BUDGETS.typingRatio} ×`,
          ok: typing.typed.bytes <= BUDGETS.typingRatio * typing.atOnce.bytes,
        },
        {
          measure: `typing "${TYPED.word}" at ${TYPED.delay} ms a key: last keystroke to results`,
          value: `${typing.typed.milliseconds} ms`,
          budget: `≤ ${BUDGETS.searchMs} ms`,
          ok: typing.typed.milliseconds <= BUDGETS.searchMs,
        },
      ]
    : []),
];
console.log(
  `\nJOL Library benchmark — ${lessons.toLocaleString('en-GB')} lessons, ${files.toLocaleString('en-GB')} files — median of ${runs}`,
);
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(', ');
console.log(
  `Machine: ${machine()}; load average ${load(loadAtStart)} at the start, ${load(os.loadavg())} at the end (a shared machine's figures are noisy)\n`,
);
console.log(table(rows));
fs.mkdirSync(path.join(PROJECT, '.bench'), { recursive: true });
const out = path.join(PROJECT, '.bench', `bench-${lessons}.json`);
fs.writeFileSync(
  out,
  JSON.stringify(
    {
      lessons,
      files,
      history,
      machine: machine(),
      runs: rounds.map((x) => ({
        validateCold: [x.validateCold.seconds, x.validateCold.peakMB],
        validateWarm: [x.validateWarm.seconds, x.validateWarm.peakMB],
        build: [x.build.seconds, x.build.peakMB],
        index: x.index,
        history: x.history,
        rebuild: [x.rebuild.seconds, x.rebuild.peakMB],
        rebuildIndex: x.rebuildIndex,
        rebuildHistory: x.rebuildHistory,
        baseline: [x.baseline.build.seconds, x.baseline.index.seconds],
      })),
      load: { start: loadAtStart, end: os.loadavg() },
      output,
      searches,
      typing,
      rows,
    },
    null,
    2,
  ),
);
console.log(`\nWritten to ${path.relative(PROJECT, out)}`);
fs.rmSync(work, { recursive: true, force: true });
process.exitCode = rows.every((r) => r.ok !== false) ? 0 : 1;
