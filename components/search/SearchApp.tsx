import { useMemo, useState } from 'preact/hooks';
import { fieldNotes, postBySlug } from '../../data/notes';
import { buildIndex, searchSlugs } from '../../data/search';
import type { Post } from '../../data/schema';
import { SearchPanel } from './SearchPanel';

export function SearchApp() {
  const index = useMemo(() => buildIndex(fieldNotes().posts), []);
  const [query, setQuery] = useState('');
  const results = searchSlugs(index, query)
    .map(postBySlug)
    .filter((p): p is Post => p !== undefined);
  return <SearchPanel query={query} results={results} onQuery={setQuery} />;
}
