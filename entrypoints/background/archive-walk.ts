// Loading the whole blog, coordinated here (the rules are data/archive/walk.ts). The reader
// starts it from the popup or the options page; a blog tab does the fetching (same origin, no
// permission; entrypoints/content/archive-walk.ts), asking here for one page at a time and
// reporting what it read. With no blog tab open, one is opened in the background (tabs.create
// needs no permission); its content script then takes the walk up.
import { browser } from 'wxt/browser';
import { learnedInput } from '../../data/archive/learned';
import {
  afterResult,
  nextJob,
  startWalk,
  stopWalk,
  tabClosed,
  walkFromStored,
  WALK_KEY,
  type WalkJob,
  type WalkNextRequest,
  type WalkState,
} from '../../data/archive/walk';
import { requestSchemas, responseSchemas } from '../../data/shared/message-schemas';
import { handleMessages, sendTabMessage } from '../../data/shared/messages';
import { learnedWriter, oneArchiveWriteAtATime } from './archive';

const BLOG_ORIGINS = new Set(['https://fly.io', 'https://www.fly.io']);

async function loadWalk(): Promise<WalkState> {
  return walkFromStored((await browser.storage.local.get(WALK_KEY))[WALK_KEY]);
}
async function saveWalk(state: WalkState): Promise<void> {
  await browser.storage.local.set({ [WALK_KEY]: state });
  watchWalkingTab(state);
}

const keptText = (count: number) => `${count} ${count === 1 ? 'post' : 'posts'} kept`;

/** Ask each open tab whether it is a blog page that can walk; open one if none is. */
async function wakeABlogTab(): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined) continue;
    try {
      if (await sendTabMessage(responseSchemas, tab.id, 'fn:archive-walk-wake', {})) return;
    } catch {
      // Not a blog page (no content script there): try the next tab.
    }
  }
  await browser.tabs.create({ url: 'https://fly.io/blog/', active: false });
}

/** A tab's turn: record what it read, then hand it the next page (or nothing). */
async function walkStep(message: WalkNextRequest, tab: number, origin: string): Promise<WalkJob> {
  let state = await loadWalk();
  const now = Date.now();
  if (message.result) {
    const posts = message.result.posts.flatMap((p) => {
      const input = learnedInput(p);
      return input ? [input] : [];
    });
    const allKnown = posts.length > 0 && (await learnedWriter.allKnown(posts.map((p) => p.slug)));
    const recorded =
      message.result.status === 200 && state.status === 'running'
        ? await learnedWriter.record(posts, 'index')
        : { known: await learnedWriter.count() };
    state = afterResult(state, message.result, allKnown, keptText(recorded.known), now);
    // Count the gap from when the last request came back, not when it was planned: the
    // tab's message and fetch add latency, and the next request must not close it.
    state = { ...state, lastRequestAt: now };
  }
  const { state: next, job } = nextJob(state, tab, origin, now);
  await saveWalk(next);
  return job;
}

async function control(type: 'load' | 'stop'): Promise<null> {
  const state = await loadWalk();
  if (type === 'stop') {
    await saveWalk(stopWalk(state, keptText(await learnedWriter.count())));
    return null;
  }
  await saveWalk(startWalk(state));
  void wakeABlogTab().catch(() => undefined);
  return null;
}

interface Sender {
  tab?: { id?: number };
  url?: string;
}

/** A blog tab's turn in the walk; any other sender gets nothing to do. */
function walkNext(request: WalkNextRequest, sender: Sender): Promise<WalkJob> {
  let origin = '';
  try {
    origin = new URL(sender.url ?? '').origin;
  } catch {
    return Promise.resolve({ go: false });
  }
  const tab = sender.tab?.id;
  if (tab === undefined || !BLOG_ORIGINS.has(origin)) return Promise.resolve({ go: false });
  return oneArchiveWriteAtATime(() => walkStep(request, tab, origin));
}

/** A closed walking tab stops the walk where it was (Load resumes it). No permission needed. */
function onTabRemoved(tab: number): void {
  void oneArchiveWriteAtATime(async () => {
    const state = await loadWalk();
    const next = tabClosed(state, tab, keptText(await learnedWriter.count()));
    if (next !== state) await saveWalk(next);
  });
}

/**
 * Listen for closed tabs only while a walk has a tab. A listener kept for good would wake this
 * background (and parse all of it) each time the reader closes any tab anywhere in the browser,
 * which the host-page benchmark saw as fresh-tab loads about a third slower with any build of
 * the extension (BENCHMARKS.md). A walking tab asks here every few seconds, so the background is
 * awake when it closes; a close missed while it slept is caught at its next start (below), and
 * the walk's lease would hand the walk to another blog tab in any case.
 */
function watchWalkingTab(state: WalkState): void {
  const walking = state.status === 'running' && state.leaseTab !== undefined;
  const listening = browser.tabs.onRemoved.hasListener(onTabRemoved);
  if (walking && !listening) browser.tabs.onRemoved.addListener(onTabRemoved);
  if (!walking && listening) browser.tabs.onRemoved.removeListener(onTabRemoved);
}

/** At the background's start: a walk whose tab has gone since stops; one whose tab is open is watched. */
async function resumeWatching(): Promise<void> {
  const state = await loadWalk();
  const tab = state.status === 'running' ? state.leaseTab : undefined;
  if (tab === undefined) return;
  const open = await browser.tabs.get(tab).then(
    (found) => found !== undefined,
    () => false,
  );
  if (open) watchWalkingTab(state);
  else onTabRemoved(tab);
}

export function registerArchiveWalk(): void {
  void oneArchiveWriteAtATime(resumeWatching).catch(() => undefined);
  handleMessages(requestSchemas, {
    'fn:archive-walk-next': (request, sender) => walkNext(request, sender as Sender),
    'fn:archive-load': () => oneArchiveWriteAtATime(() => control('load')),
    'fn:archive-stop': () => oneArchiveWriteAtATime(() => control('stop')),
  });
}
