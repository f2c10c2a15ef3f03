// One task at a time: a task starts when the one before it has settled, whatever its outcome.
// For storage read-modify-write steps that would otherwise interleave (the feed cache, the
// storage upkeep, the sync engine), all in the background.

export interface SerialQueue {
  /** Run `task` after every task queued before it; its own result or error is returned. */
  run: <T>(task: () => Promise<T>) => Promise<T>;
  /** Settles once every task queued so far has settled. */
  idle: () => Promise<void>;
}

export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run: (task) => {
      const result = tail.then(task, task);
      tail = result.catch(() => undefined);
      return result;
    },
    idle: () => tail.then(() => undefined),
  };
}
