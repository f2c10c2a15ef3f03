// A build step for the sidebar's content script (used by wxt.config.ts): WXT wraps every
// content script in code that creates its ContentScriptContext, and that context posts the
// extension's id to the page and stops when the page dispatches a CustomEvent of a known name
// (see context.ts). This serves WXT's wrapper module for isolated-world content scripts with
// one that only runs WXT's plugins and calls `main()`: the script makes its own context.
import type { Plugin } from 'vite';

/** The id WXT gives its isolated-world wrapper, followed by the content script's path. */
const WRAPPER = '\0virtual:wxt-content-script-isolated-world-entrypoint?';

export function ownContentContext(): Plugin {
  return {
    name: 'fly-field-notes:own-content-context',
    // Before WXT's own loader of the same module.
    enforce: 'pre',
    load(id) {
      if (!id.startsWith(WRAPPER)) return null;
      const input = JSON.stringify(id.slice(WRAPPER.length));
      return [
        `import definition from ${input};`,
        `import { initPlugins } from 'virtual:wxt-plugins';`,
        `initPlugins();`,
        `export default definition.main();`,
      ].join('\n');
    },
  };
}
