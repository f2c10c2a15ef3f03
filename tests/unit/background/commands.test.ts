import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  initSidebarCommands,
  toggleSidebarInActiveTab,
} from '../../../entrypoints/background/commands';

type CommandListener = (command: string) => void;
let fireCommand: CommandListener = () => undefined;

/** What tabs.query answers (the fake's overloads do not type a plain promise). */
function activeTabs(tabs: { id: number }[]) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((() =>
    Promise.resolve(tabs)) as unknown as typeof fakeBrowser.tabs.query);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  // WXT's fake browser has no commands API: capture the listener to fire it as Chrome would.
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
    fireCommand = listener as CommandListener;
  });
  activeTabs([{ id: 7 }]);
});

describe('the toggle command', () => {
  it('sends the toggle message to the active tab when the command fires', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    initSidebarCommands();
    fireCommand('toggle-sidebar');
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith(7, { type: 'fn:toggle-sidebar' }));
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('ignores other commands', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    initSidebarCommands();
    fireCommand('something-else');
    await new Promise((r) => setTimeout(r, 10));
    expect(send).not.toHaveBeenCalled();
  });

  it('does not fail on a tab without the sidebar, nor without an active tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    await expect(toggleSidebarInActiveTab()).resolves.toBeUndefined();
    activeTabs([]);
    await expect(toggleSidebarInActiveTab()).resolves.toBeUndefined();
  });
});

describe('opening the notes page', () => {
  const noReply = () => undefined;
  it('opens notes.html for a valid message and nothing for anything else', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    initSidebarCommands();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'fn:open-notes', url: 'https://evil/' },
      {},
      noReply,
    );
    await fakeBrowser.runtime.onMessage.trigger({ type: 'fn:open' }, {}, noReply);
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'fn:open-notes' }, {}, noReply);
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/notes\.html$/) });
  });
});
