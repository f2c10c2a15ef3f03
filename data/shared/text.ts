// Small text rules every surface shares: one place each, so they cannot drift apart.

/** "1 post", "2 posts"; `many` for words whose plural is not `one` + "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// Everything Markdown could read as syntax in running text, a heading or a link's text.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+!|<>~]/g;

/** Text as literal Markdown: every character Markdown could read as syntax is escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}
