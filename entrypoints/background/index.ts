import { initSidebarCommands } from './commands';
import { registerFeedBackground } from './feed';
import { initBadge } from './badge';
import { initStorageUpkeep } from './storage-upkeep';
import { registerOmnibox } from './omnibox';
import { initSync } from './sync';
import { registerArchiveBackground } from './archive';
import { registerArchiveWalk } from './archive-walk';
import { registerSuggestSection } from './suggest';
import { initReservedSpace } from './reserved-space';
import { validateBundledNotes } from '../../data/notes/notes';

export default defineBackground(() => {
  validateBundledNotes();
  initSidebarCommands();
  registerFeedBackground();
  initStorageUpkeep();
  initBadge();
  registerOmnibox();
  initSync();
  registerArchiveBackground();
  registerArchiveWalk();
  registerSuggestSection();
  initReservedSpace();
  // Background features are added here, one module each.
});
