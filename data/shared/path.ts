// Where a post sits on the Start Here path: one rule for the full notes (notes page, popup)
// and for the sidebar's slice of them. No imports, so the content script can use it.

/** A post's place on the path; `P` is whichever view of a post the caller holds. */
export interface PathPlace<P> {
  /** 1-based step number. */
  step: number;
  total: number;
  previous: P | undefined;
  next: P | undefined;
}

/** The place of `slug` on `path` (slugs in order), or undefined when it is not a step. */
export function placeOnPath<P>(
  path: readonly string[],
  slug: string,
  postOf: (slug: string) => P | undefined,
): PathPlace<P> | undefined {
  const index = path.indexOf(slug);
  if (index < 0) return undefined;
  const neighbour = (i: number) => {
    const s = path[i];
    return s === undefined ? undefined : postOf(s);
  };
  return {
    step: index + 1,
    total: path.length,
    previous: neighbour(index - 1),
    next: neighbour(index + 1),
  };
}
