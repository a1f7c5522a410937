/** The learning-loop figures in words, the same on every page that shows them. */
import { assuranceStates } from '../../../schemas/vocabularies.ts';
import type { CellKey } from './assurance.ts';

/** "33.3%", or a dash-free phrase when nothing applies (every cell not applicable, or no cells). */
export function percentText(percent: number | undefined): string {
  return percent === undefined ? 'Nothing to implement' : `${percent}%`;
}

export function cellStateName(state: CellKey): string {
  return state === 'no-return' ? 'No return yet' : assuranceStates.name(state);
}
