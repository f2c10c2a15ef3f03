// What the hostile-CSS tests expect of the sidebar, in Chromium (sidebar-hostile.test.ts) and in
// Firefox ESR (hostile-pages-firefox.test.ts): the page's global resets and !important rules leave
// it exactly as designed, and it shows above the page's highest z-index.
import { expect } from 'vitest';

export type ElementStyles = Record<string, string | number | boolean>;

/**
 * Runs in the page: the computed `props` of the element with `testId` in our sidebar's shadow
 * root, with its width and whether it shows. Both drivers pass it one argument.
 */
export function sidebarElementStyles({
  testId,
  props,
}: {
  testId: string;
  props: string[];
}): ElementStyles {
  const el = document
    .querySelector('fly-field-notes')
    ?.shadowRoot?.querySelector(`[data-testid="${testId}"]`);
  if (!el) throw new Error(`no [data-testid="${testId}"] in the sidebar`);
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    ...Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)])),
    width: Math.round(r.width),
    visible: r.width > 0 && r.height > 0,
  };
}

/** Runs in the page: whether our sidebar is what shows where the page's fixed header is. */
export function sidebarIsOnTop(): boolean {
  const host = document.querySelector('fly-field-notes');
  const aside = host?.shadowRoot?.querySelector('[data-testid="fn-sidebar"]');
  if (!host || !aside) return false;
  const r = aside.getBoundingClientRect();
  return document.elementFromPoint(r.left + r.width / 2, 30) === host;
}

/** The sidebar's own fonts, colours, sizes and opacity, whatever the page's CSS says. */
export async function expectOwnSidebarStyles(
  styles: (testId: string, props: string[]) => Promise<ElementStyles>,
): Promise<void> {
  const aside = await styles('fn-sidebar', ['font-size', 'color', 'font-family', 'display']);
  expect(aside).toMatchObject({ 'font-size': '14px', color: 'rgb(29, 29, 43)', display: 'block' });
  expect(aside['font-family']).toContain('system-ui');
  expect(aside.width).toBe(340);
  expect(aside.visible).toBe(true);
  const button = await styles('fn-mark-read', ['opacity', 'font-size', 'color']);
  expect(button).toMatchObject({ opacity: '1', 'font-size': '14px', color: 'rgb(255, 255, 255)' });
  const title = await styles('fn-post-title', ['font-size']);
  expect(title['font-size']).toBe('15px');
}
