// The options page's state: progress, settings, the import in hand and the reset that can be
// undone. Storage is reached only through `services`, so the page renders in tests without a
// browser. Other features add their own sections through `sections` (the feed status will).
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import {
  backupFileName,
  backupJson,
  MAX_BACKUP_BYTES,
  parseBackup,
  planImport,
  type Backup,
  tooLargeMessage,
  type ImportPlan,
} from '../../data/progress/backup';
import type { FieldNotes } from '../../data/notes/schema';
import { DEFAULT_PREFS, type Prefs } from '../../data/settings/prefs';
import { readSlugs, type Progress } from '../../data/progress/marks';
import type { QuarantineEntry } from '../../data/storage/quarantine';
import { readingListFileName, readingListMarkdown } from '../../data/progress/reading-list';
import { useStoredValue } from '../common/useStoredValue';
import { downloadText } from './download';
import { ExportSection } from './ExportSection';
import { ArchiveLoad } from '../archive/ArchiveLoad';
import { BlogProgress } from '../archive/BlogProgress';
import { ImportPreview } from './ImportPreview';
import { ImportSection } from './ImportSection';
import { QuarantineNotice } from './QuarantineNotice';
import { ResetSection } from './ResetSection';
import { SettingsSection } from './SettingsSection';
import { plural } from '../../data/shared/text';
import { SyncSection, type SyncServices } from './SyncSection';

export interface OptionsServices {
  loadProgress: () => Promise<Progress>;
  watchProgress: (onChange: (progress: Progress) => void) => () => void;
  loadPrefs: () => Promise<Prefs>;
  watchPrefs: (onChange: (prefs: Prefs) => void) => () => void;
  savePrefs: (changes: Partial<Prefs>) => Promise<unknown>;
  applyImport: (backup: Backup) => Promise<ImportPlan>;
  clearMarks: () => Promise<Progress>;
  restoreMarks: (snapshot: Progress) => Promise<number>;
  /** The last reset's marks, while it can still be undone. */
  loadResetUndo: () => Promise<Progress | undefined>;
  loadQuarantine: () => Promise<QuarantineEntry[]>;
  markReported: (entries: QuarantineEntry[]) => Promise<void>;
  /** The sync switch and status (components/options/SyncSection.tsx). */
  sync: SyncServices;
  now: () => number;
}

export interface OptionsAppProps {
  notes: FieldNotes;
  services: OptionsServices;
  /** More sections, shown after the settings (e.g. the feed's status). */
  sections?: ComponentChildren;
}

type Pending = { fileName: string; backup: Backup };

