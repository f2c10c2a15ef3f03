// A post's slug, on its own: the content script validates slugs (marks, the feed cache) without
// pulling in the field notes' schema, whose top-level checks a bundler cannot drop.
import * as z from 'zod/mini';

export const slugSchema = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case slug'));
