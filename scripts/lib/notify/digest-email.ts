/**
 * The notification email: a short summary of newly published lessons with links to the site,
 * as plain text and as simple, escaped HTML.
 */
import type { PublishedLesson } from './new-lessons.ts';

export interface DigestEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function lessonUrl(siteUrl: string, id: string): string {
  return `${siteUrl.replace(/\/$/, '')}/lessons/${encodeURIComponent(id)}/`;
}

export function digestEmail(
  lessons: readonly PublishedLesson[],
  siteUrl: string,
  subjectPrefix: string,
): DigestEmail {
  const n = lessons.length;
  const subject = `${subjectPrefix} ${n} new ${n === 1 ? 'lesson' : 'lessons'} published`;
  const kindName = (k: string) =>
    k === 'notable-practice' ? 'Notable practice' : 'Lesson identified';
  const marking = (l: PublishedLesson) =>
    l.classification === 'official-sensitive' ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL';
  const text = [
    `${n} new ${n === 1 ? 'lesson has' : 'lessons have'} been published in the JOL Library.`,
    '',
    ...lessons.flatMap((l) => [
      `${kindName(l.kind)} [${marking(l)}]: ${l.title}`,
      l.summary,
      lessonUrl(siteUrl, l.id),
      '',
    ]),
    `All lessons: ${siteUrl}`,
  ].join('\n');
  const html = [
    `<p>${n} new ${n === 1 ? 'lesson has' : 'lessons have'} been published in the JOL Library.</p>`,
    '<ul>',
    ...lessons.map(
      (l) =>
        `<li><p><strong>${escapeHtml(kindName(l.kind))} [${marking(l)}]: <a href="${escapeHtml(lessonUrl(siteUrl, l.id))}">${escapeHtml(l.title)}</a></strong></p><p>${escapeHtml(l.summary)}</p></li>`,
    ),
    '</ul>',
    `<p><a href="${escapeHtml(siteUrl)}">All lessons</a></p>`,
  ].join('\n');
  return { subject, text, html };
}
