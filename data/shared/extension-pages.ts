// The extension's own pages, by URL: one rule for the sidebar's link, the keyboard command, the
// popup and the omnibox.
import { browser } from 'wxt/browser';

/** The extension's page of all field notes. */
export function notesPageUrl(): string {
  // Typed as a string: the notes page is another entrypoint and may not be built yet.
  return (browser.runtime.getURL as (path: string) => string)('/notes.html');
}
