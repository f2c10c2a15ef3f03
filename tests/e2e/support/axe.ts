// axe-core scans for any page of the tests. Extension pages forbid inline scripts, so axe goes in
// through the DevTools protocol rather than a <script> tag.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
  passes: unknown[];
}

/** Serious and critical violations as readable lines, and how many rules passed. */
export async function axeScan(
  context: BrowserContext,
  page: Page,
): Promise<{ serious: string[]; passes: number }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Runtime.evaluate', { expression: axeSource });
  await cdp.detach();
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (c: Document) => Promise<AxeResult> } })
      .axe;
    const r = await axe.run(document);
    return { violations: r.violations, passes: r.passes.length };
  });
  return {
    serious: result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
      ),
    passes: result.passes,
  };
}

/** Serious and critical violations; throws if axe checked too little to mean anything. */
export async function seriousAxeViolations(context: BrowserContext, page: Page): Promise<string[]> {
  const scan = await axeScan(context, page);
  // A scan that checked nothing would pass too: make sure axe really ran its rules.
  if (scan.passes <= 10) throw new Error(`axe ran only ${scan.passes} passing rules`);
  return scan.serious;
}

/** Press Tab until the element with `testId` has focus; fails after `max` presses. */
export async function tabTo(page: Page, testId: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (focused === testId) return;
  }
  throw new Error(`${testId} was not reached with ${max} presses of Tab`);
}

/** Whether the focused element shows a focus indicator (an outline or a box shadow). */
export async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== 'none';
  });
}
