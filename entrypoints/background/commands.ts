// The sidebar's background side: the rebindable keyboard command that toggles it in the active
// tab, and opening the notes page for a link in the sidebar (pages may not navigate to it).
import { browser } from 'wxt/browser';
import { handleMessages, sendTabMessage, TOGGLE_COMMAND } from '../../data/shared/messages';
import { requestSchemas, responseSchemas } from '../../data/shared/message-schemas';
import { notesPageUrl } from '../../data/shared/extension-pages';

export async function toggleSidebarInActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  // A tab without the content script (not a blog page) has no receiver: nothing to toggle.
  await sendTabMessage(responseSchemas, tab.id, 'fn:toggle-sidebar', {}).catch(() => undefined);
}

export function initSidebarCommands(): void {
  browser.commands.onCommand.addListener((command) => {
    if (command === TOGGLE_COMMAND) void toggleSidebarInActiveTab();
  });
  handleMessages(requestSchemas, {
    'fn:open-notes': () => void browser.tabs.create({ url: notesPageUrl() }),
  });
}
