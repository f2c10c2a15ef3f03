// The suggested section for a post outside the notes, answered here for the sidebar: the
// scoring needs MiniSearch, which the content script's size budget cannot carry.
import { fieldNotes } from '../../data/notes/notes';
import { suggestSection } from '../../data/notes/suggest';
import { handleMessages } from '../../data/shared/messages';
import { requestSchemas } from '../../data/shared/message-schemas';

/** Answer `fn:suggest-section` (the index over the notes is built on the first request). */
export function registerSuggestSection(): () => void {
  return handleMessages(requestSchemas, {
    'fn:suggest-section': ({ title, teaser, slug }) => ({
      suggestion: suggestSection({ title, teaser, slug }, fieldNotes()),
    }),
  });
}
