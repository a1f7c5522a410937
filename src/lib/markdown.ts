/** Markdown to safe HTML (the renderer lives with the validator, which renders in its worker threads). */
export { renderMarkdown } from '../../scripts/lib/render-html.ts';

/** The `##` headings of a rendered body, for the page's contents list. */
export function headingsOf(html: string): string[] {
  return [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
}
