// One learned post's schema and storage key, apart from the store (data/archive/learned.ts):
// the content script reads a single post with it (the sidebar on a post outside the notes),
// and must not carry the store's writer or the quarantine.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { slugSchema } from '../shared/slug';
import { MAX_AUTHOR, MAX_AUTHORS, MAX_SLUG, MAX_TEASER, MAX_TITLE } from '../page/page-text';

export const LEARNED_PREFIX = 'archive:post:';
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'));

/** What the blog's pages told us of one post (all plain text). */
export const learnedFieldsSchema = z.strictObject({
  title: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_TITLE))),
  teaser: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_TEASER))),
  /** fly.io's own reading time (not the notes' minutes). */
  minutes: z.optional(z.number().check(z.int(), z.positive(), z.lte(600))),
  /** YYYY-MM-DD, the post page's "Last updated". */
  date: z.optional(isoDay),
  authors: z.optional(
    z
      .array(z.string().check(z.minLength(1), z.maxLength(MAX_AUTHOR)))
      .check(z.maxLength(MAX_AUTHORS)),
  ),
});
export type LearnedFields = z.infer<typeof learnedFieldsSchema>;

export const learnedSourceSchema = z.enum(['page', 'index']);
export type LearnedSource = z.infer<typeof learnedSourceSchema>;

/** A page's posts: an index shows about ten; more than this is not a page we know. */
export const MAX_POSTS_PER_MESSAGE = 100;
/** A tab's message with what it read (each post is validated on its own by the writer). */
export const learnRequestSchema = z.strictObject({
  from: learnedSourceSchema,
  posts: z.array(z.unknown()).check(z.maxLength(MAX_POSTS_PER_MESSAGE)),
});
export type LearnRequest = z.infer<typeof learnRequestSchema>;

/** One stored post: its fields, where they were last read, and when. */
export const learnedPostSchema = z.strictObject({
  ...learnedFieldsSchema.def.shape,
  from: learnedSourceSchema,
  at: z.number().check(z.int(), z.nonnegative()),
});
export type LearnedPost = z.infer<typeof learnedPostSchema>;

export const learnedSlugSchema = slugSchema.check(z.maxLength(MAX_SLUG));

/** The stored post for `slug`, if there is one and it is valid (an invalid one is left for the
 * background's reads to set aside). */
export async function loadLearnedPost(slug: string): Promise<LearnedPost | undefined> {
  const key = LEARNED_PREFIX + slug;
  const parsed = learnedPostSchema.safeParse((await browser.storage.local.get(key))[key]);
  return parsed.success ? parsed.data : undefined;
}
