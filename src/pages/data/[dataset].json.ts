/** Open data: every record of a collection of the edition as JSON (one record per line). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { type Dataset, datasetPaths, jsonRecords, toJson } from '../../lib/learning/open-data.ts';
import { getLibrary } from '../../lib/site-data.ts';

export const getStaticPaths = (async () =>
  datasetPaths(await getLibrary())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const lib = await getLibrary();
  return new Response(toJson(jsonRecords(lib, params.dataset as Dataset)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
