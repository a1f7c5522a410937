import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { FORMULA_STARTS, startsLikeFormula } from './csv-formula.ts';

describe('startsLikeFormula', () => {
  it('finds text a spreadsheet would run as a formula', () => {
    for (const text of [
      '=HYPERLINK("https://example.org","click")',
      "+1+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(1,2)',
      '\t=1+1',
      '\r=1+1',
      '＝1+1',
    ])
      expect(startsLikeFormula(text), JSON.stringify(text)).toBe(true);
  });

  it('leaves ordinary text, ids and dates alone', () => {
    for (const text of ['', 'Radio 1 = 2', ' =1', '2024-01-05', '2024-01-05-a-lesson', "'=1", 'R1'])
      expect(startsLikeFormula(text), JSON.stringify(text)).toBe(false);
  });

  it("is csv-stringify's escape_formulas rule, character for character", () => {
    // Every character up to U+FFFF at the start of a cell: the cell gets a ' exactly when the predicate says so.
    const firsts = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i)).filter(
      (c) => !/[\uD800-\uDFFF]/.test(c),
    );
    const cells = firsts.map((c) => `${c}x`);
    const [back] = parse(stringify([cells], { escape_formulas: true }));
    const escaped = cells.filter((_, i) => back![i] === `'${cells[i]}`);
    expect(escaped.map((c) => c[0])).toEqual(FORMULA_STARTS.toSorted());
    expect(cells.filter(startsLikeFormula)).toEqual(escaped);
  });
});
