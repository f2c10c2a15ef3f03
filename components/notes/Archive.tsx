import type { Post } from '../../data/notes/schema';
import { postDateText } from '../../data/shared/dates';
import { ReadToggle } from './ReadToggle';
import { SectionSelect } from '../common/SectionSelect';

export interface ArchiveFilter {
  query: string;
  /** A section name, or '' for every section. */
  section: string;
  unreadOnly: boolean;
}

export interface ArchiveProps {
  filter: ArchiveFilter;
  sections: string[];
  /** The posts that pass the filter, in the order to show them. */
  posts: Post[];
  total: number;
  isRead: (slug: string) => boolean;
  onFilter: (filter: ArchiveFilter) => void;
  onToggleRead: (slug: string, read: boolean) => void;
}

/** Every post, searchable and filtered by section and by what is still unread. */
export function Archive({
  filter,
  sections,
  posts,
  total,
  isRead,
  onFilter,
  onToggleRead,
}: ArchiveProps) {
  return (
    <section
      class="fn-part"
      id="archive"
      aria-labelledby="fn-archive-heading"
      data-testid="fn-archive"
    >
      <h2 id="fn-archive-heading">The archive</h2>
      <p class="fn-part-sub">Every post, newest first: searchable and filtered</p>
      <form class="fn-archive-controls" role="search" onSubmit={(e) => e.preventDefault()}>
        <label class="fn-field fn-field-grow">
          <span>Search</span>
          <input
            type="search"
            data-testid="fn-archive-search"
            placeholder="Title or summary, e.g. sqlite"
            autoComplete="off"
            value={filter.query}
            onInput={(e) => onFilter({ ...filter, query: e.currentTarget.value })}
          />
        </label>
        <label class="fn-field">
          <span>Section</span>
          <SectionSelect
            sections={sections}
            value={filter.section}
            testId="fn-archive-section"
            onChange={(section) => onFilter({ ...filter, section })}
          />
        </label>
        <label class="fn-field fn-field-check">
          <input
            type="checkbox"
            data-testid="fn-archive-unread"
            checked={filter.unreadOnly}
            onChange={(e) => onFilter({ ...filter, unreadOnly: e.currentTarget.checked })}
          />
          <span>Unread only</span>
        </label>
      </form>
      <p class="fn-archive-count" data-testid="fn-archive-count" role="status">
        {posts.length === total ? `All ${total} posts` : `${posts.length} of ${total} posts`}
        {filter.query.trim() !== '' ? `, best match first` : ''}
      </p>
      <ol class="fn-archive-list">
        {posts.map((post) => {
          const read = isRead(post.slug);
          const when = post.date ?? post.dateRange?.from ?? '';
          return (
            <li
              key={post.slug}
              class={`fn-archive-post${read ? ' fn-archive-read' : ''}`}
              data-testid="fn-archive-post"
              data-slug={post.slug}
              data-read={String(read)}
            >
              <p class="fn-meta">
                <time
                  dateTime={when}
                  title={post.date ? undefined : `Day unknown: ${postDateText(post)}`}
                >
                  {post.date ?? `≈ ${postDateText(post)}`}
                </time>{' '}
                · {post.minutes} min · {post.section}
              </p>
              <h3 class="fn-archive-title">
                <a href={post.url}>{post.title}</a>
              </h3>
              <p class="fn-archive-summary">{post.summary}</p>
              <div class="fn-archive-foot">
                <ul class="fn-topics" aria-label="Topics">
                  {post.topics.map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </ul>
                <ReadToggle
                  title={post.title}
                  slug={post.slug}
                  read={read}
                  testId="fn-archive-read"
                  onToggle={(r) => onToggleRead(post.slug, r)}
                />
              </div>
            </li>
          );
        })}
      </ol>
      {posts.length === 0 ? (
        <p class="fn-hint" data-testid="fn-archive-empty">
          No post matches. Try another word, another section, or clear “Unread only”.
        </p>
      ) : null}
    </section>
  );
}
