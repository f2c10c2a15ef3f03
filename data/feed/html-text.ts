// Feed HTML → plain text, without a DOM (the service worker has none). The result is only ever
// rendered as text; still, nothing that looks like a tag survives, so no later mistake can
// turn it back into markup.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  sbquo: '‚',
  bdquo: '„',
  prime: '′',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  bull: '•',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  times: '×',
  divide: '÷',
  minus: '−',
  plusmn: '±',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  le: '≤',
  ge: '≥',
  ne: '≠',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  ouml: 'ö',
  uuml: 'ü',
  auml: 'ä',
  iuml: 'ï',
  ccedil: 'ç',
  ntilde: 'ñ',
  oslash: 'ø',
  szlig: 'ß',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  zwj: '',
  zwnj: '',
  shy: '',
};

const DROPPED_ELEMENTS =
  /<(script|style|noscript|template|iframe|object|svg|math|textarea|title)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const BLOCK_TAG =
  /<\/?(?:p|div|br|hr|li|ul|ol|h[1-6]|blockquote|pre|table|tr|td|th|section|article|figure|figcaption|header|footer|aside|nav|dd|dt|dl)\b[^>]*>/gi;
const ANY_TAG = /<\/?[A-Za-z!?][^<>]*>/g;
const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;
// C0/C1 controls, bidi overrides and the like have no business in a title or teaser.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (match, hex: string | undefined, dec: string | undefined, name) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED[String(name)] ?? match;
  });
}

/** Visible text of an HTML fragment: tags dropped (scripts and styles with their content). */
export function htmlToText(html: string): string {
  const text = decodeEntities(
    html
      .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
      .replace(DROPPED_ELEMENTS, ' ')
      .replace(BLOCK_TAG, ' ')
      .replace(ANY_TAG, ''),
  );
  // Escaped markup decodes to tag-like text; drop that too (see the header comment).
  return text
    .replace(DROPPED_ELEMENTS, ' ')
    .replace(ANY_TAG, '')
    .replace(CONTROLS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s|$)/g;

/** The first sentence or two of a text, never longer than `max` characters. */
export function firstSentences(text: string, max: number, sentences = 2): string {
  let cut = 0;
  let found = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m && found < sentences; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (end > max) break;
    cut = end;
    found += 1;
  }
  if (found > 0) return text.slice(0, cut);
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  return `${(space > max / 2 ? room.slice(0, space) : room).trimEnd()}…`;
}
