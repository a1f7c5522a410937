/**
 * Check 3: every reference resolves — event, organisations, related, superseded_by, lessons,
 * forum, the assurance folder (action note) and file (organisation), recommendation ids —
 * and no record refers to itself.
 */
import { layouts, collectionNames } from '../../../schemas/layout.ts';
import { closest } from '../../../schemas/issues.ts';
import { resolveRecordLink, siteOrigins } from '../record-links.ts';
import { idsIn, type RepositoryCheck } from './types.ts';

export const referencesCheck: RepositoryCheck = {
  id: 'references',
  run(repo, report) {
    for (const name of collectionNames) {
      const spec = layouts[name];
      for (const record of repo.records[name].values()) {
        for (const [field, targetName] of Object.entries(spec.references)) {
          const targets = repo.records[targetName];
          for (const { id, index } of idsIn(record.data[field])) {
            const path = index === undefined ? [field] : [field, index];
            if (targetName === name && id === record.id) {
              report(
                record,
                { path },
                'references/self',
                `${field} refers to this ${spec.noun} itself; expected another ${layouts[targetName].noun}`,
              );
              continue;
            }
            const target = targets.get(id);
            if (!target) {
              const guess = closest(id, [...targets.keys()]);
              report(
                record,
                { path },
                'references/missing',
                `Unknown ${layouts[targetName].noun} "${id}" in ${field}; expected the id of a file in ${layouts[targetName].folder}/${guess ? ` (did you mean "${guess}"?)` : ''}`,
              );
            }
          }
        }
      }
    }
    // Links in bodies to a record page (a warning: the page is missing, nothing leaks).
    const origins = siteOrigins();
    for (const name of ['lessons', 'action-notes'] as const) {
      for (const record of repo.records[name].values()) {
        for (const link of record.links ?? []) {
          const to = resolveRecordLink(link.url, record, origins);
          if (!to || repo.records[to.collection].has(to.id)) continue;
          const { noun, folder } = layouts[to.collection];
          const guess = closest(to.id, [...repo.records[to.collection].keys()]);
          report(
            record,
            { line: link.line, column: link.column },
            'references/missing-link',
            `The link ${link.url} leads to ${noun} "${to.id}", which does not exist; expected the id of a file in ${folder}/${guess ? ` (did you mean "${guess}"?)` : ''}, or remove the link`,
            { severity: 'warning' },
          );
        }
      }
    }
    // Assurance returns: the folder names an action note, the file an organisation, entries name recommendations.
    for (const record of repo.records.assurance.values()) {
      const [noteId, orgId] = record.id.split('/') as [string, string];
      const note = repo.records['action-notes'].get(noteId);
      if (!note) {
        report(
          record,
          { line: 0 },
          'references/missing',
          `Unknown action note "${noteId}" (the folder name); expected the id of a file in action-notes/`,
        );
      }
      if (!repo.records.organisations.has(orgId)) {
        const guess = closest(orgId, [...repo.records.organisations.keys()]);
        report(
          record,
          { line: 0 },
          'references/missing',
          `Unknown organisation "${orgId}" (the file name); expected the id of a file in organisations/${guess ? ` (did you mean "${guess}"?)` : ''}`,
        );
      }
      if (!note) continue;
      const recs = Array.isArray(note.data.recommendations)
        ? (note.data.recommendations as { id?: unknown }[])
        : [];
      const recIds = recs.map((r) => r?.id).filter((id): id is string => typeof id === 'string');
      if (recIds.length === 0) {
        report(
          record,
          { line: 0 },
          'references/no-recommendations',
          `Action note ${noteId} has no recommendations and takes no returns; remove this file`,
          { target: note },
        );
        continue;
      }
      const returns = Array.isArray(record.data.returns)
        ? (record.data.returns as { recommendation?: unknown }[])
        : [];
      returns.forEach((entry, index) => {
        const rec = entry?.recommendation;
        if (typeof rec === 'string' && !recIds.includes(rec)) {
          report(
            record,
            { path: ['returns', index, 'recommendation'] },
            'references/missing',
            `Unknown recommendation "${rec}" of action note ${noteId}; expected one of ${recIds.join(', ')}`,
            { target: note },
          );
        }
      });
    }
  },
};
