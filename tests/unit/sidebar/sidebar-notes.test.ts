import { describe, expect, it, vi } from 'vitest';
import rawNotes from '../../../data/notes/notes.json';
import {
  fieldNotes,
  pathPosition as fullPathPosition,
  validateBundledNotes,
} from '../../../data/notes/notes';
import { projectSidebarNotes } from '../../../data/sidebar/notes-projection';
import {
  pathLength,
  pathPosition,
  pathPosts,
  sidebarBlog,
  sidebarPost,
} from '../../../data/sidebar/sidebar-notes';
import { postDay } from '../../../data/shared/dates';
import { loadSidebarNotesFile } from '../../../data/sidebar/notes-file';
import { sidebarNotesJson } from '../../../data/sidebar/notes-build-plugin';
import { sidebarNotesSchema } from '../../../data/sidebar/notes-projection';

const notes = fieldNotes();

describe('the sidebar’s share of the notes', () => {
  it('holds every post the notes hold, with what the sidebar shows, and nothing more', () => {
    for (const post of notes.posts) {
      const slim = sidebarPost(post.slug)!;
      expect(slim).toEqual({
        slug: post.slug,
        title: post.title,
        url: post.url,
        minutes: post.minutes,
        summary: post.summary,
        section: post.section,
        topics: post.topics,
        ...(post.date ? { date: post.date } : {}),
        ...(post.dateRange ? { dateRange: post.dateRange } : {}),
      });
      expect(postDay(slim)).toBe(post.date ?? post.dateRange!.from);
    }
    expect(sidebarPost('not-a-post')).toBeUndefined();
    const projected = projectSidebarNotes(notes);
    expect(JSON.stringify(projected)).not.toMatch(/"authors"|"readWhen"|"description"|"reason"/);
  });

  it('has the blog notes and the path, placed as the full notes place them', () => {
    const { blog } = notes;
    expect(sidebarBlog()).toEqual({
      name: blog.name,
      tagline: blog.tagline,
      summary: blog.summary,
      readThisWhen: blog.readThisWhen,
      skipItIf: blog.skipItIf,
      comparedTo: blog.comparedTo,
      verdict: { label: blog.verdict.label },
    });
    expect(pathLength()).toBe(notes.path.length);
    expect(pathPosts().map((s) => [s.step, s.post.slug])).toEqual(
      notes.path.map((s, i) => [i + 1, s.slug]),
    );
    for (const post of notes.posts) {
      const full = fullPathPosition(post.slug);
      const slim = pathPosition(post.slug);
      expect(slim?.step).toBe(full?.step);
      expect(slim?.total).toBe(full?.total);
      expect(slim?.previous?.slug).toBe(full?.previous?.slug);
      expect(slim?.next?.slug).toBe(full?.next?.slug);
    }
  });

  it('is built from validated notes: the build step refuses invalid ones with the schema’s message', () => {
    const built = JSON.parse(sidebarNotesJson(JSON.stringify(rawNotes))) as unknown;
    expect(built).toEqual(projectSidebarNotes(notes));
    // What the content script checks the file against accepts what the build writes.
    expect(sidebarNotesSchema.safeParse(built).success).toBe(true);
    const broken = structuredClone(rawNotes) as unknown as { posts: { url: string }[] };
    broken.posts[0]!.url = 'https://example.com/';
    expect(() => sidebarNotesJson(JSON.stringify(broken))).toThrow(/Invalid field notes/);
  });
});

describe('the notes file the content script loads', () => {
  const built = sidebarNotesJson(JSON.stringify(rawNotes));
  const serve = (body: string, status = 200) =>
    vi.fn<typeof fetch>(async () => new Response(body, { status }));

  it('fetches the file from the extension and hands back the validated notes', async () => {
    const fetchImpl = serve(built);
    expect(await loadSidebarNotesFile(fetchImpl)).toEqual(projectSidebarNotes(notes));
    expect(String(fetchImpl.mock.calls[0]?.[0])).toMatch(/\/content-scripts\/sidebar-notes\.json$/);
  });

  it('refuses a missing or malformed file with a message that says so', async () => {
    await expect(loadSidebarNotesFile(serve('', 404))).rejects.toThrow(/HTTP 404/);
    const wrong = { ...(JSON.parse(built) as object), posts: [{ slug: 'Not A Slug' }] };
    await expect(loadSidebarNotesFile(serve(JSON.stringify(wrong)))).rejects.toThrow(
      /sidebar notes file is not valid/,
    );
    await expect(loadSidebarNotesFile(serve('{ not json'))).rejects.toThrow();
  });
});

describe('validateBundledNotes (background start-up)', () => {
  it('passes the bundled notes and reports nothing', () => {
    const report = vi.fn();
    expect(validateBundledNotes(report)).toBe(true);
    expect(report).not.toHaveBeenCalled();
  });
});
