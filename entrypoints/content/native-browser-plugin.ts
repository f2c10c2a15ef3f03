// A build step for the sidebar's content script (used by wxt.config.ts): in that script only,
// `browser` is the browser's own extension API object instead of webextension-polyfill.
//
// Why: the script's first paint has a 25 KB gzip budget and the polyfill is 2.7 KB of it. The
// polyfill only turns Chrome's callback APIs into promises, and every API this script uses
// already returns promises natively where it runs: Chrome's MV3 content scripts (`chrome.*`) and
// Firefox (`browser.*`). Messages are answered through `sendResponse` (data/shared/messages.ts),
// which both browsers support. The background and the extension pages keep the polyfill; the
// unit tests keep WXT's fake browser (this plugin is not part of the Vitest config).
import type { Plugin } from 'vite';

/** What WXT's polyfill module makes `wxt/browser` resolve to. */
const POLYFILL = '@wxt-dev/webextension-polyfill/browser';
/** WXT's wrapper of an isolated-world content script: only content-script builds have it. */
const CONTENT_WRAPPER = 'virtual:wxt-content-script-isolated-world-entrypoint';
const NATIVE = '\0fly-field-notes:native-browser';

export function nativeBrowserInContentScript(): Plugin {
  let contentBuild = false;
  return {
    name: 'fly-field-notes:native-browser',
    enforce: 'pre',
    options(options) {
      contentBuild = JSON.stringify(options.input ?? '').includes(CONTENT_WRAPPER);
      return null;
    },
    resolveId(id) {
      return contentBuild && id === POLYFILL ? NATIVE : null;
    },
    load(id) {
      if (id !== NATIVE) return null;
      return 'export const browser = globalThis.browser ?? globalThis.chrome;';
    },
  };
}
