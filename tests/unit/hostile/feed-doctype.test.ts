// Issue 13, a smaller one: every DOCTYPE is refused, not only one with an internal subset.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../data/feed/parse';
import { atomEntry, atomFeed } from '../../fixtures/feed/atom';

const feed = atomFeed([
  atomEntry({
    slug: 'fixture-one',
    title: 'Fixture: One',
    day: '2026-03-20',
    lead: 'Test data: one sentence.',
  }),
]);
const body = feed.slice(feed.indexOf('<feed'));
const now = new Date('2026-04-01T12:00:00Z');

describe('a feed with a DOCTYPE', () => {
  it('reads the same feed without one', () => {
    expect(parseFeed(feed, { now }).ok).toBe(true);
  });

  it.each([
    ['SYSTEM, no internal subset', '<!DOCTYPE feed SYSTEM "https://evil.example/feed.dtd">'],
    ['PUBLIC, no internal subset', '<!DOCTYPE feed PUBLIC "-//Evil//DTD Feed//EN" "feed.dtd">'],
    ['bare', '<!DOCTYPE feed>'],
    ['an internal subset', '<!DOCTYPE feed [<!ENTITY x "y">]>'],
  ])('refuses it (%s), saying why', (_name, doctype) => {
    const result = parseFeed(`<?xml version="1.0"?>\n${doctype}\n${body}`, { now });
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^malformed XML: .*a DOCTYPE, which is refused/),
    });
  });
});
