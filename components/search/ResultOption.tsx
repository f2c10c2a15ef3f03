import type { ResultView } from '../../data/search/view';
import { Highlight } from './Highlight';

export function optionId(slug: string): string {
  return `fn-option-${slug}`;
}

export interface ResultOptionProps {
  result: ResultView;
  active: boolean;
  onOpen: (slug: string, newTab: boolean) => void;
  onToggleRead: (slug: string) => void;
}

/**
 * One post in the listbox. The read toggle is for the mouse; keyboard users toggle the active
 * result with Alt+R, as the popup's hint says.
 */
export function ResultOption({ result, active, onOpen, onToggleRead }: ResultOptionProps) {
  const meta = [
    result.minutes === undefined ? undefined : `${result.minutes} min`,
    result.dayLabel || undefined,
    result.section || undefined,
  ].filter((part): part is string => part !== undefined);
  return (
    <li
      id={optionId(result.slug)}
      role="option"
      aria-selected={active}
      class={`fn-result${active ? ' fn-result--active' : ''}${result.read ? ' fn-result--read' : ''}`}
      data-testid="fn-result"
      data-slug={result.slug}
      data-read={String(result.read)}
      data-annotated={String(!result.fromFeed)}
      // Keep focus in the search box: the listbox is driven from there.
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => onOpen(result.slug, e.ctrlKey || e.metaKey || e.button === 1)}
    >
      <span class="fn-result-title">
        <Highlight text={result.title} terms={result.terms} />
      </span>
      <span class="fn-result-meta">
        {result.step !== undefined && (
          <span class="fn-step-badge" data-testid="fn-result-step">
            Step {result.step}/{result.pathLength}
          </span>
        )}
        {result.fromFeed && <span class="fn-feed-badge">No field notes yet</span>}
        <span>{meta.join(' · ')}</span>
        {result.read && <span class="fn-read-mark"> · ✓ Read</span>}
      </span>
      {result.terms.length > 0 && (
        <span class="fn-result-summary">
          <Highlight text={result.summary} terms={result.terms} />
        </span>
      )}
      {/* Not a <button>: an option may hold no interactive element (its children are
          presentational). Hidden from assistive tech, which has Alt+R and the "Read" text. */}
      <span
        class="fn-result-read"
        data-testid="fn-result-read"
        aria-hidden="true"
        title={result.read ? 'Mark unread (Alt+R)' : 'Mark read (Alt+R)'}
        onClick={(e) => {
          e.stopPropagation();
          onToggleRead(result.slug);
        }}
      >
        {result.read ? '✓' : '○'}
      </span>
    </li>
  );
}
