// The reading chunk (built to reading.js): the outline, reading progress and resume of a post
// page. The sidebar's script imports it once the sidebar has painted (entrypoints/content/
// outline.ts); it leaves its start function on the content script's global for that script.
import type { StartReading } from './host';
import { startReading } from './start';

export default defineUnlistedScript(() => {
  (globalThis as { flyFieldNotesReading?: StartReading }).flyFieldNotesReading = startReading;
});
