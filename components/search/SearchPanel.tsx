import type { Post } from '../../data/schema';

export interface SearchPanelProps {
  query: string;
  results: Post[];
  onQuery: (query: string) => void;
}

/** The popup's search box and results: props in, events out. */
export function SearchPanel({ query, results, onQuery }: SearchPanelProps) {
  return (
    <main class="fn-popup">
      <label class="fn-search-label" for="fn-search">
        Search the Fly Blog field notes
      </label>
      <input
        id="fn-search"
        type="search"
        data-testid="fn-search"
        autoFocus
        autoComplete="off"
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
      />
      <ul class="fn-results">
        {results.map((post) => (
          <li key={post.slug} data-testid="fn-result" data-slug={post.slug}>
            <a href={post.url} target="_blank" rel="noreferrer">
              {post.title}
            </a>
            <span class="fn-minutes"> · {post.minutes} min</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
