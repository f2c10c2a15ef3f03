import type { PathPosition, SidebarBlog } from '../../data/sidebar/sidebar-notes';
import type { BlogPage } from '../../data/shared/blog-urls';
import { BlogNotes } from './BlogNotes';
import type { PathEntry } from './path-progress';
import { PathSteps } from './PathSteps';
import { PostNote } from './PostNote';
import { UnknownPost, type FeedPostView } from './UnknownPost';
import type { SectionSuggestion } from '../../data/notes/suggest';

export type { PathEntry } from './path-progress';

export type SidebarPage = Exclude<BlogPage, { kind: 'other' }>;

export interface SidebarProps {
  blog: SidebarBlog;
  page: SidebarPage;
  path: PathEntry[];
  position: PathPosition | undefined;
  /** This post's read mark (a post of the notes, or one from the feed). */
  postRead: boolean;
  /** The post's date as shown (exact day or start of its range). */
  postDay?: string;
  onToggleRead: (read: boolean) => void;
  notesUrl: string;
  onOpenNotes: () => void;
  /** What the blog's feed says of a post the notes do not cover. */
  feedPost?: FeedPostView | undefined;
  /** The suggested section for a post outside the notes (null: declined). */
  suggestion?: SectionSuggestion | null | undefined;
  /** Where the outline, progress and resume render on a post page (their own Preact root). */
  readingSlot?: ((el: HTMLElement | null) => void) | undefined;
}

/** The field notes for one blog page: props in, events out. The frame around it is SidebarShell. */
export function Sidebar(props: SidebarProps) {
  const { blog, page, path, position } = props;
  const post = page.kind === 'post' ? page.post : undefined;
  return (
    <div class="fn-content">
      <p class="fn-tagline" data-testid="fn-tagline">
        {blog.tagline}
      </p>
      {post ? (
        <PostNote
          post={post}
          day={props.postDay ?? ''}
          read={props.postRead}
          onToggleRead={props.onToggleRead}
        />
      ) : null}
      {page.kind === 'unknown-post' ? (
        <UnknownPost
          slug={page.slug}
          feedPost={props.feedPost}
          suggestion={props.suggestion}
          read={props.postRead}
          onToggleRead={props.feedPost ? props.onToggleRead : undefined}
        />
      ) : null}
      {page.kind !== 'index' && props.readingSlot ? (
        <div class="fn-reading" data-testid="fn-reading" ref={props.readingSlot} />
      ) : null}
      {page.kind === 'index' ? <BlogNotes blog={blog} /> : null}
      <PathSteps
        path={path}
        currentSlug={post?.slug}
        position={position}
        showPosition={page.kind !== 'index'}
      />
      {page.kind !== 'index' ? <BlogNotes blog={blog} /> : null}
      <p class="fn-all">
        <a
          href={props.notesUrl}
          data-testid="fn-all-notes"
          onClick={(event) => {
            event.preventDefault();
            props.onOpenNotes();
          }}
        >
          All field notes
        </a>
      </p>
    </div>
  );
}
