// The popup's container: owns the query, filters, marks and the active result, and runs the
// effects (storage, tabs). SearchPanel and below only render.
//
// It searches the combined archive (data/archive/archive.ts): the bundled notes, with exact days where
// the blog's feed settled them, plus the posts only the feed knows ("no field notes yet"). The
// bundled notes are there from the first paint; the feed's posts join when the cache is read
// and again whenever the background refreshes it.
//
// The real popup hands it `start` (data/search/popup-start.ts): one storage read for the marks,
// the feed and the places; and `restored`, the saved search's answer, waited for before the first
// render so that a reopened popup's first frame is already on its query.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { loadArchivePosts, watchArchive } from '../../data/archive/archive';
import type { ArchivePost } from '../../data/feed/merge';
import { fieldNotes } from '../../data/notes/notes';
import {
  isRead,
  loadProgress,
  setRead,
  watchProgress,
  type Progress,
} from '../../data/progress/marks';
import {
  NO_FILTERS,
  buildIndex,
  documentFromFeedEntry,
  documentFromPost,
  passesFilters,
  searchArchive,
  suggestSpellings,
  type ArchiveFilters,
  type ArchiveIndex,
  type SearchDocument,
} from '../../data/search/engine';
import { loadSearchSession, saveSearchSession, type SavedSearch } from '../../data/search/session';
import {
  firstThen,
  startArchive,
  startLearnedCount,
  startPlaces,
  startProgress,
  type PopupStart,
} from '../../data/search/popup-start';
import { loadPlaces } from '../../data/progress/places';
import { openNotesPage, openPost } from '../../data/search/open-post';
import { resultView, type ResultView } from '../../data/search/view';
import { ContinueReading } from '../common/ContinueReading';
import { useStoredValue } from '../common/useStoredValue';
import { SearchPanel, type ResultGroup } from './SearchPanel';
import { blogProgressText } from '../../data/archive/blog-progress';
import { learnedCount } from '../../data/archive/learned';

/** How many of the newest posts the empty popup lists after the path. */
export const NEWEST_COUNT = 10;

export interface SearchAppProps {
  /** Close the popup (window.close in the real popup). */
  onClose: () => void;
  /** Storage reads asked for before the first render; without it, each is read when needed. */
  start?: PopupStart;
  /**
   * The saved search, when the caller waited for its answer before rendering (the real popup;
   * `saved` undefined: none): the first render is on it. Without it, it is read and applied when
   * it answers, after the first render.
   */
  restored?: { saved: SavedSearch | undefined };
}

/** The search documents of an archive, in its order: bundled posts, then feed-only ones. */
function archiveDocuments(archive: readonly ArchivePost[]): SearchDocument[] {
  return archive.map((post) =>
    post.fromFeed ? documentFromFeedEntry(post) : documentFromPost(post),
  );
}

