// The sidebar's state: the reader's progress, kept current from storage. Rendering is Sidebar's.
import { useEffect, useState } from 'preact/hooks';
import { fieldNotes, pathPosition, pathPosts } from '../../data/notes';
import { isRead, type Progress } from '../../data/progress';
import type { BlogPage } from '../../data/urls';
import { Sidebar } from './Sidebar';

export interface ProgressStore {
  load: () => Promise<Progress>;
  watch: (onChange: (progress: Progress) => void) => () => void;
  setRead: (slug: string, read: boolean) => Promise<unknown>;
}

export interface SidebarAppProps {
  page: Exclude<BlogPage, { kind: 'other' }>;
  store: ProgressStore;
}

export function SidebarApp({ page, store }: SidebarAppProps) {
  const [progress, setProgress] = useState<Progress>({});
  useEffect(() => {
    let live = true;
    void store.load().then((p) => live && setProgress(p));
    const stop = store.watch((p) => live && setProgress(p));
    return () => {
      live = false;
      stop();
    };
  }, [store]);

  const slug = page.kind === 'post' ? page.slug : undefined;
  return (
    <Sidebar
      blog={fieldNotes().blog}
      page={page}
      path={pathPosts().map(({ step, post }) => ({
        step,
        post,
        read: isRead(progress, post.slug),
      }))}
      position={slug ? pathPosition(slug) : undefined}
      postRead={slug ? isRead(progress, slug) : false}
      onToggleRead={(read) => {
        if (slug) void store.setRead(slug, read);
      }}
    />
  );
}
