/**
 * Check 5: public-release consistency. A public record may not refer to a record that is not
 * public (its event, related lessons, the lesson that supersedes it, an action note's lessons),
 * so that the public edition never needs — or shows — a non-public record.
 */
import { layouts } from '../../../schemas/layout.ts';
import { classifications } from '../../../schemas/vocabularies.ts';
import { idsIn, isPublicRecord, type RepositoryCheck } from './types.ts';

const FIELDS = {
  lessons: ['event', 'related', 'superseded_by'],
  'action-notes': ['lessons'],
} as const;

function hasClearStatus(data: Record<string, unknown>): boolean {
  return (
    classifications.has(String(data.classification)) &&
    (data.public === undefined || typeof data.public === 'boolean')
  );
}

export const publicReleaseCheck: RepositoryCheck = {
  id: 'public-release',
  run(repo, report) {
    for (const name of ['lessons', 'action-notes'] as const) {
      const spec = layouts[name];
      for (const record of repo.records[name].values()) {
        if (!isPublicRecord(record)) continue;
        for (const field of FIELDS[name]) {
          const targetName = spec.references[field]!;
          for (const { id, index } of idsIn(record.data[field])) {
            const target = repo.records[targetName].get(id);
            // A target whose classification or public flag is itself invalid has its own errors.
            if (target && hasClearStatus(target.data) && !isPublicRecord(target)) {
              report(
                record,
                { path: index === undefined ? [field] : [field, index] },
                'public-release/non-public-reference',
                `This public ${spec.noun} refers to ${layouts[targetName].noun} "${id}", which is not public; make that record public (classification official, public: true), remove the reference, or make this one non-public`,
                { target },
              );
            }
          }
        }
      }
    }
  },
};
