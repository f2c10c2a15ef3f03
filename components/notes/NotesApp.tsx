// The notes page's state: the reader's progress (kept live from storage), the archive filter,
// the export files and the clipboard status. Rendering is NotesPage's.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { archivePosts, type ArchivePost, type FeedOnlyPost } from '../../data/feed/merge';
import type { FeedEntry } from '../../data/feed/schema';
import { entriesFromArchive, postingHistory } from '../../data/notes/history';
import { fieldNotes, pathPosts, postsInSection } from '../../data/notes/notes';
import { notesJson, notesMarkdown, pathMarkdown } from '../../data/notes/exports';
import {
  isRead as isMarkedRead,
  type Progress,
  type ProgressStore,
} from '../../data/progress/marks';
import type { FieldNotes, Post } from '../../data/notes/schema';
import {
  buildIndex,
  documentFromFeedEntry,
  documentFromPost,
  NO_FILTERS,
  passesFilters,
  searchArchive,
  type ArchiveFilters,
  type ArchiveIndex,
} from '../../data/search/engine';
import type { ArchiveFilter } from './Archive';
import { useStoredValue } from '../common/useStoredValue';
import { NotesPage } from './NotesPage';

/** The blog's feed as cached by the background: newer posts the field notes do not hold yet. */
export interface FeedSource {
  load: () => Promise<readonly FeedEntry[]>;
  watch: (onChange: (entries: readonly FeedEntry[]) => void) => () => void;
}

/** The whole archive (notes, feed, posts learned from the blog's pages), loaded and watched. */
export interface ArchiveSource {
  load: () => Promise<readonly ArchivePost[]>;
  watch: (onChange: (archive: ArchivePost[]) => void) => () => void;
}

export interface ObjectUrls {
  create: (blob: Blob) => string;
  revoke: (url: string) => void;
}

export interface NotesAppProps {
  store: ProgressStore;
  copyText: (text: string) => Promise<void>;
  /** Without a feed the chart shows the field notes' posts only. */
  feed?: FeedSource;
  /**
   * With it, the archive section and the chart cover the whole blog the extension knows
   * (rows say which posts have field notes); without it, the field notes' posts.
   */
  wholeArchive?: ArchiveSource;
  objectUrls?: ObjectUrls;
  now?: () => Date;
}

const browserUrls: ObjectUrls = {
  create: (blob) => URL.createObjectURL(blob),
  revoke: (url) => URL.revokeObjectURL(url),
};

const minutesOf = (posts: readonly Post[]) => posts.reduce((sum, p) => sum + p.minutes, 0);

/**
 * Posts that pass the filter, through the popup's own search and filters: best match first when
 * there is a query, archive order (newest first) otherwise.
 */
export function filterArchive<T extends Post | ArchivePost>(
  posts: readonly T[],
  filter: ArchiveFilter,
  index: ArchiveIndex,
  isRead: (slug: string) => boolean,
): T[] {
  const filters: ArchiveFilters = {
    ...NO_FILTERS,
    section: filter.section,
    unreadOnly: filter.unreadOnly,
    annotatedOnly: filter.annotatedOnly ?? false,
  };
  if (filter.query.trim() === '')
    return posts.filter((p) => passesFilters(searchDocumentOf(p), filters, isRead));
  const bySlug = new Map(posts.map((p) => [p.slug, p]));
  return searchArchive(index, filter.query, filters, isRead)
    .map((hit) => bySlug.get(hit.slug))
    .filter((p): p is T => p !== undefined);
}

/** A post of the notes or of the whole archive as the search sees it. */
function searchDocumentOf(post: Post | ArchivePost) {
  return isFeedOnly(post) ? documentFromFeedEntry(post) : documentFromPost(post);
}

/** A post without field notes (from the feed or learned from the blog's pages). */
export function isFeedOnly(post: Post | ArchivePost): post is FeedOnlyPost {
  return (post as { fromFeed?: boolean }).fromFeed === true;
}

