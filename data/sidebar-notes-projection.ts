// The part of the field notes the content script shows, and the projection that derives it.
// The content script runs on every blog page with a 25 KB gzip budget: it carries only what the
// sidebar and the index's card marks render. Left out: section descriptions and "read when",
// the path's reasons, authors, the blog's URL and complexity, and each post's URL (it is always
// https://fly.io/blog/<slug>/, which the schema checks, so data/sidebar-notes.ts rebuilds it).
import type { FieldNotes } from './schema';

export interface SidebarBlog {
  name: string;
  tagline: string;
  summary: string;
  readThisWhen: string;
  skipItIf: string;
  comparedTo: string;
  verdict: { label: string };
}

export interface SidebarPostData {
  slug: string;
  title: string;
  minutes: number;
  summary: string;
  section: string;
  topics: string[];
  date?: string;
  dateRange?: { from: string; to: string };
}

export interface SidebarNotesData {
  blog: SidebarBlog;
  /** The Start Here path: the slugs of its steps, in order. */
  path: string[];
  posts: SidebarPostData[];
}

/** The sidebar's share of validated field notes (fields copied by name: nothing else leaks in). */
export function projectSidebarNotes(notes: FieldNotes): SidebarNotesData {
  const { name, tagline, summary, readThisWhen, skipItIf, comparedTo, verdict } = notes.blog;
  return {
    blog: {
      name,
      tagline,
      summary,
      readThisWhen,
      skipItIf,
      comparedTo,
      verdict: { label: verdict.label },
    },
    path: notes.path.map((step) => step.slug),
    posts: notes.posts.map((post) => ({
      slug: post.slug,
      title: post.title,
      minutes: post.minutes,
      summary: post.summary,
      section: post.section,
      topics: [...post.topics],
      ...(post.date !== undefined ? { date: post.date } : {}),
      ...(post.dateRange !== undefined
        ? { dateRange: { from: post.dateRange.from, to: post.dateRange.to } }
        : {}),
    })),
  };
}
