import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ArchiveFilters } from '../../data/search/engine';
import type { ResultView } from '../../data/search/view';
import { NoResults } from './NoResults';
import { ResultOption, optionId } from './ResultOption';
import { SearchFilters } from './SearchFilters';
import { ArchiveLoad } from '../archive/ArchiveLoad';

export interface ResultGroup {
  id: string;
  /** Shown above the group; a single unlabeled group is a plain list of results. */
  label?: string;
  results: ResultView[];
}

export interface SearchPanelProps {
  query: string;
  filters: ArchiveFilters;
  sections: readonly string[];
  groups: readonly ResultGroup[];
  /** Announced politely whenever it changes. */
  countText: string;
  /** "37 of 412 posts read": progress over every post the archive knows. */
  blogProgress?: string;
  /** Handed to ArchiveLoad: how many posts the archive learned. */
  countLearned?: () => Promise<number>;
  activeSlug: string | undefined;
  /** Shown when a query found nothing. */
  suggestions: readonly string[];
  onQuery: (query: string) => void;
  onFilters: (filters: ArchiveFilters) => void;
  /** Move the active result by this many places (negative: up). */
  onMove: (delta: number) => void;
  /** Open a result; undefined slug means "the active one, else the first". */
  onOpen: (slug: string | undefined, newTab: boolean) => void;
  onToggleRead: (slug: string | undefined) => void;
  onEscape: () => void;
  onOpenNotes: () => void;
  /** Shown above the posts while the search box is empty ("Continue reading"). */
  emptyExtra?: ComponentChildren;
}

const LISTBOX_ID = 'fn-listbox';

/** The popup: a combobox with a listbox of posts (the APG pattern), filters and a footer. */
export function SearchPanel(props: SearchPanelProps) {
  const { query, filters, groups, activeSlug } = props;
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const total = groups.reduce((n, g) => n + g.results.length, 0);
  const filtered =
    filters.section !== '' || filters.unreadOnly || filters.shortOnly || filters.annotatedOnly;
  const clearFilters = () =>
    props.onFilters({
      ...filters,
      section: '',
      unreadOnly: false,
      shortOnly: false,
      annotatedOnly: false,
    });

  // `autofocus` is honoured only while a page loads; the box is rendered after that.
  useEffect(() => inputRef.current?.focus(), []);

  useEffect(() => {
    if (activeSlug === undefined) return;
    const el = listRef.current?.querySelector(`#${CSS.escape(optionId(activeSlug))}`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [activeSlug]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      props.onMove(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      props.onOpen(undefined, e.ctrlKey || e.metaKey);
    } else if (e.key === 'Escape') {
      // The search input's own Escape would clear it without telling us.
      e.preventDefault();
      props.onEscape();
    } else if (e.altKey && e.code === 'KeyR') {
      e.preventDefault();
      props.onToggleRead(undefined);
    }
  };

  return (
    <main class="fn-popup">
      <h1 class="fn-search-label">
        <label for="fn-search">Search the Fly Blog field notes</label>
      </h1>
      <input
        id="fn-search"
        type="search"
        data-testid="fn-search"
        role="combobox"
        // Preact's types tie role="combobox" on an input to a datalist; there is none.
        list={undefined}
        aria-autocomplete="list"
        aria-expanded={total > 0}
        aria-controls={LISTBOX_ID}
        aria-activedescendant={activeSlug === undefined ? undefined : optionId(activeSlug)}
        aria-describedby="fn-search-hint"
        ref={inputRef}
        autoFocus
        autoComplete="off"
        spellcheck={false}
        placeholder="Title, topic, author… (typos are fine)"
        value={query}
        onInput={(e) => props.onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p id="fn-search-hint" class="fn-visually-hidden">
        Up and down arrows choose a post, Enter opens it, Control+Enter in a new tab, Alt+R marks it
        read or unread, Escape clears the search.
      </p>
      <SearchFilters filters={filters} sections={props.sections} onChange={props.onFilters} />
      {props.blogProgress ? (
        <p class="fn-blog-progress" data-testid="fn-blog-progress">
          {props.blogProgress}
        </p>
      ) : null}
      <p class="fn-result-count" data-testid="fn-result-count" role="status" aria-live="polite">
        {props.countText}
      </p>
      {query.trim() === '' ? props.emptyExtra : null}
      <ul id={LISTBOX_ID} role="listbox" aria-label="Posts" class="fn-results" ref={listRef}>
        {groups.map((group) =>
          group.label === undefined ? (
            group.results.map((r) => (
              <ResultOption
                key={r.slug}
                result={r}
                active={r.slug === activeSlug}
                onOpen={props.onOpen}
                onToggleRead={props.onToggleRead}
              />
            ))
          ) : group.results.length === 0 ? null : (
            <li key={group.id} role="none">
              <ul role="group" aria-labelledby={`${group.id}-label`} class="fn-group">
                <li role="presentation" id={`${group.id}-label`} class="fn-group-label">
                  {group.label}
                </li>
                {group.results.map((r) => (
                  <ResultOption
                    key={r.slug}
                    result={r}
                    active={r.slug === activeSlug}
                    onOpen={props.onOpen}
                    onToggleRead={props.onToggleRead}
                  />
                ))}
              </ul>
            </li>
          ),
        )}
      </ul>
      {total === 0 && query.trim() !== '' && (
        <NoResults
          query={query.trim()}
          filtered={filtered}
          suggestions={props.suggestions}
          onSuggestion={props.onQuery}
          onClearFilters={clearFilters}
        />
      )}
      {total === 0 && query.trim() === '' && filtered && (
        <div class="fn-no-results" data-testid="fn-no-results">
          <p>No post passes these filters.</p>
          <button
            type="button"
            class="fn-link-button"
            data-testid="fn-clear-filters"
            onClick={clearFilters}
          >
            Clear filters
          </button>
        </div>
      )}
      {query.trim() === '' ? <ArchiveLoad countPosts={props.countLearned} /> : null}
      <footer class="fn-footer">
        <a
          href="notes.html"
          data-testid="fn-open-notes"
          onClick={(e) => {
            e.preventDefault();
            props.onOpenNotes();
          }}
        >
          All field notes
        </a>
      </footer>
    </main>
  );
}
