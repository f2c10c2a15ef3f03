// The sidebar's container: the reader's progress and layout, kept in state; the page and the
// browser reach it only through the `host` the content script hands in.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  clampWidth,
  layoutMode,
  maxWidthFor,
  type Layout,
  type Side,
} from '../../data/settings/layout';
import { pathPosition, pathPosts, sidebarBlog } from '../../data/sidebar/sidebar-notes';
import { postDay } from '../../data/shared/dates';
import { isRead, type Progress, type ProgressStore } from '../../data/progress/marks';
import { useStoredValue } from '../common/useStoredValue';
import { Sidebar, type SidebarPage } from './Sidebar';
import { SidebarShell, type Theme } from './SidebarShell';
import type { FeedPostView } from './UnknownPost';
import type { SectionSuggestion } from '../../data/notes/suggest';

/** The cached feed's word on a post the notes do not annotate. */
export interface FeedPostViewStore {
  load: (slug: string) => Promise<FeedPostView | undefined>;
  watch: (slug: string, onChange: (teaser: FeedPostView | undefined) => void) => () => void;
}

export interface SidebarHost {
  progress: ProgressStore;
  /**
   * The suggested section for a post outside the notes (the background's answer; null when
   * it declines). Without it no suggestion is shown.
   */
  suggestSection?: (post: {
    title: string;
    teaser?: string;
    slug: string;
  }) => Promise<SectionSuggestion | null>;
  /** Where an unknown post's feed teaser comes from; without it only `feedPost` is shown. */
  feedPosts?: FeedPostViewStore;
  initialLayout: Layout;
  saveLayout: (layout: Layout) => void;
  viewportWidth: () => number;
  watchViewport: (onChange: () => void) => () => void;
  /** Make room for the sidebar on the page (`width` 0 gives the page back). */
  pushPage: (side: Side, width: number) => void;
  theme: () => Theme;
  watchTheme: (onChange: (theme: Theme) => void) => () => void;
  /** Calls back when the keyboard command asks for the sidebar. */
  watchToggleCommand: (onToggle: () => void) => () => void;
  notesUrl: string;
  openNotes: () => void;
  /** The sidebar's element for the reading chunk (entrypoints/content/outline.ts). */
  readingSlot?: (el: HTMLElement | null) => void;
}

export interface SidebarAppProps {
  page: SidebarPage;
  host: SidebarHost;
  feedPost?: FeedPostView | undefined;
}

