/** Writes a CSV export for `npm run import` tests. */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';

/** `rows` (the header row first) as `export.csv` in `dir`, as a user's export; returns its path. */
export function writeExportCsv(dir: string, rows: string[][]): string {
  const file = path.join(dir, 'export.csv');
  fs.writeFileSync(file, stringify(rows));
  return file;
}
