export interface ReadToggleProps {
  title: string;
  read: boolean;
  testId: string;
  slug: string;
  onToggle: (read: boolean) => void;
}

/** A "read" tick box; its accessible name says which post it marks. */
export function ReadToggle({ title, read, testId, slug, onToggle }: ReadToggleProps) {
  return (
    <label class="fn-tick">
      <input
        type="checkbox"
        checked={read}
        data-testid={testId}
        data-slug={slug}
        aria-label={`Read: ${title}`}
        onChange={(e) => onToggle(e.currentTarget.checked)}
      />
      <span aria-hidden="true">Read</span>
    </label>
  );
}
