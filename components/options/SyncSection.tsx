// The sync switch and status: whether marks and settings travel through the browser's own sync,
// when they last did, how much of the quota they use, and the last error in words.
import { useEffect, useState } from 'preact/hooks';
import { SYNC_QUOTA } from '../../data/sync/pack';
import { initialStatus, statusText, usageText, type SyncStatus } from '../../data/sync/status';

export interface SyncServices {
  loadSyncEnabled: () => Promise<boolean>;
  saveSyncEnabled: (enabled: boolean) => Promise<void>;
  loadSyncStatus: () => Promise<SyncStatus>;
  watchSyncStatus: (onChange: () => void) => () => void;
}

export function SyncSection({ services }: { services: SyncServices }) {
  const [enabled, setEnabled] = useState(true);
  const [status, setStatus] = useState<SyncStatus>(initialStatus);

  useEffect(() => {
    let live = true;
    const refresh = () => {
      void services.loadSyncEnabled().then((on) => live && setEnabled(on));
      void services.loadSyncStatus().then((s) => live && setStatus(s));
    };
    refresh();
    const stop = services.watchSyncStatus(refresh);
    return () => {
      live = false;
      stop();
    };
  }, [services]);

  return (
    <section class="fn-options-section" aria-labelledby="fn-sync-heading">
      <h2 id="fn-sync-heading">Sync</h2>
      <div class="fn-setting">
        <input
          type="checkbox"
          id="fn-sync-toggle"
          data-testid="fn-sync-toggle"
          checked={enabled}
          aria-describedby="fn-sync-hint"
          onChange={(event) => {
            const on = event.currentTarget.checked;
            setEnabled(on);
            void services.saveSyncEnabled(on);
          }}
        />
        <label for="fn-sync-toggle">
          Sync read marks and settings through this browser&apos;s sync
        </label>
        <p class="fn-hint" id="fn-sync-hint">
          Chrome Sync or Firefox Sync carries them to your other devices; nothing goes anywhere
          else. Turned off, every mark stays on this device.
        </p>
      </div>
      <p role="status" data-testid="fn-sync-status">
        {statusText(status, enabled)}
      </p>
      <p>
        Sync storage used:{' '}
        <span data-testid="fn-sync-usage">{usageText(status.bytesInUse, SYNC_QUOTA.bytes)}</span>
      </p>
    </section>
  );
}
