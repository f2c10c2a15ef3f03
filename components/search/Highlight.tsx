import { highlightPieces } from '../../data/search/highlight';

/** Text with the words that matched the query in <mark>, built as elements. */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightPieces(text, terms).map((piece, i) =>
        piece.match ? <mark key={i}>{piece.text}</mark> : piece.text,
      )}
    </>
  );
}
