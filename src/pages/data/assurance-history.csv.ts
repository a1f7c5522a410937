/**
 * The assurance history as CSV: one row per state a recommendation's return held, from the
 * returns' Git history (src/lib/learning/open-data-history.ts), each row starting with its marking.
 */
import type { APIRoute } from 'astro';
import { historyCsvTable } from '../../lib/learning/open-data-history.ts';
import { MARKING_COLUMN, toCsv } from '../../lib/learning/open-data.ts';
import { getLibrary } from '../../lib/site-data.ts';

export const GET: APIRoute = async () =>
  new Response(toCsv(historyCsvTable(await getLibrary(), MARKING_COLUMN)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
