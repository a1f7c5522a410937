/**
 * A data file: every record of a collection of the edition as CSV (lists joined with "; "), each
 * row starting with its marking (`marking`: OFFICIAL or OFFICIAL-SENSITIVE).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { type Dataset, datasetPaths, csvTable, toCsv } from '../../lib/learning/open-data.ts';
import { getLibrary } from '../../lib/site-data.ts';

export const getStaticPaths = (async () =>
  datasetPaths(await getLibrary())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const lib = await getLibrary();
  return new Response(toCsv(csvTable(lib, params.dataset as Dataset)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
