import type { KnownPost } from '../../data/archive/known-post';
import type { SectionSuggestion } from '../../data/notes/suggest';
import { MarkReadButton } from '../common/MarkReadButton';
import { SuggestedSection } from './SuggestedSection';

/** What the sidebar shows of a post outside the notes (the feed's entry, the blog's pages). */
export type FeedPostView = KnownPost;

export interface UnknownPostProps {
  slug?: string | undefined;
  /** What the archive knows of this post (the feed, the blog's pages), if anything. */
  feedPost?: FeedPostView | undefined;
  /** The suggested section (the background's guess; null when it declines). */
  suggestion?: SectionSuggestion | null | undefined;
  read?: boolean;
  /** Given for a post the archive knows: it can be marked read like any post of the notes. */
  onToggleRead?: ((read: boolean) => void) | undefined;
}

/**
 * A post the notes do not cover: said plainly, with what the archive knows of it (title, day,
 * fly.io's reading time, authors, teaser; all text). fn-feed-teaser marks what the feed gave.
 */
export function UnknownPost({
  slug,
  feedPost: known,
  suggestion,
  read = false,
  onToggleRead,
}: UnknownPostProps) {
  return (
    <section class="fn-unknown" data-testid="fn-unknown-post" aria-label="This post">
      <p>
        <strong>No field notes for this post yet.</strong>
      </p>
      {known ? (
        <div data-testid="fn-known-post" data-slug={slug}>
          <div data-testid={known.source === 'blog' ? undefined : 'fn-feed-teaser'}>
            <h3 data-testid="fn-feed-title">{known.title}</h3>
            <p class="fn-meta">
              {known.date ? <span data-testid="fn-feed-date">{known.date}</span> : null}
              {known.minutes ? (
                <span data-testid="fn-fly-minutes">
                  {known.date ? ' · ' : ''}
                  {known.minutes} min on fly.io
                </span>
              ) : null}
              {known.source === 'blog' ? " · from the blog's pages" : " · from the blog's feed"}
            </p>
            {known.authors ? <p class="fn-meta">By {known.authors.join(' & ')}</p> : null}
            {known.teaser ? <p data-testid="fn-feed-text">{known.teaser}</p> : null}
          </div>
          <SuggestedSection suggestion={suggestion} />
          {onToggleRead ? <MarkReadButton read={read} onToggleRead={onToggleRead} /> : null}
        </div>
      ) : null}
    </section>
  );
}
