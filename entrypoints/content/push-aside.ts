// Making room for a pinned sidebar: a margin on the page's root element. Inline and !important
// so the page's own rules cannot undo it; whatever inline value the page had is given back.
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
  return (side, width) => {
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
}
