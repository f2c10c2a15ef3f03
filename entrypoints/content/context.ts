// The sidebar script's own lifetime, in place of WXT's ContentScriptContext. WXT's context
// announces itself to the page (window.postMessage(..., '*') with the extension's id) and stops
// older scripts when a CustomEvent of that name reaches `document`: a page script could read the
// id and switch the sidebar off. This one talks to nothing the page can see: an older run of the
// sidebar in the same content-script world is stopped through that world's own globalThis,
// which page scripts cannot reach (wxt.config.ts keeps WXT's context out of the build).
import { browser } from 'wxt/browser';

/** What a part of the sidebar script gets to tie its timers and listeners to one lifetime. */
export interface ContentContext {
  /** Aborted when this lifetime ends. */
  readonly signal: AbortSignal;
  /** Ended, or the extension is gone (reloaded or updated: this script is an orphan). */
  readonly isInvalid: boolean;
  /** Call `callback` when the lifetime ends; returns a function that cancels that. */
  onInvalidated: (callback: () => void) => () => void;
  setTimeout: (handler: () => void, ms: number) => number;
  setInterval: (handler: () => void, ms: number) => number;
  requestAnimationFrame: (callback: FrameRequestCallback) => number;
  requestIdleCallback: (callback: IdleRequestCallback, options?: IdleRequestOptions) => number;
  /** `target.addEventListener`, removed when the lifetime ends. */
  addEventListener: <K extends string>(
    target: EventTarget,
    type: K,
    handler: (event: K extends keyof WindowEventMap ? WindowEventMap[K] : Event) => void,
    options?: AddEventListenerOptions,
  ) => void;
  /** End this lifetime (and every one created from it). */
  abort: () => void;
}

/** A new lifetime; with `parent`, it also ends when the parent does. */
export function createContentContext(parent?: ContentContext): ContentContext {
  const controller = new AbortController();
  const { signal } = controller;
  const abort = () => controller.abort();
  if (parent) {
    const unhook = parent.onInvalidated(abort);
    signal.addEventListener('abort', unhook, { once: true });
  }
  const onInvalidated = (callback: () => void) => {
    if (signal.aborted) {
      callback();
      return () => undefined;
    }
    signal.addEventListener('abort', callback, { once: true });
    return () => signal.removeEventListener('abort', callback);
  };
  const ctx: ContentContext = {
    signal,
    get isInvalid() {
      // An orphan's runtime has no id any more: end its lifetime so it takes its UI away.
      if (browser.runtime?.id == null) abort();
      return signal.aborted;
    },
    onInvalidated,
    setTimeout: (handler, ms) => {
      const id = window.setTimeout(() => {
        if (!ctx.isInvalid) handler();
      }, ms);
      onInvalidated(() => clearTimeout(id));
      return id;
    },
    setInterval: (handler, ms) => {
      const id = window.setInterval(() => {
        if (!ctx.isInvalid) handler();
      }, ms);
      onInvalidated(() => clearInterval(id));
      return id;
    },
    requestAnimationFrame: (callback) => {
      const id = requestAnimationFrame((time) => {
        if (!ctx.isInvalid) callback(time);
      });
      onInvalidated(() => cancelAnimationFrame(id));
      return id;
    },
    requestIdleCallback: (callback, options) => {
      const id = requestIdleCallback((deadline) => {
        if (!signal.aborted) callback(deadline);
      }, options);
      onInvalidated(() => cancelIdleCallback(id));
      return id;
    },
    addEventListener: (target, type, handler, options) => {
      target.addEventListener(type, handler as EventListener, { ...options, signal });
    },
    abort,
  };
  return ctx;
}

/** The property of the content-script world's globalThis that stops the running sidebar. */
const STOP_RUNNING = 'flyFieldNotesStop';

/**
 * The lifetime of one run of the sidebar script. A run started earlier in this content-script
 * world (an update that injects the script again) is stopped first, through the world's own
 * globalThis: page scripts live in another world and can neither see nor call it.
 */
export function startSidebarRun(): ContentContext {
  const world = globalThis as { [STOP_RUNNING]?: () => void };
  world[STOP_RUNNING]?.();
  const ctx = createContentContext();
  const stop = () => ctx.abort();
  world[STOP_RUNNING] = stop;
  ctx.onInvalidated(() => {
    if (world[STOP_RUNNING] === stop) world[STOP_RUNNING] = undefined;
  });
  return ctx;
}
