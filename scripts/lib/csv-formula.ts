/**
 * Spreadsheet formula injection ("CSV injection", OWASP): Excel, LibreOffice, Google Sheets and
 * Numbers read a CSV cell that starts with `=`, `+`, `-` or `@` as a formula, and strip a
 * leading tab or carriage return before looking. A record's text could then run a formula on
 * the machine of whoever opens the open data. The site's CSV files put `'` before such a cell
 * (csv-stringify's `escape_formulas`, the OWASP rule), so the spreadsheet shows it as text;
 * `npm run import` warns about cells that start like this.
 *
 * The rule is csv-stringify's, character for character (the full-width `＝＋－＠` too, as Numbers
 * folds them to the ASCII ones); `csv-formula.test.ts` holds the two together.
 */

/** The characters that make a spreadsheet read a cell as a formula when it starts with one. */
export const FORMULA_STARTS: readonly string[] = [
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\uFF1D', // full-width =
  '\uFF0B', // full-width +
  '\uFF0D', // full-width -
  '\uFF20', // full-width @
];

/** Whether a spreadsheet would read this text, as a CSV cell, as a formula. */
export function startsLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_STARTS.includes(text[0]!);
}
