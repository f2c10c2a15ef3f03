import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerSuggestSection } from '../../../entrypoints/background/suggest';
import { contentResponseSchemas, sendMessage } from '../../../data/shared/messages';

let stop: () => void = () => undefined;
beforeEach(() => {
  stop();
  fakeBrowser.reset();
  vi.restoreAllMocks();
  stop = registerSuggestSection();
});

describe('fn:suggest-section in the background', () => {
  it('answers the sidebar with the suggested section, checked against the protocol', async () => {
    const answer = await sendMessage(contentResponseSchemas, 'fn:suggest-section', {
      title: 'Streaming SQLite replication with Litestream',
      teaser: 'How we back up SQLite databases to object storage.',
      slug: 'streaming-sqlite-replication',
    });
    expect(answer.suggestion).toMatchObject({
      sectionId: 'SQLite & Litestream',
      sectionTitle: 'SQLite & Litestream',
    });
    expect(answer.suggestion!.confidence).toBeGreaterThan(0);
  });

  it('answers no suggestion for an off-topic post', async () => {
    const answer = await sendMessage(contentResponseSchemas, 'fn:suggest-section', {
      title: 'cookie recipes',
    });
    expect(answer).toEqual({ suggestion: null });
  });

  it('does not answer a request that is not valid (markup slug, oversized title)', async () => {
    const replies: unknown[] = [];
    const reply = (answer: unknown) => replies.push(answer);
    for (const bad of [
      { title: 'Litestream', slug: '<b>litestream</b>' },
      { title: 'x'.repeat(10_000) },
      { teaser: 'no title' },
      { title: 42 },
    ])
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'fn:suggest-section', ...bad },
        {},
        reply,
      );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(replies).toEqual([]);
    // The same path does answer a valid request.
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'fn:suggest-section', title: 'cookie recipes' },
      {},
      reply,
    );
    await vi.waitFor(() => expect(replies).toEqual([{ suggestion: null }]));
  });
});
