// Zod schemas for the live archive: one feed entry, the cached feed, and the message that
// carries a fetched feed from the content script to the background. Kept apart from the parser
// (data/feed.ts) so the content script can validate what it reads and sends without bundling
// the parser: it has a 25 KB gzip budget.
import * as z from 'zod/mini';
import { slugSchema } from './slug';

/** The feed is about 700 KB for 40 entries; anything past this is not the feed we know. */
export const MAX_FEED_CHARS = 4 * 1024 * 1024;
export const MAX_TITLE_CHARS = 300;
export const MAX_TEASER_CHARS = 400;
/** The cache keeps posts that fell off the feed's 40-entry window, up to this many. */
export const MAX_CACHED_ENTRIES = 600;

const isoDay = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'));

/** One post as the feed describes it, reduced to what the extension shows (all plain text). */
export const feedEntrySchema = z
  .strictObject({
    slug: slugSchema,
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TITLE_CHARS)),
    url: z
      .string()
      .check(z.regex(/^https:\/\/fly\.io\/blog\/[a-z0-9-]+\/$/, 'a canonical post URL')),
    date: isoDay(),
    teaser: z.string().check(z.maxLength(MAX_TEASER_CHARS)),
  })
  .check(
    z.refine((e) => e.url === `https://fly.io/blog/${e.slug}/`, 'URL does not match its slug'),
  );
export type FeedEntry = z.infer<typeof feedEntrySchema>;

const epochMs = () => z.number().check(z.int(), z.nonnegative());

export const feedErrorSchema = z.strictObject({
  at: epochMs(),
  message: z.string().check(z.maxLength(500)),
});
export type FeedError = z.infer<typeof feedErrorSchema>;

/**
 * What the cache knows about fetching, stored apart from the entries so the content script can
 * decide whether a check is due without reading (or validating) the posts.
 */
export const feedMetaSchema = z.strictObject({
  /** Validators of the last good copy, sent back as If-None-Match / If-Modified-Since. */
  etag: z.optional(z.string().check(z.maxLength(500))),
  lastModified: z.optional(z.string().check(z.maxLength(100))),
  /** When a check last finished, whatever its outcome. */
  lastChecked: z.optional(epochMs()),
  /** When a check last gave a usable answer (a valid feed, or 304 for the copy we hold). */
  lastSuccess: z.optional(epochMs()),
  /** The last check's problem; absent once a later check succeeds. */
  lastError: z.optional(feedErrorSchema),
  /** A tab claimed the check at this time and is fetching; others wait (see FEED_CLAIM). */
  checkingSince: z.optional(epochMs()),
});
export type FeedMeta = z.infer<typeof feedMetaSchema>;

/** What a fetch gave, as the content script (or the background) reports it for recording. */
export const feedFetchOutcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('body'),
    status: z.number().check(z.int()),
    text: z.string().check(z.maxLength(MAX_FEED_CHARS)),
    etag: z.optional(z.string().check(z.maxLength(500))),
    lastModified: z.optional(z.string().check(z.maxLength(100))),
  }),
  z.strictObject({ kind: z.literal('not-modified') }),
  z.strictObject({ kind: z.literal('failed'), error: z.string().check(z.maxLength(500)) }),
]);
export type FeedFetchOutcome = z.infer<typeof feedFetchOutcomeSchema>;

export const FEED_FETCHED = 'fn:feed-fetched';
export const FEED_CHECK_NOW = 'fn:feed-check-now';
export const FEED_CLAIM = 'fn:feed-claim';

/**
 * Content script → background: "may I check now?". The background answers `{ go: true }` to
 * one tab only and marks the check as taken, so ten blog tabs restored at once fetch once.
 */
export const feedClaimMessageSchema = z.strictObject({ type: z.literal(FEED_CLAIM) });
export const feedClaimResponseSchema = z.strictObject({ go: z.boolean() });

/** Content script → background: "here is what the feed answered". */
export const feedFetchedMessageSchema = z.strictObject({
  type: z.literal(FEED_FETCHED),
  outcome: feedFetchOutcomeSchema,
});
/** Options page → background: "fetch the feed now" (after the reader granted the origin). */
export const feedCheckNowMessageSchema = z.strictObject({ type: z.literal(FEED_CHECK_NOW) });
