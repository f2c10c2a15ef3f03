// Which words of a shown text to highlight for a hit. Returns plain text pieces; the component
// turns them into elements, so no markup is ever built from data.
import { processTerm, tokenize } from './text';

export interface TextPiece {
  text: string;
  match: boolean;
}

// A word as the tokenizer sees it: letters and digits, with joining punctuation inside.
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’._+-]*[\p{L}\p{N}])?/gu;

/** Split `text` into pieces, marking the words whose terms are among `terms`. */
export function highlightPieces(text: string, terms: readonly string[]): TextPiece[] {
  if (terms.length === 0) return text === '' ? [] : [{ text, match: false }];
  const wanted = new Set(terms);
  const pieces: TextPiece[] = [];
  const push = (piece: string, match: boolean) => {
    if (piece === '') return;
    const last = pieces[pieces.length - 1];
    if (last && last.match === match) last.text += piece;
    else pieces.push({ text: piece, match });
  };
  let at = 0;
  for (const found of text.matchAll(WORD)) {
    const word = found[0];
    const start = found.index;
    const match = tokenize(word).some((t) => processTerm(t) !== null && wanted.has(t));
    push(text.slice(at, start), false);
    push(word, match);
    at = start + word.length;
  }
  push(text.slice(at), false);
  return pieces;
}
