// Every message between the extension's contexts, declared once: its type, what it carries and
// what it answers, with one typed way to send (sendMessage, sendTabMessage) and one to handle
// (handleMessages, a map from type to handler). On the wire a message is `{ type, ...request }`;
// the handling side validates the request with its schema before the handler sees it, and the
// sending side validates the answer.
//
// Why the schemas are in two tables: this file goes into the content script, which has a 25 KB
// gzip budget, and a bundler cannot drop a module's top-level schemas. So it holds the names,
// the types and the schemas the content script needs (what it handles, and the answers to what
// it sends); data/shared/message-schemas.ts completes the tables with the feed's heavy schemas
// for the background and the extension pages. Both tables are typed by `Protocol`, so a schema
// that disagrees with its message's type, or a message without a schema, fails to compile.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { feedClaimResponseSchema, feedStatusSchema } from '../feed/schema';
import type { FeedClaimResponse, FeedStatus } from '../feed/schema';
import type { FeedFetchOutcome } from '../feed/state-schema';
import type { LearnRequest } from '../archive/learned-schema';
import type { WalkNextRequest } from '../archive/walk';
import { walkJobSchema, type WalkJob } from '../archive/walk-job';
import type { SectionSuggestion, SuggestInput } from '../notes/suggest';

/** A message that carries nothing but its type. */
export type NoRequest = Record<string, never>;

