// How far through the article the reader is: a thin bar and the percentage, a progressbar.
import { el } from './reading-dom';

export interface ReadProgressView {
  el: HTMLElement;
  setPercent: (percent: number) => void;
}

export function createReadProgress(): ReadProgressView {
  const bar = el('span', { class: 'fn-progress-bar' });
  const text = el('span', { class: 'fn-progress-text' });
  const root = el(
    'div',
    {
      class: 'fn-read-progress',
      'data-testid': 'fn-read-progress',
      role: 'progressbar',
      'aria-label': 'Read so far',
      'aria-valuemin': '0',
      'aria-valuemax': '100',
    },
    el('span', { class: 'fn-progress-track' }, bar),
    text,
  );
  let shown = -1;
  const setPercent = (percent: number) => {
    if (percent === shown) return;
    shown = percent;
    root.setAttribute('aria-valuenow', String(percent));
    root.setAttribute('aria-valuetext', `${percent} % read`);
    // Scaled, not resized: moving the bar costs no layout.
    bar.style.transform = `scaleX(${percent / 100})`;
    text.textContent = `${percent} %`;
  };
  setPercent(0);
  return { el: root, setPercent };
}
