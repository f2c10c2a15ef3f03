// Text as a reader sees it, for headings and paragraphs of a page: whitespace collapsed and the
// anchor marks some blogs put beside headings dropped. Linear time, no regex backtracking.

const MARKS = new Set(['#', '¶', '§', '🔗']);

/** An element's text with runs of whitespace made one space and the ends trimmed. */
export function plainText(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(' ');
}

/** A heading's text without a leading or trailing anchor mark ("#", "¶", "§"). */
export function headingText(el: Element): string {
  const words = plainText(el.textContent ?? '').split(' ');
  while (words.length > 0 && MARKS.has(words[0]!)) words.shift();
  while (words.length > 0 && MARKS.has(words.at(-1)!)) words.pop();
  return words.join(' ');
}
