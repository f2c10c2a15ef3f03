import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { sidebarNotesPlugin } from './data/sidebar-notes-plugin';

// Manifest permissions are kept to the least that works; each is explained in README.md.
export default defineConfig({
  // FN_OUT_DIR lets parallel work build into separate folders; CI and the README use .output.
  outDir: process.env.FN_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // sidebarNotesPlugin: the content script's notes, validated and projected at build time.
  vite: () => ({ plugins: [preact(), sidebarNotesPlugin()] }),
  zip: {
    excludeSources: ['.output/**', 'node_modules/**', '.wxt/**', 'coverage/**', 'test-results/**'],
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Fly Field Notes',
    description:
      'Field notes for the Fly.io engineering blog, beside every post: a sidebar, archive search and reading progress.',
    // activeTab: the popup may open a post in the reader's current tab only when that tab is on
    // fly.io, and without it tabs.query hides the tab's URL (content-script matches do not
    // count). It asks for nothing at install and grants access to that one tab, on click.
    permissions: ['storage', 'activeTab'],
    // Only when the reader clicks "check for new posts" (data/feed-check.ts): visiting the blog
    // refreshes the feed from the content script without it. Browsers grant hosts by origin.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['https://fly.io/blog/feed.xml'] }
      : { optional_permissions: ['https://fly.io/blog/feed.xml'] }),
    // The address-bar keyword for archive search (entrypoints/background/omnibox.ts).
    omnibox: { keyword: 'fn' },
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
