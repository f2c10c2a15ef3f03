// What the options page's "Feed" section says, worked out from the feed cache and the last
// "Check for new posts" result; the component only lays it out. Plain words, no markup: the
// error message is the recorder's own text (data/feed/record.ts), shown as text.
import type { FeedCache } from './cache';
import type { FeedCheckResult } from './check';
import { plural } from '../shared/text';

export interface FeedStatusView {
  /** "Last checked: …" or that it never was. */
  checked: string;
  /** "Last successful check: …", when there was one. */
  success: string | undefined;
  /** The last check's problem, in a sentence; undefined when the last check went well. */
  error: string | undefined;
  /** How many posts the feed adds to the notes. */
  newPosts: number;
  /** "The feed has added 2 posts the notes do not cover yet." */
  holds: string;
}

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export const formatWhen = (at: number): string => when.format(new Date(at));

/** Capitalized, ending with a full stop. */
const sentence = (text: string) => {
  const trimmed = text.trim();
  const upper = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(upper) ? upper : `${upper}.`;
};

export function feedStatusView(
  cache: FeedCache,
  bundledSlugs: ReadonlySet<string>,
): FeedStatusView {
  const { lastChecked, lastSuccess, lastError } = cache.meta;
  const newPosts = cache.entries.filter((e) => !bundledSlugs.has(e.slug)).length;
  const failedLast = lastError !== undefined && lastError.at >= (lastSuccess ?? 0);
  return {
    checked:
      lastChecked === undefined
        ? 'The feed has not been checked yet. It is checked when you read the blog, at most every few hours.'
        : `Last checked: ${formatWhen(lastChecked)}.`,
    success:
      lastSuccess === undefined ? undefined : `Last successful check: ${formatWhen(lastSuccess)}.`,
    error: failedLast
      ? `The last check, ${formatWhen(lastError.at)}, failed: ${sentence(lastError.message)} ${
          cache.entries.length > 0
            ? 'The posts found before are kept.'
            : 'Nothing from the feed is kept yet.'
        }`
      : undefined,
    newPosts,
    holds:
      newPosts === 0
        ? cache.entries.length === 0
          ? 'No posts from the feed yet.'
          : 'The feed has no posts the notes do not cover.'
        : `The feed has added ${plural(newPosts, 'post')} the notes do not cover yet ("no field notes yet").`,
  };
}

/** The message after "Check for new posts". */
export function feedCheckMessage(
  result: FeedCheckResult | { ok: false; reason: 'error'; message: string },
  newPosts: number,
): string {
  if (result.ok)
    return `Checked just now: ${plural(newPosts, 'post')} from the feed the notes do not cover.`;
  if (result.reason === 'denied')
    return 'Not checked: permission to reach fly.io was not given. Allow it to check on demand; the feed is still checked when you read the blog.';
  if (result.reason === 'error') return `The check could not run: ${sentence(result.message)}`;
  const error = result.status.lastError;
  return error
    ? `The check failed: ${sentence(error.message)} The posts found before are kept.`
    : 'The check failed. The posts found before are kept.';
}
