/** The JSON Schema of one record of the assurance history dataset. */
import type { APIRoute } from 'astro';
import { assuranceHistorySchema } from '../../../lib/learning/open-data-history.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(assuranceHistorySchema(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
