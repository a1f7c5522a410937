/**
 * The text of a lesson-identified file for tests that write content by hand: its frontmatter
 * lines, as given, between `---` fences, then the three sections a lesson identified needs.
 */
export function lessonFile(
  frontmatter: string[],
  sections: { whatHappened: string; whyItMatters: string; recommendation: string },
): string {
  return [
    '---',
    ...frontmatter,
    '---',
    '',
    '## What happened',
    '',
    sections.whatHappened,
    '',
    '## Why it matters',
    '',
    sections.whyItMatters,
    '',
    '## Recommendation',
    '',
    sections.recommendation,
    '',
  ].join('\n');
}
