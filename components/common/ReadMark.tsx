/** A read / unread mark that reads the same to eyes and to screen readers. */
export function ReadMark({ read }: { read: boolean }) {
  return (
    <span
      class={read ? 'fn-mark fn-mark-read' : 'fn-mark'}
      aria-label={read ? 'read' : 'unread'}
      role="img"
    >
      {read ? '✓' : '○'}
    </span>
  );
}
