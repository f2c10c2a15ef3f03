import { initSidebarCommands } from './commands';
import { registerFeedBackground } from './feed';
import { initBadge } from './badge';
import { initStorageUpkeep } from './storage-upkeep';

export default defineBackground(() => {
  initSidebarCommands();
  registerFeedBackground();
  initStorageUpkeep();
  initBadge();
  // Background features are added here, one module each.
});
