/**
 * Times the validator on hostile records: one lesson of the valid test fixture with a body
 * built to be slow to parse (emphasis runs, deep block quotes, at 24 KB and near 1 MiB; a
 * 1 MB table and 1 MB of prose for comparison), each validated as a whole run (discovery, the
 * worker, every check) three times; prints the median and what the lesson was reported for.
 *
 *   node scripts/bench-hostile.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateContent } from './lib/validate-content.ts';

process.env.JOL_TODAY ??= '2026-11-23';
const VALID = path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'valid');
const LESSON = 'lessons/2017-05-22-methane-not-shared.md';
const lesson = fs.readFileSync(path.join(VALID, LESSON), 'utf8');
const room = 1024 * 1024 - lesson.length - 16;

/** Lines of `unit` up to about `bytes`. */
const fill = (unit: string, bytes: number) => unit.repeat(Math.floor(bytes / unit.length));
const words =
  'The control room shared the message with partners and the JESIP joint decision model. ';

const cases: [string, string][] = [
  ['emphasis runs, 24 KB', `${'*a '.repeat(4000)}b${' a*'.repeat(4000)}`],
  ['emphasis runs, 1 MiB', `${'*a '.repeat(room / 6)}b${' a*'.repeat(room / 6)}`],
  ['block quotes 40,000 deep', '>'.repeat(40_000)],
  ['block quotes 1 MiB deep', '>'.repeat(room)],
  ['table 1 MiB (100,000 rows)', `| a | b |\n|---|---|\n${fill('| x | y |\n', room - 20)}`],
  ['prose 1 MiB (paragraphs)', fill(`${words.repeat(12)}\n\n`, room)],
  [
    'the most markup accepted',
    [
      '- [item](x) with &amp; `code`, in words\n'.repeat(300),
      `| a | b |\n|---|---|\n${'| [x](y) | \\z and words in a cell |\n'.repeat(320)}`,
      '## A heading [with](a) link and some more words\n'.repeat(320),
      // Paragraphs of 20 lines, a link in 7 of them: 2,320 "[" in the body with those above.
      `${`Words [a](b) and \\e, ${words.slice(0, 76)}\n`.repeat(7)}${`Words &amp; \\e, ${words}\n`.repeat(13)}\n`.repeat(
        180,
      ),
    ].join('\n'),
  ],
  [
    'largest body accepted',
    // The time-guard test's body: 4,830 lines, 210 headings, 1,470 links, 770 KB.
    `## A heading [with](a) link\n\n${`Words [a](b) and \\e, ${words}${words.slice(0, 60)}\n`.repeat(7)}${`Words &amp; \\e, ${words}${words}\n`.repeat(13)}\n`.repeat(
      210,
    ),
  ],
];

for (const [name, body] of cases.filter(([n]) => !process.argv[2] || n.includes(process.argv[2]))) {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-hostile-'));
  const root = path.join(cwd, 'content');
  fs.cpSync(VALID, root, { recursive: true });
  fs.writeFileSync(path.join(root, LESSON), `${lesson}\n${body}\n`);
  const times: number[] = [];
  let found = '';
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const { diagnostics } = await validateContent({ root, cwd, cache: false, fileTimeLimit: 120 });
    times.push((performance.now() - start) / 1000);
    found = [...new Set(diagnostics.map((d) => d.rule))].join(', ') || 'no problems';
  }
  fs.rmSync(cwd, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  const size = Buffer.byteLength(body) / 1024;
  console.log(
    `${name.padEnd(26)} ${size.toFixed(0).padStart(5)} KB  median ${times[1]!.toFixed(2)} s (${times.map((t) => t.toFixed(2)).join(', ')})  ${found}`,
  );
}
