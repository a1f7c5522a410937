/**
 * Check 4 (rules that need another record): a lesson's source equals its event's type; a forum
 * is an organisation of the resilience-forum sector; an assurance return from outside the
 * note's audience is a warning.
 */
import { eventTypes, sectors, sources } from '../../../schemas/vocabularies.ts';
import { idsIn, type RepositoryCheck } from './types.ts';

export const crossRecordCheck: RepositoryCheck = {
  id: 'cross-record',
  run(repo, report) {
    const orgs = repo.records.organisations;
    for (const lesson of repo.records.lessons.values()) {
      const eventId = lesson.data.event;
      const event = typeof eventId === 'string' ? repo.records.events.get(eventId) : undefined;
      const source = lesson.data.source;
      if (
        event &&
        eventTypes.has(String(event.data.type)) &&
        sources.has(String(source)) &&
        source !== event.data.type
      ) {
        report(
          lesson,
          { path: ['source'] },
          'cross-record/source',
          `source "${String(source)}" differs from the type "${String(event.data.type)}" of event ${event.id}; expected source: ${String(event.data.type)}`,
          { target: event },
        );
      }
    }
    for (const record of [...repo.records.events.values(), ...orgs.values()]) {
      for (const { id } of idsIn(record.data.forum)) {
        const forum = orgs.get(id);
        if (
          forum &&
          sectors.has(String(forum.data.sector)) &&
          forum.data.sector !== 'resilience-forum'
        ) {
          report(
            record,
            { path: ['forum'] },
            'cross-record/forum',
            `forum "${id}" is an organisation of sector ${sectors.name(String(forum.data.sector))}; expected a resilience forum (sector resilience-forum)`,
            { target: forum },
          );
        }
      }
    }
    for (const ret of repo.records.assurance.values()) {
      const [noteId, orgId] = ret.id.split('/') as [string, string];
      const note = repo.records['action-notes'].get(noteId);
      const org = orgs.get(orgId);
      if (
        !note ||
        !org ||
        !sectors.has(String(org.data.sector)) ||
        !Array.isArray(note.data.audience)
      )
        continue;
      const audience = note.data.audience as string[];
      if (!audience.includes('all') && !audience.includes(String(org.data.sector))) {
        report(
          ret,
          { line: 0 },
          'cross-record/audience',
          `${orgId} (sector ${String(org.data.sector)}) is not in the audience of action note ${noteId} (${audience.join(', ')}); the return is kept but not counted for the audience`,
          { severity: 'warning', target: note },
        );
      }
    }
  },
};
