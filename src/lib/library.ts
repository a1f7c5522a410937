/**
 * The records of one edition with the questions pages ask of them: lookups, derived links
 * (the action notes that cite a lesson, the returns of a note), related lessons, counts.
 * Plain data in, plain data out, so it is tested without an Astro build.
 */
import type { ActionNote } from '../../schemas/action-note.ts';
import type { AssuranceEntry, AssuranceReturn } from '../../schemas/assurance.ts';
import type { Event } from '../../schemas/event.ts';
import type { Lesson } from '../../schemas/lesson.ts';
import type { Organisation } from '../../schemas/organisation.ts';
import { byDateDesc } from './dates.ts';
import type { PublishedSource, ReturnVersion, StatusVersion } from './published.ts';
import { type RelatedResult, relatedLessons } from './related.ts';

export interface LessonEntry {
  id: string;
  data: Lesson;
  /** Sanitised HTML of the body. */
  html: string;
  /** Raw Markdown body (for similarity). */
  body: string;
  published: string;
  publishedSource: PublishedSource;
  /** Path of the file in its repository. */
  repoPath: string;
  /** Last day the file changed on the main branch, when Git history is available. */
  lastChanged?: string;
}
export interface NoteEntry {
  id: string;
  data: ActionNote;
  html: string;
  repoPath: string;
  lastChanged?: string;
}
export interface ReturnEntry {
  /** `<note-id>/<organisation-id>` */
  id: string;
  note: string;
  organisation: string;
  data: AssuranceReturn;
  /**
   * Date of the commit that brought this version of the file into the branch, when Git history
   * has it (digests count returns by it); else the file's `updated` is used.
   */
  recorded?: string;
}
export interface EventEntry {
  id: string;
  data: Event;
  repoPath: string;
  lastChanged?: string;
}
export interface OrganisationEntry {
  id: string;
  data: Organisation;
}

export interface LibraryInput {
  lessons: LessonEntry[];
  notes: NoteEntry[];
  returns: ReturnEntry[];
  events: EventEntry[];
  organisations: OrganisationEntry[];
  today: string;
  /** The records' history from Git (src/lib/published.ts); none when not given. */
  history?: LibraryHistory;
}

/**
 * The edition's records' history from Git: every version of each return, and each lesson's
 * and note's status over time. `available: false` (a shallow clone, no repository) leaves the
 * maps empty, and pages say "history not available" rather than invent it.
 */
export interface LibraryHistory {
  available: boolean;
  /** Why not, when not available. */
  reason?: string;
  returns: Map<string, ReturnVersion[]>;
  lessons: Map<string, StatusVersion[]>;
  notes: Map<string, StatusVersion[]>;
}

export const NO_HISTORY: LibraryHistory = {
  available: false,
  reason: 'no history was given',
  returns: new Map(),
  lessons: new Map(),
  notes: new Map(),
};

// The states come from a JSON vocabulary, so TypeScript knows them only as strings; the union
// still says what a cell may hold.
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
export type CellState = AssuranceEntry['state'] | 'no-return';

export interface ReturnRow {
  organisation: OrganisationEntry;
  inAudience: boolean;
  updated?: string;
  cells: { recommendation: string; state: CellState; overdue: boolean; evidence?: string }[];
}

/** Items by each key they have, in the items' order; an item is listed once per key. */
export function groupBy<T>(
  items: readonly T[],
  keys: (item: T) => readonly string[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(item);
    }
  }
  return groups;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

export class Library {
  readonly lessons: LessonEntry[];
  readonly notes: NoteEntry[];
  readonly returns: ReturnEntry[];
  readonly events: EventEntry[];
  readonly organisations: OrganisationEntry[];
  readonly today: string;
  readonly history: LibraryHistory;
  readonly #lessons: Map<string, LessonEntry>;
  readonly #notes: Map<string, NoteEntry>;
  readonly #events: Map<string, EventEntry>;
  readonly #organisations: Map<string, OrganisationEntry>;
  readonly #citing = new Map<string, NoteEntry[]>();
  #related?: Map<string, RelatedResult>;

