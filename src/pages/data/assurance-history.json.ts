/**
 * The assurance history as JSON, in the shape of the other data files: the file's marking, the
 * edition, its licence and handling text, then one record per state held.
 */
import type { APIRoute } from 'astro';
import { assuranceHistory, historyClassification } from '../../lib/learning/open-data-history.ts';
import { toJson } from '../../lib/learning/open-data.ts';
import { config, getLibrary } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const lib = await getLibrary();
  const about = {
    classification: historyClassification(lib),
    edition: config.edition,
    licence: config.editionText.licence,
    handling: config.editionText.handling,
  };
  return new Response(
    toJson(assuranceHistory(lib) as unknown as Record<string, unknown>[], about),
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );
};
