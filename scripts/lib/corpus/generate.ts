/**
 * Generates a deterministic, realistic content root of any size for benchmarks and tests:
 * organisations (with resilience forums), events, lessons of both kinds with Markdown bodies
 * of realistic length (about 2 KB), action notes with recommendations, and assurance returns.
 * Every generated record is valid; about 5 % are official-sensitive (not public) and no public
 * record refers to them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  commandLevels,
  lessonCriteria,
  models,
  practiceCriteria,
  principles,
  risks,
  sectors,
  sources,
} from '../../../schemas/vocabularies.ts';
import {
  CONTEXTS,
  PLACES,
  PRACTICES,
  PROBLEMS,
  RECOMMENDATIONS,
  SENTENCES,
  SUBJECTS,
} from './phrases.ts';
import { Random } from './random.ts';

export interface CorpusOptions {
  lessons: number;
  seed?: number;
  /** Last possible date of any record (default 2026-06-30). */
  until?: string;
}

export interface CorpusSummary {
  lessons: number;
  events: number;
  organisations: number;
  actionNotes: number;
  assurance: number;
  bytes: number;
}

const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

function dateBetween(rng: Random, from: number, to: number): string {
  return new Date(from + rng.next() * (to - from)).toISOString().slice(0, 10);
}
function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86400000).toISOString().slice(0, 10);
}
const min = (a: string, b: string) => (a < b ? a : b);

