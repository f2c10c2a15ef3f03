import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createLearnedWriter,
  fullMessage,
  learnedInput,
  LEARNED_PREFIX,
  loadLearnedPosts,
  MAX_LEARNED,
  mergeLearned,
  refusedCount,
} from '../../../data/archive/learned';
import { loadArchivePosts, wholeArchive } from '../../../data/archive/archive';
import { loadQuarantine } from '../../../data/storage/quarantine';
import { fieldNotes } from '../../../data/notes/notes';
import { setRead, loadProgress } from '../../../data/progress/marks';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('learnedInput (what a content script sends)', () => {
  it('keeps a post with any fields that validate, dropping the rest one by one', () => {
    expect(
      learnedInput({ slug: 'a-post', title: 'A Post', minutes: -3, teaser: 'x'.repeat(5000) }),
    ).toEqual({ slug: 'a-post', fields: { title: 'A Post' } });
    expect(learnedInput({ slug: 'just-a-link' })).toEqual({ slug: 'just-a-link', fields: {} });
  });

  it('refuses what is not a post', () => {
    for (const bad of [null, 'a-post', { slug: '../x' }, { slug: 'a'.repeat(201) }, { title: 'T' }])
      expect(learnedInput(bad)).toBeUndefined();
  });
});

describe('mergeLearned', () => {
  it("never lets an index card replace what the post's own page said", () => {
    const page = mergeLearned(undefined, { title: 'From the page', minutes: 13 }, 'page', 1);
    const after = mergeLearned(page, { title: 'From a card', teaser: 'Teaser' }, 'index', 2);
    expect(after).toEqual({
      title: 'From the page',
      minutes: 13,
      teaser: 'Teaser',
      from: 'page',
      at: 2,
    });
    expect(mergeLearned(after, { title: 'Renamed' }, 'page', 3).title).toBe('Renamed');
  });
});

describe('the learned-post store', () => {
  it('stores each post under its own key and reads them back validated', async () => {
    const writer = createLearnedWriter(() => 1000);
    expect(
      await writer.record(
        [
          { slug: 'one', fields: { title: 'One', minutes: 4 } },
          { slug: 'two', fields: {} },
        ],
        'index',
      ),
    ).toEqual({ added: 2, refused: 0, known: 2 });
    const items = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(items).sort()).toEqual([`${LEARNED_PREFIX}one`, `${LEARNED_PREFIX}two`]);
    const posts = await loadLearnedPosts();
    expect(posts.get('one')).toEqual({ title: 'One', minutes: 4, from: 'index', at: 1000 });
    expect(posts.get('two')).toEqual({ from: 'index', at: 1000 });
  });

  it('sets a corrupt entry aside, keeps the good ones and loses no mark', async () => {
    await setRead('good', true, 'button');
    await fakeBrowser.storage.local.set({
      [`${LEARNED_PREFIX}good`]: { title: 'Good', from: 'page', at: 1 },
      [`${LEARNED_PREFIX}bad`]: { title: '<b>x</b>', from: 'somewhere', at: 'yesterday' },
      [`${LEARNED_PREFIX}NOT A SLUG`]: { from: 'page', at: 1 },
    });
    const posts = await loadLearnedPosts();
    expect([...posts.keys()]).toEqual(['good']);
    const quarantined = await loadQuarantine();
    expect(quarantined.map((q) => q.key).sort()).toEqual([
      `${LEARNED_PREFIX}NOT A SLUG`,
      `${LEARNED_PREFIX}bad`,
    ]);
    expect(quarantined.find((q) => q.key.endsWith('bad'))?.value).toEqual({
      title: '<b>x</b>',
      from: 'somewhere',
      at: 'yesterday',
    });
    expect((await loadProgress()).good?.read).toBe(true);
    // And the combined archive still loads, with the good post in it.
    expect((await loadArchivePosts()).some((p) => p.slug === 'good')).toBe(true);
  });

  it(`keeps at most ${MAX_LEARNED} posts and says how many it refused`, async () => {
    const items: Record<string, unknown> = {};
    for (let i = 0; i < MAX_LEARNED; i++)
      items[`${LEARNED_PREFIX}post-${i}`] = { from: 'index', at: 1 };
    await fakeBrowser.storage.local.set(items);
    const writer = createLearnedWriter();
    const result = await writer.record(
      [
        { slug: 'post-1', fields: { title: 'Known, updated' } },
        { slug: 'one-too-many', fields: {} },
        { slug: 'two-too-many', fields: {} },
      ],
      'index',
    );
    expect(result).toEqual({ added: 0, refused: 2, known: MAX_LEARNED });
    expect(await refusedCount()).toBe(2);
    expect(fullMessage(2)).toBe('The archive holds 5,000 posts, its limit: 2 more were not kept.');
    const posts = await loadLearnedPosts();
    expect(posts.size).toBe(MAX_LEARNED);
    expect(posts.get('post-1')?.title).toBe('Known, updated');
  });
});

describe('wholeArchive', () => {
  const notes = fieldNotes().posts;
  const annotated = notes[0]!;

  it('adds learned posts after the notes, the notes winning for what they annotate', () => {
    const learned = new Map([
      [annotated.slug, { title: 'Another title', minutes: 99, from: 'page' as const, at: 1 }],
      [
        'old-post-1',
        {
          title: 'Old post one',
          date: '2019-05-01',
          minutes: 7,
          authors: ['Kurt'],
          from: 'page' as const,
          at: 1,
        },
      ],
      ['bare-link', { from: 'index' as const, at: 1 }],
    ]);
    const archive = wholeArchive(notes, [], learned);
    expect(archive).toHaveLength(notes.length + 2);
    const kept = archive.find((p) => p.slug === annotated.slug);
    expect(kept?.title).toBe(annotated.title);
    expect(kept?.fromFeed).toBe(false);
    expect(archive.find((p) => p.slug === 'old-post-1')).toMatchObject({
      title: 'Old post one',
      date: '2019-05-01',
      flyMinutes: 7,
      authors: ['Kurt'],
      url: 'https://fly.io/blog/old-post-1/',
      fromFeed: true,
    });
    // Known by its link alone: a label from its slug, no day, listed last.
    expect(archive.at(-1)).toMatchObject({ slug: 'bare-link', title: 'Bare link', date: '' });
  });

  it('lets the feed keep its title and day, and fills in what only the pages said', () => {
    const feed = [
      {
        slug: 'from-feed',
        title: 'Feed title',
        url: 'https://fly.io/blog/from-feed/',
        date: '2026-02-01',
        teaser: '',
      },
    ];
    const learned = new Map([
      [
        'from-feed',
        { title: 'Page title', teaser: 'Page teaser', minutes: 12, from: 'page' as const, at: 1 },
      ],
    ]);
    expect(wholeArchive([], feed, learned)).toEqual([
      {
        slug: 'from-feed',
        title: 'Feed title',
        url: 'https://fly.io/blog/from-feed/',
        date: '2026-02-01',
        teaser: 'Page teaser',
        flyMinutes: 12,
        fromFeed: true,
      },
    ]);
  });
});
