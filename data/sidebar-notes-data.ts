// The sidebar's share of the bundled notes (see sidebar-notes-projection.ts).
//
// In the extension's build this whole module is replaced by its result, computed at build time
// by data/sidebar-notes-plugin.ts after it validated notes.json with the full schema (an invalid
// file fails the build): the content script ships a plain literal, with neither the full notes
// nor their schema, and spends no time validating them on each page. The background validates
// the same bundled notes again when the extension starts (validateBundledNotes, data/notes.ts),
// and the unit tests check them. Without the plugin (unit tests) the projection runs here.
import rawNotes from './notes.json';
import { projectSidebarNotes, type SidebarNotesData } from './sidebar-notes-projection';
import type { FieldNotes } from './schema';

const data: SidebarNotesData = projectSidebarNotes(rawNotes as FieldNotes);
export default data;
