// Build step for the content script's notes: replaces data/sidebar-notes-data.ts with the
// sidebar's projection of data/notes.json as a plain literal, after validating the whole file
// with the full schema. Invalid notes fail the build with the schema's list of problems, so the
// content script can use the data without validating it again on every page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { parseFieldNotes } from './notes';
import { projectSidebarNotes } from './sidebar-notes-projection';

const notesJson = (root: string) => resolve(root, 'data/notes.json');
const DATA_MODULE = /[\\/]data[\\/]sidebar-notes-data\.ts$/;

/** The module's source as the build ships it. Throws when notes.json is invalid. */
export function sidebarNotesModule(json: string): string {
  const notes = parseFieldNotes(JSON.parse(json));
  return `export default ${JSON.stringify(projectSidebarNotes(notes))};\n`;
}

export function sidebarNotesPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'fly-field-notes:sidebar-notes',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    load(id) {
      if (!DATA_MODULE.test(id.split('?')[0] ?? '')) return null;
      const file = notesJson(root);
      this.addWatchFile(file);
      return sidebarNotesModule(readFileSync(file, 'utf8'));
    },
  };
}
