// "Continue reading": the posts the reader left half read, most recent first, with how far
// they got (data/progress/places.ts). In the popup's empty view and on the notes page.
import { useEffect, useState } from 'preact/hooks';
import { loadPlaces, watchPlaces, type PostPlace } from '../../data/progress/places';

export interface ContinueReadingProps {
  /** Open a post; without it the links open as links. */
  onOpen?: (url: string) => void;
  /** The list's heading level where it sits (the popup's h1 is its title). */
  headingLevel?: 2 | 3;
  /** Where the places come from when shown (default: a storage read; the popup's comes early). */
  load?: () => Promise<PostPlace[]>;
}

/** A post's address on the blog. */
export const postUrl = (slug: string) => `https://fly.io/blog/${slug}/`;

export function ContinueReading({
  onOpen,
  headingLevel = 2,
  load = loadPlaces,
}: ContinueReadingProps) {
  const [places, setPlaces] = useState<PostPlace[]>([]);
  useEffect(() => {
    let live = true;
    void load().then((p) => live && setPlaces(p));
    const stop = watchPlaces((p) => live && setPlaces(p));
    return () => {
      live = false;
      stop();
    };
  }, []);
  if (places.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="fn-continue-reading fn-part" aria-labelledby="fn-continue-title">
      <Heading id="fn-continue-title" class="fn-continue-title">
        Continue reading
      </Heading>
      <ul class="fn-continue-list">
        {places.map((p) => (
          <li key={p.slug} data-testid="fn-continue" data-slug={p.slug} data-percent={p.percent}>
            <a
              href={postUrl(p.slug)}
              onClick={(event) => {
                if (!onOpen) return;
                event.preventDefault();
                onOpen(postUrl(p.slug));
              }}
            >
              {p.title || p.slug}
            </a>{' '}
            <span class="fn-continue-where">
              {p.percent} %{p.heading ? ` · ${p.heading}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
