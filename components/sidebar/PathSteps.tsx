import type { PathPosition } from '../../data/sidebar/sidebar-notes';
import { ReadMark } from '../common/ReadMark';
import { summarisePath, type PathEntry } from './path-progress';

export interface PathStepsProps {
  path: PathEntry[];
  /** The slug of the post on screen, if any. */
  currentSlug: string | undefined;
  /** Where the post on screen sits on the path; undefined when it is not a step. */
  position: PathPosition | undefined;
  /** Post pages say where this post sits; the index says how far the reader has come. */
  showPosition: boolean;
}

/** The Start Here path: every step read or unread, this post's place, and where to go next. */
export function PathSteps({ path, currentSlug, position, showPosition }: PathStepsProps) {
  const summary = summarisePath(path);
  const next = summary.nextUnread;
  return (
    <section class="fn-path" aria-labelledby="fn-path-heading">
      <h3 id="fn-path-heading">Start Here</h3>
      {showPosition ? (
        <p data-testid="fn-path-position">
          {position ? `Step ${position.step} of ${position.total}` : 'Not on the reading path'}
        </p>
      ) : null}
      <p class="fn-meta" data-testid="fn-path-progress">
        {summary.read} of {summary.total} read
      </p>
      <ol class="fn-steps">
        {path.map((entry) => (
          <li
            key={entry.post.slug}
            data-testid="fn-path-step"
            data-slug={entry.post.slug}
            data-read={String(entry.read)}
            aria-current={currentSlug === entry.post.slug ? 'step' : undefined}
          >
            <ReadMark read={entry.read} />
            <span class="fn-step-no">{entry.step}.</span>
            <a href={entry.post.url}>{entry.post.title}</a>
          </li>
        ))}
      </ol>
      {position ? (
        <nav class="fn-prev-next" aria-label="Reading path">
          {position.previous ? (
            <a data-testid="fn-path-previous" href={position.previous.url}>
              ← {position.previous.title}
            </a>
          ) : null}
          {position.next ? (
            <a data-testid="fn-path-next" href={position.next.url}>
              {position.next.title} →
            </a>
          ) : null}
        </nav>
      ) : next && next.post.slug !== currentSlug ? (
        <p data-testid="fn-path-continue">
          Continue:{' '}
          <a href={next.post.url}>
            Step {next.step}, {next.post.title}
          </a>
        </p>
      ) : null}
      {!next ? <p data-testid="fn-path-done">You have read the whole path.</p> : null}
    </section>
  );
}
