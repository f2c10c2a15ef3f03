// The options page's "Feed" section: when the blog's feed was last checked, the last problem in
// plain words, how many posts it adds, and "Check for new posts". FeedSection only renders;
// FeedStatusSection holds the state and reaches storage and the background only through
// `services` (entrypoints/options/main.tsx wires them to data/feed/cache.ts and feed-check.ts).
import { useMemo, useState } from 'preact/hooks';
import type { FeedCache } from '../../data/feed/cache';
import type { FeedCheckResult } from '../../data/feed/check';
import { feedCheckMessage, feedStatusView, type FeedStatusView } from '../../data/feed/status-view';
import { useStoredValue } from '../common/useStoredValue';

export interface FeedSectionProps {
  /** Undefined until the cache has been read. */
  view: FeedStatusView | undefined;
  checking: boolean;
  /** The outcome of the last "Check for new posts". */
  message: string | undefined;
  onCheck: () => void;
}

export function FeedSection({ view, checking, message, onCheck }: FeedSectionProps) {
  return (
    <section class="fn-options-section" aria-labelledby="fn-feed-heading">
      <h2 id="fn-feed-heading">Feed</h2>
      <p class="fn-hint">
        New posts come from the blog’s own feed (fly.io/blog/feed.xml), read as plain text. They
        show in search, in the sidebar and in the posting history until the notes cover them.
      </p>
      <div data-testid="fn-feed-status" aria-live="polite">
        {view ? (
          <>
            <p>{view.checked}</p>
            {view.success && <p>{view.success}</p>}
            <p data-testid="fn-feed-count" data-count={view.newPosts}>
              {view.holds}
            </p>
          </>
        ) : (
          <p>Reading the feed’s status…</p>
        )}
      </div>
      {view?.error && (
        <p class="fn-error" role="alert" data-testid="fn-feed-error">
          {view.error}
        </p>
      )}
      <div class="fn-row">
        <button
          type="button"
          class="fn-button"
          data-testid="fn-feed-check"
          disabled={checking}
          onClick={onCheck}
        >
          {checking ? 'Checking…' : 'Check for new posts'}
        </button>
      </div>
      {message !== undefined && (
        <p class="fn-done" role="status" data-testid="fn-feed-check-result">
          {message}
        </p>
      )}
    </section>
  );
}

export interface FeedServices {
  loadFeedCache: () => Promise<FeedCache>;
  watchFeed: (onChange: (cache: FeedCache) => void) => () => void;
  /**
   * Must be called synchronously in the click: its first step asks for the feed's optional
   * host permission, which the browsers allow only during a user gesture.
   */
  checkFeedNow: () => Promise<FeedCheckResult>;
}

export interface FeedStatusSectionProps {
  /** The slugs the bundled notes annotate: feed posts among them are not new. */
  bundledSlugs: ReadonlySet<string>;
  services: FeedServices;
}

export function FeedStatusSection({ bundledSlugs, services }: FeedStatusSectionProps) {
  const [cache, setCache] = useStoredValue<FeedCache | undefined>(
    { load: services.loadFeedCache, watch: services.watchFeed },
    undefined,
    [services],
  );
  const [checking, setChecking] = useState(false);
  const [message, setMessage] = useState<string | undefined>();

  const view = useMemo(
    () => (cache ? feedStatusView(cache, bundledSlugs) : undefined),
    [cache, bundledSlugs],
  );

  const onCheck = () => {
    setChecking(true);
    setMessage(undefined);
    // No await before this call: the permission prompt needs the click's user gesture.
    const pending = services.checkFeedNow();
    void pending
      .then(async (result) => {
        const fresh = await services.loadFeedCache();
        setCache(fresh);
        setMessage(feedCheckMessage(result, feedStatusView(fresh, bundledSlugs).newPosts));
      })
      .catch((error: unknown) =>
        setMessage(
          feedCheckMessage(
            {
              ok: false,
              reason: 'error',
              message: error instanceof Error ? error.message : String(error),
            },
            0,
          ),
        ),
      )
      .finally(() => setChecking(false));
  };

  return <FeedSection view={view} checking={checking} message={message} onCheck={onCheck} />;
}
