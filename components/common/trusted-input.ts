// Only the reader changes a mark or a setting. A page script that reaches our UI (an open
// shadow root in a test build, or any future slip) can still call `.click()` or dispatch an
// event; the browser marks those `isTrusted === false`. One capture listener on the shadow
// root stops them before any handler inside sees them, so every control is covered, including
// ones added later.

/** The input events a control of ours acts on. */
export const GUARDED_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointermove',
  'pointerup',
  'pointercancel',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'beforeinput',
  'change',
  'submit',
] as const;

/** True for an event the browser made from the reader's own input. */
export function isReaderInput(event: Event): boolean {
  return event.isTrusted === true;
}

/**
 * Drop every script-made input event inside `root` (capture phase, before any handler below
 * it runs). Returns a function that removes the guard.
 */
export function guardAgainstScriptedInput(root: ShadowRoot | Element): () => void {
  const drop = (event: Event) => {
    if (isReaderInput(event)) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of GUARDED_EVENTS) root.addEventListener(type, drop, true);
  return () => {
    for (const type of GUARDED_EVENTS) root.removeEventListener(type, drop, true);
  };
}
