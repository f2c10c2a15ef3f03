// "Load the whole blog" (the popup's empty view and the options page): the button, a progress
// bar while it runs, a stop button and the result line. The walk itself runs in the background
// and a blog tab (data/archive/walk.ts); this only shows its stored state and sends the
// reader's two commands.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { learnedCount, LEARNED_PREFIX } from '../../data/archive/learned';
import { responseSchemas } from '../../data/shared/message-schemas';
import { sendMessage } from '../../data/shared/messages';
import { walkFromStored, walkStatusText, WALK_KEY, type WalkState } from '../../data/archive/walk';

async function loadView(
  countPosts: () => Promise<number>,
): Promise<{ state: WalkState; posts: number }> {
  const [items, posts] = await Promise.all([browser.storage.local.get(WALK_KEY), countPosts()]);
  return { state: walkFromStored(items[WALK_KEY]), posts };
}

export interface ArchiveLoadProps {
  now?: () => number;
  /** How many posts the archive learned (the popup answers its first ask from its one read). */
  countPosts?: () => Promise<number>;
}

export function ArchiveLoad({ now = Date.now, countPosts = learnedCount }: ArchiveLoadProps) {
  const [view, setView] = useState<{ state: WalkState; posts: number }>();
  useEffect(() => {
    let live = true;
    const refresh = () => void loadView(countPosts).then((v) => live && setView(v));
    refresh();
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local') return;
      if (Object.keys(changes).some((k) => k === WALK_KEY || k.startsWith(LEARNED_PREFIX)))
        refresh();
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, []);
  if (!view) return null;
  const { state, posts } = view;
  const running = state.status === 'running';
  // Pages seen by earlier walks are the best guess of how many there are.
  const max = Math.max(state.pagesRead + 1, Object.keys(state.validators).length);
  const send = (command: 'fn:archive-load' | 'fn:archive-stop') =>
    void sendMessage(responseSchemas, command, {}).catch(() => undefined);
  return (
    <div class="fn-archive-load" data-testid="fn-archive-loader">
      {running ? (
        <>
          <div
            role="progressbar"
            data-testid="fn-archive-progress"
            aria-label="Loading the whole blog"
            aria-valuemin={0}
            aria-valuenow={state.pagesRead}
            aria-valuemax={max}
            aria-valuetext={`${state.pagesRead} pages read, ${posts} posts found`}
          >
            <progress value={state.pagesRead} max={max} />
          </div>
          <button
            type="button"
            data-testid="fn-archive-stop"
            onClick={() => send('fn:archive-stop')}
          >
            Stop
          </button>
        </>
      ) : (
        <button type="button" data-testid="fn-archive-load" onClick={() => send('fn:archive-load')}>
          Load the whole blog
        </button>
      )}
      <p data-testid="fn-archive-status" role="status" aria-live="polite">
        {walkStatusText(state, posts, now())}
      </p>
      {state.message ? <p data-testid="fn-archive-message">{state.message}</p> : null}
    </div>
  );
}
