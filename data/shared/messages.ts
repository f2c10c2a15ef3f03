// Messages between the content script's sidebar and the background. Both ends validate them.
import * as z from 'zod/mini';

/** Background → tab: the keyboard command asks the sidebar to open or close. */
export const toggleSidebarMessage = z.strictObject({ type: z.literal('fn:toggle-sidebar') });

/** Tab → background: open the extension's notes page (a web page may not link to it). */
export const openNotesMessage = z.strictObject({ type: z.literal('fn:open-notes') });

export const TOGGLE_COMMAND = 'toggle-sidebar';
