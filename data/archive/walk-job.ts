// The job the background hands a blog tab while loading the whole blog (data/archive/walk.ts
// decides it), apart from the walk's state machine: the content script validates the answer
// with this schema, and must not carry the rest.
import * as z from 'zod/mini';

/** Fetch this index page after waiting this long, with these validators; or nothing to do. */
export const walkJobSchema = z.strictObject({
  go: z.boolean(),
  page: z.optional(z.number().check(z.int(), z.positive())),
  url: z.optional(z.string().check(z.maxLength(2000))),
  waitMs: z.optional(z.number().check(z.nonnegative())),
  etag: z.optional(z.string().check(z.maxLength(300))),
  lastModified: z.optional(z.string().check(z.maxLength(100))),
});
export type WalkJob = z.infer<typeof walkJobSchema>;
