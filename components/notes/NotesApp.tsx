// The notes page's state: the reader's progress (kept live from storage), the archive filter,
// the export files and the clipboard status. Rendering is NotesPage's.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { archivePosts } from '../../data/feed/merge';
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

export interface ObjectUrls {
  create: (blob: Blob) => string;
  revoke: (url: string) => void;
}

export interface NotesAppProps {
  store: ProgressStore;
  copyText: (text: string) => Promise<void>;
  /** Without a feed the chart shows the field notes' posts only. */
  feed?: FeedSource;
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
export function filterArchive(
  posts: readonly Post[],
  filter: ArchiveFilter,
  index: ArchiveIndex,
  isRead: (slug: string) => boolean,
): Post[] {
  const filters: ArchiveFilters = {
    ...NO_FILTERS,
    section: filter.section,
    unreadOnly: filter.unreadOnly,
  };
  if (filter.query.trim() === '')
    return posts.filter((p) => passesFilters(documentFromPost(p), filters, isRead));
  return searchArchive(index, filter.query, filters, isRead)
    .map((hit) => posts.find((p) => p.slug === hit.slug))
    .filter((p): p is Post => p !== undefined);
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
  objectUrls = browserUrls,
  now = () => new Date(),
}: NotesAppProps) {
  const notes: FieldNotes = fieldNotes();
  const [progress] = useStoredValue<Progress>(store, {}, [store]);
  const [filter, setFilter] = useState<ArchiveFilter>({
    query: '',
    section: '',
    unreadOnly: false,
  });
  const [status, setStatus] = useState('');
  const index = useMemo(() => buildIndex(notes.posts), [notes]);

  const [feedEntries] = useStoredValue<readonly FeedEntry[]>(feed, [], [feed]);
  const archive = useMemo(() => archivePosts(notes.posts, feedEntries), [notes, feedEntries]);

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
        total: notes.posts.length,
        posts: filterArchive(notes.posts, filter, index, isRead),
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
