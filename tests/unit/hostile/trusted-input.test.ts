// Issue 13 item 3: a script-made event (isTrusted false) never reaches a control of ours; the
// reader's own input (isTrusted true) does. happy-dom makes every event untrusted, so the
// reader's click is an event whose isTrusted is set to true, as the browser's would be.
import { describe, expect, it, vi } from 'vitest';
import {
  GUARDED_EVENTS,
  guardAgainstScriptedInput,
} from '../../../components/common/trusted-input';
import { SHADOW_MODE, TEST_BUILD } from '../../../components/common/test-build';

function guardedButton() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const button = document.createElement('button');
  root.append(button);
  const handler = vi.fn();
  for (const type of GUARDED_EVENTS) button.addEventListener(type, handler);
  const unguard = guardAgainstScriptedInput(root);
  return { button, handler, unguard };
}

const trusted = <E extends Event>(event: E): E =>
  Object.defineProperty(event, 'isTrusted', { value: true });

describe('guardAgainstScriptedInput', () => {
  it('drops every scripted input event before the control sees it', () => {
    const { button, handler } = guardedButton();
    button.click();
    for (const type of GUARDED_EVENTS)
      button.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(handler).not.toHaveBeenCalled();
  });

  it("lets the reader's own input through", () => {
    const { button, handler } = guardedButton();
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    button.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('can be removed', () => {
    const { button, handler, unguard } = guardedButton();
    unguard();
    button.click();
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe('the build switch', () => {
  it('keeps shadow roots closed unless the build is a test build', () => {
    // Unit tests run without the build's define: that is a production build's default.
    expect(TEST_BUILD).toBe(false);
    expect(SHADOW_MODE).toBe('closed');
  });
});
