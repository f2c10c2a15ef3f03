import { initSidebarCommands } from './commands';
import { registerFeedBackground } from './feed';

export default defineBackground(() => {
  initSidebarCommands();
  registerFeedBackground();
  // Background features are added here, one module each.
});
