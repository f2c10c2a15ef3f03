// The live archive's schemas that only the background validates: what the cache knows about
// fetching (its meta), what a fetch gave, and the messages that arrive from blog tabs and the
// options page. Apart from data/feed/schema.ts so the content script does not carry them.
import * as z from 'zod/mini';
import { feedErrorSchema, MAX_FEED_CHARS } from './schema';

export { feedErrorSchema, type FeedError } from './schema';

const epochMs = () => z.number().check(z.int(), z.nonnegative());

/**
 * What the cache knows about fetching, stored apart from the entries so that a tab's claim can
 * be answered without reading (or validating) the posts.
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
  /** A tab claimed the check at this time and is fetching; others wait ('fn:feed-claim'). */
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

/** The request of 'fn:feed-fetched' (data/shared/messages.ts): what the feed answered a tab. */
export const feedFetchedRequestSchema = z.strictObject({ outcome: feedFetchOutcomeSchema });
