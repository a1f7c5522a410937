/** The JSON Schemas of the records, published beside the data files (the same as schemas/json/). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonSchemaFiles } from '../../../../scripts/lib/json-schema.ts';

export const getStaticPaths = (() =>
  [...jsonSchemaFiles().keys()].map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(jsonSchemaFiles().get(params.file!), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
