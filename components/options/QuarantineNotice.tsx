import type { QuarantineEntry } from '../../data/storage/quarantine';

export interface QuarantineNoticeProps {
  entries: QuarantineEntry[];
  onDismiss: () => void;
}

/** Says once that stored values could not be read and were set aside (kept, not deleted). */
export function QuarantineNotice({ entries, onDismiss }: QuarantineNoticeProps) {
  if (entries.length === 0) return null;
  return (
    <section
      class="fn-notice"
      role="status"
      data-testid="fn-quarantine"
      aria-label="Stored data set aside"
    >
      <p>
        {entries.length === 1 ? 'One stored value' : `${entries.length} stored values`} could not be
        read and {entries.length === 1 ? 'was' : 'were'} set aside. Your other marks are intact; the
        set-aside data is kept in the extension&apos;s storage, not deleted.
      </p>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>
            <code>{entry.key}</code>: {entry.reason}
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="fn-button"
        data-testid="fn-quarantine-dismiss"
        onClick={onDismiss}
      >
        OK
      </button>
    </section>
  );
}
