import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReadingPanel } from '../../../components/sidebar/ReadingPanel';
import { nestEntries, type OutlineEntry } from '../../../components/sidebar/Outline';

const entries: OutlineEntry[] = [
  { text: 'Intro <b>not markup</b>', level: 3, id: undefined },
  { text: 'One', level: 2, id: 'one' },
  { text: 'One a', level: 3, id: 'one-a' },
  { text: 'Two', level: 2, id: 'two' },
];
afterEach(() => document.body.replaceChildren());

describe('the reading panel', () => {
  it('nests each h3 under the h2 before it', () => {
    expect(nestEntries(entries)).toEqual([
      { index: 0, children: [] },
      { index: 1, children: [2] },
      { index: 3, children: [] },
    ]);
  });

  it('builds the outline as text, marks the current entry and goes on click', () => {
    const onGo = vi.fn();
    const panel = createReadingPanel({ entries, showProgress: true, outlineOpen: true, onGo });
    document.body.append(panel.el);
    const items = [...panel.el.querySelectorAll('[data-testid="fn-outline-item"]')];
    expect(items.map((a) => a.textContent)).toEqual(entries.map((e) => e.text));
    expect(panel.el.querySelector('b')).toBeNull();
    panel.update({ current: 2, percent: 42 });
    expect(items.map((a) => a.getAttribute('aria-current'))).toEqual([
      null,
      null,
      'location',
      null,
    ]);
    const bar = panel.el.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(bar.textContent).toBe('42 %');
    (items[3] as HTMLElement).click();
    expect(onGo).toHaveBeenCalledWith(3);
  });

  it('starts folded when asked, and offers to resume until taken away', () => {
    const panel = createReadingPanel({
      entries,
      showProgress: false,
      outlineOpen: false,
      onGo: vi.fn(),
    });
    const toggle = panel.el.querySelector('[data-testid="fn-outline-toggle"]') as HTMLElement;
    const list = panel.el.querySelector('#fn-outline-list') as HTMLElement;
    expect([toggle.getAttribute('aria-expanded'), list.hidden]).toEqual(['false', true]);
    toggle.click();
    expect([toggle.getAttribute('aria-expanded'), list.hidden]).toEqual(['true', false]);
    expect(panel.el.querySelector('[role="progressbar"]')).toBeNull();
    const go = vi.fn();
    panel.setResume({ percent: 60, heading: 'Two', go });
    const resume = panel.el.querySelector('[data-testid="fn-resume"]') as HTMLElement;
    expect(resume.textContent).toBe('Continue where you stopped · 60 % · Two');
    resume.click();
    expect(go).toHaveBeenCalled();
    panel.setResume(undefined);
    expect(panel.el.querySelector('[data-testid="fn-resume"]')).toBeNull();
  });

  it('is hidden on a page with no article and no headings', () => {
    const panel = createReadingPanel({
      entries: [],
      showProgress: false,
      outlineOpen: true,
      onGo: vi.fn(),
    });
    expect(panel.el.hidden).toBe(true);
    expect(panel.el.querySelector('nav')).toBeNull();
  });
});
