import type { ArchiveFilters } from '../../data/search/engine';
import { SHORT_READ_MINUTES } from '../../data/search/engine';
import { SectionSelect } from '../common/SectionSelect';

export interface SearchFiltersProps {
  filters: ArchiveFilters;
  sections: readonly string[];
  onChange: (filters: ArchiveFilters) => void;
}

export function SearchFilters({ filters, sections, onChange }: SearchFiltersProps) {
  const set = (change: Partial<ArchiveFilters>) => onChange({ ...filters, ...change });
  return (
    <div class="fn-filters" role="group" aria-label="Filters">
      <label class="fn-filter">
        <span class="fn-visually-hidden">Section</span>
        <SectionSelect
          sections={sections}
          value={filters.section}
          testId="fn-filter-section"
          onChange={(section) => set({ section })}
        />
      </label>
      <label class="fn-filter">
        <input
          type="checkbox"
          data-testid="fn-filter-unread"
          checked={filters.unreadOnly}
          onChange={(e) => set({ unreadOnly: e.currentTarget.checked })}
        />
        Unread
      </label>
      <label class="fn-filter">
        <input
          type="checkbox"
          data-testid="fn-filter-short"
          checked={filters.shortOnly}
          onChange={(e) => set({ shortOnly: e.currentTarget.checked })}
        />
        ≤ {SHORT_READ_MINUTES} min
      </label>
      <label class="fn-filter">
        <input
          type="checkbox"
          data-testid="fn-filter-annotated"
          checked={filters.annotatedOnly}
          onChange={(e) => set({ annotatedOnly: e.currentTarget.checked })}
        />
        With notes
      </label>
      <label class="fn-filter">
        <span class="fn-visually-hidden">Sort</span>
        <select
          data-testid="fn-sort"
          value={filters.sort}
          onChange={(e) =>
            set({ sort: e.currentTarget.value === 'newest' ? 'newest' : 'relevance' })
          }
        >
          <option value="relevance">Best match</option>
          <option value="newest">Newest</option>
        </select>
      </label>
    </div>
  );
}
