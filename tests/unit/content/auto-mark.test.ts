import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createContentContext, type ContentContext } from '../../../entrypoints/content/context';
import {
  articleEnd,
  END_DWELL_MS,
  initAutoMark,
  PAGE_DWELL_MS,
} from '../../../entrypoints/content/auto-mark';
import { loadPrefs, savePrefs, watchPrefs } from '../../../data/settings/prefs';
import { loadProgress, setRead } from '../../../data/progress/marks';

import { blogPageForUrl } from '../../../data/shared/blog-urls';

const pageSlug = () => {
  const page = blogPageForUrl(location.href);
  return 'slug' in page ? page.slug : undefined;
};
const store = { loadPrefs, watchPrefs, loadProgress, setRead, pageSlug };

// happy-dom has no layout, so the observer is driven by hand: `show(true)` is the article's end
// scrolling into view.
let observed: Element[] = [];
let callback: IntersectionObserverCallback | undefined;
class FakeObserver {
  constructor(cb: IntersectionObserverCallback) {
    callback = cb;
  }
  observe(el: Element) {
    observed.push(el);
  }
  disconnect() {
    observed = [];
    callback = undefined;
  }
  unobserve() {}
  takeRecords() {
    return [];
  }
}
const show = (visible: boolean) =>
  callback?.(
    [
      {
        isIntersecting: visible,
        boundingClientRect: { height: 20, bottom: visible ? 500 : 2000 },
        rootBounds: { height: 900 },
      } as unknown as IntersectionObserverEntry,
    ],
    {} as IntersectionObserver,
  );

const flush = async () => {
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0);
};

function setPage(slug: string, body: string) {
  (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(
    `https://fly.io/blog/${slug}/`,
  );
  document.body.replaceChildren();
  document.body.append(document.createRange().createContextualFragment(body));
}

const ARTICLE =
  '<main><article><h1>T</h1><p>Body</p><p class="last-updated">Last updated</p><nav>n</nav></article></main>';
let ctx: ContentContext;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  observed = [];
  callback = undefined;
  ctx = createContentContext();
  setPage('corrosion', ARTICLE);
});
afterEach(() => {
  ctx.abort();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the end of the article', () => {
  it('is fly.io’s "last updated" line, or a stand-in', () => {
    expect(articleEnd(document)?.className).toBe('last-updated');
    setPage('corrosion', '<article><p>a</p><p id="end">b</p></article>');
    expect(articleEnd(document)?.id).toBe('end');
    setPage('corrosion', '<main><p>a</p><p id="last">b</p></main>');
    expect(articleEnd(document)?.id).toBe('last');
  });
});

describe('auto-mark', () => {
  it('does nothing while the setting is off', async () => {
    initAutoMark(ctx, 'corrosion', { store });
    await flush();
    show(true);
    await vi.advanceTimersByTimeAsync(PAGE_DWELL_MS * 4);
    expect(await loadProgress()).toEqual({});
  });

  it('marks the post read (via auto) once the end has been in view after the dwell', async () => {
    await savePrefs({ autoMark: true });
    initAutoMark(ctx, 'corrosion', { store });
    await flush();
    expect(observed.map((e) => e.className)).toEqual(['last-updated']);
    // Reached the end at once: skimming does not count until the page dwell has passed.
    show(true);
    await vi.advanceTimersByTimeAsync(PAGE_DWELL_MS - 100);
    expect(await loadProgress()).toEqual({});
    await vi.advanceTimersByTimeAsync(200);
    await flush();
    expect((await loadProgress()).corrosion).toMatchObject({ read: true, via: 'auto' });
    expect(observed).toEqual([]);
  });

  it('does not mark when the end only flies past', async () => {
    await savePrefs({ autoMark: true });
    initAutoMark(ctx, 'corrosion', { store });
    await vi.advanceTimersByTimeAsync(PAGE_DWELL_MS);
    show(true);
    await vi.advanceTimersByTimeAsync(END_DWELL_MS / 2);
    show(false);
    await vi.advanceTimersByTimeAsync(PAGE_DWELL_MS);
    expect(await loadProgress()).toEqual({});
  });

  it('starts working when the setting is turned on while the end is in view', async () => {
    initAutoMark(ctx, 'corrosion', { store });
    await vi.advanceTimersByTimeAsync(PAGE_DWELL_MS);
    show(true);
    await savePrefs({ autoMark: true });
    await vi.advanceTimersByTimeAsync(END_DWELL_MS + 10);
    await flush();
    expect((await loadProgress()).corrosion?.via).toBe('auto');
  });

  it('leaves a post the reader unmarked alone', async () => {
    await savePrefs({ autoMark: true });
    const unmark = await setRead('corrosion', false, 'button');
    initAutoMark(ctx, 'corrosion', { store });
    show(true);
    await vi.advanceTimersByTimeAsync(PAGE_DWELL_MS * 2);
    await flush();
    expect((await loadProgress()).corrosion).toEqual(unmark);
  });

  it('stops with its content-script context', async () => {
    await savePrefs({ autoMark: true });
    initAutoMark(ctx, 'corrosion', { store });
    show(true);
    ctx.abort();
    await vi.advanceTimersByTimeAsync(PAGE_DWELL_MS * 2);
    await flush();
    expect(await loadProgress()).toEqual({});
  });

  it('does not mark a post the page has navigated away from', async () => {
    await savePrefs({ autoMark: true });
    initAutoMark(ctx, 'corrosion', { store });
    show(true);
    (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(
      'https://fly.io/blog/kurt-got-got/',
    );
    await vi.advanceTimersByTimeAsync(PAGE_DWELL_MS * 2);
    await flush();
    expect(await loadProgress()).toEqual({});
  });
});
