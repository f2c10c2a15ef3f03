import type { Post, Section } from '../../data/notes/schema';
import { plural } from '../../data/shared/text';

export interface SectionSummary {
  section: Section;
  posts: Post[];
  minutes: number;
  readCount: number;
}

export interface SectionsProps {
  sections: SectionSummary[];
  isRead: (slug: string) => boolean;
}

/** "What's inside": the sections with their posts and how much of each the reader has read. */
export function Sections({ sections, isRead }: SectionsProps) {
  return (
    <section
      class="fn-part"
      id="whats-inside"
      aria-labelledby="fn-inside-heading"
      data-testid="fn-sections"
    >
      <h2 id="fn-inside-heading">What's inside</h2>
      <p class="fn-part-sub">{sections.length} sections of the blog</p>
      <div class="fn-section-grid">
        {sections.map(({ section, posts, minutes, readCount }) => (
          <section
            key={section.name}
            class="fn-section"
            data-testid="fn-section"
            data-section={section.name}
            aria-label={section.name}
          >
            <h3>{section.name}</h3>
            <p class="fn-meta" data-testid="fn-section-meta">
              {plural(posts.length, 'post')} · {minutes} min ·{' '}
              <span data-testid="fn-section-read">
                {readCount} of {posts.length} read
              </span>
            </p>
            <div
              class="fn-meter fn-meter-small"
              role="progressbar"
              aria-label={`${section.name}: posts read`}
              aria-valuemin={0}
              aria-valuemax={posts.length}
              aria-valuenow={readCount}
            >
              <span style={{ width: `${Math.round((readCount / posts.length) * 100)}%` }} />
            </div>
            <p>{section.description}</p>
            <p class="fn-read-when">
              <strong>Read it when</strong> {section.readWhen}
            </p>
            <ul class="fn-section-posts">
              {posts.map((post) => (
                <li key={post.slug} data-read={String(isRead(post.slug))}>
                  <span
                    class={isRead(post.slug) ? 'fn-mark fn-mark-read' : 'fn-mark'}
                    role="img"
                    aria-label={isRead(post.slug) ? 'read' : 'unread'}
                  >
                    {isRead(post.slug) ? '✓' : '○'}
                  </span>{' '}
                  <a href={post.url}>{post.title}</a>{' '}
                  <span class="fn-meta">{post.minutes} min</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
