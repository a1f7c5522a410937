/**
 * Text from content (a value found in a record, a file name, an issue's answer) written into
 * Markdown that GitHub renders: a comment, a job summary, a pull request's body. Nothing in it
 * may become markup there: no HTML, no table break, no link, image or emphasis, no @mention
 * (which would notify someone) and no #123 reference.
 */

/** Safe inside a Markdown table cell (and anywhere in a paragraph): one line, read as typed. */
export function markdownCell(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '\\|')
      .replace(/`/g, "'")
      .replace(/[[\]*_~!]/g, (c) => `\\${c}`)
      // An @ or # would still notify or link when escaped with a backslash; entities do not.
      .replace(/@/g, '&#64;')
      .replace(/#(?=\d)/g, '&#35;')
      // Bare addresses become links on GitHub even without Markdown: break the scheme.
      .replace(/\b(https?|ftp|mailto):/gi, '$1&#58;')
      .replace(/\bwww\./gi, 'www&#46;')
      .replace(/\s*[\r\n]+\s*/g, ' ')
  );
}

/** Inside a code span: backticks cannot close it, and the text stays on one line. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;
}
