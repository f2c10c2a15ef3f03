// The options page's "Storage" section: how much of the browser's storage the extension uses,
// against the browser's quota. Reaches storage only through `services`.
import { useEffect, useState } from 'preact/hooks';
import { usageText, type StorageUsage } from '../../data/storage/usage';

export interface StorageUsageServices {
  loadStorageUsage: () => Promise<StorageUsage>;
  watchStorage: (onChange: () => void) => () => void;
}

export function StorageUsageSection({ services }: { services: StorageUsageServices }) {
  const [usage, setUsage] = useState<StorageUsage | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    const load = () =>
      services.loadStorageUsage().then(
        (next) => live && (setUsage(next), setError(undefined)),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    void load();
    const stop = services.watchStorage(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, [services]);

  const full = usage?.quota !== undefined && usage.used / usage.quota >= 0.9;
  return (
    <section class="fn-options-section" aria-labelledby="fn-storage-heading">
      <h2 id="fn-storage-heading">Storage</h2>
      <p
        data-testid="fn-storage-usage"
        data-used={usage?.used}
        data-quota={usage?.quota}
        aria-live="polite"
      >
        {error
          ? `The browser did not say how much storage is in use (${error}).`
          : usage
            ? `Marks, settings and the feed cache use ${usageText(usage)} of the browser’s storage for this extension.`
            : 'Reading how much storage is in use…'}
      </p>
      {full ? (
        <p class="fn-error" role="alert" data-testid="fn-storage-full">
          Storage is nearly full: imports and new marks may fail. Resetting progress frees it.
        </p>
      ) : null}
    </section>
  );
}
