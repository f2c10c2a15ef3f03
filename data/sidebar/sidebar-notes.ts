// Lookups over the sidebar's share of the notes (the content script's only view of them): the
// blog, one post by slug, the Start Here path and a post's place on it.
//
// The content script does not carry the notes in its code (its size budget): it loads them from
// a file of the extension (data/sidebar/notes-file.ts) and hands them to setSidebarNotes()
// before anything renders. Until then no post is known: blogPageForUrl() calls every post an
// unknown post, which still gives its slug (all the background's feed parser asks of it).
import type { SidebarBlog, SidebarNotesData, SidebarPostData } from './notes-projection';
import { postUrl } from '../shared/fly-urls';
import { placeOnPath, type PathPlace } from '../shared/path';

export type { SidebarBlog, SidebarNotesData } from './notes-projection';

export type SidebarPost = SidebarPostData & { url: string };

let data: SidebarNotesData | undefined;
let posts = new Map<string, SidebarPost>();

/** Make `notes` the notes every lookup below answers from. */
export function setSidebarNotes(notes: SidebarNotesData): void {
  data = notes;
  posts = new Map(notes.posts.map((post) => [post.slug, { ...post, url: postUrl(post.slug) }]));
}

function loaded(): SidebarNotesData {
  if (!data) throw new Error('The sidebar notes are not loaded yet (setSidebarNotes).');
  return data;
}

export function sidebarBlog(): SidebarBlog {
  return loaded().blog;
}

export function sidebarPost(slug: string): SidebarPost | undefined {
  return posts.get(slug);
}

/** How many steps the Start Here path has. */
export const pathLength = () => loaded().path.length;

export type PathPosition = PathPlace<SidebarPost>;

/** Where a post sits on the Start Here path, or undefined when it is not a step. */
export function pathPosition(slug: string): PathPosition | undefined {
  return placeOnPath(data?.path ?? [], slug, (s) => posts.get(s));
}

/** The path's steps with their posts, in order (build-time checks guarantee each is a post). */
export function pathPosts(): { step: number; post: SidebarPost }[] {
  return loaded().path.flatMap((slug, i) => {
    const post = posts.get(slug);
    return post ? [{ step: i + 1, post }] : [];
  });
}
