// How long the background takes to parse the blog's feed and compute the next cache, for
// BENCHMARKS.md: the 40-entry fixture, the same padded to the real feed's size (~700 KB), and
// a feed just under the size cap. Figures are reported, never asserted as timings.
import { expect, it } from 'vitest';
import { parseFeed } from '../../data/feed/parse';
import { nextFeedCache } from '../../data/feed/record';
import { MAX_FEED_CHARS } from '../../data/feed/schema';
import {
  atomEntry,
  atomFeed,
  fixtureEntries,
  fixtureFeedXml,
  xmlEscape,
} from '../fixtures/feed/atom';
import { median, percentile, writeBenchResult } from './results';

function paddedFeed(targetChars: number): string {
  const entries = fixtureEntries();
  const perEntry = Math.floor(targetChars / entries.length);
  const paragraph = `<p>${'The body of a long post, with <code>code</code> &amp; links. '.repeat(20)}</p>`;
  return atomFeed(
    entries.map((entry) => {
      const lead = `<div class="lead"><p>${xmlEscape(entry.lead)}</p></div>`;
      const body = paragraph.repeat(Math.max(1, Math.floor(perEntry / (paragraph.length * 1.3))));
      return atomEntry({ ...entry, raw: { content: xmlEscape(lead + body) } });
    }),
  );
}

it('measures feed parsing', () => {
  const now = new Date('2026-04-01T00:00:00Z');
  // Runs per feed: near the cap a run takes half a second, and five show its level as well.
  const feeds = [
    ['40-entry fixture', fixtureFeedXml(), 15],
    ['40 entries, real size', paddedFeed(700 * 1024), 15],
    ['40 entries, near the cap', paddedFeed(MAX_FEED_CHARS * 0.9), 5],
  ] as const;
  const rows: (string | number)[][] = [];
  for (const [name, xml, runs] of feeds) {
    expect(xml.length).toBeLessThan(MAX_FEED_CHARS);
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      const parsed = parseFeed(xml, { now });
      nextFeedCache(
        { entries: [], meta: {} },
        { kind: 'body', status: 200, text: xml },
        now.getTime(),
      );
      times.push(performance.now() - start);
      expect(parsed.ok && parsed.entries.length).toBe(40);
    }
    rows.push([
      name,
      `${Math.round(xml.length / 1024)} KB`,
      `${median(times).toFixed(1)} ms`,
      `${percentile(times, 95).toFixed(1)} ms`,
    ]);
  }
  writeBenchResult('feed', [
    {
      title: 'Feed parsing (background)',
      method:
        'parseFeed plus nextFeedCache (which parses again) on each feed in Node, 15 runs (5 near the cap, where one takes about half a second); median and 95th percentile (of this few, the slowest run).',
      columns: ['feed', 'size', 'median', 'p95'],
      rows,
    },
  ]);
});
