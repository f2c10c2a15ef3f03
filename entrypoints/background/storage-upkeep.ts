// Storage upkeep in the one context that always runs: move older layouts to the current one and
// set aside anything unreadable, on install, on update and on every start (it is idempotent).
import { browser } from 'wxt/browser';
import { serialQueue } from '../../data/shared/serial-queue';
import { upgradeStorage } from '../../data/storage/upkeep';

export function initStorageUpkeep(): void {
  // One run at a time: install and start can both fire while the worker wakes.
  const queue = serialQueue();
  const run = () => void queue.run(upgradeStorage).catch(() => undefined);
  browser.runtime.onInstalled.addListener(run);
  run();
}
