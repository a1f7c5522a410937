/** Word-based text similarity, shared by the duplicate check and the site's related lessons. */
const STOP = new Set(
  'a an and are as at be been but by for from had has have in into is it its not of on or that the their there these this those to was were which while with within without will would can could should may might than then also more most other such only same so very who what when where why how all any both each few many much our we they them he she his her you your i me my us over under after before during about between through up down out off again further once here'.split(
    ' ',
  ),
);

/** Distinctive lower-case words (stop words and very short words removed, light stemming). */
export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  // Anything outside ASCII (the range starts at NUL) needs Unicode normalisation first.
  // eslint-disable-next-line no-control-regex
  for (const raw of (/[^\x00-\x7f]/.test(lower) ? lower.normalize('NFKD') : lower).split(
    /[^a-z0-9]+/,
  )) {
    if (raw.length < 3 || STOP.has(raw)) continue;
    out.add(raw.length > 4 ? raw.replace(/(?:ing|ed|es|s)$/, '') : raw);
  }
  return out;
}

/** The words of a lesson that the duplicate check and related-lesson scoring compare. */
export function lessonTokens(data: Record<string, unknown>): Set<string> {
  return tokens(
    `${typeof data.title === 'string' ? data.title : ''} ${typeof data.summary === 'string' ? data.summary : ''}`,
  );
}

/** Dice coefficient of two token sets (0–1). */
export function lessonSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}
