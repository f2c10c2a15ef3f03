import { Fragment } from 'preact';

export interface NoResultsProps {
  query: string;
  filtered: boolean;
  suggestions: readonly string[];
  onSuggestion: (query: string) => void;
  onClearFilters: () => void;
}

export function NoResults({
  query,
  filtered,
  suggestions,
  onSuggestion,
  onClearFilters,
}: NoResultsProps) {
  return (
    <div class="fn-no-results" data-testid="fn-no-results">
      <p>
        No post matches “{query}”{filtered ? ' with these filters' : ''}.
      </p>
      {suggestions.length > 0 && (
        <p>
          Did you mean{' '}
          {suggestions.map((s, i) => (
            <Fragment key={s}>
              {i > 0 && ', '}
              <button
                type="button"
                class="fn-link-button"
                data-testid="fn-suggestion"
                onClick={() => onSuggestion(s)}
              >
                {s}
              </button>
            </Fragment>
          ))}
          ?
        </p>
      )}
      {filtered && (
        <button
          type="button"
          class="fn-link-button"
          data-testid="fn-clear-filters"
          onClick={onClearFilters}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
