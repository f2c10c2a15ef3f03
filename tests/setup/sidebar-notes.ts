// Unit and component tests: the sidebar's lookups answer from the bundled notes, as they do in
// the content script once it has loaded its notes file (data/sidebar/notes-file.ts).
import { fieldNotes } from '../../data/notes/notes';
import { setSidebarNotes } from '../../data/sidebar/sidebar-notes';
import { projectSidebarNotes } from '../../data/sidebar/notes-projection';

setSidebarNotes(projectSidebarNotes(fieldNotes()));