function frontmatter(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { lineWidth: 100 })}---\n\n${body}`;
}

function paragraph(rng: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => rng.pick(SENTENCES)).join(' ');
}

export function generateCorpus(dir: string, options: CorpusOptions): CorpusSummary {
  const rng = new Random(options.seed ?? 20250101);
  const until = Date.parse(options.until ?? '2026-06-30');
  const since = Date.parse('2019-01-01');
  const n = options.lessons;
  for (const sub of ['lessons', 'events', 'organisations', 'action-notes', 'assurance'])
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
  let bytes = 0;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
    bytes += Buffer.byteLength(text);
  };

  // Organisations: forums first, then responders of every sector, spread over the nations.
  const forumCount = Math.max(4, Math.min(48, Math.ceil(n / 250)));
  const orgCount = Math.max(30, Math.min(600, Math.ceil(n / 30)));
  const forums: string[] = [];
  const orgs: { id: string; sector: string }[] = [];
  for (let i = 0; i < forumCount; i++) {
    const id = `forum-${pad(i + 1, 3)}-lrf`;
    forums.push(id);
    orgs.push({ id, sector: 'resilience-forum' });
    write(
      `organisations/${id}.yaml`,
      stringify({
        name: `${PLACES[i % PLACES.length]} Resilience Forum ${i + 1}`,
        sector: 'resilience-forum',
        category: 'other',
        nation: NATIONS[i % 4],
        spoc: [`forum-${i + 1}-jol-spoc`],
      }),
    );
  }
  const responderSectors = sectors.ids.filter((s) => s !== 'resilience-forum');
  for (let i = orgs.length; i < orgCount; i++) {
    const sector = responderSectors[i % responderSectors.length]!;
    const id = `${sector}-${pad(i + 1, 4)}`;
    orgs.push({ id, sector });
    write(
      `organisations/${id}.yaml`,
      stringify({
        name: `${PLACES[i % PLACES.length]} ${sectors.name(sector)} ${i + 1}`,
        sector,
        category: rng.pick(['category-1', 'category-2', 'other']),
        nation: NATIONS[i % 4],
        forum: rng.pick(forums),
        spoc: [`${id}-spoc`],
        mailbox: `jol@${id}.example`,
      }),
    );
  }
  const orgIds = orgs.map((o) => o.id);

  // Events.
  const eventCount = Math.max(12, Math.ceil(n / 10));
  const events: { id: string; type: string; start: string; public: boolean }[] = [];
  for (let i = 0; i < eventCount; i++) {
    const type = rng.pick(sources.ids);
    const start = dateBetween(rng, since, until - 120 * 86400000);
    const id = `${start}-${type}-${pad(i + 1, 5)}`;
    const isPublic = !rng.chance(0.05);
    events.push({ id, type, start, public: isPublic });
    write(
      `events/${id}.yaml`,
      stringify({
        name: `${type === 'exercise' ? 'Exercise' : type === 'training' ? 'Course' : 'Response'} ${rng.pick(PLACES)} ${i + 1}${isPublic ? '' : ' (fictional training data)'}`,
        type,
        start,
        end: addDays(start, rng.int(0, 3)),
        area: rng.pick(PLACES),
        forum: rng.pick(forums),
        major_incident_declared: type === 'incident' ? rng.chance(0.4) : false,
        organisations: rng.some(orgIds, 2, 5),
        debriefs: [
          { type: 'hot', date: start },
          { type: 'multi-agency', date: addDays(start, rng.int(7, 40)) },
        ],
        classification: isPublic ? 'official' : 'official-sensitive',
        public: isPublic,
      }),
    );
  }

  // Lessons.
  const lessons: { id: string; public: boolean; submitted: string }[] = [];
  const today = new Date(until).toISOString().slice(0, 10);
  for (let i = 0; i < n; i++) {
    const practice = rng.chance(0.3);
    const event = rng.chance(0.85) ? rng.pick(events) : undefined;
    const date = event ? event.start : dateBetween(rng, since, until - 90 * 86400000);
    const isPublic = event ? event.public && !rng.chance(0.02) : !rng.chance(0.05);
    const id = `${date}-lesson-${pad(i + 1, 6)}`;
    const submitted = min(addDays(date, rng.int(5, 60)), today);
    const published = min(addDays(submitted, rng.int(3, 30)), today);
    const subject = rng.pick(SUBJECTS);
    const context = rng.pick(CONTEXTS);
    const place = rng.pick(PLACES);
    const title = practice
      ? `${rng.pick(PRACTICES)} for ${subject.replace(/^the /, '')} ${context} (${place} ${i + 1})`
      : `${subject[0]!.toUpperCase()}${subject.slice(1)} ${rng.pick(PROBLEMS)} ${context} (${place} ${i + 1})`;
    const related = lessons.length > 0 && rng.chance(0.2) ? rng.pick(lessons) : undefined;
    const data: Record<string, unknown> = {
      kind: practice ? 'notable-practice' : 'lesson-identified',
      title: title.slice(0, 120),
      summary:
        `${paragraph(rng, 2)} In ${place}, ${subject} ${practice ? 'worked well' : rng.pick(PROBLEMS)}.`.slice(
          0,
          500,
        ),
      date,
      source: event ? event.type : rng.pick(sources.ids),
      ...(event ? { event: event.id } : {}),
      submitted_by: rng.pick(orgIds),
      organisations: rng.some(orgIds, 1, 4),
      submitted,
      ...(rng.chance(0.7) ? { published } : {}),
      criteria: rng.some(practice ? practiceCriteria.ids : lessonCriteria.ids, 1, 3),
      principles: rng.some(principles.ids, 1, 3),
      models: rng.some(models.ids, 0, 2),
      command_levels: rng.some(commandLevels.ids, 1, 2),
      risks: rng.some(risks.ids, 1, 3),
      tags: rng.some(
        [
          'control-rooms',
          'airwave',
          'flooding',
          'welfare',
          'cordons',
          'logging',
          'mutual-aid',
          'evacuation',
          'power-loss',
          'alerts',
        ],
        0,
        4,
      ),
      ...(related && (related.public || !isPublic) ? { related: [related.id] } : {}),
      status: rng.pick(['identified', 'identified', 'actioned', 'learned', 'no-further-action']),
      classification: isPublic ? 'official' : 'official-sensitive',
      public: isPublic,
    };
    const sections = practice
      ? ['What was done', 'Why it worked', 'How others can adopt it']
      : ['What happened', 'Why it matters', 'Recommendation'];
    const body = sections
      .map((heading, k) =>
        k === 2 && !practice
          ? `## ${heading}\n\n${rng.pick(RECOMMENDATIONS)}\n\n- ${rng.pick(RECOMMENDATIONS)}\n- ${rng.pick(RECOMMENDATIONS)}\n`
          : `## ${heading}\n\n${paragraph(rng, rng.int(3, 5))}\n\n${paragraph(rng, rng.int(2, 4))}\n`,
      )
      .join('\n');
    write(`lessons/${id}.md`, frontmatter(data, body));
    lessons.push({ id, public: isPublic, submitted });
  }

  // Action notes and assurance returns.
  const noteCount = Math.max(3, Math.ceil(n / 200));
  const perYear = new Map<string, number>();
  let assurance = 0;
  const publicLessons = lessons.filter((l) => l.public);
  for (let i = 0; i < noteCount; i++) {
    const issued = dateBetween(rng, since, until - 30 * 86400000);
    const year = issued.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const id = `${year}-${pad(seq, 3)}`;
    const forAction = rng.chance(0.7);
    const audience = rng.chance(0.3) ? ['all'] : rng.some(responderSectors, 1, 3);
    const recs = forAction
      ? Array.from({ length: rng.int(1, 4) }, (_, k) => ({
          id: `R${k + 1}`,
          text: rng.pick(RECOMMENDATIONS),
        }))
      : undefined;
    const noteLessons = rng
      .some(
        publicLessons.filter((l) => l.submitted <= issued),
        1,
        3,
      )
      .map((l) => l.id);
    if (noteLessons.length === 0) noteLessons.push(publicLessons[0]!.id);
    const data: Record<string, unknown> = {
      title: `Action note on ${rng.pick(SUBJECTS).replace(/^the /, '')} ${i + 1}`,
      summary:
        `The Interoperability Board asks organisations to act on a trend seen in several debriefs. ${paragraph(rng, 1)}`.slice(
          0,
          500,
        ),
      issued,
      kind: forAction ? 'for-action' : 'for-information',
      lessons: noteLessons,
      audience,
      ...(recs ? { recommendations: recs, report_back_by: addDays(issued, rng.int(90, 365)) } : {}),
      status: rng.chance(0.7) ? 'open' : 'closed',
      classification: 'official',
      public: true,
    };
    write(`action-notes/${id}.md`, frontmatter(data, `## Background\n\n${paragraph(rng, 4)}\n`));
    if (!recs) continue;
    const inAudience = orgs.filter((o) => audience.includes('all') || audience.includes(o.sector));
    for (const org of rng.some(inAudience, 0, Math.min(8, inAudience.length))) {
      const returns = rng.some(recs, 1, recs.length).map((r) => {
        const state = rng.pick(['not-started', 'in-progress', 'implemented', 'not-applicable']);
        return {
          recommendation: r.id,
          state,
          ...(state === 'implemented' || state === 'not-applicable'
            ? { evidence: paragraph(rng, 1) }
            : {}),
        };
      });
      write(
        `assurance/${id}/${org.id}.yaml`,
        stringify({ updated: min(addDays(issued, rng.int(10, 200)), today), returns }),
      );
      assurance++;
    }
  }
  return {
    lessons: n,
    events: eventCount,
    organisations: orgCount,
    actionNotes: noteCount,
    assurance,
    bytes,
  };
}
