// Opening what the popup and the omnibox point at, with no `tabs` permission:
// tabs.update and tabs.create need none, and tabs.query shows a tab's url only where the
// extension has host access (its content script's fly.io/blog patterns), which is exactly
// the case "the current tab is a fly.io tab" that needs it.
import { browser } from 'wxt/browser';
import { notesPageUrl } from '../shared/extension-pages';
import { isFlyHost } from '../shared/fly-urls';

export function isFlyTabUrl(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && isFlyHost(hostname);
  } catch {
    return false;
  }
}

/** Open a post: in the current tab when it shows fly.io and no new tab is asked for. */
export async function openPost(url: string, newTab: boolean): Promise<void> {
  if (!newTab) {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined && isFlyTabUrl(tab.url)) {
      await browser.tabs.update(tab.id, { url });
      return;
    }
  }
  await browser.tabs.create({ url });
}

export async function openNotesPage(): Promise<void> {
  await browser.tabs.create({ url: notesPageUrl() });
}