/** A Blob URL for `text` that lives as long as the text does. */
function useObjectUrl(text: string, type: string, urls: ObjectUrls): string {
  const url = useMemo(() => urls.create(new Blob([text], { type })), [text, type, urls]);
  useEffect(() => () => urls.revoke(url), [url, urls]);
  return url;
}

export function NotesApp({
  store,
  copyText,
  feed,
  wholeArchive,
  objectUrls = browserUrls,
  now = () => new Date(),
}: NotesAppProps) {
  const notes: FieldNotes = fieldNotes();
  const [progress] = useStoredValue<Progress>(store, {}, [store]);
  // The notes page lists the field notes' posts first: the whole blog is one click away
  // (fn-filter-annotated, on by default), and then searched and listed like them.
  const [filter, setFilter] = useState<ArchiveFilter>({
    query: '',
    section: '',
    unreadOnly: false,
    annotatedOnly: wholeArchive !== undefined,
  });
  const [status, setStatus] = useState('');
  const [feedEntries] = useStoredValue<readonly FeedEntry[]>(feed, [], [feed]);
  const [whole] = useStoredValue<readonly ArchivePost[] | undefined>(wholeArchive, undefined, [
    wholeArchive,
  ]);
  const archive = useMemo(
    () => whole ?? archivePosts(notes.posts, feedEntries),
    [whole, notes, feedEntries],
  );
  // The archive section's posts: the whole blog when the page has it, else the notes'.
  const listed: readonly (Post | ArchivePost)[] = wholeArchive ? archive : notes.posts;
  const index = useMemo(
    () =>
      wholeArchive
        ? buildIndex(
            archive.flatMap((p) => (p.fromFeed ? [] : [p])),
            archive.flatMap((p) => (p.fromFeed ? [documentFromFeedEntry(p)] : [])),
          )
        : buildIndex(notes.posts),
    [wholeArchive, archive, notes],
  );

  const isRead = (slug: string) => isMarkedRead(progress, slug);
  const readPosts = notes.posts.filter((p) => isRead(p.slug));
  const markdown = useMemo(
    () => notesMarkdown(notes, (slug) => isMarkedRead(progress, slug)),
    [notes, progress],
  );
  // The export time is when the reader's data last changed (what the file reflects), so the
  // clock is deliberately not a dependency.
  const json = useMemo(
    () => notesJson(notes, (slug) => isMarkedRead(progress, slug), now()),
    [notes, progress],
  );
  const markdownUrl = useObjectUrl(markdown, 'text/markdown;charset=utf-8', objectUrls);
  const jsonUrl = useObjectUrl(json, 'application/json;charset=utf-8', objectUrls);

  const onCopyPath = () => {
    copyText(pathMarkdown(notes)).then(
      () => setStatus('Copied the Start Here path to the clipboard as a Markdown list.'),
      (error: unknown) =>
        setStatus(
          `Could not copy to the clipboard${error instanceof Error ? `: ${error.message}` : '.'}`,
        ),
    );
  };

  return (
    <NotesPage
      blog={notes.blog}
      totals={{
        posts: notes.posts.length,
        sections: notes.sections.length,
        minutes: minutesOf(notes.posts),
        postsRead: readPosts.length,
        minutesRead: minutesOf(readPosts),
      }}
      steps={pathPosts().map((s) => ({ ...s, read: isRead(s.post.slug) }))}
      sections={notes.sections.map((section) => {
        const posts = postsInSection(section.name);
        return {
          section,
          posts,
          minutes: minutesOf(posts),
          readCount: posts.filter((p) => isRead(p.slug)).length,
        };
      })}
      history={postingHistory(entriesFromArchive(archive, isRead))}
      archive={{
        filter,
        total: listed.length,
        posts: filterArchive(listed, filter, index, isRead),
      }}
      exports={{
        markdownUrl,
        jsonUrl,
        markdownFile: 'fly-field-notes.md',
        jsonFile: 'fly-field-notes.json',
        status,
        onCopyPath,
      }}
      isRead={isRead}
      onFilter={setFilter}
      onToggleRead={(slug, read) => void store.setRead(slug, read)}
    />
  );
}
