import { describe, expect, it } from 'vitest';
import { fieldNotes } from '../../../data/notes/notes';
import {
  notesExportSchema,
  notesJson,
  notesMarkdown,
  pathMarkdown,
} from '../../../data/notes/exports';

const notes = fieldNotes();
const readSet = new Set(['corrosion', 'litestream-vfs']);
const isRead = (slug: string) => readSet.has(slug);
const linkPattern = /\[((?:\\.|[^[\]\\])+)\]\((https:\/\/fly\.io\/blog\/([a-z0-9-]+)\/)\)/g;

describe('pathMarkdown', () => {
  it('lists the 7 steps in order as a numbered Markdown list of links with reasons', () => {
    const lines = pathMarkdown(notes).trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    lines.forEach((line, i) => {
      const step = notes.path[i]!;
      expect(line.startsWith(`${i + 1}. [`)).toBe(true);
      expect(line).toContain(`(https://fly.io/blog/${step.slug}/)`);
      expect(line).toContain(step.reason.slice(0, 20));
    });
    expect(lines[0]).toBe(
      "1. [Litestream: Revamped](https://fly.io/blog/litestream-revamped/) (5 min): Introduces Fly.io's flagship open-source project, Litestream, and how it runs SQLite at scale.",
    );
  });
});

describe('notesMarkdown', () => {
  const md = notesMarkdown(notes, isRead);

  it('has every part of the page, in the page order', () => {
    const headings = md.split('\n').filter((l) => /^#{1,2} /.test(l));
    expect(headings).toEqual([
      '# The Fly Blog: field notes',
      '## From the field',
      '## What this is',
      '## Start Here',
      "## What's inside",
      '## Posting history',
      '## The archive',
    ]);
    expect(md).toContain('**Verdict: Reach for it** · Complexity: Medium (2 of 3)');
    expect(md).toContain(notes.blog.summary);
  });

  it('links all 30 posts at https://fly.io/blog/<slug>/ in the archive', () => {
    const archive = md.slice(md.indexOf('## The archive'));
    const slugs = [...archive.matchAll(linkPattern)].map((m) => m[3]);
    expect(slugs).toEqual(notes.posts.map((p) => p.slug));
  });

  it("lists the 7 steps in order with the reader's ticks", () => {
    const start = md.slice(md.indexOf('## Start Here'), md.indexOf("## What's inside"));
    const steps = start.split('\n').filter((l) => /^\d\. /.test(l));
    expect(steps.map((l) => [...l.matchAll(linkPattern)][0]?.[3])).toEqual(
      notes.path.map((s) => s.slug),
    );
    expect(steps[1]).toMatch(/^2\. \[x\] \[Corrosion\]/);
    expect(steps[0]).toMatch(/^1\. \[ \] /);
  });

  it('ticks exactly the read posts in the archive', () => {
    const archive = md.slice(md.indexOf('## The archive'));
    const ticked = archive
      .split('\n')
      .filter((l) => l.startsWith('- [x]'))
      .map((l) => [...l.matchAll(linkPattern)][0]?.[3]);
    expect(ticked.sort()).toEqual(['corrosion', 'litestream-vfs']);
    expect(md).toContain('Read so far: 2 of 30 posts, 10 of');
  });

  it('gives each section its post count, minutes and how much is read', () => {
    expect(md).toContain('### Networking & Infrastructure\n\n2 posts · 12 min · read 1 of 2');
  });

  it('tabulates the posting history, saying which months hold approximate posts', () => {
    expect(md).toContain('| July 2025 | 1 (1 approximate) | 0 |');
    expect(md).toContain('| September 2025 | 0 | 0 |');
  });

  it('shows an unknown day as the range that bounds it', () => {
    expect(md).toContain('between 2025-07-22 and 2025-08-11');
  });

  it('escapes Markdown in titles so a link text stays a link text', () => {
    expect(md).toContain(
      '[parking\\_lot: ffffffffffffffff...](https://fly.io/blog/parking-lot-ffffffffffffffff/)',
    );
  });
});

describe('notesJson', () => {
  it('round-trips through its schema with the field notes and the read slugs', () => {
    const json = notesJson(notes, isRead, new Date('2026-03-20T10:00:00Z'));
    const parsed = notesExportSchema.parse(JSON.parse(json));
    expect(parsed.fieldNotes).toEqual(notes);
    expect(parsed.read).toEqual(['litestream-vfs', 'corrosion']); // archive order, newest first
    expect(parsed.exportedAt).toBe('2026-03-20T10:00:00.000Z');
  });
});
