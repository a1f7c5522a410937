/**
 * A data file: every record of a collection of the edition as JSON (one record per line), with
 * the file's marking, the edition, its licence and handling text.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  type Dataset,
  datasetPaths,
  fileClassification,
  jsonRecords,
  toJson,
} from '../../lib/learning/open-data.ts';
import { config, getLibrary } from '../../lib/site-data.ts';

export const getStaticPaths = (async () =>
  datasetPaths(await getLibrary())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const lib = await getLibrary();
  const dataset = params.dataset as Dataset;
  const about = {
    classification: fileClassification(lib, dataset),
    edition: config.edition,
    licence: config.editionText.licence,
    handling: config.editionText.handling,
  };
  return new Response(toJson(jsonRecords(lib, dataset), about), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
