/**
 * One comment per issue or pull request that the bot keeps up to date instead of adding a new
 * one each run: found by a hidden marker, edited in place, created only when missing.
 */
import type { GitHub } from './client.ts';

export const markerOf = (name: string) => `<!-- jol-library:${name} -->`;

export interface StickyTarget {
  owner: string;
  repo: string;
  issue_number: number;
}

export async function upsertComment(
  github: GitHub,
  target: StickyTarget,
  name: string,
  body: string,
): Promise<{ id: number; created: boolean }> {
  const marker = markerOf(name);
  const text = `${marker}\n${body}`;
  const comments = await github.paginate(github.rest.issues.listComments, {
    ...target,
    per_page: 100,
  });
  const mine = comments.find((c) => typeof c.body === 'string' && c.body.startsWith(marker));
  if (mine) {
    if (mine.body !== text)
      await github.rest.issues.updateComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: mine.id,
        body: text,
      });
    return { id: mine.id, created: false };
  }
  const created = await github.rest.issues.createComment({ ...target, body: text });
  return { id: created.data.id, created: true };
}
