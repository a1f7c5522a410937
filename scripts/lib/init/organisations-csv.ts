/**
 * Organisations from a CSV file, for `npm run init -- --organisations file.csv`: one row per
 * organisation, columns `id` and the organisation schema's fields (`name`, `sector`,
 * `category`, `nation`, `forum`, `spoc`, `mailbox`; `spoc` handles separated by "; "), an empty
 * cell leaving the field out. Every row is checked against the schema and every problem is
 * reported with its row (the header is row 1, as in a spreadsheet) and column, so that nothing
 * is written from a file with a mistake in it. The file is read as the import reads its CSV
 * (read-csv.ts): strict UTF-8, a byte order mark allowed, a syntax error at its line and cell.
 */
import { type Organisation, organisationSchema } from '../../../schemas/organisation.ts';
import { layouts } from '../../../schemas/layout.ts';
import { keysAt } from '../../../schemas/shape.ts';
import { parseCsv } from '../import/read-csv.ts';

/** Review-only fields a new organisation does not take from a CSV. */
const LEFT_OUT = new Set(['personal_data_exceptions']);
const LIST_FIELDS = new Set(['spoc']);

/** The columns an organisations CSV may have: `id`, then the schema's fields in order. */
export function organisationColumns(): string[] {
  return ['id', ...keysAt(organisationSchema, []).filter((k) => !LEFT_OUT.has(k))];
}

export interface CsvOrganisation {
  id: string;
  data: Organisation;
}

export interface CsvProblem {
  /** Line of the file where the row starts. */
  line: number;
  /** Row in the file, the header being row 1; none for a file that is not CSV. */
  row?: number;
  /** The column's header, or for a file that is not CSV the cell's number. */
  column?: string;
  message: string;
}

export function readOrganisationsCsv(
  bytes: Uint8Array,
): { organisations: CsvOrganisation[] } | { problems: CsvProblem[] } {
  const read = parseCsv(bytes);
  if ('problem' in read) {
    const { line, column, message } = read.problem;
    return { problems: [{ line, column: String(column), message }] };
  }
  const problems: CsvProblem[] = [];
  const allowed = organisationColumns();
  const header = read.header.map((h) => h.trim());
  header.forEach((h, i) => {
    if (!allowed.includes(h))
      problems.push({
        line: 1,
        row: 1,
        column: h || `column ${i + 1}`,
        message: `Unknown column "${h}", expected one of ${allowed.join(', ')}`,
      });
    else if (header.indexOf(h) !== i)
      problems.push({ line: 1, row: 1, column: h, message: `Column "${h}" appears twice` });
  });
  for (const required of ['id', 'name', 'sector'])
    if (!header.includes(required))
      problems.push({ line: 1, row: 1, column: required, message: `Missing column "${required}"` });
  if (read.rows.length === 0)
    problems.push({ line: 2, row: 2, message: 'No organisations: the file has no rows' });
  if (problems.length > 0) return { problems };

  const organisations: CsvOrganisation[] = [];
  const rowOf = new Map<string, { row: number; line: number }>();
  read.rows.forEach(({ line, cells }, index) => {
    const row = index + 2;
    const value = (column: string) => (cells[header.indexOf(column)] ?? '').trim();
    const id = value('id');
    if (!layouts.organisations.idPattern.test(id))
      problems.push({
        line,
        row,
        column: 'id',
        message: `Expected an id of lower-case words joined by hyphens, such as "${layouts.organisations.idExample}", found "${id}"`,
      });
    else if (rowOf.has(id))
      problems.push({
        line,
        row,
        column: 'id',
        message: `The id "${id}" is already used in row ${rowOf.get(id)!.row}`,
      });
    else rowOf.set(id, { row, line });
    const raw: Record<string, unknown> = {};
    for (const column of header) {
      if (column === 'id' || value(column) === '') continue;
      raw[column] = LIST_FIELDS.has(column)
        ? value(column)
            .split(';')
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : value(column);
    }
    const parsed = organisationSchema.safeParse(raw);
    if (parsed.success) organisations.push({ id, data: parsed.data });
    else
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? '');
        problems.push({ line, row, column, message: issue.message.replaceAll('{field}', column) });
      }
  });
  // A forum must be one of the file's own organisations (the validator checks its sector).
  organisations.forEach((o) => {
    if (o.data.forum !== undefined && !rowOf.has(o.data.forum))
      problems.push({
        ...rowOf.get(o.id)!,
        column: 'forum',
        message: `No organisation "${o.data.forum}" in the file`,
      });
  });
  problems.sort((a, b) => a.line - b.line);
  return problems.length > 0 ? { problems } : { organisations };
}
