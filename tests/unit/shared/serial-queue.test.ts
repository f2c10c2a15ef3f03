import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../../data/shared/serial-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('serialQueue', () => {
  it('runs tasks one at a time, in order, past a failure', async () => {
    const queue = serialQueue();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const a = queue.run(task('a'));
    const b = queue.run(task('b', true));
    const c = queue.run(task('c'));
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b');
    await expect(c).resolves.toBe('c');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('is idle once everything queued has settled', async () => {
    const queue = serialQueue();
    let done = false;
    void queue.run(async () => {
      await tick();
      done = true;
    });
    await queue.idle();
    expect(done).toBe(true);
  });
});
