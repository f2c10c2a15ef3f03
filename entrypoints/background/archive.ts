// The whole-blog archive's one writer. Blog tabs read the page they show (post page or index
// cards, entrypoints/learn/learn-page.ts) and send what they read here ('fn:archive-learn');
// the walk over the index (entrypoints/background/archive-walk.ts) records through the same
// writer. Validation and writes happen here, one at a time, so two tabs never interleave writes.
import { createLearnedWriter, learnedInput } from '../../data/archive/learned';
import { learnRequestSchema } from '../../data/archive/learned-schema';
import { requestSchemas } from '../../data/shared/message-schemas';
import { handleMessages } from '../../data/shared/messages';
import { serialQueue } from '../../data/shared/serial-queue';

export const learnedWriter = createLearnedWriter();

const archiveWrites = serialQueue();
/** Run archive writes one after another (the walk uses it too). */
export function oneArchiveWriteAtATime<T>(task: () => Promise<T>): Promise<T> {
  return archiveWrites.run(task);
}

/**
 * Record the posts of one page (each post validated on its own; bad ones are dropped).
 * `request` is the message without its type; undefined when it is not valid.
 */
export function learnFromMessage(request: unknown) {
  const parsed = learnRequestSchema.safeParse(request);
  if (!parsed.success) return undefined;
  const posts = parsed.data.posts.flatMap((p) => {
    const input = learnedInput(p);
    return input ? [input] : [];
  });
  return oneArchiveWriteAtATime(() => learnedWriter.record(posts, parsed.data.from));
}

export function registerArchiveBackground(): void {
  handleMessages(requestSchemas, {
    'fn:archive-learn': async (request) => {
      await learnFromMessage(request);
      return null;
    },
  });
}
