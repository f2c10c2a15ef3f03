import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadArchivePosts, watchArchive } from '../../../data/archive/archive';
import type { ArchivePost } from '../../../data/feed/merge';
import { recordFeedOutcome } from '../../../data/feed/record';
import { fieldNotes } from '../../../data/notes/notes';
import { fixtureFeedXml } from '../../fixtures/feed/atom';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('loadArchivePosts / watchArchive', () => {
  it('is the bundled notes alone before any feed was cached', async () => {
    const archive = await loadArchivePosts();
    expect(archive.map((p) => p.slug).sort()).toEqual(
      fieldNotes()
        .posts.map((p) => p.slug)
        .sort(),
    );
    expect(archive.some((p) => p.fromFeed)).toBe(false);
  });

  it('adds the feed’s posts once cached, and tells watchers', async () => {
    const seen: ArchivePost[][] = [];
    const stop = watchArchive((archive) => seen.push(archive));
    await recordFeedOutcome(
      { kind: 'body', status: 200, text: fixtureFeedXml() },
      Date.parse('2026-03-25T00:00:00Z'),
    );
    await vi.waitFor(() => expect(seen.at(-1)).toHaveLength(40));
    stop();
    const archive = await loadArchivePosts();
    expect(archive).toHaveLength(40);
    expect(
      archive
        .filter((p) => p.fromFeed)
        .map((p) => p.slug)
        .slice(0, 2),
    ).toEqual(['fixture-hibernating-sprites', 'fixture-quokka-queues']);
  });
});
