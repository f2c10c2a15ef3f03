// Making room for a pinned sidebar: a margin on the page's root element. Inline and !important
// so the page's own rules cannot undo it; whatever inline value the page had is given back.
// The background's stylesheet may already have reserved the space before the page's first
// paint (data/settings/reserved-space.ts): each call sets the inline margin first and then
// turns that stylesheet off, in one task, so the page never paints between the two.
import { RESERVE_OFF_ATTRIBUTE } from '../../data/settings/reserved-space';
import type { Side } from '../../data/settings/layout';

export type PagePusher = (side: Side, width: number) => void;

export function createPagePusher(root: HTMLElement = document.documentElement): PagePusher {
  let saved: { property: string; value: string; priority: string } | undefined;
  const restore = () => {
    if (!saved) return;
    if (saved.value) root.style.setProperty(saved.property, saved.value, saved.priority);
    else root.style.removeProperty(saved.property);
    saved = undefined;
  };
  const push = (side: Side, width: number) => {
    const property = side === 'right' ? 'margin-right' : 'margin-left';
    if (saved?.property !== property) restore();
    if (width <= 0) return restore();
    saved ??= {
      property,
      value: root.style.getPropertyValue(property),
      priority: root.style.getPropertyPriority(property),
    };
    root.style.setProperty(property, `${width}px`, 'important');
  };
  return (side, width) => {
    push(side, width);
    if (!root.hasAttribute(RESERVE_OFF_ATTRIBUTE)) root.setAttribute(RESERVE_OFF_ATTRIBUTE, '');
  };
}
