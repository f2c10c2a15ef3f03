import type { ComponentChildren } from 'preact';

export interface ImportSectionProps {
  error: string | undefined;
  done: string | undefined;
  /** The preview, when a valid file has been chosen. */
  children?: ComponentChildren;
  onFile: (file: File) => void;
}

export function ImportSection({ error, done, children, onFile }: ImportSectionProps) {
  return (
    <section class="fn-options-section" aria-labelledby="fn-import-heading">
      <h2 id="fn-import-heading">Import</h2>
      <p class="fn-hint" id="fn-import-hint">
        Choose a JSON backup. You will see what it changes before anything is written; for a post
        marked both here and in the file, the later mark wins.
      </p>
      <label for="fn-import">Backup file</label>{' '}
      <input
        id="fn-import"
        type="file"
        accept=".json,application/json"
        data-testid="fn-import"
        aria-describedby="fn-import-hint"
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          // Cleared so that choosing the same file again is noticed.
          input.value = '';
          if (file) onFile(file);
        }}
      />
      {error ? (
        <p class="fn-error" role="alert" data-testid="fn-import-error">
          Nothing was imported. {error}
        </p>
      ) : null}
      {done ? (
        <p class="fn-done" role="status" data-testid="fn-import-done">
          {done}
        </p>
      ) : null}
      {children}
    </section>
  );
}