export function SidebarApp({ page, host, feedPost }: SidebarAppProps) {
  const [layout, setLayout] = useState<Layout>(host.initialLayout);
  const [viewport, setViewport] = useState(host.viewportWidth());
  const [theme, setTheme] = useState<Theme>(host.theme());
  const panelRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // Where focus was before the keyboard opened the sidebar, to give it back on Escape.
  const returnFocus = useRef<HTMLElement | null>(null);
  const [focusPanel, setFocusPanel] = useState(false);

  // A new page object (navigation, back/forward cache) reloads progress so it is never stale.
  const [progress] = useStoredValue<Progress>(host.progress, {}, [host, page]);

  // A post the notes do not know: what the cached feed says of it, kept live (a feed check in
  // another tab may bring it in while this page is open).
  const unknownSlug = page.kind === 'unknown-post' ? page.slug : undefined;
  const store = host.feedPosts;
  const [teaser] = useStoredValue<{ slug: string; teaser: FeedPostView | undefined } | undefined>(
    store && unknownSlug
      ? {
          load: async () => ({ slug: unknownSlug, teaser: await store.load(unknownSlug) }),
          watch: (onChange) =>
            store.watch(unknownSlug, (t) => onChange({ slug: unknownSlug, teaser: t })),
        }
      : undefined,
    undefined,
    [host, unknownSlug],
  );
  const shownTeaser =
    feedPost ?? (teaser && teaser.slug === unknownSlug ? teaser.teaser : undefined);

  // The suggested section for a known post outside the notes: asked once per post shown.
  const [suggested, setSuggested] = useState<
    { slug: string; suggestion: SectionSuggestion | null } | undefined
  >(undefined);
  const suggestTitle = shownTeaser?.title;
  const suggestTeaser = shownTeaser?.teaser;
  useEffect(() => {
    const ask = host.suggestSection;
    if (!ask || !unknownSlug || !suggestTitle) return undefined;
    let current = true;
    ask({
      title: suggestTitle.slice(0, 300),
      ...(suggestTeaser ? { teaser: suggestTeaser.slice(0, 400) } : {}),
      slug: unknownSlug,
    }).then(
      (suggestion) => current && setSuggested({ slug: unknownSlug, suggestion }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [host, unknownSlug, suggestTitle, suggestTeaser]);

  useEffect(() => host.watchViewport(() => setViewport(host.viewportWidth())), [host]);
  useEffect(() => host.watchTheme(setTheme), [host]);

  const mode = layoutMode(layout, viewport);
  const width = clampWidth(layout.width, viewport);
  useEffect(() => {
    host.pushPage(layout.side, mode === 'push' ? width : 0);
  }, [host, mode, layout.side, width]);
  useEffect(() => () => host.pushPage('right', 0), [host]);

  useEffect(() => {
    if (focusPanel && layout.open) {
      panelRef.current?.focus();
      setFocusPanel(false);
    }
  }, [focusPanel, layout.open]);

  const update = (change: Partial<Layout>, remember = true) => {
    setLayout((current) => {
      const next = { ...current, ...change };
      if (remember) host.saveLayout(next);
      return next;
    });
  };

  const close = () => {
    update({ open: false });
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected) target.focus();
    else toggleRef.current?.focus();
  };

  const openFromKeyboard = () => {
    const active = document.activeElement;
    returnFocus.current = active instanceof HTMLElement && active !== document.body ? active : null;
    update({ open: true });
    setFocusPanel(true);
  };

  // The command handler outlives renders; a ref keeps it calling the current state.
  const onCommand = useRef<() => void>(() => undefined);
  onCommand.current = () => (layout.open ? close() : openFromKeyboard());
  useEffect(() => host.watchToggleCommand(() => onCommand.current()), [host]);

  const slug = page.kind === 'post' ? page.slug : undefined;
  const post = page.kind === 'post' ? page.post : undefined;
  // What the read button marks: this post of the notes, or this post from the feed.
  const markSlug = slug ?? (shownTeaser ? unknownSlug : undefined);
  return (
    <SidebarShell
      layout={{ ...layout, width }}
      mode={mode}
      theme={theme}
      maxWidth={maxWidthFor(viewport)}
      panelRef={panelRef}
      toggleRef={toggleRef}
      onToggle={() => update({ open: !layout.open })}
      onPin={(pinned) => update({ pinned })}
      onSide={(side) => update({ side })}
      onResize={(w, done) => update({ width: clampWidth(w, viewport) }, done)}
      onEscape={close}
    >
      {layout.open ? (
        <Sidebar
          blog={sidebarBlog()}
          page={page}
          path={pathPosts().map(({ step, post: p }) => ({
            step,
            post: p,
            read: isRead(progress, p.slug),
          }))}
          position={slug ? pathPosition(slug) : undefined}
          postRead={markSlug ? isRead(progress, markSlug) : false}
          postDay={post ? postDay(post) : undefined}
          onToggleRead={(read) => {
            if (markSlug) void host.progress.setRead(markSlug, read);
          }}
          notesUrl={host.notesUrl}
          onOpenNotes={host.openNotes}
          feedPost={shownTeaser}
          suggestion={suggested?.slug === unknownSlug ? suggested?.suggestion : undefined}
          readingSlot={host.readingSlot}
        />
      ) : null}
    </SidebarShell>
  );
}
