import type { ArchivePost, FeedOnlyPost } from '../../data/feed/merge';
import type { Post } from '../../data/notes/schema';
import { postDateText } from '../../data/shared/dates';
import { ReadToggle } from './ReadToggle';
import { SectionSelect } from '../common/SectionSelect';

export interface ArchiveFilter {
  query: string;
  /** A section name, or '' for every section. */
  section: string;
  unreadOnly: boolean;
  /** Only posts with field notes (the whole archive holds others too). */
  annotatedOnly?: boolean;
}

export interface ArchiveProps {
  filter: ArchiveFilter;
  sections: string[];
  /** The posts that pass the filter, in the order to show them. */
  posts: (Post | ArchivePost)[];
  total: number;
  isRead: (slug: string) => boolean;
  onFilter: (filter: ArchiveFilter) => void;
  onToggleRead: (slug: string, read: boolean) => void;
}

const isFeedOnly = (post: Post | ArchivePost): post is FeedOnlyPost =>
  (post as { fromFeed?: boolean }).fromFeed === true;

/** A post the field notes do not annotate: what the blog's feed or pages said of it (text). */
function FeedOnlyRow({
  post,
  read,
  onToggleRead,
}: {
  post: FeedOnlyPost;
  read: boolean;
  onToggleRead: (slug: string, read: boolean) => void;
}) {
  return (
    <li
      class={`fn-archive-post${read ? ' fn-archive-read' : ''}`}
      data-testid="fn-archive-post"
      data-slug={post.slug}
      data-read={String(read)}
      data-annotated="false"
    >
      <p class="fn-meta">
        {post.date ? <time dateTime={post.date}>{post.date}</time> : null}
        {post.date ? ' · ' : ''}
        {post.flyMinutes ? `${post.flyMinutes} min on fly.io · ` : ''}
        no field notes yet
      </p>
      <h3 class="fn-archive-title">
        <a href={post.url}>{post.title}</a>
      </h3>
      {post.teaser ? <p class="fn-archive-summary">{post.teaser}</p> : null}
      <div class="fn-archive-foot">
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
        <label class="fn-field fn-field-check">
          <input
            type="checkbox"
            data-testid="fn-filter-annotated"
            checked={filter.annotatedOnly ?? false}
            onChange={(e) => onFilter({ ...filter, annotatedOnly: e.currentTarget.checked })}
          />
          <span>With field notes only</span>
        </label>
      </form>
      <p class="fn-archive-count" data-testid="fn-archive-count" role="status">
        {posts.length === total ? `All ${total} posts` : `${posts.length} of ${total} posts`}
        {filter.query.trim() !== '' ? `, best match first` : ''}
      </p>
      <ol class="fn-archive-list">
        {posts.map((post) => {
          const read = isRead(post.slug);
          if (isFeedOnly(post))
            return (
              <FeedOnlyRow key={post.slug} post={post} read={read} onToggleRead={onToggleRead} />
            );
          const when = post.date ?? post.dateRange?.from ?? '';
          return (
            <li
              key={post.slug}
              class={`fn-archive-post${read ? ' fn-archive-read' : ''}`}
              data-testid="fn-archive-post"
              data-slug={post.slug}
              data-read={String(read)}
              data-annotated="true"
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
