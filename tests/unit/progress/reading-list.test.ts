import { describe, expect, it } from 'vitest';
import { fieldNotes } from '../../../data/notes/notes';
import { readingListFileName, readingListMarkdown } from '../../../data/progress/reading-list';
import { escapeMarkdown } from '../../../data/shared/text';
import type { Progress } from '../../../data/progress/marks';

const notes = fieldNotes();
const NOW = Date.parse('2026-06-01T10:00:00Z');
const progress: Progress = {
  corrosion: { read: true, at: 1, via: 'button' },
  'kurt-got-got': { read: false, at: 2, via: 'button' },
  'a-post-from-the-feed': { read: true, at: 3, via: 'popup' },
};
const md = readingListMarkdown(notes, progress, NOW);
const lines = md.split('\n');

describe('the Markdown reading list', () => {
  it('lists every post once, with its link, under its section heading in the notes order', () => {
    for (const post of notes.posts)
      expect(lines.filter((l) => l.includes(`](${post.url})`))).toHaveLength(1);
    const headings = lines.filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(headings.slice(0, 8)).toEqual(notes.sections.map((s) => escapeMarkdown(s.name)));
    for (const post of notes.posts) {
      const at = lines.findIndex((l) => l.includes(`](${post.url})`));
      const heading = lines
        .slice(0, at)
        .filter((l) => l.startsWith('## '))
        .at(-1);
      expect(heading).toBe(`## ${escapeMarkdown(post.section)}`);
    }
  });

  it('ticks read posts only (an unmark is not read)', () => {
    expect(lines.find((l) => l.includes('/blog/corrosion/'))).toMatch(/^- \[x\] /);
    expect(lines.find((l) => l.includes('/blog/kurt-got-got/'))).toMatch(/^- \[ \] /);
    expect(lines.filter((l) => l.startsWith('- [x]'))).toHaveLength(2);
    expect(md).toContain('1 of 30 posts read');
  });

  it('keeps marked posts the notes do not know, at the end', () => {
    expect(lines.at(-2)).toBe('- [x] <https://fly.io/blog/a-post-from-the-feed/>');
    expect(md).toContain('## Other posts you marked');
  });

  it('escapes Markdown in titles and names the file by date', () => {
    expect(escapeMarkdown('[x](javascript:alert(1)) *bold* #1')).toBe(
      '\\[x\\]\\(javascript:alert\\(1\\)\\) \\*bold\\* \\#1',
    );
    expect(readingListFileName(NOW)).toBe('fly-blog-reading-list-2026-06-01.md');
  });
});
