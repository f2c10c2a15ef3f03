// One hook for a value kept in extension storage: load it, keep it live while the component
// shows it, and stop watching when the component goes or the source changes. The sources do the
// validating (data/: every loader and watcher hands over only valid values), so a component
// never sees raw storage; this hook only makes sure a late answer (from an old source, after
// unmount, or a load overtaken by a change) is never shown.
import { useEffect, useState, type Inputs } from 'preact/hooks';

/** Where a stored value comes from: a one-off load, and optionally a watch for its changes. */
export interface StoredSource<T> {
  load: () => Promise<T>;
  /** Calls back with each new value; returns the function that stops watching. */
  watch?: (onChange: (value: T) => void) => () => void;
}

/**
 * The value of `source`: `initial` until it has loaded, then the stored value, kept live.
 * `deps` say when the source is a different one (as for useEffect): it is then loaded again.
 * The setter changes the shown value at once (an optimistic update before the write lands).
 */
export function useStoredValue<T>(
  source: StoredSource<T> | undefined,
  initial: T,
  deps: Inputs,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (!source) return undefined;
    let current = true;
    let changed = false;
    const show = (next: T) => {
      if (current) setValue(() => next);
    };
    // A change seen while loading is newer than what the load read: the load's answer is dropped.
    void source.load().then((loaded) => changed || show(loaded));
    const unwatch = source.watch?.((next) => {
      changed = true;
      show(next);
    });
    return () => {
      current = false;
      unwatch?.();
    };
    // The caller's deps say when the source changes (as for useEffect).
  }, deps);
  return [value, setValue];
}
