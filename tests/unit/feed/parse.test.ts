import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedDay, parseFeed, teaserFromHtml } from '../../../data/feed/parse';
import { feedEntrySchema, MAX_FEED_CHARS } from '../../../data/feed/schema';
import {
  FIXTURE_NEW_POSTS,
  FIXTURE_RANGE_DAYS,
  atomEntry,
  atomFeed,
  fixtureEntries,
  fixtureFeedXml,
  xmlEscape,
  type EntryInput,
} from '../../fixtures/feed/atom';

const now = new Date('2026-04-01T12:00:00Z');
const parse = (xml: string) => parseFeed(xml, { now });
const base: EntryInput = {
  slug: 'fixture-one',
  title: 'Fixture: One',
  day: '2026-03-20',
  lead: 'Test data: the first sentence. The second sentence.',
};
const entry = (over: Partial<EntryInput> = {}) => atomEntry({ ...base, ...over });
const okEntries = (xml: string) => {
  const result = parse(xml);
  if (!result.ok) throw new Error(`expected a usable feed, got: ${result.error}`);
  return result;
};
const TAG_LIKE = /<\s*(?:\/\s*)?[a-z!?]/i;

describe('parseFeed on a feed shaped like the real one', () => {
  const result = okEntries(fixtureFeedXml());

  it('keeps all 40 entries, newest first, skipping none', () => {
    expect(result.entries).toHaveLength(40);
    expect(result.skipped).toEqual([]);
    expect(result.entries.map((e) => e.slug)).toEqual(fixtureEntries().map((e) => e.slug));
  });

  it('gives each entry a canonical URL, its slug and the published day', () => {
    for (const e of result.entries) {
      expect(e.url).toBe(`https://fly.io/blog/${e.slug}/`);
      expect(feedEntrySchema.safeParse(e).success).toBe(true);
    }
    const bySlug = new Map(result.entries.map((e) => [e.slug, e]));
    for (const [slug, day] of Object.entries(FIXTURE_RANGE_DAYS))
      expect(bySlug.get(slug)?.date).toBe(day);
    expect(bySlug.get('unfortunately-mcp')?.date).toBe('2026-03-10');
    expect(result.entries.slice(0, 2).map((e) => e.slug)).toEqual(
      FIXTURE_NEW_POSTS.map((p) => p.slug),
    );
  });

  it('decodes titles and reads the teaser from the lead as two sentences of text', () => {
    const bySlug = new Map(result.entries.map((e) => [e.slug, e]));
    expect(bySlug.get('design-and-implementation')?.title).toBe(
      'The Design & Implementation of Sprites',
    );
    expect(bySlug.get('fixture-hibernating-sprites')?.teaser).toBe(
      'Test data: a Sprite that sleeps should wake up where it left off. We’re showing how a hibernating Sprite keeps its disk & memory.',
    );
    for (const e of result.entries) expect(e.teaser).not.toMatch(TAG_LIKE);
  });
});

