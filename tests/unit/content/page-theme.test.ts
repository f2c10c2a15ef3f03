import { describe, expect, it } from 'vitest';
import {
  pageLooksDark,
  parseRgb,
  relativeLuminance,
} from '../../../entrypoints/content/page-theme';

describe('parseRgb', () => {
  it('reads computed rgb() and rgba() colours', () => {
    expect(parseRgb('rgb(255, 255, 255)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseRgb('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
  });
  it('gives undefined for anything else', () => {
    expect(parseRgb('transparent')).toBeUndefined();
    expect(parseRgb('color(srgb 1 1 1)')).toBeUndefined();
  });
});

describe('relativeLuminance', () => {
  it('matches WCAG for black, white and a mid grey', () => {
    expect(relativeLuminance({ r: 0, g: 0, b: 0 })).toBe(0);
    expect(relativeLuminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1, 5);
    expect(relativeLuminance({ r: 119, g: 119, b: 119 })).toBeCloseTo(0.184, 2);
  });
});

/** WCAG contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) =>
    relativeLuminance({
      r: parseInt(hex.slice(1, 3), 16),
      g: parseInt(hex.slice(3, 5), 16),
      b: parseInt(hex.slice(5, 7), 16),
    });
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the sidebar palette (entrypoints/content/style.css)', () => {
  // Text colour on background, per theme, as the stylesheet pairs them.
  const pairs = {
    light: {
      bg: '#ffffff',
      soft: '#f3f1fc',
      fg: '#1d1d2b',
      muted: '#505064',
      link: '#4327b8',
      read: '#17703a',
      accent: '#5233c9',
      onAccent: '#ffffff',
    },
    dark: {
      bg: '#17171f',
      soft: '#232334',
      fg: '#ececf3',
      muted: '#b5b5c6',
      link: '#c9bcff',
      read: '#6fdc8c',
      accent: '#b9a8ff',
      onAccent: '#17171f',
    },
  };
  for (const [theme, c] of Object.entries(pairs))
    it(`meets WCAG AA (4.5:1) for text in the ${theme} theme`, () => {
      for (const bg of [c.bg, c.soft])
        for (const fg of [c.fg, c.muted, c.link, c.read])
          expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c.onAccent, c.accent)).toBeGreaterThanOrEqual(4.5);
    });
  it('is the palette the stylesheet really uses', async () => {
    const { readFileSync } = await import('node:fs');
    const css = readFileSync('entrypoints/content/style.css', 'utf8');
    for (const c of Object.values(pairs))
      for (const hex of Object.values(c)) expect(css).toContain(hex);
  });
});

describe('pageLooksDark', () => {
  it('is dark for a dark page background and light for a white or unset one', () => {
    document.body.style.backgroundColor = 'rgb(20, 20, 24)';
    expect(pageLooksDark()).toBe(true);
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(pageLooksDark()).toBe(false);
    document.body.style.backgroundColor = '';
    expect(pageLooksDark()).toBe(false);
  });
});
