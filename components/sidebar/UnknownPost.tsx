/** What is known of a post the notes do not cover (the feed may fill it in later). */
export interface FeedTeaser {
  title: string;
  teaser: string;
  date: string;
}

export function UnknownPost({ teaser }: { teaser?: FeedTeaser | undefined }) {
  return (
    <section class="fn-unknown" data-testid="fn-unknown-post" aria-label="This post">
      <p>
        <strong>No field notes for this post yet.</strong>
      </p>
      {teaser ? (
        <div data-testid="fn-feed-teaser">
          <h3>{teaser.title}</h3>
          <p class="fn-meta">{teaser.date} · from the blog's feed</p>
          <p>{teaser.teaser}</p>
        </div>
      ) : null}
    </section>
  );
}
