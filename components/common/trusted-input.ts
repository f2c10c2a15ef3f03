// Only the reader changes a mark or a setting. A page script that reaches our UI (an open
// shadow root in a test build, or any future slip) can still call `.click()` or dispatch an
// event; the browser marks those `isTrusted === false`. One capture listener on the shadow
// root stops them before any handler inside sees them, so every control is covered, including
// ones added later.

/** The input events the sidebar's and the card marks' controls act on. */
export const GUARDED_EVENTS = [
  'click',
  'keydown',
  'pointerdown',
  'pointermove',
  'pointerup',
  'pointercancel',
] as const;

/**
 * Drop every script-made input event inside `root` (capture phase, before any handler below
 * it runs). Returns a function that removes the guard.
 */
export function guardAgainstScriptedInput(root: ShadowRoot | Element): () => void {
  const drop = (event: Event) => {
    // isTrusted: the browser made it from the reader's own input.
    if (!event.isTrusted) event.stopImmediatePropagation();
  };
  for (const type of GUARDED_EVENTS) root.addEventListener(type, drop, true);
  return () => {
    for (const type of GUARDED_EVENTS) root.removeEventListener(type, drop, true);
  };
}
