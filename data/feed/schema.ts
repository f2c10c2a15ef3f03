// The live archive's schemas that the content script needs: one feed entry (the sidebar's
// teaser for a post the notes do not know), the cache's storage keys, and the claim protocol by
// which a blog tab fetches the feed for the background. Kept apart from the parser (data/feed/parse.ts)
// and from what only the background validates (data/feed/state-schema.ts): the content script
// has a 25 KB gzip budget, and a bundler cannot drop a module's top-level schemas.
import * as z from 'zod/mini';
import { isoDaySchema } from '../shared/dates';
import { postUrl } from '../shared/fly-urls';
import { slugSchema } from '../shared/slug';

/** The feed is about 700 KB for 40 entries; anything past this is not the feed we know. */
export const MAX_FEED_CHARS = 4 * 1024 * 1024;
export const MAX_TITLE_CHARS = 300;
export const MAX_TEASER_CHARS = 400;
/** The cache never holds more posts than this (data/feed/record.ts decides which it keeps). */
export const MAX_CACHED_ENTRIES = 600;

/** One post as the feed describes it, reduced to what the extension shows (all plain text). */
export const feedEntrySchema = z
  .strictObject({
    slug: slugSchema,
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TITLE_CHARS)),
    url: z
      .string()
      .check(z.regex(/^https:\/\/fly\.io\/blog\/[a-z0-9-]+\/$/, 'a canonical post URL')),
    date: isoDaySchema(),
    teaser: z.string().check(z.maxLength(MAX_TEASER_CHARS)),
  })
  .check(z.refine((e) => e.url === postUrl(e.slug), 'URL does not match its slug'));
export type FeedEntry = z.infer<typeof feedEntrySchema>;

/** storage.local keys of the cache (data/feed/cache.ts): its meta, and its posts. */
export const FEED_META_KEY = 'feed:meta';
export const FEED_ENTRIES_KEY = 'feed:entries';

const epochMs = () => z.number().check(z.int(), z.nonnegative());

export const feedErrorSchema = z.strictObject({
  at: epochMs(),
  message: z.string().check(z.maxLength(500)),
});
export type FeedError = z.infer<typeof feedErrorSchema>;

/** What the background says of the cache after recording a check (data/feed/cache.ts statusOf). */
export const feedStatusSchema = z.strictObject({
  lastChecked: z.optional(epochMs()),
  lastSuccess: z.optional(epochMs()),
  lastError: z.optional(feedErrorSchema),
  /** Posts in the cache. */
  count: z.number().check(z.int(), z.nonnegative()),
});
export type FeedStatus = z.infer<typeof feedStatusSchema>;

/**
 * The answer to "may I check now?" (the 'fn:feed-claim' message, data/shared/messages.ts).
 * The background answers `go: true` to one tab only, when a check is due, and marks the check as
 * taken, so ten blog tabs restored at once fetch once. With it come the validators of the copy
 * it holds, for the tab's conditional request.
 */
export const feedClaimResponseSchema = z.strictObject({
  go: z.boolean(),
  etag: z.optional(z.string().check(z.maxLength(500))),
  lastModified: z.optional(z.string().check(z.maxLength(100))),
});
export type FeedClaimResponse = z.infer<typeof feedClaimResponseSchema>;
