// The options page's services: the real data layer behind the interface OptionsApp expects.
// The component test uses the same wiring, so it tests what the page runs.
import type { FeedServices } from '../../components/options/FeedStatusSection';
import type { OptionsServices } from '../../components/options/OptionsApp';
import { applyImport } from '../../data/progress/backup';
import { loadFeedCache, watchFeed } from '../../data/feed/cache';
import { checkFeedNow } from '../../data/feed/check';
import { loadPrefs, savePrefs, watchPrefs } from '../../data/settings/prefs';
import { loadProgress, watchProgress } from '../../data/progress/marks';
import { clearMarks, loadResetUndo, restoreMarks } from '../../data/progress/reset';
import { loadQuarantine, markReported } from '../../data/storage/quarantine';
import { loadStorageUsage, watchStorage } from '../../data/storage/usage';
import type { StorageUsageServices } from '../../components/options/StorageUsage';
import {
  loadSyncEnabled,
  loadSyncStatus,
  saveSyncEnabled,
  watchSyncStatus,
} from '../../data/sync/status';

export function optionsServices(
  knownSlugs: ReadonlySet<string>,
  now: () => number = Date.now,
): OptionsServices {
  return {
    loadProgress,
    watchProgress,
    loadPrefs,
    watchPrefs,
    savePrefs,
    applyImport: (backup) => applyImport(backup, knownSlugs),
    clearMarks,
    restoreMarks,
    loadResetUndo: () => loadResetUndo(),
    loadQuarantine,
    markReported,
    sync: { loadSyncEnabled, saveSyncEnabled, loadSyncStatus, watchSyncStatus },
    now,
  };
}

export const feedServices: FeedServices = { loadFeedCache, watchFeed, checkFeedNow };

export const storageUsageServices: StorageUsageServices = { loadStorageUsage, watchStorage };
