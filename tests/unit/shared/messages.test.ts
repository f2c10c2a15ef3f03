// The one message protocol: requests validated where they are handled, answers where they are
// sent, and no message type spelled out anywhere else in the source.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  contentRequestSchemas,
  contentResponseSchemas,
  handleMessages,
  sendMessage,
  sendTabMessage,
} from '../../../data/shared/messages';
import { requestSchemas, responseSchemas } from '../../../data/shared/message-schemas';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('handleMessages and sendMessage', () => {
  it('delivers a valid request to its handler and its answer back, checked', async () => {
    const claim = vi.fn(() => ({ go: true, etag: '"v1"' }));
    handleMessages(requestSchemas, { 'fn:feed-claim': claim });
    expect(await sendMessage(contentResponseSchemas, 'fn:feed-claim', {})).toEqual({
      go: true,
      etag: '"v1"',
    });
    expect(claim).toHaveBeenCalledWith({}, expect.anything());
  });

  it('answers "done" (null) for a handler with nothing to say', async () => {
    handleMessages(requestSchemas, { 'fn:open-notes': () => undefined });
    expect(await sendMessage(contentResponseSchemas, 'fn:open-notes', {})).toBeNull();
  });

  it('refuses a request that does not match its schema: the handler never sees it', async () => {
    const open = vi.fn();
    handleMessages(requestSchemas, { 'fn:open-notes': open });
    const noReply = () => undefined;
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'fn:open-notes', url: 'https://evil/' },
      {},
      noReply,
    );
    await fakeBrowser.runtime.onMessage.trigger({ type: 'fn:feed-fetched' }, {}, noReply);
    await fakeBrowser.runtime.onMessage.trigger('fn:open-notes', {}, noReply);
    expect(open).not.toHaveBeenCalled();
  });

  it('gives an invalid request of a handled type the fallback answer when there is one', async () => {
    const record = vi.fn(() => Promise.resolve({ count: 0 }));
    handleMessages(
      requestSchemas,
      { 'fn:feed-fetched': () => ({ count: 1 }) },
      { 'fn:feed-fetched': record },
    );
    const answer = await fakeBrowser.runtime.sendMessage({
      type: 'fn:feed-fetched',
      outcome: { kind: 'html' },
    });
    expect(answer).toEqual({ count: 0 });
    expect(record).toHaveBeenCalledOnce();
  });

  it('rejects an answer that does not match its schema, saying which message it was', async () => {
    handleMessages(requestSchemas, {
      'fn:feed-claim': () => ({ go: 'yes' }) as unknown as { go: boolean },
    });
    await expect(sendMessage(contentResponseSchemas, 'fn:feed-claim', {})).rejects.toThrow(
      /fn:feed-claim/,
    );
  });

  it('sends to a tab with the same shape and checks the tab’s answer', async () => {
    // The fake's types say tabs answer nothing; a real tab answers whatever its listener says.
    const answer = vi.fn<() => unknown>(() => null);
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation((() => Promise.resolve(answer())) as typeof fakeBrowser.tabs.sendMessage);
    expect(await sendTabMessage(responseSchemas, 3, 'fn:toggle-sidebar', {})).toBeNull();
    expect(send).toHaveBeenCalledWith(3, { type: 'fn:toggle-sidebar' });
    answer.mockReturnValue({ unexpected: true });
    await expect(sendTabMessage(responseSchemas, 3, 'fn:toggle-sidebar', {})).rejects.toThrow();
  });

  it('leaves messages it does not handle to other listeners, and stops when asked', async () => {
    const other = vi.fn(() => undefined);
    fakeBrowser.runtime.onMessage.addListener(other);
    const toggle = vi.fn();
    const stop = handleMessages(contentRequestSchemas, { 'fn:toggle-sidebar': toggle });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'fn:toggle-sidebar' }, {}, () => null);
    expect(toggle).toHaveBeenCalledOnce();
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'fn:toggle-sidebar' }, {}, () => null);
    expect(toggle).toHaveBeenCalledOnce();
    expect(other).toHaveBeenCalledTimes(2);
  });
});

describe('the protocol is the only place a message type is spelled', () => {
  const PROTOCOL = join('data', 'shared', 'messages.ts');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
    });

  it('has no `type: "fn:…"` message literal outside data/shared/messages.ts', () => {
    const files = ['entrypoints', 'data', 'components'].flatMap(sources);
    expect(files).toContain(PROTOCOL);
    const offenders = files.filter(
      (file) => file !== PROTOCOL && /type:\s*['"`]fn:/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
