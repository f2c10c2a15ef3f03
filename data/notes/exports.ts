// What the notes page lets a reader take away: the whole page as Markdown (with their ticks),
// the Start Here path as a Markdown list, and the data as JSON. Pure functions of the field
// notes and the reader's marks, so the page and the tests produce the same text.
import * as z from 'zod/mini';
import { entriesFromPosts, monthLabel, postingHistory } from './history';
import { postDateText } from '../shared/dates';
import { escapeMarkdown } from '../shared/text';
import { fieldNotesSchema, type FieldNotes, type Post } from './schema';

export type IsRead = (slug: string) => boolean;

const link = (post: Post) => `[${escapeMarkdown(post.title)}](${post.url})`;
const tick = (read: boolean) => (read ? '[x]' : '[ ]');
const sum = (posts: readonly Post[]) => posts.reduce((total, p) => total + p.minutes, 0);

function pathSteps(notes: FieldNotes): { post: Post; reason: string }[] {
  return notes.path.map((step) => {
    const post = notes.posts.find((p) => p.slug === step.slug);
    if (!post) throw new Error(`path step ${step.slug} is not a post`);
    return { post, reason: step.reason };
  });
}

/** The Start Here path as a numbered Markdown list, ready to paste and share (no ticks). */
export function pathMarkdown(notes: FieldNotes): string {
  return pathSteps(notes)
    .map(
      ({ post, reason }, i) =>
        `${i + 1}. ${link(post)} (${post.minutes} min): ${escapeMarkdown(reason)}`,
    )
    .join('\n')
    .concat('\n');
}

/** Everything on the notes page as one Markdown document, with the reader's ticks. */
export function notesMarkdown(notes: FieldNotes, isRead: IsRead): string {
  const { blog, sections, posts } = notes;
  const read = posts.filter((p) => isRead(p.slug));
  const lines: string[] = [];
  const add = (...more: string[]) => lines.push(...more);

  add(`# ${escapeMarkdown(blog.name)}: field notes`, '');
  add(`> ${escapeMarkdown(blog.tagline)}`, '');
  add(
    `${blog.url} · ${posts.length} posts · ${sections.length} sections · ${sum(posts)} min of reading`,
    '',
  );
  add(`Read so far: ${read.length} of ${posts.length} posts, ${sum(read)} of ${sum(posts)} min.`);

  add('', '## From the field', '');
  add(
    `**Verdict: ${escapeMarkdown(blog.verdict.label)}** · Complexity: ${escapeMarkdown(blog.complexity.label)} (${blog.complexity.level} of ${blog.complexity.of})`,
    '',
  );
  add(`- **Read this when** ${escapeMarkdown(blog.readThisWhen)}`);
  add(`- **Skip it if** ${escapeMarkdown(blog.skipItIf)}`);
  add(`- **Compared to** ${escapeMarkdown(blog.comparedTo)}`);

  add('', '## What this is', '', escapeMarkdown(blog.summary));

  add('', '## Start Here', '');
  pathSteps(notes).forEach(({ post, reason }, i) =>
    add(
      `${i + 1}. ${tick(isRead(post.slug))} ${link(post)} (${post.minutes} min): ${escapeMarkdown(reason)}`,
    ),
  );

  add('', "## What's inside");
  for (const section of sections) {
    const inSection = posts.filter((p) => p.section === section.name);
    const readIn = inSection.filter((p) => isRead(p.slug));
    add('', `### ${escapeMarkdown(section.name)}`, '');
    add(
      `${inSection.length} posts · ${sum(inSection)} min · read ${readIn.length} of ${inSection.length}`,
      '',
    );
    add(escapeMarkdown(section.description), '');
    add(`Read it when ${escapeMarkdown(section.readWhen)}`, '');
    for (const post of inSection)
      add(`- ${tick(isRead(post.slug))} ${link(post)} (${post.minutes} min)`);
  }

  add('', '## Posting history', '');
  add('| Month | Posts | Read |', '| --- | ---: | ---: |');
  for (const bar of postingHistory(entriesFromPosts(posts, isRead))) {
    const guess = bar.approximate > 0 ? ` (${bar.approximate} approximate)` : '';
    add(`| ${monthLabel(bar.month)} | ${bar.count}${guess} | ${bar.read} |`);
  }
  add(
    '',
    'Posts whose day is unknown are counted in the month their date range falls in; where the range crosses months, in its first month, marked approximate.',
  );

  add('', '## The archive', '');
  for (const post of posts) {
    add(`- ${tick(isRead(post.slug))} **${link(post)}**`);
    add(
      `  ${postDateText(post)} · ${post.minutes} min · ${escapeMarkdown(post.section)} · ${post.topics.map(escapeMarkdown).join(', ')}`,
    );
    add(`  ${escapeMarkdown(post.summary)}`);
  }
  return lines.join('\n').concat('\n');
}

export const NOTES_EXPORT_FORMAT = 'fly-field-notes/notes';

export const notesExportSchema = z.strictObject({
  format: z.literal(NOTES_EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  fieldNotes: fieldNotesSchema,
  /** Slugs of the posts the reader has read, in archive order. */
  read: z.array(z.string()),
});
export type NotesExport = z.infer<typeof notesExportSchema>;

/** The field notes and the reader's read posts as JSON. */
export function notesJson(notes: FieldNotes, isRead: IsRead, exportedAt: Date): string {
  const data: NotesExport = {
    format: NOTES_EXPORT_FORMAT,
    version: 1,
    exportedAt: exportedAt.toISOString(),
    fieldNotes: notes,
    read: notes.posts.filter((p) => isRead(p.slug)).map((p) => p.slug),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
