// The toolbar badge: Start Here progress (e.g. 3/7), computed here from local marks only, kept
// current as marks and settings change in any tab.
import { browser } from 'wxt/browser';
import { startHereBadge } from '../../data/progress/badge-text';
import { loadPrefs, watchPrefs } from '../../data/settings/prefs';
import { loadProgress, watchProgress } from '../../data/progress/marks';

// MV3 (Chrome) has `action`; Firefox's MV2 build has `browserAction`.
const action = () => browser.action ?? browser.browserAction;

async function refreshBadge(): Promise<void> {
  const [progress, prefs] = await Promise.all([loadProgress(), loadPrefs()]);
  const text = startHereBadge(progress, prefs);
  await action().setBadgeText({ text });
  if (text) await action().setBadgeBackgroundColor({ color: '#5b3fd6' });
}

export function initBadge(): void {
  const refresh = () => void refreshBadge().catch(() => undefined);
  watchProgress(refresh);
  watchPrefs(refresh);
  refresh();
}
