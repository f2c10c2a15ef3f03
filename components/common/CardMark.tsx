import { ReadMark } from './ReadMark';

export interface CardMarkProps {
  title: string;
  read: boolean;
  /** This post's step on the Start Here path, if it is one. */
  step: number | undefined;
  total: number;
  theme: 'light' | 'dark';
  onToggleRead: (read: boolean) => void;
}

/** The read mark and path badge placed on a post card of the blog index. */
export function CardMark({ title, read, step, total, theme, onToggleRead }: CardMarkProps) {
  return (
    <span class="fn-card" data-theme={theme}>
      <button
        type="button"
        class="fn-card-mark"
        data-testid="fn-card-mark"
        data-read={String(read)}
        aria-pressed={read}
        aria-label={`${title}: ${read ? 'read' : 'mark as read'}`}
        title={read ? 'Read (click to unmark)' : 'Mark as read'}
        onClick={() => onToggleRead(!read)}
      >
        <ReadMark read={read} />
      </button>
      {step !== undefined ? (
        <span class="fn-card-step" data-testid="fn-card-step">
          Step {step} of {total}
        </span>
      ) : null}
    </span>
  );
}
