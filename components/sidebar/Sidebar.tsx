import type { Blog } from '../../data/schema';
import type { PathPosition } from '../../data/notes';
import type { Post } from '../../data/schema';
import type { BlogPage } from '../../data/urls';

export interface PathEntry {
  step: number;
  post: Post;
  read: boolean;
}

export interface SidebarProps {
  blog: Blog;
  page: Exclude<BlogPage, { kind: 'other' }>;
  path: PathEntry[];
  position: PathPosition | undefined;
  postRead: boolean;
  onToggleRead: (read: boolean) => void;
}

/** The field-notes sidebar: props in, events out. */
export function Sidebar({ blog, page, path, position, postRead, onToggleRead }: SidebarProps) {
  const post = page.kind === 'post' ? page.post : undefined;
  return (
    <aside class="fn-sidebar" data-testid="fn-sidebar" aria-label="Field notes">
      <header class="fn-head">
        <p class="fn-kicker">Field notes</p>
        <h2 class="fn-blog-name">{blog.name}</h2>
        <p class="fn-tagline" data-testid="fn-tagline">
          {blog.tagline}
        </p>
      </header>

      {post ? (
        <section class="fn-post" data-testid="fn-post" data-slug={post.slug}>
          <h3 data-testid="fn-post-title">{post.title}</h3>
          <p class="fn-meta">
            <span data-testid="fn-post-minutes">{post.minutes} min</span>
            {' · '}
            <span data-testid="fn-post-section">{post.section}</span>
          </p>
          <p data-testid="fn-post-summary">{post.summary}</p>
          <button
            type="button"
            class="fn-button"
            data-testid="fn-mark-read"
            aria-pressed={postRead}
            onClick={() => onToggleRead(!postRead)}
          >
            {postRead ? 'Read ✓' : 'Mark as read'}
          </button>
        </section>
      ) : null}
      {page.kind === 'unknown-post' ? (
        <p class="fn-unknown" data-testid="fn-unknown-post">
          No field notes for this post yet.
        </p>
      ) : null}

      <section class="fn-path" aria-labelledby="fn-path-heading">
        <h3 id="fn-path-heading">Start Here</h3>
        <p data-testid="fn-path-position">
          {position ? `Step ${position.step} of ${position.total}` : 'Not on the reading path'}
        </p>
        <ol>
          {path.map((entry) => (
            <li
              key={entry.post.slug}
              data-testid="fn-path-step"
              data-slug={entry.post.slug}
              data-read={String(entry.read)}
              aria-current={post?.slug === entry.post.slug ? 'step' : undefined}
            >
              <a href={entry.post.url}>{entry.post.title}</a>
              {entry.read ? <span class="fn-read-mark"> ✓</span> : null}
            </li>
          ))}
        </ol>
      </section>

      <section class="fn-blog" aria-label="About the blog">
        <p data-testid="fn-blog-summary">{blog.summary}</p>
        <p data-testid="fn-read-this">
          <strong>Read this when</strong> {blog.readThisWhen}
        </p>
        <p data-testid="fn-skip-it">
          <strong>Skip it if</strong> {blog.skipItIf}
        </p>
        <p data-testid="fn-compared-to">
          <strong>Compared to</strong> {blog.comparedTo}
        </p>
      </section>
    </aside>
  );
}
