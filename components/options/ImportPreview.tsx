import type { ImportPlan, MarkChange } from '../../data/progress/backup';
import type { Mark } from '../../data/progress/marks';

export interface ImportPreviewProps {
  fileName: string;
  plan: ImportPlan;
  ignoredSettings: string[];
  titleOf: (slug: string) => string;
  onApply: () => void;
  onCancel: () => void;
}

const when = (mark: Mark) => new Date(mark.at).toISOString().replace('T', ' ').slice(0, 16);
const state = (mark: Mark) => (mark.read ? 'read' : 'unread');

function ChangeList({
  label,
  changes,
  titleOf,
  testId,
}: {
  label: string;
  changes: MarkChange[];
  titleOf: (slug: string) => string;
  testId: string;
}) {
  if (changes.length === 0) return null;
  return (
    <details class="fn-change-list" data-testid={testId}>
      <summary>
        {label}: {changes.length}
      </summary>
      <ul>
        {changes.map(({ slug, current, imported }) => (
          <li key={slug}>
            {titleOf(slug)}: {current ? `${state(current)} (${when(current)}) here, ` : ''}
            {state(imported)} ({when(imported)}) in the file
          </li>
        ))}
      </ul>
    </details>
  );
}

/** What an import will change, shown before anything is written. */
export function ImportPreview({
  fileName,
  plan,
  ignoredSettings,
  titleOf,
  onApply,
  onCancel,
}: ImportPreviewProps) {
  const writes = plan.added.length + plan.updated.length + plan.prefs.length;
  return (
    <div
      class="fn-import-preview"
      data-testid="fn-import-preview"
      role="region"
      aria-label="Import preview"
    >
      <p>
        <strong>{fileName}</strong> is a valid backup. Importing it will:
      </p>
      <ul class="fn-import-counts">
        <li data-testid="fn-import-added">add {plan.added.length} new marks</li>
        <li data-testid="fn-import-updated">
          replace {plan.updated.length} marks with later ones from the file
        </li>
        <li data-testid="fn-import-kept">
          keep {plan.kept.length} of yours that are later than the file&apos;s
        </li>
        <li data-testid="fn-import-unchanged">leave {plan.unchanged.length} unchanged</li>
        <li data-testid="fn-import-settings">
          change {plan.prefs.length} settings
          {plan.prefs.length > 0 ? ` (${plan.prefs.map((p) => p.name).join(', ')})` : ''}
        </li>
      </ul>
      {plan.unknown.length > 0 ? (
        <p data-testid="fn-import-unknown">
          {plan.unknown.length} marks are for posts the field notes do not hold yet (
          {plan.unknown.join(', ')}); they are kept, in case those posts arrive later.
        </p>
      ) : null}
      {ignoredSettings.length > 0 ? (
        <p data-testid="fn-import-ignored">
          Settings this version does not know are ignored: {ignoredSettings.join(', ')}.
        </p>
      ) : null}
      <ChangeList
        label="New"
        changes={plan.added}
        titleOf={titleOf}
        testId="fn-import-list-added"
      />
      <ChangeList
        label="Replaced by the file's later mark"
        changes={plan.updated}
        titleOf={titleOf}
        testId="fn-import-list-updated"
      />
      <ChangeList
        label="Kept: yours is later"
        changes={plan.kept}
        titleOf={titleOf}
        testId="fn-import-list-kept"
      />
      <div class="fn-row">
        <button
          type="button"
          class="fn-button fn-primary"
          data-testid="fn-import-apply"
          onClick={onApply}
        >
          {writes > 0 ? 'Import' : 'Import (nothing to change)'}
        </button>
        <button type="button" class="fn-button" data-testid="fn-import-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
