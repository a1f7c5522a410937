/**
 * Generates a deterministic lesson CSV of any size, in the format `npm run import` reads, for
 * the import benchmark and the tests that need a large file. Every row is a valid lesson
 * identified or notable practice, distinct from the others (its title carries its number), dated
 * before `until`, naming only the organisations given.
 */
import { stringify } from 'csv-stringify/sync';
import {
  commandLevels,
  lessonCriteria,
  practiceCriteria,
  principles,
  risks,
  sources,
} from '../../../schemas/vocabularies.ts';
import { CONTEXTS, PLACES, PRACTICES, PROBLEMS, SENTENCES, SUBJECTS } from '../corpus/phrases.ts';
import { Random } from '../corpus/random.ts';
import { sectionKey } from '../records/record-kinds.ts';
import { lessonColumns } from './lesson-columns.ts';

export interface CsvOptions {
  rows: number;
  /** Organisation ids the rows may name (at least one). */
  organisations: readonly string[];
  seed?: number;
  /** Last possible date of a row (default 2026-06-30). */
  until?: string;
}

const day = 86400000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The CSV text: a header and `rows` rows. */
export function generateLessonCsv(options: CsvOptions): string {
  const rng = new Random(options.seed ?? 20251008);
  const until = Date.parse(options.until ?? '2026-06-30');
  const since = Date.parse('2019-01-01');
  const para = (n: number) => Array.from({ length: n }, () => rng.pick(SENTENCES)).join(' ');
  const rows: Record<string, string>[] = [];
  for (let i = 0; i < options.rows; i++) {
    const practice = rng.chance(0.3);
    const date = since + Math.floor(rng.next() * (until - 90 * day - since));
    const subject = rng.pick(SUBJECTS);
    const context = rng.pick(CONTEXTS);
    const place = rng.pick(PLACES);
    // The number comes first: a file name keeps only the start of a long title.
    const title = practice
      ? `${place} ${i + 1}: ${rng.pick(PRACTICES).toLowerCase()} for ${subject.replace(/^the /, '')} ${context}`
      : `${place} ${i + 1}: ${subject} ${rng.pick(PROBLEMS)} ${context}`;
    const text = (n: number) => `${para(n)}\n\n${para(n)}`;
    // Filled in this order (the generator's draws depend on it), keyed by the import's columns.
    rows.push({
      kind: practice ? 'Notable practice' : 'Lesson identified',
      title: title.slice(0, 120),
      summary:
        `${para(2)} In ${place}, ${subject} ${practice ? 'worked well' : rng.pick(PROBLEMS)}.`.slice(
          0,
          500,
        ),
      date: iso(date),
      source: rng.pick(sources.ids),
      submitted_by: rng.pick(options.organisations),
      organisations: rng.some(options.organisations, 1, 3).join('; '),
      submitted: iso(date + rng.int(5, 60) * day),
      criteria: rng.some(practice ? practiceCriteria.ids : lessonCriteria.ids, 1, 3).join('; '),
      principles: rng.some(principles.ids, 1, 3).join('; '),
      command_levels: rng.some(commandLevels.ids, 1, 2).join('; '),
      risks: rng.some(risks.ids, 1, 2).join('; '),
      classification: 'official',
      public: rng.chance(0.9) ? 'yes' : 'no',
      [sectionKey('What happened')]: practice ? '' : text(2),
      [sectionKey('Why it matters')]: practice ? '' : para(2),
      [sectionKey('Recommendation')]: practice ? '' : para(1),
      [sectionKey('What was done')]: practice ? text(2) : '',
      [sectionKey('Why it worked')]: practice ? para(2) : '',
      [sectionKey('How others can adopt it')]: practice ? para(1) : '',
    });
  }
  // The header names the import's own columns (lesson-columns.ts), in its order.
  const columns = lessonColumns().filter((c) => c.key in (rows[0] ?? {}));
  return stringify([
    columns.map((c) => c.header),
    ...rows.map((row) => columns.map((c) => row[c.key] ?? '')),
  ]);
}
