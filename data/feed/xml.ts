// A small, strict, DOM-free XML reader: enough for the blog's Atom feed, and it runs where
// DOMParser does not (an MV3 service worker, Node tests). Strict on structure, so a truncated
// or garbled download is refused as a whole instead of being half-read: tags must balance, the
// root must close, entities must be XML's own. DTDs are refused outright (no entity expansion).

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
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const ATTRIBUTE = /\s+([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const END_TAG = /<\/([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*>/y;
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][\w.-]*));|&/g;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

class XmlError extends Error {}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

// Any "&" that does not start one of XML's own references: a bare "&" or an HTML entity.
const BAD_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos);|#[0-9]{1,7};|#x[0-9a-fA-F]{1,6};)/;

function decodeXmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  const bad = BAD_REFERENCE.exec(raw);
  if (bad)
    throw new XmlError(`a bare "&" or unknown entity (${raw.slice(bad.index, bad.index + 12)})`);
  if (raw.includes('&#'))
    return raw.replace(ENTITY, (match, hex: string | undefined, dec: string | undefined, name) => {
      if (hex !== undefined || dec !== undefined) {
        const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
        if (!isXmlChar(code)) throw new XmlError(`character reference ${match} is not allowed`);
        return String.fromCodePoint(code);
      }
      return PREDEFINED[String(name)] ?? match;
    });
  // The feed's escaped HTML holds hundreds of thousands of these: plain replaceAll is several
  // times faster than a callback per match. `&amp;` goes last so "&amp;lt;" stays "&lt;".
  return raw
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

interface Open {
  element: XmlElement;
  qname: string;
  namespaces: Map<string, string>;
}

function resolve(qname: string, namespaces: Map<string, string>, isAttribute: boolean): string {
  const colon = qname.indexOf(':');
  if (colon === -1) return isAttribute ? '' : (namespaces.get('') ?? '');
  const prefix = qname.slice(0, colon);
  if (prefix === 'xml') return XML_NS;
  const uri = namespaces.get(prefix);
  if (uri === undefined) throw new XmlError(`undeclared namespace prefix "${prefix}"`);
  return uri;
}

function parseStartTag(
  text: string,
  at: number,
  parent: Open | undefined,
): [Open, boolean, number] {
  NAME.lastIndex = at + 1;
  const name = NAME.exec(text);
  if (!name) throw new XmlError(`a "<" that starts no tag at offset ${at}`);
  let i = NAME.lastIndex;
  const attrs = new Map<string, string>();
  for (;;) {
    ATTRIBUTE.lastIndex = i;
    const attr = ATTRIBUTE.exec(text);
    if (!attr) break;
    const attrName = attr[1]!;
    if (attrs.has(attrName)) throw new XmlError(`attribute ${attrName} given twice`);
    attrs.set(attrName, decodeXmlText(attr[2] ?? attr[3] ?? ''));
    i = ATTRIBUTE.lastIndex;
  }
  TAG_END.lastIndex = i;
  const end = TAG_END.exec(text);
  if (!end) throw new XmlError(`a malformed tag <${name[0]}> at offset ${at}`);

  let namespaces = parent?.namespaces ?? new Map<string, string>();
  for (const [key, value] of attrs) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
    if (namespaces === parent?.namespaces) namespaces = new Map(namespaces);
    namespaces.set(key === 'xmlns' ? '' : key.slice(6), value);
  }
  const qname = name[0];
  const element: XmlElement = {
    ns: resolve(qname, namespaces, false),
    local: qname.slice(qname.indexOf(':') + 1),
    attrs,
    children: [],
  };
  return [{ element, qname, namespaces }, end[1] === '/', TAG_END.lastIndex];
}

function skipPast(text: string, at: number, terminator: string, what: string): number {
  const end = text.indexOf(terminator, at);
  if (end === -1) throw new XmlError(`an unterminated ${what}`);
  return end + terminator.length;
}

/** Read a whole document. Never throws: a problem comes back as `{ ok: false, error }`. */
export function parseXml(input: string): XmlResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  try {
    while (i < text.length) {
      const lt = text.indexOf('<', i);
      const chunk = text.slice(i, lt === -1 ? text.length : lt);
      const top = stack.at(-1);
      if (top) {
        if (chunk !== '') top.element.children.push(decodeXmlText(chunk));
      } else if (chunk.trim() !== '') {
        throw new XmlError('text outside the root element');
      }
      if (lt === -1) break;

      if (text.startsWith('<!--', lt)) {
        i = skipPast(text, lt + 4, '-->', 'comment');
      } else if (text.startsWith('<![CDATA[', lt)) {
        if (!top) throw new XmlError('CDATA outside the root element');
        const end = skipPast(text, lt + 9, ']]>', 'CDATA section');
        top.element.children.push(text.slice(lt + 9, end - 3));
        i = end;
      } else if (text.startsWith('<?', lt)) {
        i = skipPast(text, lt + 2, '?>', 'processing instruction');
      } else if (text.startsWith('<!', lt)) {
        if (top || root) throw new XmlError('a declaration inside the document');
        const end = skipPast(text, lt + 2, '>', 'declaration');
        if (text.slice(lt, end).includes('[')) throw new XmlError('a DTD, which is not supported');
        i = end;
      } else if (text.startsWith('</', lt)) {
        END_TAG.lastIndex = lt;
        const end = END_TAG.exec(text);
        if (!end) throw new XmlError(`a malformed end tag at offset ${lt}`);
        if (!top || top.qname !== end[1])
          throw new XmlError(`</${end[1]}> does not close <${top?.qname ?? 'nothing'}>`);
        stack.pop();
        i = END_TAG.lastIndex;
      } else {
        if (!top && root) throw new XmlError('a second root element');
        const [open, selfClosing, next] = parseStartTag(text, lt, top);
        if (top) top.element.children.push(open.element);
        else root = open.element;
        if (!selfClosing) stack.push(open);
        if (stack.length > MAX_DEPTH) throw new XmlError('elements nested too deeply');
        i = next;
      }
    }
  } catch (error) {
    if (error instanceof XmlError) return { ok: false, error: `malformed XML: ${error.message}` };
    throw error;
  }
  if (stack.length > 0)
    return { ok: false, error: `truncated XML: <${stack.at(-1)?.qname}> never closes` };
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
