/** The one-click read mark of a post (the sidebar's `fn-mark-read`). */
export function MarkReadButton({
  read,
  onToggleRead,
}: {
  read: boolean;
  onToggleRead: (read: boolean) => void;
}) {
  return (
    <button
      type="button"
      class="fn-button"
      data-testid="fn-mark-read"
      aria-pressed={read}
      onClick={() => onToggleRead(!read)}
    >
      {read ? 'Read ✓' : 'Mark as read'}
    </button>
  );
}