describe('parseFeed refuses whole documents that are not a usable Atom feed', () => {
  const good = atomFeed([entry()]);

  it.each([
    ['mismatched tags', good.replace('</title>', '</titel>')],
    ['a bare ampersand', good.replace('<title>Fixture: One', '<title>Fixture & One')],
    ['an unknown XML entity', good.replace('Fixture: One', 'Fixture&nbsp;One')],
    ['a truncated download', good.slice(0, Math.floor(good.length * 0.7))],
    ['a missing </feed>', good.replace('</feed>', '')],
    ['garbage after the root', `${good}<feed/>`],
    [
      'a DTD with entities',
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>${good.slice(good.indexOf('<feed'))}`,
    ],
    ['an empty body', ''],
    ['plain text', 'Service Unavailable'],
    ['JSON', '{"items": []}'],
  ])('malformed: %s', (_name, xml) => {
    const result = parse(xml);
    expect(result.ok).toBe(false);
  });

  it('names RSS as RSS', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>The Fly Blog</title>
      <item><title>Corrosion</title><link>https://fly.io/blog/corrosion/</link>
      <pubDate>Wed, 22 Oct 2025 00:00:00 +0000</pubDate></item></channel></rss>`;
    expect(parse(rss)).toEqual({ ok: false, error: 'an RSS feed, not Atom' });
  });

  it('names an HTML error page served as the feed', () => {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>502 Bad Gateway</title></head>
      <body><h1>Bad Gateway</h1><p>Try again.</p></body></html>`;
    expect(parse(page)).toEqual({ ok: false, error: 'an HTML page, not the feed' });
  });

  it('refuses a <feed> outside the Atom namespace', () => {
    const result = parse(good.replace(' xmlns="http://www.w3.org/2005/Atom"', ''));
    expect(result.ok).toBe(false);
  });

  it('reads a feed that prefixes the Atom namespace', () => {
    const prefixed = `<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry><a:title>Fixture: P</a:title>
      <a:link href="https://fly.io/blog/fixture-p/"/><a:published>2026-03-01T00:00:00Z</a:published>
      <a:content type="html"><![CDATA[<div class="lead"><p>Test data. Lead.</p></div>]]></a:content>
      </a:entry></a:feed>`;
    expect(okEntries(prefixed).entries).toEqual([
      {
        slug: 'fixture-p',
        title: 'Fixture: P',
        url: 'https://fly.io/blog/fixture-p/',
        date: '2026-03-01',
        teaser: 'Test data. Lead.',
      },
    ]);
  });

  it('refuses a feed over the size cap (a 5 MB feed) without reading it', () => {
    const filler = `<p>${'x'.repeat(1000)}</p>`;
    const huge = atomFeed([entry({ raw: { content: xmlEscape(filler.repeat(5 * 1024 + 100)) } })]);
    expect(huge.length).toBeGreaterThan(5 * 1024 * 1024);
    const result = parse(huge);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/too large/);
  });

  it('still reads a large feed under the cap', () => {
    const big = `<p>${'word '.repeat(200)}</p>`.repeat(60);
    const feed = atomFeed(
      Array.from({ length: 40 }, (_, i) =>
        entry({ slug: `fixture-big-${i}`, raw: { content: xmlEscape(big) } }),
      ),
    );
    expect(feed.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(feed.length).toBeLessThan(MAX_FEED_CHARS);
    expect(okEntries(feed).entries).toHaveLength(40);
  });

  it('refuses a feed in which no entry validates', () => {
    const result = parse(
      atomFeed([entry({ raw: { title: null } }), entry({ raw: { link: null } })]),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/no usable entries/);
  });
});

describe('parseFeed skips bad entries and keeps the rest', () => {
  const keep = entry({ slug: 'fixture-kept', title: 'Fixture: Kept' });
  const slugsOf = (entries: string[]) =>
    okEntries(atomFeed([keep, ...entries])).entries.map((e) => e.slug);

  it('skips entries without a title, a link or a published date', () => {
    const result = okEntries(
      atomFeed([
        keep,
        entry({ slug: 'fixture-no-title', raw: { title: null } }),
        entry({ slug: 'fixture-blank-title', raw: { title: '<title>   </title>' } }),
        entry({ slug: 'fixture-no-link', raw: { link: null } }),
        entry({
          slug: 'fixture-self-link',
          raw: { link: '<link rel="self" href="https://fly.io/blog/fixture-self-link/"/>' },
        }),
        entry({ slug: 'fixture-no-date', raw: { published: null } }),
      ]),
    );
    expect(result.entries.map((e) => e.slug)).toEqual(['fixture-kept']);
    expect(result.skipped).toHaveLength(5);
  });

  it.each([
    'Tue, 10 Mar 2026 00:00:00 +0000',
    '03/10/2026',
    'March 10, 2026',
    '2026-3-10',
    '1741564800',
    '2026-02-30T00:00:00+00:00',
    '2026-03-10T25:00:00+00:00',
    '2031-01-01T00:00:00+00:00',
    '2009-05-01T00:00:00+00:00',
  ])('skips a date in another format or out of bounds: %s', (date) => {
    expect(
      slugsOf([
        entry({ slug: 'fixture-dated', raw: { published: `<published>${date}</published>` } }),
      ]),
    ).toEqual(['fixture-kept']);
  });

  it.each([
    ['2026-03-10T00:00:00+00:00', '2026-03-10'],
    ['2026-03-10T09:30:00Z', '2026-03-10'],
    ['2026-03-10T23:30:00.123-05:00', '2026-03-10'],
    ['2026-03-10', '2026-03-10'],
    ['  2026-03-10T00:00:00+00:00\n', '2026-03-10'],
  ])('reads the day of an RFC 3339 date %j', (value, day) => {
    expect(feedDay(value, now)).toBe(day);
  });

  it.each([
    'https://evil.example/blog/fixture-off/',
    'https://fly.io.evil.example/blog/fixture-off/',
    'https://fly.io:8443/blog/fixture-off/',
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'https://fly.io/docs/fixture-off/',
    'https://fly.io/phoenix-files/fixture-off/',
    'https://fly.io/blog/',
    'https://fly.io/blog/page/2/',
    'https://fly.io/blog/tags/fixture-off/',
    'https://fly.io/blog/2026/03/fixture-off/',
    'https://fly.io/blog/Fixture_Off/',
  ])('skips a link that is not a post of fly.io/blog: %s', (href) => {
    expect(
      slugsOf([
        entry({
          slug: 'fixture-off',
          raw: { link: `<link rel="alternate" href="${xmlEscape(href)}"/>` },
        }),
      ]),
    ).toEqual(['fixture-kept']);
  });

  it.each([
    ['https://www.fly.io/blog/fixture-alt', 'fixture-alt'],
    ['https://FLY.IO/blog/fixture-alt/?utm_source=feed#top', 'fixture-alt'],
    ['http://fly.io/blog/fixture-alt/', 'fixture-alt'],
    ['/blog/fixture-alt/', 'fixture-alt'],
  ])('normalises the link %s to the canonical post URL', (href, slug) => {
    const result = okEntries(
      atomFeed([entry({ slug, raw: { link: `<link href="${xmlEscape(href)}"/>` } })]),
    );
    expect(result.entries[0]?.url).toBe(`https://fly.io/blog/${slug}/`);
  });

  it('keeps the first of duplicate entries, however their links are spelled', () => {
    const result = okEntries(
      atomFeed([
        entry({ slug: 'fixture-dup', title: 'Fixture: First', day: '2026-03-20' }),
        entry({ slug: 'fixture-dup', title: 'Fixture: Second', day: '2026-03-01' }),
        entry({
          slug: 'fixture-dup',
          title: 'Fixture: Third',
          raw: { link: '<link href="https://www.fly.io/blog/fixture-dup"/>' },
        }),
      ]),
    );
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]).toMatchObject({ title: 'Fixture: First', date: '2026-03-20' });
    expect(result.skipped).toHaveLength(2);
  });
});

