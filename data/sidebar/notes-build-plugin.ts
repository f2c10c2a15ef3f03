// Build step for the content script's notes: data/sidebar/notes-file.ts's JSON file, written
// into the extension by the `build:publicAssets` hook in wxt.config.ts. The whole notes.json is
// validated with the full schema first: invalid notes fail the build with the schema's list of
// problems. The file holds only the sidebar's projection of the notes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFieldNotes } from '../notes/notes';
import { SIDEBAR_NOTES_FILE, projectSidebarNotes } from './notes-projection';

/** The file's text for `json` (the text of notes.json). Throws when the notes are invalid. */
export function sidebarNotesJson(json: string): string {
  return JSON.stringify(projectSidebarNotes(parseFieldNotes(JSON.parse(json))));
}

/** The generated file, as WXT's `build:publicAssets` hook takes it. */
export function sidebarNotesAsset(root: string): { relativeDest: string; contents: string } {
  const json = readFileSync(resolve(root, 'data/notes/notes.json'), 'utf8');
  return { relativeDest: SIDEBAR_NOTES_FILE, contents: sidebarNotesJson(json) };
}
