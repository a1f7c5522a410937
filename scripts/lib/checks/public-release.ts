/**
 * Check 5: public-release consistency. A public record may not refer to a record that is not
 * public (its event, related lessons, the lesson that supersedes it, an action note's lessons),
 * so that the public edition never needs — or shows — a non-public record. The same holds for
 * links in a public record's body (`/lessons/<id>/`, `../<id>/`, the site's full address):
 * each is reported at the link itself.
 */
import { layouts } from '../../../schemas/layout.ts';
import { classifications } from '../../../schemas/vocabularies.ts';
import { resolveRecordLink, siteOrigins } from '../record-links.ts';
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
    const origins = siteOrigins();
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
        for (const link of record.links ?? []) {
          const to = resolveRecordLink(link.url, record, origins);
          const target = to && repo.records[to.collection].get(to.id);
          if (!to || !target || !hasClearStatus(target.data) || isPublicRecord(target)) continue;
          report(
            record,
            { line: link.line, column: link.column },
            'public-release/non-public-link',
            `This public ${spec.noun} links to ${layouts[to.collection].noun} "${to.id}" (${link.url}), which is not public; its id and title would show in the public edition. Remove the link (keep its words), make that record public (classification official, public: true), or make this one non-public`,
            { target },
          );
        }
      }
    }
  },
};
