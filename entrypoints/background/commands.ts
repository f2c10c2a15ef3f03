// The sidebar's background side: the rebindable keyboard command that toggles it in the active
// tab, and opening the notes page for a link in the sidebar (pages may not navigate to it).
import { browser } from 'wxt/browser';
import { openNotesMessage, TOGGLE_COMMAND } from '../../data/shared/messages';

export async function toggleSidebarInActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  // A tab without the content script (not a blog page) has no receiver: nothing to toggle.
  await browser.tabs.sendMessage(tab.id, { type: 'fn:toggle-sidebar' }).catch(() => undefined);
}

export function initSidebarCommands(): void {
  browser.commands.onCommand.addListener((command) => {
    if (command === TOGGLE_COMMAND) void toggleSidebarInActiveTab();
  });
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!openNotesMessage.safeParse(message).success) return undefined;
    void browser.tabs.create({ url: new URL('notes.html', browser.runtime.getURL('/')).href });
    return undefined;
  });
}
