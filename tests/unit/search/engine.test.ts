import { describe, expect, it } from 'vitest';
import { fieldNotes } from '../../../data/notes/notes';
import {
  NO_FILTERS,
  buildDocumentIndex,
  buildIndex,
  documentFromFeedEntry,
  loadIndex,
  searchArchive,
  searchSlugs,
  serializeIndex,
  suggestSpellings,
} from '../../../data/search/engine';
import { highlightPieces } from '../../../data/search/highlight';
import { normalizeText, tokenize } from '../../../data/search/text';
import { dayLabel } from '../../../data/search/view';

const posts = fieldNotes().posts;
const index = buildIndex(posts);
const none = () => false;

describe('search text rules', () => {
  it('folds case, accents, ligatures and typographic apostrophes', () => {
    expect(normalizeText('VSCode’s Phœnix Café')).toBe("vscode's phoenix cafe");
  });

  it('keeps compounds whole, joined and in parts', () => {
    expect(tokenize('parking_lot')).toEqual(['parkinglot', 'parking', 'lot']);
    expect(tokenize('Litestream v0.5.0 is Here')).toEqual([
      'litestream',
      'v050',
      'v0',
      '5',
      '0',
      'is',
      'here',
    ]);
    expect(tokenize('micro-VMs.')).toEqual(['microvms', 'micro', 'vms']);
    expect(tokenize('VSCode’s SSH')).toEqual(['vscode', 'ssh']);
    expect(tokenize('Phoenix.new – The Remote')).toEqual([
      'phoenixnew',
      'phoenix',
      'new',
      'the',
      'remote',
    ]);
  });
});

describe('searchSlugs (the notes page contract)', () => {
  it('returns nothing for an empty query', () => {
    expect(searchSlugs(index, '   ')).toEqual([]);
  });

  it.each([
    ['parking_lot', 'parking-lot-ffffffffffffffff'],
    ['v0.5.0', 'litestream-v050-is-here'],
    ['Kamal 2.0', 'kamal-in-production'],
    ['VSCode’s', 'vscode-ssh-wtf'],
    ['Phoenix.new', 'phoenix-new-the-remote-ai-runtime'],
    ['micro-VMs', 'corrosion'],
    ['operationalising', 'operationalizing-macaroons'],
  ])('ranks the meant post first for %s', (query, slug) => {
    expect(searchSlugs(index, query)[0]).toBe(slug);
  });

  it('puts posts that match every word before posts that match some', () => {
    const slugs = searchSlugs(index, 'rust proxy');
    expect(slugs[0]).toBe('taming-rust-proxy');
    // parking_lot is about Rust but not a proxy: it comes after, not dropped.
    expect(slugs).toContain('parking-lot-ffffffffffffffff');
    expect(slugs.indexOf('parking-lot-ffffffffffffffff')).toBeGreaterThan(0);
  });

  it('still searches a query made only of common words', () => {
    expect(searchSlugs(index, 'what')).toEqual([]);
    expect(searchSlugs(index, 'here')).toContain('litestream-v050-is-here');
  });
});

describe('as the reader types', () => {
  const entry = (slug: string, title: string) =>
    documentFromFeedEntry({
      slug,
      title,
      url: `https://fly.io/blog/${slug}/`,
      date: '2026-01-01',
      teaser: '',
    });
  const small = buildDocumentIndex([
    entry('writing', 'Writing tests'),
    entry('waiting', 'Worth the wait'),
    entry('deploying', 'Deploying apps'),
    entry('macaroons', 'Macaroon tokens'),
  ]);

  it('takes a half-typed last word as a prefix, not as a typo', () => {
    // `wait` is one edit from `writ`, but `writ` is the start of `writing`.
    expect(searchSlugs(small, 'writ')).toEqual(['writing']);
  });

  it('looks for typos in a word once a space ends it', () => {
    expect(searchSlugs(small, 'writ ')).toEqual(expect.arrayContaining(['writing', 'waiting']));
  });

  it('finds a typo in the last word when nothing matches it as typed', () => {
    expect(searchSlugs(small, 'macarons')).toEqual(['macaroons']);
    expect(searchSlugs(small, 'tests macarons')[0]).toBe('writing');
  });

  it('matches two letters as a prefix in a small archive, whole in a large one', () => {
    expect(searchSlugs(small, 'de')).toEqual(['deploying']);
    const large = buildDocumentIndex([
      ...Array.from({ length: 999 }, (_, i) => entry(`filler-${i}`, `Filler ${i}`)),
      entry('deploying', 'Deploying apps'),
    ]);
    expect(searchSlugs(large, 'de')).toEqual([]);
    expect(searchSlugs(large, 'dep')).toEqual(['deploying']);
  });
});

