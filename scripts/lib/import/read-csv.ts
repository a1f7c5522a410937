/**
 * Reads a CSV file for the import: strict UTF-8 (a UTF-8 byte order mark is allowed; a file
 * saved in another encoding, such as Windows-1252 from a spreadsheet, is refused at the row,
 * column and byte offset of its first invalid byte, never turned into U+FFFD), then parsed with
 * csv-parse. A syntax error is reported at its line and the column (field) where it was found.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { firstInvalidUtf8 } from '../read-text.ts';

export interface CsvRow {
  /** Line of the file where the row starts. */
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  column: number;
  rule: string;
  message: string;
}

export type CsvRead = { header: string[]; rows: CsvRow[] } | { problem: CsvProblem };

const BOM = [0xef, 0xbb, 0xbf];

export function readCsv(file: string): CsvRead {
  return parseCsv(fs.readFileSync(file));
}

export function parseCsv(bytes: Uint8Array): CsvRead {
  const start = BOM.every((b, i) => bytes[i] === b) ? BOM.length : 0;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    return { problem: encodingProblem(bytes, start) };
  }
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true });
  } catch (error) {
    return { problem: syntaxProblem(error as CsvParseError) };
  }
  const [header = [], ...rest] = records;
  // csv-parse gives the line where each record ends; a record starts as many lines earlier as
  // its cells hold line breaks.
  const rows: CsvRow[] = [];
  const lines = startLines(text);
  for (let i = 0; i < rest.length; i++) rows.push({ line: lines[i + 1]!, cells: rest[i]! });
  return { header, rows };
}

/** The line each record of the text starts on (skipping blank lines, as the parser does). */
function startLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (atStart && c !== 10 && c !== 13) {
      starts.push(line);
      atStart = false;
    }
    if (c === 34) quoted = !quoted;
    else if (c === 10) {
      line++;
      if (!quoted) atStart = true;
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) !== 10) line++;
      if (!quoted) atStart = true;
    }
  }
  return starts;
}

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  /** Zero-based index of the field being read when the error was found. */
  index?: number;
  /** The header's length, for a record of the wrong length. */
  columns?: unknown[];
}

function syntaxProblem(e: CsvParseError): CsvProblem {
  const line = e.lines ?? 1;
  let column = (e.index ?? 0) + 1;
  let message = `The file is not valid CSV: ${e.message}`;
  const counts = /(?:columns length is|expect) (\d+), got (\d+)/.exec(e.message);
  if (e.code?.startsWith('CSV_RECORD_INCONSISTENT') && counts) {
    const [expected, found] = [Number(counts[1]), Number(counts[2])];
    // Point at the first extra cell, or just past the last one given.
    column = Math.min(expected, found) + 1;
    message = `Row has ${found} cells, expected ${expected} like the header (a missing or extra comma, or an unquoted comma in a cell?)`;
  } else if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    message = `A quoted cell is never closed (found the end of the file), expected a closing " — ${e.message}`;
  }
  return { line, column, rule: 'csv/syntax', message };
}

/** Where the first byte that is not UTF-8 sits: its row, column (cell) and byte offset. */
function encodingProblem(bytes: Uint8Array, start: number): CsvProblem {
  const offset = start + firstInvalidUtf8(bytes.subarray(start));
  // The bytes before it are valid: read them to find the row and cell it falls in.
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
    bytes.subarray(start, offset),
  );
  const { line, column } = cellAtEnd(before);
  const hex = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    line,
    column,
    rule: 'csv/encoding',
    message: `The file is not UTF-8: found the byte ${hex} at byte offset ${offset}, expected UTF-8 text (a spreadsheet saving as Windows-1252 writes £ as 0xA3 and é as 0xE9); save it as "CSV UTF-8"`,
  };
}

/** The row (its first line) and cell (1-based) the end of this CSV text falls in. */
function cellAtEnd(text: string): { line: number; column: number } {
  let line = 1;
  let rowLine = 1;
  let column = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) {
      if (c === '\n') line++;
    } else if (c === ',') column++;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      rowLine = line;
      column = 1;
    }
  }
  return { line: rowLine, column };
}
