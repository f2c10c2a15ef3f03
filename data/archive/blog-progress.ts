// Progress over the whole blog as the archive knows it (notes + feed + learned posts), for the
// popup, the options page and the notes page: "37 of 412 posts read".

/** "37 of 412 posts read" over the given slugs. */
export function blogProgressText(
  slugs: readonly string[],
  isRead: (slug: string) => boolean,
): string {
  const read = slugs.filter(isRead).length;
  return `${read} of ${slugs.length} ${slugs.length === 1 ? 'post' : 'posts'} read`;
}
