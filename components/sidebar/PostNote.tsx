import type { SidebarPost } from '../../data/sidebar/sidebar-notes';
import { MarkReadButton } from '../common/MarkReadButton';

export interface PostNoteProps {
  post: SidebarPost;
  day: string;
  read: boolean;
  onToggleRead: (read: boolean) => void;
}

/** This post's own note, with the one-click read mark. */
export function PostNote({ post, day, read, onToggleRead }: PostNoteProps) {
  return (
    <section
      class="fn-post"
      data-testid="fn-post"
      data-slug={post.slug}
      aria-labelledby="fn-post-title"
    >
      <h3 id="fn-post-title" data-testid="fn-post-title">
        {post.title}
      </h3>
      <p class="fn-meta">
        <span data-testid="fn-post-minutes">{post.minutes} min</span>
        {' · '}
        <span data-testid="fn-post-date">{day}</span>
        {' · '}
        <span data-testid="fn-post-section">{post.section}</span>
      </p>
      <p data-testid="fn-post-summary">{post.summary}</p>
      <ul class="fn-topics" aria-label="Topics">
        {post.topics.map((t) => (
          <li key={t} data-testid="fn-post-topic">
            {t}
          </li>
        ))}
      </ul>
      <MarkReadButton read={read} onToggleRead={onToggleRead} />
    </section>
  );
}
