import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReadingTracker } from '../../../data/page/tracker';

// happy-dom has no layout: the observers are driven by hand.
interface Fake {
  cb: IntersectionObserverCallback;
  options: IntersectionObserverInit | undefined;
  targets: Element[];
}
let observers: Fake[] = [];
class FakeObserver {
  fake: Fake;
  constructor(cb: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    this.fake = { cb, options, targets: [] };
    observers.push(this.fake);
  }
  observe(el: Element) {
    this.fake.targets.push(el);
  }
  disconnect() {
    this.fake.targets = [];
  }
  unobserve() {}
  takeRecords() {
    return [];
  }
}
const entry = (target: Element, isIntersecting: boolean, height = 20, bottom = 500) =>
  ({
    target,
    isIntersecting,
    boundingClientRect: { height, bottom },
    rootBounds: { height: 900 },
  }) as unknown as IntersectionObserverEntry;
const fire = (fake: Fake, e: IntersectionObserverEntry) => fake.cb([e], {} as IntersectionObserver);

let headings: Element[];
let end: Element;
beforeEach(() => {
  observers = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  document.body.replaceChildren();
  headings = [1, 2, 3].map(() => document.body.appendChild(document.createElement('h2')));
  end = document.body.appendChild(document.createElement('p'));
});
afterEach(() => vi.unstubAllGlobals());

describe('the reading tracker', () => {
  it('marks the last heading above the reading line, and the last one at the end', () => {
    const tracker = createReadingTracker(window, { headings, end });
    const [headingObserver, endObserver] = observers;
    // Headings count from far above the page down to the reading line (a jump counts too).
    expect(headingObserver!.options?.rootMargin).toBe('1000000px 0px -75% 0px');
    expect(headingObserver!.targets).toEqual(headings);
    expect(endObserver!.targets).toEqual([end]);
    const seen: number[] = [];
    tracker.subscribe((s) => seen.push(s.current));
    fire(headingObserver!, entry(headings[0]!, true));
    fire(headingObserver!, entry(headings[1]!, true));
    expect(tracker.state().current).toBe(1);
    fire(headingObserver!, entry(headings[1]!, false));
    expect(tracker.state().current).toBe(0);
    fire(endObserver!, entry(end, true));
    expect(tracker.state()).toMatchObject({ current: 2, atEnd: true, percent: 100 });
    expect(seen).toEqual([0, 1, 0, 2]);
  });

  it('stops every observer and listener', () => {
    const tracker = createReadingTracker(window, { headings, end });
    const listener = vi.fn();
    tracker.subscribe(listener);
    tracker.stop();
    expect(observers.every((o) => o.targets.length === 0)).toBe(true);
    window.dispatchEvent(new Event('scroll'));
    expect(listener).not.toHaveBeenCalled();
  });

  it('a tall end stand-in counts only when its bottom is on screen', () => {
    const tracker = createReadingTracker(window, { end });
    fire(observers[0]!, entry(end, true, 3000, 2000));
    expect(tracker.state().atEnd).toBe(false);
    fire(observers[0]!, entry(end, true, 3000, 880));
    expect(tracker.state().atEnd).toBe(true);
  });
});
