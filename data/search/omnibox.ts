// What the address-bar keyword (`fn`) suggests and opens, from the same index as the popup.
import { searchSlugs, type ArchiveIndex, type SearchDocument } from './engine';

export const OMNIBOX_SUGGESTIONS = 6;

export interface OmniboxSuggestion {
  /** What Enter on the suggestion hands back: the post's URL. */
  content: string;
  description: string;
}

// Chrome parses descriptions as XML (so `&` in "Design & Implementation" must be escaped);
// Firefox shows them as plain text.
function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function omniboxSuggestions(
  index: ArchiveIndex,
  docs: ReadonlyMap<string, SearchDocument>,
  text: string,
  options: { xml: boolean },
): OmniboxSuggestion[] {
  return searchSlugs(index, text)
    .slice(0, OMNIBOX_SUGGESTIONS)
    .flatMap((slug) => {
      const doc = docs.get(slug);
      if (!doc) return [];
      // Which posts have field notes: a post known only from the blog says it has none yet.
      const notes = doc.fromFeed ? 'no field notes yet' : doc.section;
      const meta = [doc.minutes === undefined ? '' : `${doc.minutes} min`, notes]
        .filter((s) => s !== '')
        .join(' · ');
      const plain = meta === '' ? doc.title : `${doc.title} — ${meta}`;
      return [{ content: doc.url, description: options.xml ? escapeXml(plain) : plain }];
    });
}

/**
 * The URL to open for what the reader entered: a suggestion's URL as is, else the best match
 * for the text, else undefined (nothing matched).
 */
export function omniboxTarget(
  index: ArchiveIndex,
  docs: ReadonlyMap<string, SearchDocument>,
  text: string,
): string | undefined {
  const trimmed = text.trim();
  for (const doc of docs.values()) if (doc.url === trimmed) return doc.url;
  const [best] = searchSlugs(index, trimmed);
  return best === undefined ? undefined : docs.get(best)?.url;
}