describe('searchArchive', () => {
  it('narrows by section', () => {
    const hits = searchArchive(
      index,
      'agents',
      { ...NO_FILTERS, section: 'AI Agents & MCP' },
      none,
    );
    expect(hits.length).toBeGreaterThan(0);
    const sections = new Set(hits.map((h) => posts.find((p) => p.slug === h.slug)!.section));
    expect([...sections]).toEqual(['AI Agents & MCP']);
  });

  it('leaves out read posts when unread only is on', () => {
    const all = searchArchive(index, 'litestream', NO_FILTERS, none).map((h) => h.slug);
    const read = (slug: string) => slug === 'litestream-vfs';
    const unread = searchArchive(index, 'litestream', { ...NO_FILTERS, unreadOnly: true }, read);
    expect(unread.map((h) => h.slug)).toEqual(all.filter((s) => s !== 'litestream-vfs'));
  });

  it('keeps only reads of 4 minutes or fewer when short is on', () => {
    const hits = searchArchive(index, 'mcp', { ...NO_FILTERS, shortOnly: true }, none);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits)
      expect(posts.find((p) => p.slug === h.slug)!.minutes).toBeLessThanOrEqual(4);
  });

  it('sorts by newest when asked', () => {
    const hits = searchArchive(index, 'litestream', { ...NO_FILTERS, sort: 'newest' }, none);
    expect(hits.map((h) => h.slug)).toEqual([
      'litestream-writable-vfs',
      'litestream-vfs',
      'litestream-v050-is-here',
      'litestream-revamped',
    ]);
  });

  it('returns the matched terms for highlighting', () => {
    const [hit] = searchArchive(index, 'sqllite', NO_FILTERS, none);
    expect(hit!.terms).toContain('sqlite');
  });
});

describe('entries from the feed', () => {
  it('can be added beside the posts and are found, flagged as feed entries', () => {
    const entry = documentFromFeedEntry({
      slug: 'brand-new-post',
      title: 'Zeppelins on Fly Machines',
      url: 'https://fly.io/blog/brand-new-post/',
      date: '2026-04-01T00:00:00+00:00',
      teaser: 'Airships, briefly.',
    });
    const withFeed = buildIndex(posts, [entry]);
    expect(searchSlugs(withFeed, 'zepelins')[0]).toBe('brand-new-post');
    expect(entry).toMatchObject({
      fromFeed: true,
      minutes: undefined,
      section: '',
      day: '2026-04-01',
    });
    // No minutes: a feed entry is not a known short read.
    expect(searchArchive(withFeed, 'zeppelins', { ...NO_FILTERS, shortOnly: true }, none)).toEqual(
      [],
    );
  });
});

describe('a serialized index', () => {
  it('revives with loadJSON and answers like the original', () => {
    const revived = loadIndex(serializeIndex(index));
    for (const q of ['sqllite', 'parking_lot', 'ptacek macaroons', 'corr'])
      expect(searchSlugs(revived, q)).toEqual(searchSlugs(index, q));
  });
});

describe('spelling suggestions', () => {
  it('offers a query that finds something', () => {
    const [first] = suggestSpellings(index, 'litestrem wrtable');
    expect(first).toBeDefined();
    expect(searchSlugs(index, first!)[0]).toBe('litestream-writable-vfs');
  });
});

describe('highlightPieces', () => {
  it('marks the words whose terms matched, keeping the text intact', () => {
    const pieces = highlightPieces('Litestream v0.5.0 is Here', ['v050', 'litestream']);
    expect(pieces.map((p) => p.text).join('')).toBe('Litestream v0.5.0 is Here');
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(['Litestream', 'v0.5.0']);
  });

  it('marks a possessive by its stem and nothing without terms', () => {
    expect(highlightPieces('VSCode’s SSH', ['vscode'])).toEqual([
      { text: 'VSCode’s', match: true },
      { text: ' SSH', match: false },
    ]);
    expect(highlightPieces('plain', [])).toEqual([{ text: 'plain', match: false }]);
  });
});

describe('dayLabel', () => {
  it('shows the day, or only the month when the day is approximate', () => {
    expect(dayLabel('2026-03-10', false)).toBe('Mar 10, 2026');
    expect(dayLabel('2025-02-01', true)).toBe('Feb 2025');
    expect(dayLabel('', false)).toBe('');
  });
});
