// "Continue where you stopped · 60 % · <heading>": offered on return; it scrolls only when the
// reader asks.
import { el } from './reading-dom';

export function createResumeButton(
  percent: number,
  heading: string,
  onResume: () => void,
): HTMLButtonElement {
  const button = el(
    'button',
    {
      type: 'button',
      class: 'fn-resume',
      'data-testid': 'fn-resume',
      'data-percent': String(percent),
    },
    `Continue where you stopped · ${percent} %${heading ? ` · ${heading}` : ''}`,
  );
  button.addEventListener('click', onResume);
  return button;
}
