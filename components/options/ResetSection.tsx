export interface ResetSectionProps {
  markCount: number;
  confirming: boolean;
  /** Set after a reset, while it can still be undone. */
  undoable: boolean;
  status: string | undefined;
  onReset: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  onUndo: () => void;
}

export function ResetSection({
  markCount,
  confirming,
  undoable,
  status,
  onReset,
  onConfirm,
  onCancel,
  onUndo,
}: ResetSectionProps) {
  return (
    <section class="fn-options-section" aria-labelledby="fn-reset-heading">
      <h2 id="fn-reset-heading">Reset progress</h2>
      <p class="fn-hint">
        Forgets every read mark and your place in half-read posts. Settings stay. You can undo it
        right after.
      </p>
      {confirming ? (
        <div class="fn-confirm" role="alertdialog" aria-labelledby="fn-reset-question">
          <p id="fn-reset-question">
            Forget all {markCount} marks? Export a backup first if you may want them later.
          </p>
          <div class="fn-row">
            <button
              type="button"
              class="fn-button fn-danger"
              data-testid="fn-reset-confirm"
              onClick={onConfirm}
            >
              Yes, reset progress
            </button>
            <button
              type="button"
              class="fn-button"
              data-testid="fn-reset-cancel"
              onClick={onCancel}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="fn-button fn-danger"
          data-testid="fn-reset"
          disabled={markCount === 0}
          onClick={onReset}
        >
          Reset progress…
        </button>
      )}
      {status ? (
        <p role="status" data-testid="fn-reset-status">
          {status}{' '}
          {undoable ? (
            <button type="button" class="fn-button" data-testid="fn-undo" onClick={onUndo}>
              Undo
            </button>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
