// The options page's state: progress, settings, the import in hand and the reset that can be
// undone. Storage is reached only through `services`, so the page renders in tests without a
// browser. Other features add their own sections through `sections` (the feed status will).
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
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
import { downloadText } from './download';
import { ExportSection } from './ExportSection';
import { ImportPreview } from './ImportPreview';
import { ImportSection } from './ImportSection';
import { QuarantineNotice } from './QuarantineNotice';
import { ResetSection } from './ResetSection';
import { SettingsSection } from './SettingsSection';
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

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function OptionsApp({ notes, services, sections }: OptionsAppProps) {
  const [progress, setProgress] = useState<Progress>({});
  const [prefs, setPrefs] = useState<Prefs>(DEFAULT_PREFS);
  const [quarantine, setQuarantine] = useState<QuarantineEntry[]>([]);
  const [pending, setPending] = useState<Pending | undefined>();
  const [importError, setImportError] = useState<string | undefined>();
  const [importDone, setImportDone] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [snapshot, setSnapshot] = useState<Progress | undefined>();
  const [resetStatus, setResetStatus] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    void services.loadProgress().then((p) => live && setProgress(p));
    void services.loadPrefs().then((p) => live && setPrefs(p));
    void services.loadQuarantine().then((entries) => {
      const unreported = entries.filter((e) => !e.reported);
      if (!live || unreported.length === 0) return;
      setQuarantine(unreported);
      // Reported once: shown now, not announced again on the next visit.
      void services.markReported(unreported);
    });
    void services.loadResetUndo().then((marks) => {
      if (!live || !marks) return;
      setSnapshot(marks);
      setResetStatus(
        `Progress was reset: ${plural(Object.keys(marks).length, 'mark')} can still be restored.`,
      );
    });
    const stopProgress = services.watchProgress((p) => live && setProgress(p));
    const stopPrefs = services.watchPrefs((p) => live && setPrefs(p));
    return () => {
      live = false;
      stopProgress();
      stopPrefs();
    };
  }, [services]);

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
    const applied = await services.applyImport(pending.backup);
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
        status={resetStatus}
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
