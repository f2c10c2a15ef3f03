import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../data/feed/parse';
import {
  archiveDay,
  archivePostBySlug,
  archivePosts,
  mergeProblems,
  type ArchivePost,
} from '../../../data/feed/merge';
import type { FeedEntry } from '../../../data/feed/schema';
import { fieldNotes } from '../../../data/notes/notes';
import { FIXTURE_NEW_POSTS, FIXTURE_RANGE_DAYS, fixtureFeedXml } from '../../fixtures/feed/atom';

const bundled = fieldNotes().posts;
const parsed = parseFeed(fixtureFeedXml(), { now: new Date('2026-04-01T00:00:00Z') });
if (!parsed.ok) throw new Error(parsed.error);
const feed = parsed.entries;

const feedEntry = (over: Partial<FeedEntry> & { slug: string }): FeedEntry => ({
  title: 'Fixture: Entry',
  url: `https://fly.io/blog/${over.slug}/`,
  date: '2026-03-20',
  teaser: 'Test data.',
  ...over,
});
const bySlug = (archive: ArchivePost[], slug: string) => {
  const post = archivePostBySlug(archive, slug);
  if (!post) throw new Error(`${slug} is not in the archive`);
  return post;
};

describe('archivePosts with the fixture feed', () => {
  const archive = archivePosts(bundled, feed);

  it('holds every bundled post once, plus the feed posts the notes do not annotate', () => {
    expect(archive).toHaveLength(40);
    expect(archive.filter((p) => !p.fromFeed)).toHaveLength(bundled.length);
    expect(new Set(archive.map((p) => p.slug)).size).toBe(40);
  });

  it('lists newest first, the two posts newer than the notes on top, from the feed', () => {
    const days = archive.map(archiveDay);
    expect(days).toEqual([...days].sort().reverse());
    expect(archive.slice(0, 2)).toEqual(
      FIXTURE_NEW_POSTS.map((p) =>
        expect.objectContaining({ slug: p.slug, title: p.title, date: p.day, fromFeed: true }),
      ),
    );
    const newest = archive[0];
    expect(newest?.fromFeed && newest.teaser).toMatch(/^Test data: a Sprite that sleeps/);
  });

  it('gives the five range posts the feed’s exact day and drops their range', () => {
    for (const [slug, day] of Object.entries(FIXTURE_RANGE_DAYS)) {
      const post = bySlug(archive, slug);
      expect(post.fromFeed).toBe(false);
      if (post.fromFeed) continue;
      expect(post).toMatchObject({ date: day, dayFromFeed: true });
      expect(post.dateRange).toBeUndefined();
    }
  });

  it('keeps everything the notes say about an annotated post', () => {
    for (const original of bundled) {
      const post = bySlug(archive, original.slug);
      if (post.fromFeed) throw new Error(`${original.slug} should be annotated`);
      expect(post.title).toBe(original.title);
      expect(post.summary).toBe(original.summary);
      expect(post.section).toBe(original.section);
      if (original.date) expect(post).toMatchObject({ date: original.date, dayFromFeed: false });
    }
  });

  it('does not change the bundled posts it was given', () => {
    const range = bundled.find((p) => p.slug === 'kamal-in-production');
    expect(range?.date).toBeUndefined();
    expect(range?.dateRange).toEqual({ from: '2025-05-28', to: '2025-06-02' });
  });
});

describe('archivePosts: the notes win', () => {
  it('keeps the bundled title when a feed entry with the same slug has another', () => {
    const archive = archivePosts(bundled, [
      feedEntry({ slug: 'corrosion', title: 'Fixture: Corrosion, Retitled', date: '2025-10-22' }),
    ]);
    expect(bySlug(archive, 'corrosion').title).toBe('Corrosion');
    expect(archive.filter((p) => p.slug === 'corrosion')).toHaveLength(1);
    expect(mergeProblems(bundled, [feedEntry({ slug: 'corrosion', title: 'Other' })])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^corrosion: the feed's title "Other"/)]),
    );
  });

  it('keeps an exact bundled day the feed contradicts', () => {
    const archive = archivePosts(bundled, [feedEntry({ slug: 'corrosion', date: '2025-10-30' })]);
    expect(bySlug(archive, 'corrosion')).toMatchObject({ date: '2025-10-22', dayFromFeed: false });
  });

  it('keeps the range when the feed’s day falls outside it (sanity check)', () => {
    const entries = [
      feedEntry({
        slug: 'kamal-in-production',
        title: 'Using Kamal 2.0 in Production',
        date: '2025-06-03',
      }),
      feedEntry({
        slug: 'a-blog-if-kept',
        title: 'A Blog, If You Can Keep It',
        date: '2025-02-01',
      }),
    ];
    const archive = archivePosts(bundled, entries);
    const kamal = bySlug(archive, 'kamal-in-production');
    expect(kamal).toMatchObject({
      dateRange: { from: '2025-05-28', to: '2025-06-02' },
      dayFromFeed: false,
    });
    expect(kamal.fromFeed || kamal.date).toBeUndefined();
    // The range is inclusive: its first day is inside.
    expect(bySlug(archive, 'a-blog-if-kept')).toMatchObject({
      date: '2025-02-01',
      dayFromFeed: true,
    });
    expect(mergeProblems(bundled, entries)).toEqual([
      "kamal-in-production: the feed's day 2025-06-03 is outside 2025-05-28..2025-06-02; the range is kept",
    ]);
  });

  it('uses the first of two feed entries for one slug', () => {
    const archive = archivePosts(bundled, [
      feedEntry({ slug: 'fixture-twice', title: 'Fixture: First' }),
      feedEntry({ slug: 'fixture-twice', title: 'Fixture: Second' }),
    ]);
    expect(archive.filter((p) => p.slug === 'fixture-twice')).toEqual([
      expect.objectContaining({ title: 'Fixture: First', fromFeed: true }),
    ]);
  });

  it('is the bundled archive alone without a feed', () => {
    const archive = archivePosts(bundled, []);
    expect(archive).toHaveLength(bundled.length);
    expect(archive.every((p) => !p.fromFeed && !p.dayFromFeed)).toBe(true);
    expect(archiveDay(bySlug(archive, 'kamal-in-production'))).toBe('2025-05-28');
  });
});
