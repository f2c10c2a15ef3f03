// Archive search: the MiniSearch options and the query over the field notes.
import MiniSearch from 'minisearch';
import type { Post } from './schema';

export type SearchDocument = Pick<Post, 'slug' | 'title' | 'summary'>;

export function buildIndex(posts: readonly Post[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>({
    idField: 'slug',
    fields: ['title', 'summary'],
    storeFields: [],
    searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.2 },
  });
  index.addAll(posts.map(({ slug, title, summary }) => ({ slug, title, summary })));
  return index;
}

/** Slugs of the posts that match, best first. */
export function searchSlugs(index: MiniSearch<SearchDocument>, query: string): string[] {
  if (query.trim() === '') return [];
  return index.search(query).map((r) => String(r.id));
}
