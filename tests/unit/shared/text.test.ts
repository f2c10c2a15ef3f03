import { describe, expect, it } from 'vitest';
import { escapeMarkdown, plural } from '../../../data/shared/text';

describe('escapeMarkdown', () => {
  // One rule for the notes page's export and the options page's reading list (they had drifted).
  it('escapes emphasis, link and table characters', () => {
    expect(escapeMarkdown('a_b *c* [d](e) | f')).toBe('a\\_b \\*c\\* \\[d\\]\\(e\\) \\| f');
  });

  it('escapes what could make a link, a heading or an image', () => {
    expect(escapeMarkdown('[x](javascript:alert(1)) *bold* #1 !img {a} +b ~c `d` <e>')).toBe(
      '\\[x\\]\\(javascript:alert\\(1\\)\\) \\*bold\\* \\#1 \\!img \\{a\\} \\+b \\~c \\`d\\` \\<e\\>',
    );
  });

  it('leaves plain words alone', () => {
    expect(escapeMarkdown('Litestream, SQLite & Fly.io: 2025')).toBe(
      'Litestream, SQLite & Fly.io: 2025',
    );
  });
});

describe('plural', () => {
  it('counts with the right word', () => {
    expect(plural(0, 'post')).toBe('0 posts');
    expect(plural(1, 'post')).toBe('1 post');
    expect(plural(2, 'new mark')).toBe('2 new marks');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
  });
});
