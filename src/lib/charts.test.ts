import { describe, expect, it } from 'vitest';
import { barLayout, describeBars, gridLayout } from './charts.ts';

describe('barLayout', () => {
  it('scales bars to the largest value, one row each', () => {
    const l = barLayout([
      { label: 'A', value: 4 },
      { label: 'B', value: 1 },
      { label: 'C', value: 0 },
    ]);
    expect(l.bars.map((b) => b.barWidth)).toEqual([400, 100, 0]);
    expect(l.bars.map((b) => b.barY)).toEqual([22, 68, 114]);
    expect(l.height).toBe(138);
    expect(l.trackWidth).toBe(400);
  });

  it('takes a fixed maximum (percentages) and never draws past it', () => {
    expect(
      barLayout(
        [
          { label: 'A', value: 50 },
          { label: 'B', value: 120 },
        ],
        100,
      ).bars.map((b) => b.barWidth),
    ).toEqual([200, 400]);
  });

  it('draws nothing for all-zero or no data', () => {
    expect(barLayout([{ label: 'A', value: 0 }]).bars[0]!.barWidth).toBe(0);
    expect(barLayout([]).bars).toEqual([]);
  });
});

describe('gridLayout', () => {
  it('gives each cell a column bar scaled to the largest value of the grid', () => {
    const g = gridLayout(
      ['2023', '2024'],
      [
        { label: 'A', values: [2, 4] },
        { label: 'B', values: [0, 1] },
      ],
    );
    expect(g.columnWidth).toBe(56);
    expect(g.rows[0]!.cells.map((c) => c.height)).toEqual([15, 30]);
    expect(g.rows[1]!.cells.map((c) => c.height)).toEqual([0, 7.5]);
    // Bars stand on the row's base line.
    expect(g.rows[1]!.cells.map((c) => c.y + c.height)).toEqual([104, 104]);
    expect(g.columns.map((c) => c.x)).toEqual([28, 84]);
  });

  it('narrows columns when there are many periods', () => {
    expect(
      gridLayout(
        Array.from({ length: 40 }, (_, i) => String(i)),
        [],
      ).columnWidth,
    ).toBe(26);
  });
});

describe('describeBars', () => {
  it('puts the numbers in words', () => {
    expect(
      describeBars([
        { label: 'Police', text: '50%' },
        { label: 'Fire', text: '20%' },
      ]),
    ).toBe('Police: 50%; Fire: 20%.');
    expect(describeBars([])).toBe('No data.');
  });
});
