// Read marks and settings through the browser's own sync (data/sync/engine.ts does the work).
import { SyncEngine } from '../../data/sync/engine';

export function initSync(): void {
  void new SyncEngine().start();
}
