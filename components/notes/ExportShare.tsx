export interface ExportShareProps {
  markdownUrl: string;
  jsonUrl: string;
  markdownFile: string;
  jsonFile: string;
  status: string;
  onCopyPath: () => void;
}

/** "Export & share": the page as Markdown, the path to the clipboard, the data as JSON. */
export function ExportShare({
  markdownUrl,
  jsonUrl,
  markdownFile,
  jsonFile,
  status,
  onCopyPath,
}: ExportShareProps) {
  return (
    <section class="fn-part fn-export" id="export" aria-labelledby="fn-export-heading">
      <h2 id="fn-export-heading">Export &amp; share</h2>
      <p class="fn-part-sub">Take the field notes with you</p>
      <div class="fn-export-actions">
        <a
          class="fn-button"
          href={markdownUrl}
          download={markdownFile}
          data-testid="fn-export-notes-markdown"
        >
          Download the field notes (Markdown)
        </a>
        <button
          type="button"
          class="fn-button fn-button-quiet"
          data-testid="fn-copy-path"
          onClick={onCopyPath}
        >
          Copy Start Here as Markdown
        </button>
        <a
          class="fn-button fn-button-quiet"
          href={jsonUrl}
          download={jsonFile}
          data-testid="fn-export-notes-json"
        >
          Download the data (JSON)
        </a>
      </div>
      <p class="fn-status" role="status" data-testid="fn-export-status">
        {status}
      </p>
      <p class="fn-hint">
        The Markdown keeps your read ticks; the copied path is a plain list to share.
      </p>
    </section>
  );
}
