// Making room for a pinned sidebar: a margin on the page's root element. Inline and !important
// so the page's own rules cannot undo it; whatever inline value the page had is given back.
// The loader (entrypoints/loader.ts) may already have set it before the page's first paint,
// from the remembered layout: the pusher takes that over, with the value the page had.
import type { Side } from '../../data/settings/layout';

export type PagePusher = (side: Side, width: number) => void;

export function createPagePusher(root: HTMLElement = document.documentElement): PagePusher {
  // Content scripts of one extension share their world: this is the loader's note, unseen by
  // the page. The loader reserves only where the root had no inline value of its own there.
  const world = globalThis as { flyFieldNotesReserved?: string };
  const reserved = world.flyFieldNotesReserved;
  delete world.flyFieldNotesReserved;
  let saved: { property: string; value: string; priority: string } | undefined = reserved
    ? { property: reserved, value: '', priority: '' }
    : undefined;
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
