// The complete schema tables of the message protocol (data/shared/messages.ts), for the
// background and the extension pages. NOT for the content script: they carry the feed's
// outcome and status schemas, which its size budget cannot afford. Typed by `Protocol`, so they
// cannot drift from the messages' types; the content-safe schemas are reused, not repeated.
import * as z from 'zod/mini';
import { feedStatusSchema } from '../feed/schema';
import { feedFetchedRequestSchema } from '../feed/state-schema';
import { learnRequestSchema } from '../archive/learned-schema';
import { walkNextRequestSchema } from '../archive/walk';
import {
  contentRequestSchemas,
  contentResponseSchemas,
  doneSchema,
  noRequestSchema,
  type RequestSchemas,
  type ResponseSchemas,
} from './messages';

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
};

export const responseSchemas: ResponseSchemas = {
  ...contentResponseSchemas,
  'fn:toggle-sidebar': doneSchema,
  'fn:feed-check-now': z.strictObject({ ok: z.boolean(), status: feedStatusSchema }),
  'fn:archive-load': doneSchema,
  'fn:archive-stop': doneSchema,
  'fn:archive-walk-wake': z.boolean(),
};
