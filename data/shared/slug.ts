// A post's slug, on its own: the content script validates slugs (marks, the feed cache) without
// pulling in the field notes' schema, whose top-level checks a bundler cannot drop.
import * as z from 'zod/mini';

/**
 * The longest slug accepted anywhere (the blog's run to about 80). Slugs become storage keys
 * (`read:<slug>`), so an unbounded one could fill the browser's storage from a single backup.
 */
export const MAX_SLUG_CHARS = 200;

export const slugSchema = z
  .string()
  .check(
    z.maxLength(MAX_SLUG_CHARS, `a slug of at most ${MAX_SLUG_CHARS} characters`),
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case slug'),
  );