describe('titles and teasers come out as plain text', () => {
  it('strips markup and scripts from an HTML title', () => {
    const result = okEntries(
      atomFeed([
        entry({
          raw: {
            title: `<title type="html">${xmlEscape('<script>alert(1)</script><b>Bold</b> &amp; <img src=x onerror=alert(2)>Title')}</title>`,
          },
        }),
      ]),
    );
    expect(result.entries[0]?.title).toBe('Bold & Title');
  });

  it('drops tag-like text that was escaped twice, and markup in CDATA', () => {
    const result = okEntries(
      atomFeed([
        entry({
          slug: 'fixture-a',
          raw: {
            title: '<title>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;Safe</title>',
          },
        }),
        entry({
          slug: 'fixture-b',
          raw: {
            title:
              '<title><![CDATA[<iframe src="https://evil.example"></iframe>Quiet <em>title</em>]]></title>',
          },
        }),
      ]),
    );
    expect(result.entries.map((e) => e.title)).toEqual(['Safe', 'Quiet title']);
  });

  it('strips scripts, styles, handlers and comments from the teaser', () => {
    const lead = `<div class="lead"><p>Test data: <script>document.cookie</script><style>p{}</style>one <a href="javascript:alert(1)" onclick="x()">link</a><!-- hidden --> here. Two &lt;b&gt; here.</p></div>`;
    const result = okEntries(atomFeed([entry({ raw: { content: xmlEscape(lead) } })]));
    expect(result.entries[0]?.teaser).toBe('Test data: one link here. Two here.');
  });

  it('strips control and bidi-override characters', () => {
    const result = okEntries(atomFeed([entry({ title: 'Fixture:\u202E evil\u0007 title' })]));
    expect(result.entries[0]?.title).toBe('Fixture: evil title');
  });

  it('falls back from the lead to the first paragraph, then to the summary', () => {
    expect(
      teaserFromHtml(
        '<h2>Intro</h2><p>First <em>paragraph</em>. Second one. Third.</p><p>Later.</p>',
      ),
    ).toBe('First paragraph. Second one.');
    expect(
      teaserFromHtml(
        '<div class="post lead big"><div><p>Nested lead.</p></div> Tail.</div><p>No.</p>',
      ),
    ).toBe('Nested lead. Tail.');
    expect(teaserFromHtml('', '<p>From the summary.</p>')).toBe('From the summary.');
    expect(teaserFromHtml('<img src="x">')).toBe('');
  });

  it('cuts a long first sentence at a word, within 280 characters', () => {
    const teaser = teaserFromHtml(`<p>${'longword '.repeat(100)}end.</p>`);
    expect(teaser.length).toBeLessThanOrEqual(280);
    expect(teaser.endsWith('…')).toBe(true);
  });
});

describe('parseFeed never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = parse(text);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('on the fixture cut or corrupted anywhere; what it keeps always validates', () => {
    const xml = fixtureFeedXml();
    fc.assert(
      fc.property(
        fc.nat({ max: xml.length }),
        fc.nat({ max: xml.length }),
        fc.constantFrom('', '<', '&', '"', '>', '</entry>', '<entry>', ']]>'),
        (cut, at, junk) => {
          for (const text of [xml.slice(0, cut), xml.slice(0, at) + junk + xml.slice(at)]) {
            const result = parse(text);
            if (result.ok)
              for (const e of result.entries) expect(feedEntrySchema.parse(e)).toEqual(e);
          }
        },
      ),
      { numRuns: 150 },
    );
    // 300 whole-feed parses: about 3 s alone, past Vitest's 5 s default on a loaded machine.
  }, 30_000);
});