  constructor(input: LibraryInput) {
    this.today = input.today;
    this.history = input.history ?? NO_HISTORY;
    this.lessons = [...input.lessons].sort(
      byDateDesc(
        (l) => l.published,
        (l) => l.id,
      ),
    );
    this.notes = [...input.notes].sort(
      byDateDesc(
        (n) => n.data.issued,
        (n) => n.id,
      ),
    );
    this.returns = [...input.returns].sort((a, b) => (a.id < b.id ? -1 : 1));
    this.events = [...input.events].sort(
      byDateDesc(
        (e) => e.data.start,
        (e) => e.id,
      ),
    );
    this.organisations = [...input.organisations].sort((a, b) =>
      a.data.name.localeCompare(b.data.name, 'en-GB'),
    );
    this.#lessons = byId(this.lessons);
    this.#notes = byId(this.notes);
    this.#events = byId(this.events);
    this.#organisations = byId(this.organisations);
    for (const note of this.notes) {
      for (const lessonId of note.data.lessons) {
        let list = this.#citing.get(lessonId);
        if (!list) this.#citing.set(lessonId, (list = []));
        list.push(note);
      }
    }
  }

  lesson(id: string): LessonEntry | undefined {
    return this.#lessons.get(id);
  }
  note(id: string): NoteEntry | undefined {
    return this.#notes.get(id);
  }
  event(id: string): EventEntry | undefined {
    return this.#events.get(id);
  }
  organisation(id: string): OrganisationEntry | undefined {
    return this.#organisations.get(id);
  }
  organisationName(id: string): string {
    return this.#organisations.get(id)?.data.name ?? id;
  }

  // Lists and lookups below are worked out once, on first use: pages ask for them on every one
  // of thousands of pages, and the same array each time lets facets.ts group it only once.
  #lessonsIdentified?: LessonEntry[];
  #notablePractice?: LessonEntry[];
  #byEvent?: Map<string, LessonEntry[]>;
  #byOrganisation?: Map<string, LessonEntry[]>;
  #eventsByOrganisation?: Map<string, EventEntry[]>;
  #supersededBy?: Map<string, LessonEntry[]>;
  #notesByOrganisation?: Map<string, NoteEntry[]>;
  #members?: Map<string, OrganisationEntry[]>;

