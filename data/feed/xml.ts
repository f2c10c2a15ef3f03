// The feed's XML, read with saxes: a strict, well-kept, DOM-free parser (an MV3 service worker
// has no DOMParser). Strict on structure, so a truncated or garbled download is refused as a
// whole instead of being half-read: tags must balance, the root must close, entities must be
// XML's own. Every DOCTYPE is refused, with or without an internal subset: the feed has none,
// and refusing them all means no entity is ever declared, let alone expanded.
import { SaxesParser, type SaxesTagNS } from 'saxes';

export interface XmlElement {
  /** Namespace URI ('' when none). */
  ns: string;
  local: string;
  /** Attributes by their name as written (e.g. `rel`, `xml:base`). */
  attrs: Map<string, string>;
  children: (XmlElement | string)[];
}

export type XmlResult = { ok: true; root: XmlElement } | { ok: false; error: string };

const MAX_DEPTH = 64;
// C0 controls are not XML characters, but a stray one in a title should not cost the whole feed
// (the reader before saxes let them through); every text drops them later anyway (html-text.ts).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const C0_CONTROLS = /[\u0000-\u0008\v\f\u000E-\u001F]/g;

class XmlError extends Error {}

function elementOf(tag: SaxesTagNS): XmlElement {
  const attrs = new Map<string, string>();
  for (const attr of Object.values(tag.attributes)) attrs.set(attr.name, attr.value);
  return { ns: tag.uri, local: tag.local, attrs, children: [] };
}

/** Read a whole document. Never throws: a problem comes back as `{ ok: false, error }`. */
export function parseXml(input: string): XmlResult {
  const text = (input.startsWith('\uFEFF') ? input.slice(1) : input).replace(C0_CONTROLS, '');
  const parser = new SaxesParser({ xmlns: true });
  const stack: { element: XmlElement; name: string }[] = [];
  let root: XmlElement | undefined;

  // Every handler throws to stop at the first problem: saxes would otherwise read on.
  parser.on('error', (error) => {
    throw new XmlError(error.message);
  });
  parser.on('doctype', () => {
    throw new XmlError('a DOCTYPE, which is refused (the feed has none; no DTD is read)');
  });
  parser.on('opentag', (tag) => {
    const element = elementOf(tag);
    const top = stack.at(-1);
    if (top) top.element.children.push(element);
    else root = element;
    stack.push({ element, name: tag.name });
    if (stack.length > MAX_DEPTH) throw new XmlError('elements nested too deeply');
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (chunk: string) => {
    if (chunk !== '') stack.at(-1)?.element.children.push(chunk);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  try {
    parser.write(text);
    // Checked before close(): a download cut short is the likeliest fault, so name it.
    if (stack.length > 0)
      return { ok: false, error: `truncated XML: <${stack.at(-1)?.name}> never closes` };
    parser.close();
  } catch (error) {
    if (error instanceof XmlError) return { ok: false, error: `malformed XML: ${error.message}` };
    throw error;
  }
  if (!root) return { ok: false, error: 'no XML element at all' };
  return { ok: true, root };
}

/** Child elements with a given namespace and local name. */
export function childElements(parent: XmlElement, ns: string, local: string): XmlElement[] {
  return parent.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && c.ns === ns && c.local === local,
  );
}

/** All text inside an element, in document order. */
export function textContent(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}
