import { BlogProgress } from '../archive/BlogProgress';
import type { Blog } from '../../data/notes/schema';

export interface NotesTotals {
  posts: number;
  sections: number;
  minutes: number;
  postsRead: number;
  minutesRead: number;
}

export interface NotesHeaderProps {
  blog: Blog;
  totals: NotesTotals;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 100);

/** The page's title block: what the blog is, how big it is, and how far the reader has got. */
export function NotesHeader({ blog, totals }: NotesHeaderProps) {
  return (
    <header class="fn-notes-header" data-testid="fn-notes-header">
      <p class="fn-kicker">Field notes · Vol. I</p>
      <h1>
        <a href={blog.url}>{blog.name}</a>
      </h1>
      <p class="fn-tagline">“{blog.tagline}”</p>
      <dl class="fn-stats">
        <div>
          <dt>Posts</dt>
          <dd data-testid="fn-notes-posts">{totals.posts}</dd>
        </div>
        <div>
          <dt>Sections</dt>
          <dd data-testid="fn-notes-sections">{totals.sections}</dd>
        </div>
        <div>
          <dt>Reading time</dt>
          <dd data-testid="fn-notes-minutes">{totals.minutes} min</dd>
        </div>
        <div class="fn-stat-progress">
          <dt>Your progress</dt>
          <dd data-testid="fn-notes-progress">
            {totals.postsRead} of {totals.posts} posts read · {totals.minutesRead} of{' '}
            {totals.minutes} min
          </dd>
        </div>
      </dl>
      <div
        class="fn-meter"
        role="progressbar"
        aria-label="Posts read"
        aria-valuemin={0}
        aria-valuemax={totals.posts}
        aria-valuenow={totals.postsRead}
      >
        <span style={{ width: `${percent(totals.postsRead, totals.posts)}%` }} />
      </div>
      <BlogProgress />
    </header>
  );
}
