/**
 * Geometry of the site's static SVG charts, from numbers only (no client JavaScript). Labels
 * sit above their bars, so long term names never need measuring. Every chart is drawn beside
 * a table with the same numbers (components/BarChart.astro, components/TimeChart.astro).
 */

export interface BarInput {
  label: string;
  value: number;
}

export interface BarLayout {
  width: number;
  height: number;
  bars: {
    label: string;
    value: number;
    labelY: number;
    barY: number;
    barWidth: number;
    barHeight: number;
    valueX: number;
    valueY: number;
  }[];
  /** Width of the full-length track behind each bar (the scale's maximum). */
  trackWidth: number;
}

const BAR_AREA = 400;
const ROW = 46;

/** Horizontal bars, each under its label; length ∝ value ÷ max (max defaults to the largest). */
export function barLayout(
  inputs: readonly BarInput[],
  max = Math.max(0, ...inputs.map((b) => b.value)),
): BarLayout {
  const scale = max > 0 ? BAR_AREA / max : 0;
  const bars = inputs.map((b, i) => {
    const top = i * ROW;
    const barWidth = Math.max(0, Math.min(BAR_AREA, Math.round(b.value * scale * 10) / 10));
    return {
      label: b.label,
      value: b.value,
      labelY: top + 16,
      barY: top + 22,
      barWidth,
      barHeight: 18,
      valueX: barWidth + 6,
      valueY: top + 36,
    };
  });
  return {
    width: BAR_AREA + 70,
    height: Math.max(ROW, inputs.length * ROW),
    bars,
    trackWidth: BAR_AREA,
  };
}

export interface GridLayout {
  width: number;
  height: number;
  columnWidth: number;
  columns: { label: string; x: number }[];
  rows: {
    label: string;
    labelY: number;
    cells: { value: number; x: number; y: number; width: number; height: number }[];
  }[];
  axisY: number;
}

const CELL_HEIGHT = 30;
const GRID_ROW = 54;

/**
 * Small multiples over time: one row per term (label above), one column per period, a column
 * bar per cell whose height ∝ value ÷ the largest value of the whole grid (so rows compare).
 */
export function gridLayout(
  columns: readonly string[],
  rows: readonly { label: string; values: readonly number[] }[],
): GridLayout {
  const columnWidth =
    columns.length > 0 ? Math.max(26, Math.min(56, Math.floor(560 / columns.length))) : 56;
  const max = Math.max(0, ...rows.flatMap((r) => r.values));
  const out = rows.map((r, i) => {
    const top = i * GRID_ROW;
    const base = top + 20 + CELL_HEIGHT;
    return {
      label: r.label,
      labelY: top + 15,
      cells: r.values.map((value, c) => {
        const height = max > 0 ? Math.round((value / max) * CELL_HEIGHT * 10) / 10 : 0;
        return { value, x: c * columnWidth + 3, y: base - height, width: columnWidth - 6, height };
      }),
    };
  });
  const axisY = rows.length * GRID_ROW;
  return {
    width: Math.max(columns.length * columnWidth, 300),
    height: axisY + 22,
    columnWidth,
    columns: columns.map((label, c) => ({ label, x: c * columnWidth + columnWidth / 2 })),
    rows: out,
    axisY,
  };
}

/** "Co-locate: 3; Communicate: 5." — the chart's numbers in words for its description. */
export function describeBars(bars: readonly { label: string; text: string }[]): string {
  return bars.length === 0 ? 'No data.' : `${bars.map((b) => `${b.label}: ${b.text}`).join('; ')}.`;
}
