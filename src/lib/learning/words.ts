/** The learning-loop figures in words, the same on every page that shows them. */
import { assuranceStates, sectors } from '../../../schemas/vocabularies.ts';
import type { CellKey, SectorProgress } from './assurance.ts';

/** "33.3%", or a dash-free phrase when nothing applies (every cell not applicable, or no cells). */
export function percentText(percent: number | undefined): string {
  return percent === undefined ? 'Nothing to implement' : `${percent}%`;
}

/** Each sector's share of recommendations implemented, as the bars of a chart (BarChart). */
export function sectorBars(bySector: readonly SectorProgress[]) {
  return bySector.map((s) => ({
    key: s.sector,
    label: sectors.name(s.sector),
    value: s.percentImplemented ?? 0,
    text: percentText(s.percentImplemented),
  }));
}

export function cellStateName(state: CellKey): string {
  return state === 'no-return' ? 'No return yet' : assuranceStates.name(state);
}

/** GOV.UK tag colour of a cell state (overdue cells are red). */
export const stateTagClass: Record<CellKey, string> = {
  implemented: 'govuk-tag--green',
  'not-applicable': 'govuk-tag--grey',
  'in-progress': '',
  'not-started': 'govuk-tag--yellow',
  'no-return': 'govuk-tag--grey',
};
