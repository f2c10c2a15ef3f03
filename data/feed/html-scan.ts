// One linear pass over an HTML fragment with htmlparser2's tokenizer (a state machine: every
// character is looked at a bounded number of times, whatever the markup). The feed's HTML is
// read only through this, never with regular expressions, so no entry can make it backtrack.
// Tags are reported as written: no tree is built and nothing is closed implicitly (a tree
// builder keeps a stack of open elements, and hostile nesting makes that quadratic).
import { Tokenizer } from 'htmlparser2';

/** What a scan reports. Indices are into the scanned string. */
export interface HtmlScanHandlers {
  /** A start tag: lower-case name, attributes (raw, entities not decoded), and its extent. */
  open?(name: string, attrs: ReadonlyMap<string, string>, start: number, end: number): void;
  /** An end tag: lower-case name, and the index of its `<`. */
  close?(name: string, start: number): void;
  /** Raw text (entities not decoded) between tags; script and style contents are text too. */
  text?(raw: string): void;
  /** A comment, CDATA section, declaration or processing instruction: nothing to show. */
  other?(): void;
}

/**
 * Scan `html` once, reporting tags and text in document order. A tag cut off by the end of the
 * input is not reported (as a browser would drop it).
 */
export function scanHtml(html: string, handlers: HtmlScanHandlers): void {
  let tagName = '';
  let tagStart = 0;
  let attrs = new Map<string, string>();
  let attrName = '';
  let attrValue = '';
  const openEnd = (endIndex: number) => {
    handlers.open?.(tagName, attrs, tagStart, endIndex + 1);
  };
  const other = () => handlers.other?.();
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, endIndex) {
        tagName = html.slice(start, endIndex).toLowerCase();
        tagStart = start - 1;
        attrs = new Map();
      },
      onattribname(start, endIndex) {
        attrName = html.slice(start, endIndex).toLowerCase();
        attrValue = '';
      },
      onattribdata(start, endIndex) {
        attrValue += html.slice(start, endIndex);
      },
      onattribentity() {},
      onattribend() {
        // The first of a repeated attribute wins, as in a browser.
        if (!attrs.has(attrName)) attrs.set(attrName, attrValue);
      },
      onopentagend: openEnd,
      // HTML ignores the slash of `<div/>`: the element stays open.
      onselfclosingtag: openEnd,
      onclosetag(start, endIndex) {
        handlers.close?.(html.slice(start, endIndex).toLowerCase(), html.lastIndexOf('<', start));
      },
      ontext(start, endIndex) {
        handlers.text?.(html.slice(start, endIndex));
      },
      ontextentity() {},
      oncomment: other,
      oncdata: other,
      ondeclaration: other,
      onprocessinginstruction: other,
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
}