  get lessonsIdentified(): LessonEntry[] {
    return (this.#lessonsIdentified ??= this.lessons.filter(
      (l) => l.data.kind === 'lesson-identified',
    ));
  }
  get notablePractice(): LessonEntry[] {
    return (this.#notablePractice ??= this.lessons.filter(
      (l) => l.data.kind === 'notable-practice',
    ));
  }

  /** Every organisation a lesson involves: the submitter first, then the others listed. */
  organisationsOf(lesson: LessonEntry): string[] {
    return [...new Set([lesson.data.submitted_by, ...(lesson.data.organisations ?? [])])];
  }

  /** The sectors of the organisations a lesson involves. */
  sectorsOf(lesson: LessonEntry): string[] {
    const sectors = new Set<string>();
    for (const id of this.organisationsOf(lesson)) {
      const org = this.#organisations.get(id);
      if (org) sectors.add(org.data.sector);
    }
    return [...sectors];
  }

  /** The action notes that cite a lesson (derived: the lesson never stores them). */
  notesCiting(lessonId: string): NoteEntry[] {
    return this.#citing.get(lessonId) ?? [];
  }

  /** The lessons from an event, newest first. */
  lessonsOfEvent(eventId: string): LessonEntry[] {
    this.#byEvent ??= groupBy(this.lessons, (l) => (l.data.event ? [l.data.event] : []));
    return this.#byEvent.get(eventId) ?? [];
  }
  /** The lessons an organisation submitted or was involved in, newest first. */
  lessonsOfOrganisation(orgId: string): LessonEntry[] {
    this.#byOrganisation ??= groupBy(this.lessons, (l) => this.organisationsOf(l));
    return this.#byOrganisation.get(orgId) ?? [];
  }
  eventsOfOrganisation(orgId: string): EventEntry[] {
    this.#eventsByOrganisation ??= groupBy(this.events, (e) => [
      ...(e.data.forum ? [e.data.forum] : []),
      ...(e.data.organisations ?? []),
    ]);
    return this.#eventsByOrganisation.get(orgId) ?? [];
  }
  /** The lessons that name this one as the lesson that replaces them. */
  supersededBy(lessonId: string): LessonEntry[] {
    this.#supersededBy ??= groupBy(this.lessons, (l) =>
      l.data.superseded_by ? [l.data.superseded_by] : [],
    );
    return this.#supersededBy.get(lessonId) ?? [];
  }
  /** The action notes addressed to an organisation (it is in their audience) or answered by it, newest first. */
  notesOfOrganisation(orgId: string): NoteEntry[] {
    if (!this.#notesByOrganisation) {
      const answered = groupBy(this.returns, (r) => [r.note]);
      this.#notesByOrganisation = groupBy(this.notes, (n) => [
        ...this.audienceOf(n).map((o) => o.id),
        ...(answered.get(n.id) ?? []).map((r) => r.organisation),
      ]);
    }
    return this.#notesByOrganisation.get(orgId) ?? [];
  }
  /** The organisations that name this one (a resilience forum) as their forum, by name. */
  membersOf(forumId: string): OrganisationEntry[] {
    this.#members ??= groupBy(this.organisations, (o) => (o.data.forum ? [o.data.forum] : []));
    return this.#members.get(forumId) ?? [];
  }

  /** Stated related lessons first, then the most similar ones. */
  related(lessonId: string, limit = 5): { stated: LessonEntry[]; similar: LessonEntry[] } {
    if (!this.#related) {
      this.#related = relatedLessons(
        this.lessons.map((l) => ({
          id: l.id,
          related: l.data.related,
          principles: l.data.principles,
          risks: l.data.risks,
          organisations: this.organisationsOf(l),
          event: l.data.event,
          text: `${l.data.title} ${l.data.summary} ${l.body}`,
        })),
        limit,
      );
    }
    const result = this.#related.get(lessonId);
    if (!result) return { stated: [], similar: [] };
    return {
      stated: result.stated.map((id) => this.#lessons.get(id)!),
      similar: result.similar.map((s) => this.#lessons.get(s.id)!),
    };
  }

  /** The organisations an action note is addressed to. */
  audienceOf(note: NoteEntry): OrganisationEntry[] {
    const audience = note.data.audience;
    if (audience.includes('all')) return this.organisations;
    return this.organisations.filter((o) => audience.includes(o.data.sector));
  }

  /** Whether a note's report-back date has passed while it is still open. */
  isPastReportBack(note: NoteEntry): boolean {
    return (
      note.data.status === 'open' &&
      note.data.report_back_by !== undefined &&
      note.data.report_back_by < this.today
    );
  }

  /**
   * One row per organisation in the audience or with a return, one cell per recommendation:
   * the state returned or "no return yet", flagged overdue when the note is open, its
   * report-back date has passed and the entry is missing, or neither implemented nor not applicable.
   */
  returnsTable(note: NoteEntry): ReturnRow[] {
    const recs = note.data.recommendations ?? [];
    if (recs.length === 0) return [];
    const audience = new Set(this.audienceOf(note).map((o) => o.id));
    const returns = new Map(
      this.returns.filter((r) => r.note === note.id).map((r) => [r.organisation, r]),
    );
    const orgIds = [...new Set([...audience, ...returns.keys()])];
    const pastDue = this.isPastReportBack(note);
    return orgIds
      .map((id) => this.#organisations.get(id))
      .filter((o): o is OrganisationEntry => o !== undefined)
      .sort((a, b) => a.data.name.localeCompare(b.data.name, 'en-GB'))
      .map((organisation) => {
        const ret = returns.get(organisation.id);
        const entries = new Map((ret?.data.returns ?? []).map((e) => [e.recommendation, e]));
        return {
          organisation,
          inAudience: audience.has(organisation.id),
          updated: ret?.data.updated,
          cells: recs.map((rec) => {
            const entry = entries.get(rec.id);
            const done =
              entry !== undefined &&
              (entry.state === 'implemented' || entry.state === 'not-applicable');
            return {
              recommendation: rec.id,
              state: entry ? entry.state : 'no-return',
              overdue: pastDue && !done,
              evidence: entry?.evidence,
            };
          }),
        };
      });
  }

  /** How many returns of a note are overdue (one per organisation and recommendation). */
  overdueCount(note: NoteEntry): number {
    return this.returnsTable(note).reduce(
      (n, row) => n + row.cells.filter((c) => c.overdue).length,
      0,
    );
  }
}
