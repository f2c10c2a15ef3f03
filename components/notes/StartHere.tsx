import type { Post } from '../../data/notes/schema';
import { ReadToggle } from './ReadToggle';

export interface StartHereStep {
  step: number;
  post: Post;
  reason: string;
  read: boolean;
}

export interface StartHereProps {
  steps: StartHereStep[];
  onToggleRead: (slug: string, read: boolean) => void;
}

/** The 7-step reading path; the first unread step is the one to read next. */
export function StartHere({ steps, onToggleRead }: StartHereProps) {
  const next = steps.find((s) => !s.read);
  const done = steps.filter((s) => s.read).length;
  return (
    <section
      class="fn-part"
      id="start-here"
      aria-labelledby="fn-start-heading"
      data-testid="fn-start-here"
    >
      <h2 id="fn-start-heading">Start Here</h2>
      <p class="fn-part-sub" data-testid="fn-start-progress">
        A recommended reading path · {done} of {steps.length} read
        {next ? '' : ' · path complete'}
      </p>
      <ol class="fn-steps">
        {steps.map(({ step, post, reason, read }) => {
          const isNext = post.slug === next?.post.slug;
          return (
            <li
              key={post.slug}
              class={`fn-step${isNext ? ' fn-step-next' : ''}${read ? ' fn-step-read' : ''}`}
              data-testid="fn-step"
              data-slug={post.slug}
              data-read={String(read)}
              data-next={String(isNext)}
              aria-current={isNext ? 'step' : undefined}
            >
              <span class="fn-step-number" aria-hidden="true">
                {String(step).padStart(2, '0')}
              </span>
              <div class="fn-step-body">
                <p class="fn-step-title">
                  <a href={post.url}>{post.title}</a>
                  {isNext ? <span class="fn-badge">Read next</span> : null}
                </p>
                <p class="fn-step-reason">{reason}</p>
                <p class="fn-meta">
                  {post.minutes} min · {post.section}
                </p>
              </div>
              <ReadToggle
                title={post.title}
                slug={post.slug}
                read={read}
                testId="fn-step-read"
                onToggle={(r) => onToggleRead(post.slug, r)}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
