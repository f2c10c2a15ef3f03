// The complete schema tables of the message protocol (data/shared/messages.ts), for the
// background and the extension pages. NOT for the content script: they carry the feed's
// outcome and status schemas, which its size budget cannot afford. Typed by `Protocol`, so they
// cannot drift from the messages' types; the content-safe schemas are reused, not repeated.
import * as z from 'zod/mini';
import { feedStatusSchema } from '../feed/schema';
import { feedFetchedRequestSchema } from '../feed/state-schema';
import { learnRequestSchema } from '../archive/learned-schema';
import { walkNextRequestSchema } from '../archive/walk';
import { slugSchema } from './slug';
import {
  contentRequestSchemas,
  contentResponseSchemas,
  doneSchema,
  noRequestSchema,
  type RequestSchemas,
  type ResponseSchemas,
} from './messages';

// A post's title and teaser as the archive keeps them, bounded: the suggestion reads only the
// first 2,000 characters anyway (data/notes/suggest.ts).
const MAX_TITLE_CHARS = 500;
const MAX_TEASER_CHARS = 5000;
export const suggestSectionRequestSchema = z.strictObject({
  title: z
    .string()
    .check(z.maxLength(MAX_TITLE_CHARS, `a title of at most ${MAX_TITLE_CHARS} characters`)),
  teaser: z.optional(
    z
      .string()
      .check(z.maxLength(MAX_TEASER_CHARS, `a teaser of at most ${MAX_TEASER_CHARS} characters`)),
  ),
  slug: z.optional(slugSchema),
});

export const requestSchemas: RequestSchemas = {
  ...contentRequestSchemas,
  'fn:open-notes': noRequestSchema,
  'fn:feed-claim': noRequestSchema,
  'fn:feed-fetched': feedFetchedRequestSchema,
  'fn:feed-check-now': noRequestSchema,
  'fn:archive-learn': learnRequestSchema,
  'fn:archive-load': noRequestSchema,
  'fn:archive-stop': noRequestSchema,
  'fn:archive-walk-next': walkNextRequestSchema,
  'fn:suggest-section': suggestSectionRequestSchema,
};

export const responseSchemas: ResponseSchemas = {
  ...contentResponseSchemas,
  'fn:toggle-sidebar': doneSchema,
  'fn:feed-check-now': z.strictObject({ ok: z.boolean(), status: feedStatusSchema }),
  'fn:archive-load': doneSchema,
  'fn:archive-stop': doneSchema,
  'fn:archive-walk-wake': z.boolean(),
};
