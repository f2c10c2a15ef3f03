// Lookups over the sidebar's share of the notes (the content script's only view of them): the
// blog, one post by slug, the Start Here path and a post's place on it. No validation happens
// here: the data was checked when it was built (see sidebar-notes-data.ts).
import data from './sidebar-notes-data';
import type { SidebarBlog, SidebarPostData } from './sidebar-notes-projection';

export type { SidebarBlog } from './sidebar-notes-projection';

export type SidebarPost = SidebarPostData & { url: string };

export const postUrl = (slug: string) => `https://fly.io/blog/${slug}/`;

const posts = new Map<string, SidebarPost>(
  data.posts.map((post) => [post.slug, { ...post, url: postUrl(post.slug) }]),
);

export function sidebarBlog(): SidebarBlog {
  return data.blog;
}

export function sidebarPost(slug: string): SidebarPost | undefined {
  return posts.get(slug);
}

/** How many steps the Start Here path has. */
export const pathLength = () => data.path.length;

export interface PathPosition {
  /** 1-based step number. */
  step: number;
  total: number;
  previous: SidebarPost | undefined;
  next: SidebarPost | undefined;
}

/** Where a post sits on the Start Here path, or undefined when it is not a step. */
export function pathPosition(slug: string): PathPosition | undefined {
  const index = data.path.indexOf(slug);
  if (index < 0) return undefined;
  const neighbour = (i: number) => {
    const s = data.path[i];
    return s === undefined ? undefined : posts.get(s);
  };
  return {
    step: index + 1,
    total: data.path.length,
    previous: neighbour(index - 1),
    next: neighbour(index + 1),
  };
}

/** The path's steps with their posts, in order (build-time checks guarantee each is a post). */
export function pathPosts(): { step: number; post: SidebarPost }[] {
  return data.path.flatMap((slug, i) => {
    const post = posts.get(slug);
    return post ? [{ step: i + 1, post }] : [];
  });
}

/** A post's date for display and sorting: the exact day, or the start of its range. */
export function postDay(post: Pick<SidebarPost, 'date' | 'dateRange'>): string {
  return post.date ?? post.dateRange?.from ?? '';
}
