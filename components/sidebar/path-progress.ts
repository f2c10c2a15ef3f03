// What the sidebar shows about the Start Here path, derived from the path and the reader's marks.
import type { SidebarPost } from '../../data/sidebar/sidebar-notes';

export interface PathEntry {
  step: number;
  post: SidebarPost;
  read: boolean;
}

export interface PathSummary {
  read: number;
  total: number;
  /** The first unread step, in path order: where "continue" leads. */
  nextUnread: PathEntry | undefined;
}

export function summarisePath(path: readonly PathEntry[]): PathSummary {
  return {
    read: path.filter((e) => e.read).length,
    total: path.length,
    nextUnread: path.find((e) => !e.read),
  };
}
