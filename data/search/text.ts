// How archive text becomes search terms. The same rules run over the posts and over what the
// reader types, so `VSCode’s`, `vscode's` and `VSCODE` all meet at `vscode`, and compounds
// such as `parking_lot`, `v0.5.0` or `micro-VMs` match whether they are typed whole, joined
// (`parkinglot`, `v050`, `microvms`) or in parts.

const TYPOGRAPHIC_APOSTROPHES = /[\u2018\u2019\u02bc\u2032`]/g;
// Everything that separates words. Hyphen, dot, underscore, apostrophe and plus stay inside
// a chunk, because they join the parts of one name.
const SEPARATORS = /[\s,;:!?()[\]{}"“”«»…\u2013\u2014|·•/\\&*#@~<>=]+/u;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const LEADING_PUNCTUATION = /^[^\p{L}\p{N}]+/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * A chunk without punctuation at either end. The end is trimmed by a walk back, not by
 * `[^…]+$`: that regex retries at every punctuation mark and is quadratic on a long run of them.
 */
function trimEdgePunctuation(chunk: string): string {
  const text = chunk.replace(LEADING_PUNCTUATION, '');
  let end = text.length;
  while (end > 0) {
    // One code point back: two UTF-16 units for a surrogate pair.
    const low = text.charCodeAt(end - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && end >= 2 ? 2 : 1;
    if (WORD_CHARACTER.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return text.slice(0, end);
}

/** Lower case, no accents, one kind of apostrophe. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(TYPOGRAPHIC_APOSTROPHES, "'")
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** Words of a text, each compound also given joined and in parts. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of normalizeText(text).split(SEPARATORS)) {
    const chunk = trimEdgePunctuation(raw).replace(/'s$/, '');
    if (chunk === '') continue;
    const parts = chunk.split(NOT_WORD).filter((p) => p !== '');
    if (parts.length > 1) tokens.push(parts.join(''), ...parts);
    else if (parts[0] !== undefined) tokens.push(parts[0]);
  }
  return tokens;
}

// Words too common to tell posts apart; a query made only of them still searches them.
const STOP_WORDS = new Set(
  'a an and are as at be by do does for from has have how i in into is it its of on or our so that the their them they this to was we were what when which who why will with you your'.split(
    ' ',
  ),
);

/** A token as the index keeps it, or null for one that only adds noise. */
export function processTerm(term: string): string | null {
  if (STOP_WORDS.has(term)) return null;
  // A lone letter is the leftover of a split (`don't` → `t`); digits stay (`2.0` → `2`, `0`).
  if (term.length === 1 && !/\d/.test(term)) return null;
  return term;
}

/** Whether a query has any term the index would use. */
export function hasIndexedTerms(query: string): boolean {
  return tokenize(query).some((t) => processTerm(t) !== null);
}
