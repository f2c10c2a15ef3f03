// The sidebar's notes as the content script gets them: a JSON file the build writes next to the
// script (SIDEBAR_NOTES_FILE, from data/sidebar/notes-build-plugin.ts), fetched from the extension
// and checked against its schema. Keeping the notes out of the script's code keeps it inside
// its size budget; the file is listed as web-accessible to fly.io pages only, like the
// sidebar's stylesheet, under a per-session URL in Chrome (use_dynamic_url).
import { browser } from 'wxt/browser';
import { SIDEBAR_NOTES_FILE, sidebarNotesSchema, type SidebarNotesData } from './notes-projection';

/**
 * The URL of a file of the extension, from runtime.getURL itself: for a web-accessible file
 * with use_dynamic_url, Chrome answers with the per-session URL, the only one a fly.io page's
 * script may fetch (a URL built from getURL('/') is refused). WXT types getURL with the paths it
 * knows of, which do not include files the build generates.
 */
export function extensionUrl(path: `/${string}`): string {
  return (browser.runtime.getURL as (path: string) => string)(path);
}

/** Fetch and validate the notes file; throws an Error that says what went wrong. */
export async function loadSidebarNotesFile(
  fetchImpl: typeof fetch = fetch,
): Promise<SidebarNotesData> {
  const url = extensionUrl(`/${SIDEBAR_NOTES_FILE}`);
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`The sidebar notes file answered HTTP ${response.status}.`);
  const parsed = sidebarNotesSchema.safeParse(await response.json());
  if (!parsed.success)
    throw new Error(`The sidebar notes file is not valid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
