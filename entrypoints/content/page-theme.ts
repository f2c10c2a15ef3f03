// Light or dark: the OS's preference, or the page's own dark mode when it has one.
import type { ContentContext } from './context';
import type { Theme } from '../../components/sidebar/SidebarShell';

/** An `rgb()`/`rgba()` colour as computed by the browser, or undefined for anything else. */
export function parseRgb(
  color: string,
): { r: number; g: number; b: number; a: number } | undefined {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
    color.trim(),
  );
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : Number(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** WCAG relative luminance of an sRGB colour with 0–255 channels. */
export function relativeLuminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Dark when the page says only `color-scheme: dark`, or paints a dark background itself. */
export function pageLooksDark(doc: Document = document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  const rootStyle = view.getComputedStyle(doc.documentElement);
  if (rootStyle.colorScheme.trim() === 'dark') return true;
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const bg = parseRgb(view.getComputedStyle(element).backgroundColor);
    if (bg && bg.a > 0.5) return relativeLuminance(bg) < 0.18;
  }
  return false;
}

const osDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

export function currentTheme(): Theme {
  return osDark() || pageLooksDark() ? 'dark' : 'light';
}

/** Calls back with the theme when the OS preference or the page's own theme switch changes. */
export function watchTheme(ctx: ContentContext, onChange: (theme: Theme) => void) {
  let last = currentTheme();
  const check = () => {
    const next = currentTheme();
    if (next !== last) onChange((last = next));
  };
  ctx.addEventListener(window.matchMedia('(prefers-color-scheme: dark)'), 'change', check);
  // Sites switch themes with a class or attribute on <html> or <body>.
  const observer = new MutationObserver(check);
  const options = { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] };
  observer.observe(document.documentElement, options);
  if (document.body) observer.observe(document.body, options);
  const stop = () => observer.disconnect();
  ctx.onInvalidated(stop);
  return stop;
}
