/**
 * Controlled vocabularies, loaded from the JSON data beside this file.
 * Every list is `{ id, name, description? }`; ids feed the zod enums, names feed the site,
 * the issue forms and the messages.
 */
import jesip from './vocabularies/jesip.json' with { type: 'json' };
import jol from './vocabularies/jol.json' with { type: 'json' };
import nrr from './vocabularies/nrr-2025-risks.json' with { type: 'json' };
import ranks from './vocabularies/ranks-and-roles.json' with { type: 'json' };
import responders from './vocabularies/responders.json' with { type: 'json' };

export interface Term {
  id: string;
  name: string;
  description?: string;
}

/** A vocabulary: its terms in order, their ids as a zod-ready tuple, and a name lookup. */
export interface Vocabulary {
  terms: readonly Term[];
  ids: [string, ...string[]];
  name(id: string): string;
  has(id: string): boolean;
}

export function vocabulary(terms: readonly Term[]): Vocabulary {
  if (terms.length === 0) throw new Error('A vocabulary needs at least one term');
  const byId = new Map(terms.map((t) => [t.id, t]));
  return {
    terms,
    ids: terms.map((t) => t.id) as [string, ...string[]],
    name: (id) => byId.get(id)?.name ?? id,
    has: (id) => byId.has(id),
  };
}

export const principles = vocabulary(jesip.principles);
export const models = vocabulary(jesip.models);
export const commandLevels = vocabulary(jesip.command_levels);

export const lessonKinds = vocabulary(jol.lesson_kinds);
export const lessonCriteria = vocabulary(jol.criteria['lesson-identified']);
export const practiceCriteria = vocabulary(jol.criteria['notable-practice']);
export const allCriteria = vocabulary([...lessonCriteria.terms, ...practiceCriteria.terms]);
/** Which criteria a lesson of each kind may claim. */
export const criteriaByKind: Record<string, Vocabulary> = {
  'lesson-identified': lessonCriteria,
  'notable-practice': practiceCriteria,
};
export const sources = vocabulary(jol.sources);
export const lessonStatuses = vocabulary(jol.lesson_statuses);
export const classifications = vocabulary(jol.classifications);
export const actionNoteKinds = vocabulary(jol.action_note_kinds);
export const actionNoteStatuses = vocabulary(jol.action_note_statuses);
export const assuranceStates = vocabulary(jol.assurance_states);
export const eventTypes = vocabulary(jol.event_types);
export const debriefTypes = vocabulary(jol.debrief_types);

export const sectors = vocabulary(responders.sectors);
export const responderCategories = vocabulary(responders.categories);
export const nations = vocabulary(responders.nations);

export interface RiskTheme extends Term {
  risks: Term[];
}
/** National Risk Register 2025: themes, each with its named risks. */
export const nrrThemes: readonly RiskTheme[] = nrr.themes;
export const risks = vocabulary(nrrThemes.flatMap((t) => t.risks));
export const riskThemes = vocabulary(nrrThemes);
const themeOfRisk = new Map(nrrThemes.flatMap((t) => t.risks.map((r) => [r.id, t.id] as const)));
/** The NRR theme id a risk belongs to. */
export function themeOf(riskId: string): string | undefined {
  return themeOfRisk.get(riskId);
}

/** A rank, role or title as written in prose, with its abbreviations ("Detective Sergeant", DS). */
export interface RankTerm {
  name: string;
  abbreviations?: string[];
}
/**
 * Ranks, roles and titles of every UK responder service, and words for members of the public:
 * the personal-data check flags any of them followed by a name.
 */
export interface RanksAndRoles {
  /** Acting and temporary forms: "Acting", "Temporary", "A/", "T/". */
  prefixes: string[];
  services: { id: string; name: string; terms: RankTerm[] }[];
  /** Words for members of the public ("casualty", "witness"). */
  people: string[];
}
export const ranksAndRoles: RanksAndRoles = ranks;