export function OptionsApp({ notes, services, sections }: OptionsAppProps) {
  const [progress] = useStoredValue<Progress>(
    { load: services.loadProgress, watch: services.watchProgress },
    {},
    [services],
  );
  const [prefs, setPrefs] = useStoredValue<Prefs>(
    { load: services.loadPrefs, watch: services.watchPrefs },
    DEFAULT_PREFS,
    [services],
  );
  // Storage problems not yet reported: shown once, and marked reported as they are shown.
  const [quarantine, setQuarantine] = useStoredValue<QuarantineEntry[]>(
    {
      load: async () => {
        const unreported = (await services.loadQuarantine()).filter((e) => !e.reported);
        if (unreported.length > 0) void services.markReported(unreported);
        return unreported;
      },
    },
    [],
    [services],
  );
  const [pending, setPending] = useState<Pending | undefined>();
  const [importError, setImportError] = useState<string | undefined>();
  const [importDone, setImportDone] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  // The marks a reset forgot, kept for its undo (also when the reset was on an earlier visit).
  const [snapshot, setSnapshot] = useStoredValue<Progress | undefined>(
    { load: services.loadResetUndo },
    undefined,
    [services],
  );
  const [resetStatus, setResetStatus] = useState<string | undefined>();
  const shownResetStatus =
    resetStatus ??
    (snapshot
      ? `Progress was reset: ${plural(Object.keys(snapshot).length, 'mark')} can still be restored.`
      : undefined);

  const known = useMemo(() => new Set(notes.posts.map((p) => p.slug)), [notes]);
  const titleOf = (slug: string) => notes.posts.find((p) => p.slug === slug)?.title ?? slug;
  // Re-planned whenever progress changes, so the preview never shows a stale picture.
  const plan = pending ? planImport(progress, pending.backup, known, prefs) : undefined;
  const markCount = Object.keys(progress).length;
  const readCount = readSlugs(progress).filter((slug) => known.has(slug)).length;
  const pathRead = notes.path.filter((s) => progress[s.slug]?.read === true).length;

  const onFile = async (file: File) => {
    setPending(undefined);
    setImportDone(undefined);
    setImportError(undefined);
    // Refused before reading: a huge file would stall the page for nothing.
    if (file.size > MAX_BACKUP_BYTES) {
      setImportError(tooLargeMessage(file.size));
      return;
    }
    const result = parseBackup(await file.text(), services.now());
    if (result.ok) setPending({ fileName: file.name, backup: result.backup });
    else setImportError(result.error);
  };

  const onApply = async () => {
    if (!pending) return;
    let applied: ImportPlan;
    try {
      applied = await services.applyImport(pending.backup);
    } catch (error) {
      // applyImport writes all or nothing: say why, and that nothing changed.
      setPending(undefined);
      setImportError(
        error instanceof Error ? error.message : 'The browser refused to store the backup.',
      );
      return;
    }
    setPending(undefined);
    setImportDone(
      `Imported from ${pending.fileName}: ${plural(applied.added.length, 'new mark')}, ${plural(applied.updated.length, 'mark')} replaced by later ones, ${plural(applied.prefs.length, 'setting')} changed.`,
    );
  };

  const onConfirmReset = async () => {
    setConfirming(false);
    const before = await services.clearMarks();
    setSnapshot(before);
    setResetStatus(`Progress reset: ${plural(Object.keys(before).length, 'mark')} forgotten.`);
  };

  const onUndo = async () => {
    if (!snapshot) return;
    const restored = await services.restoreMarks(snapshot);
    setSnapshot(undefined);
    setResetStatus(`Undone: ${plural(restored, 'mark')} restored.`);
  };

  return (
    <main class="fn-options">
      <header>
        <h1>Fly Field Notes</h1>
        <p data-testid="fn-progress-summary">
          You have read {readCount} of {notes.posts.length} posts; Start Here: {pathRead} of{' '}
          {notes.path.length}.
        </p>
      </header>
      <QuarantineNotice entries={quarantine} onDismiss={() => setQuarantine([])} />
      <SettingsSection
        prefs={prefs}
        onChange={(changes) => {
          setPrefs({ ...prefs, ...changes });
          void services.savePrefs(changes);
        }}
      />
      <SyncSection services={services.sync} />
      {sections}
      <section class="fn-options-section" aria-labelledby="fn-whole-blog-heading">
        <h2 id="fn-whole-blog-heading">The whole blog</h2>
        <p class="fn-hint">
          Loads every post of fly.io/blog from the blog’s own index pages, one page a second, in an
          open blog tab (or one it opens). Posts are also learned as you browse the blog.
        </p>
        <BlogProgress />
        <ArchiveLoad />
      </section>
      <ExportSection
        onExportJson={() =>
          downloadText(
            backupFileName(services.now()),
            backupJson(progress, prefs, services.now()),
            'application/json',
          )
        }
        onExportMarkdown={() =>
          downloadText(
            readingListFileName(services.now()),
            readingListMarkdown(notes, progress, services.now()),
            'text/markdown',
          )
        }
      />
      <ImportSection error={importError} done={importDone} onFile={(file) => void onFile(file)}>
        {pending && plan ? (
          <ImportPreview
            fileName={pending.fileName}
            plan={plan}
            ignoredSettings={pending.backup.ignoredSettings}
            titleOf={titleOf}
            onApply={() => void onApply()}
            onCancel={() => setPending(undefined)}
          />
        ) : null}
      </ImportSection>
      <ResetSection
        markCount={markCount}
        confirming={confirming}
        undoable={snapshot !== undefined}
        status={shownResetStatus}
        onReset={() => {
          setResetStatus(undefined);
          setConfirming(true);
        }}
        onConfirm={() => void onConfirmReset()}
        onCancel={() => setConfirming(false)}
        onUndo={() => void onUndo()}
      />
    </main>
  );
}
