import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fieldNotes } from '../../../data/notes/notes';
import { NO_FILTERS, buildIndex, documentFromPost } from '../../../data/search/engine';
import {
  OMNIBOX_SUGGESTIONS,
  omniboxSuggestions,
  omniboxTarget,
} from '../../../data/search/omnibox';
import {
  SEARCH_SESSION_KEY,
  SEARCH_SESSION_TTL_MS,
  loadSearchSession,
  saveSearchSession,
  savedSearchFromStored,
} from '../../../data/search/session';
import { isFlyTabUrl, openPost } from '../../../data/search/open-post';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the popup search session', () => {
  const saved = {
    query: 'sqllite',
    filters: { ...NO_FILTERS, unreadOnly: true, sort: 'newest' as const },
  };

  it('comes back within the short while', async () => {
    await saveSearchSession(saved, 1_000);
    expect(await loadSearchSession(1_000 + SEARCH_SESSION_TTL_MS - 1)).toEqual(saved);
  });

  it('is forgotten after the short while', async () => {
    await saveSearchSession(saved, 1_000);
    expect(await loadSearchSession(1_000 + SEARCH_SESSION_TTL_MS + 1)).toBeUndefined();
  });

  it('rejects stored values that fail validation', () => {
    expect(savedSearchFromStored({ query: 3, at: 1 }, 2)).toBeUndefined();
    expect(savedSearchFromStored('junk', 2)).toBeUndefined();
    expect(
      savedSearchFromStored({ ...saved.filters, query: 'x', at: 5, extra: true }, 6),
    ).toBeUndefined();
    expect(savedSearchFromStored({ ...saved.filters, query: 'x', at: 10 }, 5)).toBeUndefined();
  });

  it('is kept in storage.session where the browser has it', async () => {
    await saveSearchSession(saved, 1_000);
    const items = await fakeBrowser.storage.session.get(SEARCH_SESSION_KEY);
    expect(items[SEARCH_SESSION_KEY]).toMatchObject({ query: 'sqllite', at: 1_000 });
    expect(await fakeBrowser.storage.local.get(SEARCH_SESSION_KEY)).toEqual({});
  });
});

describe('opening a post', () => {
  // The fake browser starts with no focused window; the popup always has one.
  let windowId: number;
  beforeEach(async () => {
    const window = await fakeBrowser.windows.create({ focused: true });
    windowId = window!.id!;
  });
  const urlsInWindow = async () => (await fakeBrowser.tabs.query({ windowId })).map((t) => t.url);

  it('knows a fly.io tab', () => {
    expect(isFlyTabUrl('https://fly.io/blog/corrosion/')).toBe(true);
    expect(isFlyTabUrl('https://www.fly.io/docs/')).toBe(true);
    expect(isFlyTabUrl('https://fly.io.evil.example/')).toBe(false);
    expect(isFlyTabUrl(undefined)).toBe(false);
  });

  it('replaces the current tab when it shows fly.io', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://fly.io/blog/', active: true });
    await openPost('https://fly.io/blog/corrosion/', false);
    expect(await urlsInWindow()).toEqual(['https://fly.io/blog/corrosion/']);
    expect((await fakeBrowser.tabs.get(tab.id!)).url).toBe('https://fly.io/blog/corrosion/');
  });

  it('opens a new tab from another site, or when a new tab is asked for', async () => {
    await fakeBrowser.tabs.create({ url: 'https://example.org/', active: true });
    await openPost('https://fly.io/blog/corrosion/', false);
    await openPost('https://fly.io/blog/kurt-got-got/', true);
    expect(await urlsInWindow()).toEqual([
      'https://example.org/',
      'https://fly.io/blog/corrosion/',
      'https://fly.io/blog/kurt-got-got/',
    ]);
  });
});

describe('omnibox suggestions', () => {
  const posts = fieldNotes().posts;
  const index = buildIndex(posts);
  const docs = new Map(posts.map((p) => [p.slug, documentFromPost(p)]));

  it('suggest the posts for what is typed, URL as content', () => {
    const suggestions = omniboxSuggestions(index, docs, 'sqllite', { xml: false });
    expect(suggestions[0]!.content).toMatch(/^https:\/\/fly\.io\/blog\/litestream-/);
    expect(suggestions[0]!.description).toContain('SQLite & Litestream');
    expect(omniboxSuggestions(index, docs, 'mcp', { xml: false }).length).toBeLessThanOrEqual(
      OMNIBOX_SUGGESTIONS,
    );
  });

  it('escape XML for Chrome and leave text plain for Firefox', () => {
    const [chrome] = omniboxSuggestions(index, docs, 'design implementation sprites', {
      xml: true,
    });
    expect(chrome!.description).toBe(
      'The Design &amp; Implementation of Sprites — 7 min · Engineering Culture &amp; Blogging',
    );
    const [firefox] = omniboxSuggestions(index, docs, 'design implementation sprites', {
      xml: false,
    });
    expect(firefox!.description).toContain('The Design & Implementation');
  });

  it('open a chosen suggestion as is, else the best match, else nothing', () => {
    expect(omniboxTarget(index, docs, 'https://fly.io/blog/corrosion/')).toBe(
      'https://fly.io/blog/corrosion/',
    );
    expect(omniboxTarget(index, docs, 'operationalising')).toBe(
      'https://fly.io/blog/operationalizing-macaroons/',
    );
    expect(omniboxTarget(index, docs, 'qqqqzzzz')).toBeUndefined();
  });
});
