// How much of the browser's storage the extension uses, for the options page. Chrome reports
// it (storage.local.getBytesInUse) against a fixed quota (storage.local.QUOTA_BYTES, 10 MB);
// where getBytesInUse is missing (Firefox ESR's storage.local has none) the size is counted the
// way Chrome counts it, each key plus its value as JSON, in UTF-8 bytes.
import { browser } from 'wxt/browser';

export interface StorageUsage {
  /** Bytes in use. */
  used: number;
  /** The browser's fixed quota for storage.local, when it has one. */
  quota: number | undefined;
  /** `used` is the browser's own figure (true) or counted here (false). */
  measured: boolean;
}

interface LocalArea {
  getBytesInUse?: (keys: null) => Promise<number>;
  QUOTA_BYTES?: unknown;
}

/** Each key plus its value as JSON, in UTF-8 bytes (how Chrome counts storage.local). */
export function countBytes(items: Record<string, unknown>): number {
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const [key, value] of Object.entries(items))
    bytes += encoder.encode(key).length + encoder.encode(JSON.stringify(value) ?? '').length;
  return bytes;
}

export async function loadStorageUsage(): Promise<StorageUsage> {
  const local = browser.storage.local as unknown as LocalArea;
  const quota =
    typeof local.QUOTA_BYTES === 'number' && local.QUOTA_BYTES > 0 ? local.QUOTA_BYTES : undefined;
  if (typeof local.getBytesInUse === 'function')
    return { used: await local.getBytesInUse(null), quota, measured: true };
  return { used: countBytes(await browser.storage.local.get(null)), quota, measured: false };
}

/** Call `onChange` after anything in storage.local changes. */
export function watchStorage(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'local') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** "1.2 MB of 10 MB (12%)" or, with no fixed quota, "1.2 MB". */
export function usageText({ used, quota }: StorageUsage): string {
  const size = (bytes: number) =>
    bytes < 1024
      ? `${bytes} bytes`
      : bytes < 1024 * 1024
        ? `${(bytes / 1024).toFixed(1)} KB`
        : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (quota === undefined) return `${size(used)} (this browser sets no fixed limit for it)`;
  return `${size(used)} of ${size(quota)} (${Math.round((used / quota) * 100)}%)`;
}
