// Feed HTML → plain text, without a DOM (the service worker has none). The result is only ever
// rendered as text; still, nothing that looks like a tag survives, so no later mistake can
// turn it back into markup. Read with a tokenizer (data/feed/html-scan.ts) and decoded with
// `entities`, the HTML standard's own entity table: linear in the input, whatever it holds.
import { decodeHTML } from 'entities';
import { scanHtml } from './html-scan';

/** Elements whose content is never text to show: dropped up to their end tag (or the end). */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'math',
  'textarea',
  'title',
]);
/** Elements that separate words: a space where they start and end. */
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'hr',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'section',
  'article',
  'figure',
  'figcaption',
  'header',
  'footer',
  'aside',
  'nav',
  'dd',
  'dt',
  'dl',
]);
// C0/C1 controls, bidi overrides and the like have no business in a title or teaser.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\v\f\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** The text of `html` with its tags and dropped elements gone, entities decoded or not. */
function textOf(html: string, decode: boolean): string {
  const parts: string[] = [];
  let dropping: string | undefined;
  scanHtml(html, {
    open(name) {
      if (dropping !== undefined) return;
      if (DROPPED.has(name)) dropping = name;
      else if (BLOCKS.has(name)) parts.push(' ');
    },
    close(name) {
      if (dropping === name) dropping = undefined;
      else if (dropping === undefined && BLOCKS.has(name)) parts.push(' ');
    },
    text(raw) {
      if (dropping === undefined) parts.push(decode ? decodeHTML(raw) : raw);
    },
    other() {
      if (dropping === undefined) parts.push(' ');
    },
  });
  return parts.join('');
}

/** Visible text of an HTML fragment: tags dropped (scripts and styles with their content). */
export function htmlToText(html: string): string {
  // Escaped markup decodes to tag-like text (`&lt;b&gt;`): a second pass, without decoding,
  // drops that too (see the header comment).
  return textOf(textOf(html, true), false).replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The first sentence or two of a text, never longer than `max` characters. */
export function firstSentences(text: string, max: number, count = 2): string {
  let cut = 0;
  let found = 0;
  for (const { segment, index } of sentences.segment(text)) {
    const end = index + segment.trimEnd().length;
    if (found === count || end > max) break;
    cut = end;
    found += 1;
  }
  if (found > 0) return text.slice(0, cut);
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  return `${(space > max / 2 ? room.slice(0, space) : room).trimEnd()}…`;
}
