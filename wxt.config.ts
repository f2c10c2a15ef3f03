import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { nativeBrowserInContentScript } from './entrypoints/content/native-browser-plugin';
import { ownContentContext } from './entrypoints/content/own-context-plugin';
import { sidebarNotesAsset } from './data/sidebar/notes-build-plugin';
import { SIDEBAR_NOTES_FILE } from './data/sidebar/notes-projection';
import { reservationAssets } from './data/settings/reserved-space';
import { BLOG_PAGE_MATCHES } from './data/shared/fly-urls';

/** The sidebar's content script as WXT builds it; entrypoints/loader.ts imports it. */
const SIDEBAR_SCRIPT_FILE = 'content-scripts/content.js';
/** The outline, progress and resume chunk the sidebar imports after painting (entrypoints/reading/). */
const READING_SCRIPT_FILE = 'reading.js';
/** The archive's page reader and index walk, imported when the page is idle (entrypoints/learn/). */
const LEARN_SCRIPT_FILE = 'learn.js';

// Manifest permissions are kept to the least that works; each is explained in README.md.
export default defineConfig({
  // FN_OUT_DIR lets parallel work build into separate folders; CI and the README use .output.
  outDir: process.env.FN_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    // ownContentContext: the sidebar script runs without WXT's page-visible context (context.ts);
    // nativeBrowserInContentScript: that script uses the browser's own promise-based API object.
    plugins: [preact(), ownContentContext(), nativeBrowserInContentScript()],
    // FN_TEST_BUILD=1 (npm run build:test) makes the test build: the sidebar's and the card
    // marks' shadow roots open so end-to-end tests can reach in. Any other build is production:
    // the constant is `false` and the code it guards is dropped (components/common/test-build.ts).
    define: { __FN_TEST_BUILD__: JSON.stringify(process.env.FN_TEST_BUILD === '1') },
    // Every browser this extension supports has modulepreload: Vite's polyfill for it is code
    // each extension page would run for nothing.
    build: { modulePreload: { polyfill: false } },
  }),
  hooks: {
    // The content script's notes, validated and projected at build time (invalid notes fail
    // the build), written as a file beside the script rather than bundled into it.
    'build:publicAssets': (wxt, files) => {
      files.push(sidebarNotesAsset(wxt.config.root));
      // The stylesheets that reserve a pinned sidebar's space (data/settings/reserved-space.ts).
      files.push(...reservationAssets());
    },
    // The manifest injects the small loader (entrypoints/loader.ts), which imports the sidebar's
    // content script after the page's load event; WXT still builds that script (and its
    // stylesheet) from entrypoints/content/ as it builds any content script.
    // It runs at document_start, to reserve a pinned sidebar's space before the page paints.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        if (!script.js?.includes(SIDEBAR_SCRIPT_FILE)) continue;
        script.js = script.js.map((file) => (file === SIDEBAR_SCRIPT_FILE ? 'loader.js' : file));
        script.run_at = 'document_start';
      }
    },
  },
  zip: {
    excludeSources: [
      '.output/**',
      '.output-test/**',
      'node_modules/**',
      '.wxt/**',
      'coverage/**',
      'test-results/**',
    ],
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Fly Field Notes',
    description:
      'Field notes for the Fly.io engineering blog, beside every post: a sidebar, archive search and reading progress.',
    // activeTab: the popup may open a post in the reader's current tab only when that tab is on
    // fly.io, and without it tabs.query hides the tab's URL (content-script matches do not
    // count). It asks for nothing at install and grants access to that one tab, on click.
    // scripting (Chrome; Firefox's contentScripts needs no permission) and the blog's pages as
    // hosts: the background registers the stylesheet that reserves a pinned sidebar's space
    // before the page paints (entrypoints/background/reserved-space.ts), which browsers inject
    // only where the extension holds the host. The same pages the content script runs on, so
    // the install prompt is the same; scripting itself asks for nothing at install.
    permissions:
      manifestVersion === 3 ? ['storage', 'activeTab', 'scripting'] : ['storage', 'activeTab'],
    host_permissions: BLOG_PAGE_MATCHES,
    // Only when the reader clicks "check for new posts" (data/feed/check.ts): visiting the blog
    // refreshes the feed from the content script without it. Browsers grant hosts by origin.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['https://fly.io/blog/feed.xml'] }
      : { optional_permissions: ['https://fly.io/blog/feed.xml'] }),
    // The address-bar keyword for archive search (entrypoints/background/omnibox.ts).
    omnibox: { keyword: 'fn' },
    // The content script fetches its notes file (data/sidebar/notes-file.ts); only fly.io pages
    // may, and Chrome serves it under a per-session URL; the same for the sidebar's scripts
    // (the loader imports the sidebar's, which imports the reading and learn chunks). WXT adds the sidebar's stylesheet here
    // the same way, and writes both as the plain MV2 list for Firefox.
    web_accessible_resources: [
      {
        resources: [
          SIDEBAR_NOTES_FILE,
          SIDEBAR_SCRIPT_FILE,
          READING_SCRIPT_FILE,
          LEARN_SCRIPT_FILE,
        ],
        matches: ['https://fly.io/*', 'https://www.fly.io/*'],
        use_dynamic_url: true,
      },
    ],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+N', mac: 'Alt+Shift+N' },
        description: 'Show or hide the field-notes sidebar',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'fly-field-notes@example.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
