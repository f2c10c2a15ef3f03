// The keyboard command reaches the page as a message from the background.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { toggleSidebarMessage } from '../../data/shared/messages';

export function listenForToggleCommand(
  ctx: ContentScriptContext,
  onToggle: () => void,
): () => void {
  const listener = (message: unknown) => {
    if (toggleSidebarMessage.safeParse(message).success) onToggle();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  const stop = () => browser.runtime.onMessage.removeListener(listener);
  ctx.onInvalidated(stop);
  return stop;
}
