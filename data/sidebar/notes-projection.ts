// The part of the field notes the content script shows, its schema, and the projection that
// derives it. The content script runs on every blog page with a 25 KB gzip budget: it carries
// only what the sidebar and the index's card marks render, and loads even that as a file of the
// extension's own (data/sidebar/notes-file.ts) rather than in its code. Left out: section
// descriptions and "read when", the path's reasons, authors, the blog's URL and complexity, and
// each post's URL (it is always https://fly.io/blog/<slug>/, which the full schema checks, so
// data/sidebar/sidebar-notes.ts rebuilds it).
import * as z from 'zod/mini';
import type { FieldNotes } from '../notes/schema';
import { slugSchema } from '../shared/slug';

/** Where the build writes the content script's notes in the extension (sidebar-notes-file.ts). */
export const SIDEBAR_NOTES_FILE = 'content-scripts/sidebar-notes.json';

// The file is the build's own output from notes that passed the full schema (data/notes/schema.ts);
// this checks its shape where the content script reads it, not every rule again.
const text = z.string();
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const sidebarBlogSchema = z.strictObject({
  name: text,
  tagline: text,
  summary: text,
  readThisWhen: text,
  skipItIf: text,
  comparedTo: text,
  verdict: z.strictObject({ label: text }),
});
export type SidebarBlog = z.infer<typeof sidebarBlogSchema>;

export const sidebarPostDataSchema = z.strictObject({
  slug: slugSchema,
  title: text,
  minutes: z.number().check(z.int(), z.positive()),
  summary: text,
  section: text,
  topics: z.array(text),
  date: z.optional(day),
  dateRange: z.optional(z.strictObject({ from: day, to: day })),
});
export type SidebarPostData = z.infer<typeof sidebarPostDataSchema>;

export const sidebarNotesSchema = z.strictObject({
  blog: sidebarBlogSchema,
  /** The Start Here path: the slugs of its steps, in order. */
  path: z.array(z.string()),
  posts: z.array(sidebarPostDataSchema),
});
export type SidebarNotesData = z.infer<typeof sidebarNotesSchema>;

/** The sidebar's share of validated field notes (fields copied by name: nothing else leaks in). */
export function projectSidebarNotes(notes: FieldNotes): SidebarNotesData {
  const { name, tagline, summary, readThisWhen, skipItIf, comparedTo, verdict } = notes.blog;
  return {
    blog: {
      name,
      tagline,
      summary,
      readThisWhen,
      skipItIf,
      comparedTo,
      verdict: { label: verdict.label },
    },
    path: notes.path.map((step) => step.slug),
    posts: notes.posts.map((post) => ({
      slug: post.slug,
      title: post.title,
      minutes: post.minutes,
      summary: post.summary,
      section: post.section,
      topics: [...post.topics],
      ...(post.date !== undefined ? { date: post.date } : {}),
      ...(post.dateRange !== undefined
        ? { dateRange: { from: post.dateRange.from, to: post.dateRange.to } }
        : {}),
    })),
  };
}
