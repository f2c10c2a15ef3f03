import type { FeedPostView } from '../../data/feed/feed-post';
import { MarkReadButton } from '../common/MarkReadButton';

export type { FeedPostView } from '../../data/feed/feed-post';

export interface UnknownPostProps {
  /** What the blog's feed says of this post, when the cached feed holds it. */
  feedPost?: FeedPostView | undefined;
  read?: boolean;
  /** Given for a post from the feed: it can be marked read like any post of the notes. */
  onToggleRead?: ((read: boolean) => void) | undefined;
}

/** A post the notes do not cover: said plainly, with the feed's title, day and teaser (text). */
export function UnknownPost({ feedPost, read = false, onToggleRead }: UnknownPostProps) {
  return (
    <section class="fn-unknown" data-testid="fn-unknown-post" aria-label="This post">
      <p>
        <strong>No field notes for this post yet.</strong>
      </p>
      {feedPost ? (
        <div data-testid="fn-feed-teaser">
          <h3 data-testid="fn-feed-title">{feedPost.title}</h3>
          <p class="fn-meta">
            <span data-testid="fn-feed-date">{feedPost.date}</span> · from the blog's feed
          </p>
          {feedPost.teaser ? <p data-testid="fn-feed-text">{feedPost.teaser}</p> : null}
          {onToggleRead ? <MarkReadButton read={read} onToggleRead={onToggleRead} /> : null}
        </div>
      ) : null}
    </section>
  );
}
