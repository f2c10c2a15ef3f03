// The `fn` keyword searches the whole archive (notes, feed, posts learned from the blog's pages)
// and says which results have field notes.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadArchivePosts } from '../../../data/archive/archive';
import { omniboxSuggestions, omniboxTarget } from '../../../data/search/omnibox';
import { archiveSearch } from '../../../entrypoints/background/omnibox';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('omnibox over the whole blog', () => {
  it('finds a post known only from the blog’s pages, marked as having no field notes', async () => {
    await fakeBrowser.storage.local.set({
      'archive:post:zebra-migrations-of-2019': {
        title: 'Zebra Migrations of 2019',
        minutes: 12,
        from: 'index',
        at: 1,
      },
    });
    const { index, docs } = archiveSearch(await loadArchivePosts());
    const [first] = omniboxSuggestions(index, docs, 'zebra', { xml: false });
    expect(first).toEqual({
      content: 'https://fly.io/blog/zebra-migrations-of-2019/',
      description: 'Zebra Migrations of 2019 — no field notes yet',
    });
    expect(omniboxTarget(index, docs, 'zebra migrations')).toBe(
      'https://fly.io/blog/zebra-migrations-of-2019/',
    );
    // A post of the notes still shows its section (it has field notes).
    const [annotated] = omniboxSuggestions(index, docs, 'sqllite', { xml: false });
    expect(annotated!.description).toContain('SQLite & Litestream');
    expect(annotated!.description).not.toContain('no field notes');
  });

  it('takes markup in a learned title as text, escaped for Chrome', async () => {
    await fakeBrowser.storage.local.set({
      'archive:post:markup-title': { title: 'Zebra <b>bold</b> & co', from: 'page', at: 1 },
    });
    const { index, docs } = archiveSearch(await loadArchivePosts());
    const [first] = omniboxSuggestions(index, docs, 'zebra', { xml: true });
    expect(first!.description).toBe('Zebra &lt;b&gt;bold&lt;/b&gt; &amp; co — no field notes yet');
  });
});