/** Request and answer of every message, by type. `null`: nothing to answer but "done". */
export interface Protocol {
  /** Tab → background: open the extension's notes page (a web page may not link to it). */
  'fn:open-notes': { request: NoRequest; response: null };
  /** Background → tab: the keyboard command asks the sidebar to open or close. */
  'fn:toggle-sidebar': { request: NoRequest; response: null };
  /**
   * Tab → background: "may I check the feed now?" The background answers `go: true` to one tab
   * only, when a check is due, with the validators of its copy (data/feed/cache.ts).
   */
  'fn:feed-claim': { request: NoRequest; response: FeedClaimResponse };
  /** Tab → background: what the feed answered; the background records it. */
  'fn:feed-fetched': { request: { outcome: FeedFetchOutcome }; response: FeedStatus };
  /** Options page → background: check the feed now (after the reader granted its origin). */
  'fn:feed-check-now': {
    request: NoRequest;
    response: { ok: boolean; status: FeedStatus };
  };
  /** Tab → background: the posts read off the page the reader opened (the whole-blog archive). */
  'fn:archive-learn': { request: LearnRequest; response: null };
  /** Popup / options → background: load the whole blog now (or resume). */
  'fn:archive-load': { request: NoRequest; response: null };
  /** Popup / options → background: stop loading the whole blog. */
  'fn:archive-stop': { request: NoRequest; response: null };
  /**
   * Tab → background: the result of the index page it fetched, if any, and "what next?" The
   * background answers with one page to fetch (after a wait) or `go: false`.
   */
  'fn:archive-walk-next': { request: WalkNextRequest; response: WalkJob };
  /** Background → tab: a walk waits for a blog tab; `true` from a tab that takes it up. */
  'fn:archive-walk-wake': { request: NoRequest; response: boolean };
  /**
   * Sidebar → background: the suggested section for a post outside the notes (the background
   * runs MiniSearch, data/notes/suggest.ts; the content script cannot afford it).
   * `suggestion: null`: below the confidence bar, no suggestion.
   */
  'fn:suggest-section': {
    request: SuggestInput;
    response: { suggestion: SectionSuggestion | null };
  };
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Protocol[K]['request'];
export type ResponseOf<K extends MessageType> = Protocol[K]['response'];
type Schema<T> = z.ZodMiniType<T, unknown>;
/** Request schemas by type (without `type`), for the messages of `K`. */
export type RequestSchemas<K extends MessageType = MessageType> = {
  [P in K]: Schema<RequestOf<P>>;
};
/** Answer schemas by type, for the messages of `K`. */
export type ResponseSchemas<K extends MessageType = MessageType> = {
  [P in K]: Schema<ResponseOf<P>>;
};

export const noRequestSchema = z.strictObject({});
export const doneSchema = z.null();

/** The answer to `fn:suggest-section` (small: the sidebar sends it). */
export const suggestSectionResponseSchema = z.strictObject({
  suggestion: z.nullable(
    z.strictObject({
      sectionId: z.string(),
      sectionTitle: z.string(),
      confidence: z.number().check(z.minimum(0), z.maximum(1)),
    }),
  ),
});

/** The requests a content script handles. */
export const contentRequestSchemas: RequestSchemas<'fn:toggle-sidebar' | 'fn:archive-walk-wake'> = {
  'fn:toggle-sidebar': noRequestSchema,
  'fn:archive-walk-wake': noRequestSchema,
};
/** The answers to what a content script sends. */
export const contentResponseSchemas: ResponseSchemas<
  | 'fn:open-notes'
  | 'fn:feed-claim'
  | 'fn:feed-fetched'
  | 'fn:archive-learn'
  | 'fn:archive-walk-next'
  | 'fn:suggest-section'
> = {
  'fn:open-notes': doneSchema,
  'fn:archive-learn': doneSchema,
  'fn:archive-walk-next': walkJobSchema,
  'fn:feed-claim': feedClaimResponseSchema,
  'fn:feed-fetched': feedStatusSchema,
  'fn:suggest-section': suggestSectionResponseSchema,
};

function checkedAnswer<K extends MessageType>(
  schema: Schema<ResponseOf<K>>,
  type: K,
  answer: unknown,
): ResponseOf<K> {
  const parsed = schema.safeParse(answer);
  if (!parsed.success)
    throw new Error(`The answer to ${type} was not valid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Send `type` to the background (or the extension's pages); resolves with its checked answer. */
export async function sendMessage<S extends MessageType, K extends S>(
  schemas: ResponseSchemas<S>,
  type: K,
  request: RequestOf<K>,
): Promise<ResponseOf<K>> {
  const answer: unknown = await browser.runtime.sendMessage({ ...request, type });
  return checkedAnswer(schemas[type], type, answer);
}

/** Send `type` to the content script of tab `tabId`; resolves with its checked answer. */
export async function sendTabMessage<S extends MessageType, K extends S>(
  schemas: ResponseSchemas<S>,
  tabId: number,
  type: K,
  request: RequestOf<K>,
): Promise<ResponseOf<K>> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, { ...request, type });
  return checkedAnswer(schemas[type], type, answer);
}

type Answer<K extends MessageType> = ResponseOf<K> extends null ? undefined | null : ResponseOf<K>;
/** Answers one message type: gets its validated request and whoever sent it. */
export type MessageHandler<K extends MessageType> = (
  request: RequestOf<K>,
  sender: unknown,
) => Answer<K> | Promise<Answer<K>>;
export type MessageHandlers<K extends MessageType> = { [P in K]: MessageHandler<P> };

/**
 * Answer the messages of `handlers` (one listener for them all); any other message is left to
 * the context's other listeners. A message of a handled type whose request is not valid gets
 * `invalid[type]`'s answer if there is one, and no answer otherwise.
 * Returns the function that stops listening.
 */
export function handleMessages<K extends MessageType>(
  schemas: NoInfer<RequestSchemas<K>>,
  handlers: MessageHandlers<K>,
  invalid: { [P in K]?: (message: unknown) => Promise<ResponseOf<P>> } = {},
): () => void {
  const isHandled = (type: unknown): type is K =>
    typeof type === 'string' && Object.hasOwn(handlers, type);
  const listener = (
    message: unknown,
    sender: unknown,
    sendResponse?: (response: unknown) => void,
  ): true | Promise<unknown> | undefined => {
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, ...request } = message as Record<string, unknown>;
    if (!isHandled(type)) return undefined;
    const parsed = schemas[type].safeParse(request);
    const handler = handlers[type] as MessageHandler<K>;
    // The handler starts now, in this event (a user gesture stays a user gesture).
    const work = parsed.success
      ? new Promise((resolve) => resolve(handler(parsed.data, sender))).then(
          (answer) => answer ?? null,
        )
      : invalid[type]?.(message);
    if (!work) return undefined;
    // Both answering styles: Chrome and the test fake want sendResponse + `true`, Firefox's
    // polyfill a promise (see toolchain notes: WXT 0.21's fakeBrowser ignores a promise).
    if (typeof sendResponse === 'function') {
      work.then(sendResponse, (error: unknown) => sendResponse({ error: String(error) }));
      return true;
    }
    return work;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** The command name of the keyboard shortcut that toggles the sidebar (wxt.config.ts). */
export const TOGGLE_COMMAND = 'toggle-sidebar';
