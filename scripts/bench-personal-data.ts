/**
 * `npm run bench:personal-data`: the personal-data screen on the labelled set — recall per kind
 * (found as an error, as a warning, with the exact text) and false positives on clean responder
 * prose (errors and warnings separately) — then its speed: sentences per second (median of 3)
 * with and without the language model. Goal: recall ≥ 95 %, no error on a clean sentence,
 * warnings on at most 3 % of them. The same figures follow for the held-out set (labelled-holdout.json),
 * written without sight of the detector, so they are out of sample; the goal is judged on the labelled set.
 */
import path from 'node:path';
import { evaluate, readLabelled, screen, type Evaluation } from './lib/personal-data-eval.ts';
import { findPersonalData } from './lib/personal-data.ts';

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
const labelled = readLabelled();
/** Written without sight of the detector or the labelled set: the out-of-sample figures. */
const HELD_OUT = path.resolve(
  import.meta.dirname,
  '../tests/fixtures/personal-data/labelled-holdout.json',
);
const started = performance.now();
const result = await evaluate(labelled);
const firstPass = performance.now() - started;

const report = (name: string, result: Evaluation) => {
  console.log(`Recall on sentences that identify someone (${name}):\n`);
  console.log('kind                   spans  error  warning  recall   exact text');
  for (const k of result.kinds) {
    console.log(
      `${k.kind.padEnd(22)} ${String(k.spans).padStart(5)}  ${String(k.errors).padStart(5)}  ${String(k.warnings).padStart(7)}  ${pct(k.errors + k.warnings, k.spans).padStart(7)}  ${pct(k.exact, k.spans).padStart(7)}`,
    );
  }
  const { total, clean } = result;
  console.log(
    `${'all'.padEnd(22)} ${String(total.spans).padStart(5)}  ${String(total.errors).padStart(5)}  ${String(total.found - total.errors).padStart(7)}  ${pct(total.found, total.spans).padStart(7)}`,
  );
  console.log(
    `\nClean sentences: ${clean.sentences}; with an error ${clean.withError.length} (${pct(clean.withError.length, clean.sentences)}), with a warning only ${clean.withWarning.length} (${pct(clean.withWarning.length, clean.sentences)})`,
  );
  for (const k of result.kinds) for (const m of k.missed) console.log(`  missed (${k.kind}): ${m}`);
  for (const e of clean.withError) console.log(`  false error: ${e}`);
  for (const w of clean.withWarning) console.log(`  false warning: ${w}`);
};
report('labelled set', result);

const heldOut = readLabelled(HELD_OUT);
console.log('');
report(
  'held out, tests/fixtures/personal-data/labelled-holdout.json, never used for tuning',
  await evaluate(heldOut),
);

const all = [...labelled.identifying.map((i) => i.text), ...labelled.clean];
const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
const rate = async (fn: (s: string) => unknown) => {
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    for (let k = 0; k < 5; k++) for (const s of all) await fn(s);
    runs.push(performance.now() - t);
  }
  return (all.length * 5) / (median(runs) / 1000);
};
const patterns = await rate((s) => findPersonalData(s));
const withModel = await rate(screen);
console.log(
  `\nSpeed: first pass over the ${all.length} sentences, loading the model and judging every candidate once: ${Math.round(firstPass)} ms.`,
);
console.log(
  `Then (median of 3, ${all.length} sentences × 5): patterns only ${Math.round(patterns).toLocaleString('en-GB')} sentences/s; with the model on candidates ${Math.round(withModel).toLocaleString('en-GB')} sentences/s (decisions cached by sentence, as in a worker).`,
);
const { total, clean } = result;
const goal =
  total.found / total.spans >= 0.95 &&
  clean.withError.length === 0 &&
  clean.withWarning.length <= 0.03 * clean.sentences;
console.log(goal ? '\nGoal met.' : '\nGoal NOT met.');
