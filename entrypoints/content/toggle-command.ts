// The keyboard command reaches the page as a message from the background.
import { contentRequestSchemas, handleMessages } from '../../data/shared/messages';
import type { ContentContext } from './context';

export function listenForToggleCommand(ctx: ContentContext, onToggle: () => void): () => void {
  const stop = handleMessages(contentRequestSchemas, {
    'fn:toggle-sidebar': () => void onToggle(),
  });
  ctx.onInvalidated(stop);
  return stop;
}
