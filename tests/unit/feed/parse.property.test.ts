// Property-based tests of the Atom feed parser: any text in, no throw, either valid entries or a
// plain error; and a well-formed feed of random posts gives back those posts, in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../data/feed/parse';
import { feedEntrySchema } from '../../../data/feed/schema';

const NOW = new Date('2026-11-29T12:00:00Z');
const RUNS = { numRuns: 300 };

// Single path segments under /blog/ that are pages of the blog, not posts (data/shared/blog-urls.ts).
const NOT_POSTS = new Set(['page', 'tags', 'tag', 'author', 'authors', 'feed', 'rss', 'archive']);
const slug = fc
  .stringMatching(/^[a-z0-9]{1,10}(?:-[a-z0-9]{1,8}){0,3}$/)
  .filter((s) => !NOT_POSTS.has(s));
const title = fc
  .array(fc.stringMatching(/^[A-Za-z0-9]{1,10}$/), { minLength: 1, maxLength: 8 })
  .map((words) => words.join(' '));
const day = fc
  .integer({ min: Date.parse('2017-01-01T00:00:00Z'), max: Date.parse('2026-11-28T00:00:00Z') })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const entry = fc.record({ slug, title, day, teaser: title });

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function atom(entries: { slug: string; title: string; day: string; teaser: string }[]): string {
  const body = entries
    .map(
      (e) => `<entry>
  <title>${xmlEscape(e.title)}</title>
  <link href="https://fly.io/blog/${e.slug}/"/>
  <id>https://fly.io/blog/${e.slug}/</id>
  <published>${e.day}T00:00:00+00:00</published>
  <updated>${e.day}T00:00:00+00:00</updated>
  <content type="html">${xmlEscape(`<div class="lead"><p>${e.teaser}.</p></div><p>Body.</p>`)}</content>
</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>The Fly Blog</title>
<link href="https://fly.io/blog/"/><id>https://fly.io/blog/</id><updated>2026-11-01T00:00:00Z</updated>
${body}
</feed>`;
}

/** Text that is or is close to a feed: arbitrary strings, feeds cut short, feeds with junk spliced in. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .tuple(fc.array(entry, { maxLength: 5 }), fc.nat(), fc.string({ maxLength: 30 }))
    .map(([entries, at, junk]) => {
      const feed = atom(entries);
      const cut = at % (feed.length + 1);
      return feed.slice(0, cut) + junk + feed.slice(cut + (at % 7));
    }),
  fc.constantFrom(
    '<!doctype html><html></html>',
    '<rss version="2.0"></rss>',
    '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">',
    '<!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><feed>&b;</feed>',
  ),
);

describe('parseFeed, for any text', () => {
  it('never throws; ok gives only valid, distinct entries, otherwise a plain error', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseFeed(text, { now: NOW });
        if (!result.ok) {
          expect(result.error.trim().length).toBeGreaterThan(0);
          return;
        }
        for (const e of result.entries) expect(feedEntrySchema.safeParse(e).success).toBe(true);
        expect(new Set(result.entries.map((e) => e.slug)).size).toBe(result.entries.length);
        expect(result.skipped.every((s) => typeof s === 'string')).toBe(true);
      }),
      RUNS,
    );
  });

  it('reads back every post of a well-formed feed, first listing of a slug winning', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 12 }), (entries) => {
        const result = parseFeed(atom(entries), { now: NOW });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const firsts = entries.filter((e, i) => entries.findIndex((f) => f.slug === e.slug) === i);
        expect(result.entries.map((e) => [e.slug, e.title, e.date])).toEqual(
          firsts.map((e) => [e.slug, e.title, e.day]),
        );
        expect(result.entries.every((e, i) => e.teaser.startsWith(firsts[i]!.teaser))).toBe(true);
      }),
      RUNS,
    );
  });
});
