export interface ExportSectionProps {
  onExportJson: () => void;
  onExportMarkdown: () => void;
}

export function ExportSection({ onExportJson, onExportMarkdown }: ExportSectionProps) {
  return (
    <section class="fn-options-section" aria-labelledby="fn-export-heading">
      <h2 id="fn-export-heading">Export</h2>
      <p class="fn-hint">
        A JSON backup holds every mark (with its time) and your settings; import it here, in this or
        another browser. The reading list is Markdown: every post with its link, read ones ticked,
        grouped by section.
      </p>
      <div class="fn-row">
        <button type="button" class="fn-button" data-testid="fn-export-json" onClick={onExportJson}>
          Download JSON backup
        </button>
        <button
          type="button"
          class="fn-button"
          data-testid="fn-export-markdown"
          onClick={onExportMarkdown}
        >
          Download Markdown reading list
        </button>
      </div>
    </section>
  );
}