export function SearchApp({ onClose, start, restored: answered }: SearchAppProps) {
  const notes = fieldNotes();
  // The start's answers serve the first load of each; a later load reads again.
  const [loaders] = useState(() => ({
    archive: firstThen(start && (() => startArchive(start)), loadArchivePosts),
    places: firstThen(start && (() => startPlaces(start)), loadPlaces),
    learned: firstThen(start && (() => startLearnedCount(start)), learnedCount),
  }));
  // Until the feed cache is read: the bundled notes alone (no storage read before first paint).
  const [archive] = useStoredValue<readonly ArchivePost[] | undefined>(
    { load: loaders.archive, watch: watchArchive },
    undefined,
    [],
  );
  // Built on the first query: the empty popup (path and newest posts) paints without it. A new
  // archive (the feed refreshed) drops it, and the next query builds it again.
  const indexRef = useRef<
    { of: readonly ArchivePost[] | undefined; index: ArchiveIndex } | undefined
  >(undefined);
  const archiveIndex = (): ArchiveIndex => {
    const built = indexRef.current;
    if (built && built.of === archive) return built.index;
    const index = archive
      ? buildIndex(
          archive.flatMap((p) => (p.fromFeed ? [] : [p])),
          archive.flatMap((p) => (p.fromFeed ? [documentFromFeedEntry(p)] : [])),
        )
      : buildIndex(notes.posts);
    indexRef.current = { of: archive, index };
    return index;
  };
  const docs = useMemo(
    () =>
      new Map<string, SearchDocument>(
        (archive ? archiveDocuments(archive) : notes.posts.map(documentFromPost)).map((d) => [
          d.slug,
          d,
        ]),
      ),
    [notes, archive],
  );
  const steps = useMemo(() => new Map(notes.path.map((s, i) => [s.slug, i + 1])), [notes]);

  const [query, setQuery] = useState(answered?.saved?.query ?? '');
  const [filters, setFilters] = useState<ArchiveFilters>(answered?.saved?.filters ?? NO_FILTERS);
  const [progress, setProgress] = useState<Progress>({});
  const [activeSlug, setActiveSlug] = useState<string | undefined>(undefined);
  // Nothing is saved until the saved search is back, so that it is never overwritten.
  const [restored, setRestored] = useState(answered !== undefined);
  const touched = useRef(false);

  useEffect(() => {
    void (start ? startProgress(start) : loadProgress()).then(setProgress);
    return watchProgress(setProgress);
  }, []);

  // Without `restored`: a layout effect, so that a saved search asked for before rendering
  // (start) that answers before the first frame is in it.
  useLayoutEffect(() => {
    if (answered) return;
    void (start?.session ?? loadSearchSession()).then((saved) => {
      if (saved && !touched.current) {
        setQuery(saved.query);
        setFilters(saved.filters);
      }
      setRestored(true);
    });
  }, []);

  useEffect(() => {
    if (restored) void saveSearchSession({ query, filters });
  }, [restored, query, filters]);

  const read = (slug: string) => isRead(progress, slug);
  const view = (doc: SearchDocument, terms?: readonly string[]): ResultView =>
    resultView(doc, {
      read: read(doc.slug),
      step: steps.get(doc.slug),
      pathLength: steps.size,
      terms,
    });

  const searching = query.trim() !== '';
  const groups: ResultGroup[] = searching
    ? [
        {
          id: 'fn-group-results',
          results: searchArchive(archiveIndex(), query, filters, read).flatMap((hit) => {
            const doc = docs.get(hit.slug);
            return doc ? [view(doc, hit.terms)] : [];
          }),
        },
      ]
    : emptyQueryGroups(
        notes.path.map((s) => s.slug),
        [...docs.values()],
        filters,
        read,
        view,
      );
  if (!searching && groups[0])
    groups[0].label = `Start Here · ${notes.path.filter((s) => read(s.slug)).length}/${notes.path.length} read`;
  const results = groups.flatMap((g) => g.results);
  const suggestions =
    searching && results.length === 0 ? suggestSpellings(archiveIndex(), query) : [];

  const pathRead = notes.path.filter((s) => read(s.slug)).length;
  const countText = searching
    ? `${results.length === 0 ? 'No' : results.length} ${results.length === 1 ? 'post matches' : 'posts match'}`
    : `Start Here: ${pathRead} of ${notes.path.length} read · ${results.length} posts listed`;

  const active = results.some((r) => r.slug === activeSlug) ? activeSlug : undefined;

  const edit = (change: () => void) => {
    touched.current = true;
    setActiveSlug(undefined);
    change();
  };

  const open = (slug: string | undefined, newTab: boolean) => {
    const target = results.find((r) => r.slug === (slug ?? active)) ?? results[0];
    if (!target) return;
    void openPost(target.url, newTab).then(onClose);
  };

  const toggleRead = (slug: string | undefined) => {
    const target = slug ?? active;
    if (target === undefined) return;
    const next = !read(target);
    // Shown at once; the storage change that follows confirms it.
    setProgress((p) => ({ ...p, [target]: { read: next, at: Date.now(), via: 'popup' } }));
    void setRead(target, next, 'popup');
  };

  return (
    <SearchPanel
      query={query}
      filters={filters}
      sections={notes.sections.map((s) => s.name)}
      groups={groups}
      countText={countText}
      blogProgress={blogProgressText([...docs.keys()], read)}
      countLearned={loaders.learned}
      activeSlug={active}
      suggestions={suggestions}
      onQuery={(q) => edit(() => setQuery(q))}
      onFilters={(f) => edit(() => setFilters(f))}
      onMove={(delta) => {
        const at = results.findIndex((r) => r.slug === active);
        const next = at + delta;
        // Above the first result is the search box itself (no active option).
        if (next < 0) setActiveSlug(undefined);
        else setActiveSlug(results[Math.min(next, results.length - 1)]?.slug);
      }}
      onOpen={open}
      onToggleRead={toggleRead}
      onEscape={() => {
        if (query !== '') edit(() => setQuery(''));
        else onClose();
      }}
      onOpenNotes={() => void openNotesPage().then(onClose)}
      emptyExtra={
        <ContinueReading
          load={loaders.places}
          onOpen={(url) => void openPost(url, false).then(onClose)}
        />
      }
    />
  );
}

/** The popup before any query: the Start Here path in order, then the newest other posts. */
function emptyQueryGroups(
  pathSlugs: readonly string[],
  docs: readonly SearchDocument[],
  filters: ArchiveFilters,
  read: (slug: string) => boolean,
  view: (doc: SearchDocument) => ResultView,
): ResultGroup[] {
  const passes = (doc: SearchDocument) => passesFilters(doc, filters, read);
  const bySlug = new Map(docs.map((d) => [d.slug, d]));
  const path = pathSlugs.flatMap((slug) => {
    const doc = bySlug.get(slug);
    return doc && passes(doc) ? [view(doc)] : [];
  });
  const onPath = new Set(pathSlugs);
  const newest = docs
    .filter((d) => !onPath.has(d.slug) && passes(d))
    .sort((a, b) => b.day.localeCompare(a.day))
    .slice(0, NEWEST_COUNT)
    .map((d) => view(d));
  return [
    { id: 'fn-group-path', label: 'Start Here', results: path },
    { id: 'fn-group-newest', label: 'Newest', results: newest },
  ];
}
