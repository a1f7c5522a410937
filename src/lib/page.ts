/** Small helpers shared by page templates. */
import { classifications } from '../../schemas/vocabularies.ts';

export type Classification = 'official' | 'official-sensitive';

/** The protective marking of a page: the highest classification of the records it shows. */
export function highestClassification(
  records: readonly { data: { classification: string } }[],
): Classification {
  return records.some((r) => r.data.classification === 'official-sensitive')
    ? 'official-sensitive'
    : 'official';
}

/** Text for HTML written as a string (feed content, search documents): markup characters escaped. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export function classificationName(c: Classification): string {
  return classifications.name(c);
}

/** A record's classification in words, and whether it is cleared for the public edition. */
export function releaseText(d: { classification: Classification; public: boolean }): string {
  return `${classificationName(d.classification)}${d.public ? ', cleared for the public edition' : ', not for public release'}`;
}

/** The Content-Security-Policy of every page: files from the site only, no inline script or
 * style; 'wasm-unsafe-eval' lets Pagefind's WebAssembly search run. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  // Pagefind runs its WebAssembly in a same-origin worker file; offline reading's service
  // worker is the site's own sw.js.
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** "1 lesson", "3 lessons". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Joins words as "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
