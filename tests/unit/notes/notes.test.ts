import { describe, expect, it } from 'vitest';
import rawNotes from '../../../data/notes/notes.json';
import {
  fieldNotes,
  parseFieldNotes,
  pathPosition,
  pathPosts,
  postBySlug,
  postsInSection,
} from '../../../data/notes/notes';
import facts from '../../fixtures/posts-facts.json';

const notes = fieldNotes();
const clone = () =>
  structuredClone(rawNotes) as unknown as Record<string, unknown> & typeof rawNotes;

describe('the bundled field notes', () => {
  it('validate against the schema', () => {
    expect(() => parseFieldNotes(rawNotes)).not.toThrow();
  });

  it('are what parsing returns, so the pages can use them without parsing at start', () => {
    expect(fieldNotes()).toEqual(parseFieldNotes(rawNotes));
  });

  it('hold all 30 posts of the archive, in its order, with the checked slugs, URLs, dates and authors', () => {
    expect(notes.posts).toHaveLength(30);
    expect(notes.posts.map((p) => p.slug)).toEqual(facts.posts.map((f) => f.slug));
    notes.posts.forEach((post, i) => {
      const fact = facts.posts[i]!;
      expect(post.title).toBe(fact.title);
      expect(post.minutes).toBe(fact.minutes);
      expect(post.url).toBe(fact.url);
      expect(post.authors).toEqual(fact.authors);
      if (fact.date) expect(post.date).toBe(fact.date);
      else expect(post.dateRange).toEqual({ from: fact.dateRange!.from, to: fact.dateRange!.to });
    });
  });

  it('keep the cluster and topics the original page gave a post', () => {
    for (const fact of facts.posts) {
      if (!('fieldNotesCluster' in fact)) continue;
      const post = postBySlug(fact.slug)!;
      expect(post.section).toBe(fact.fieldNotesCluster);
      expect(post.topics).toEqual(fact.fieldNotesTopics);
    }
  });

  it('have unique slugs and canonical URLs', () => {
    expect(new Set(notes.posts.map((p) => p.slug)).size).toBe(notes.posts.length);
    for (const post of notes.posts) expect(post.url).toBe(`https://fly.io/blog/${post.slug}/`);
  });

  it('give every post a summary, positive minutes, 2-4 topics and one known section', () => {
    const names = notes.sections.map((s) => s.name);
    for (const post of notes.posts) {
      expect(post.summary.length).toBeGreaterThan(20);
      expect(post.minutes).toBeGreaterThan(0);
      expect(post.topics.length).toBeGreaterThanOrEqual(2);
      expect(post.topics.length).toBeLessThanOrEqual(4);
      expect(names).toContain(post.section);
    }
  });

  it('have 8 non-empty sections including the five known names', () => {
    expect(notes.sections).toHaveLength(8);
    for (const known of [
      'AI Agents & MCP',
      'SQLite & Litestream',
      'Networking & Infrastructure',
      'Security & Authentication',
      'Engineering Culture & Blogging',
    ])
      expect(notes.sections.map((s) => s.name)).toContain(known);
    for (const section of notes.sections) {
      expect(postsInSection(section.name).length).toBeGreaterThan(0);
      expect(section.description).not.toBe('');
      expect(section.readWhen).not.toBe('');
    }
  });

  it('have a 7-step path whose steps are all posts, each with a reason', () => {
    expect(pathPosts()).toHaveLength(7);
    expect(pathPosts()[0]!.post.section).toBe('SQLite & Litestream');
    expect(pathPosts()[1]!.post.slug).toBe('corrosion');
    for (const step of pathPosts()) expect(step.reason.length).toBeGreaterThan(10);
  });

  it('hold the blog-level notes', () => {
    expect(notes.blog.name).toBe('The Fly Blog');
    expect(notes.blog.tagline).toBe(
      "Building and running distributed apps on Fly.io's edge cloud.",
    );
    expect(notes.blog.summary).toMatch(/^The Fly Blog is the engineering blog of Fly.io/);
    expect(notes.blog.verdict.kind).toBe('use');
  });
});

describe('the schema rejects broken notes', () => {
  const cases: [string, (n: ReturnType<typeof clone>) => void, RegExp][] = [
    [
      'a lost post that a path step needs',
      (n) => (n.posts = n.posts.filter((p) => p.slug !== 'corrosion')),
      /corrosion/,
    ],
    ['a lost section', (n) => n.sections.pop(), /sections/],
    ['a lost path step', (n) => n.path.pop(), /path/],
    ['a lost summary', (n) => (n.posts[0]!.summary = ''), /summary/],
    ['a lost slug', (n) => ((n.posts[0] as { slug?: string }).slug = undefined), /slug/],
    ['a duplicate slug', (n) => (n.posts[1]!.slug = n.posts[0]!.slug), /duplicate slug|URL/],
    [
      'a non-canonical URL',
      (n) => (n.posts[0]!.url = 'http://fly.io/blog/unfortunately-mcp'),
      /url/i,
    ],
    ['zero minutes', (n) => (n.posts[0]!.minutes = 0), /minutes/],
    [
      'an empty section',
      (n) =>
        n.posts.forEach(
          (p) => p.section === 'Rust in Production' && (p.section = 'AI Agents & MCP'),
        ),
      /Rust in Production/,
    ],
    ['a path step that is not a post', (n) => (n.path[6]!.slug = 'no-such-post'), /no-such-post/],
    ['a post with one topic', (n) => (n.posts[0]!.topics = ['one']), /topics/],
  ];
  for (const [name, breakIt, message] of cases)
    it(`fails on ${name}`, () => {
      const broken = clone();
      breakIt(broken);
      expect(() => parseFieldNotes(broken)).toThrow(message);
    });
});

describe('pathPosition', () => {
  it('gives the step, previous and next of a path post', () => {
    const second = pathPosition('corrosion')!;
    expect(second.step).toBe(2);
    expect(second.total).toBe(7);
    expect(second.previous?.slug).toBe(notes.path[0]!.slug);
    expect(second.next?.slug).toBe(notes.path[2]!.slug);
  });
  it('has no previous on the first step and no next on the last', () => {
    expect(pathPosition(notes.path[0]!.slug)!.previous).toBeUndefined();
    expect(pathPosition(notes.path[6]!.slug)!.next).toBeUndefined();
  });
  it('is undefined for a post off the path', () => {
    expect(pathPosition('litestream-vfs')).toBeUndefined();
  });
});
