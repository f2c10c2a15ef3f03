// The toolbar badge's text: Start Here progress, worked out locally from the marks.
import { pathPosts } from '../notes/notes';
import { isRead, type Progress } from './marks';
import type { Prefs } from '../settings/prefs';

/** `3/7` while the path is under way; empty when the badge is off or the path is done. */
export function startHereBadge(progress: Progress, prefs: Pick<Prefs, 'badge'>): string {
  if (!prefs.badge) return '';
  const path = pathPosts();
  const read = path.filter(({ post }) => isRead(progress, post.slug)).length;
  return read >= path.length ? '' : `${read}/${path.length}`;
}
