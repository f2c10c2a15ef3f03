// A few lines of DOM building for the reading chunk's views. The chunk has a budget of 8 KB
// gzip and Preact alone would take more than half of it, so its views are built directly (text
// only: textContent, never HTML) into their own element in the sidebar's slot.

type Attrs = Record<string, string | undefined>;

/** An element with attributes (undefined ones left out) and children (strings become text). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs))
    if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
