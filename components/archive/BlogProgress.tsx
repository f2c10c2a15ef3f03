// "37 of 412 posts read" over every post the archive knows (notes, feed, learned), kept live.
import { useEffect, useState } from 'preact/hooks';
import { loadArchivePosts, watchArchive } from '../../data/archive/archive';
import { blogProgressText } from '../../data/archive/blog-progress';
import { isRead, loadProgress, watchProgress, type Progress } from '../../data/progress/marks';

export function BlogProgress() {
  const [slugs, setSlugs] = useState<string[]>();
  const [progress, setProgress] = useState<Progress>({});
  useEffect(() => {
    let live = true;
    const show = (posts: { slug: string }[]) => live && setSlugs(posts.map((p) => p.slug));
    void loadArchivePosts().then(show);
    void loadProgress().then((p) => live && setProgress(p));
    const stopArchive = watchArchive(show);
    const stopProgress = watchProgress((p) => live && setProgress(p));
    return () => {
      live = false;
      stopArchive();
      stopProgress();
    };
  }, []);
  if (!slugs) return null;
  return (
    <p class="fn-blog-progress" data-testid="fn-blog-progress">
      {blogProgressText(slugs, (slug) => isRead(progress, slug))}
    </p>
  );
}
