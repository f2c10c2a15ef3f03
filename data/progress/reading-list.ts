// The Markdown reading list: every post with its link, grouped by section in the notes' order,
// read ones ticked. Marks for posts the notes do not hold are listed at the end with their
// blog URL, so nothing the reader marked is missing from the list.
import { isRead, type Progress } from './marks';
import type { FieldNotes } from '../notes/schema';
import { postUrl } from '../shared/fly-urls';
import { isoDay } from '../shared/dates';
import { escapeMarkdown } from '../shared/text';

export function readingListMarkdown(
  notes: FieldNotes,
  progress: Progress,
  now = Date.now(),
): string {
  const known = new Set(notes.posts.map((p) => p.slug));
  const readCount = notes.posts.filter((p) => isRead(progress, p.slug)).length;
  const lines = [
    '# Fly Blog reading list',
    '',
    `${readCount} of ${notes.posts.length} posts read · exported ${isoDay(now)} from Fly Field Notes`,
  ];
  for (const section of notes.sections) {
    const posts = notes.posts.filter((p) => p.section === section.name);
    if (posts.length === 0) continue;
    lines.push('', `## ${escapeMarkdown(section.name)}`, '');
    for (const post of posts)
      lines.push(
        `- [${isRead(progress, post.slug) ? 'x' : ' '}] [${escapeMarkdown(post.title)}](${post.url}) · ${post.minutes} min`,
      );
  }
  const others = Object.keys(progress)
    .filter((slug) => !known.has(slug) && isRead(progress, slug))
    .sort();
  if (others.length > 0) {
    lines.push('', '## Other posts you marked', '');
    for (const slug of others) lines.push(`- [x] <${postUrl(slug)}>`);
  }
  return `${lines.join('\n')}\n`;
}

export function readingListFileName(now = Date.now()): string {
  return `fly-blog-reading-list-${isoDay(now)}.md`;
}
