// The suggested section for a post the field notes do not cover: the nearest of the notes' 8
// sections by MiniSearch similarity to what each section holds, or no suggestion when the
// evidence is thin. Background and extension pages only: MiniSearch is not for the content
// script, whose size budget cannot afford it (it asks the background, `fn:suggest-section`).
//
// The scoring, in full:
// 1. Documents: every annotated post (its title, the notes' summary of it, its slug's words,
//    its topics) and every section's name (the section's own topic: "Security &
//    Authentication"), each tagged with its section. Section descriptions are left out on
//    purpose: they were written from these very posts ("Corrosion", "macaroons"), so they would
//    let the leave-one-out evaluation peek at the post it holds out.
// 2. Query: the distinct words of the post's title, teaser and slug (the archive search's
//    tokenizer, less the blog's own name, plural `s` dropped), OR-combined, no prefix or typo
//    expansion. MiniSearch scores each document (BM25, title boosted).
// 3. A section's score is the sum of its `TOP_K` best document scores: its nearest few, so a
//    section is not favoured merely for holding many posts.
// 4. Confidence is the normalized margin between the best and second-best section,
//    (best − second) / best, in [0, 1]. The suggestion is declined below `DEFAULT_MIN_CONFIDENCE`,
//    and when the best section's documents share fewer than `DEFAULT_MIN_TERMS` distinct words
//    with the query (one shared word is a coincidence, not a topic).
// The bar was chosen from the leave-one-out figures over the 30 annotated posts (the same posts
// it is measured on: there is no other labelled set), see BENCHMARKS.md and the unit test.
import MiniSearch from 'minisearch';
import { processTerm, tokenize } from '../search/text';
import type { FieldNotes, Post } from './schema';

/** What suggestSection needs of the field notes. */
export type Notes = Pick<FieldNotes, 'sections' | 'posts'>;

/** A post outside the notes, as the archive knows it. */
export interface SuggestInput {
  title: string;
  teaser?: string | undefined;
  slug?: string | undefined;
}

export interface SectionSuggestion {
  /** The section's key in the notes: its name, which is what `post.section` holds. */
  sectionId: string;
  /** The section's title as shown to the reader. */
  sectionTitle: string;
  /** The normalized margin over the second-best section, 0..1. */
  confidence: number;
}

export interface SuggestOptions {
  /** The bar: a smaller margin (best − second) / best than this declines. */
  minConfidence?: number;
  /** Fewest distinct query words the best section's documents must share with the query. */
  minTerms?: number;
}

/** The margin bar, chosen from the leave-one-out figures (see the top of this file). */
export const DEFAULT_MIN_CONFIDENCE = 0.4;
/** Fewest distinct shared words for a suggestion. */
export const DEFAULT_MIN_TERMS = 2;
/** How many of a section's best-matching documents count towards its score. */
export const TOP_K = 2;
/** Characters of the input read: a teaser longer than this adds nothing but work. */
const MAX_INPUT_CHARS = 2000;

interface SuggestDocument {
  id: string;
  title: string;
  summary: string;
  slugWords: string;
  topics: string;
  section: string;
}

type SuggestIndex = MiniSearch<SuggestDocument>;

// The blog's own name is in half the summaries and tells no section from another.
const BLOG_WORDS = new Set(['fly', 'io', 'flyio']);

/** The archive's term rules, less the blog's name, with a plural `s` dropped (agents → agent). */
function suggestTerm(token: string): string | null {
  const term = processTerm(token);
  if (term === null || BLOG_WORDS.has(term)) return null;
  return term.length > 3 && term.endsWith('s') && !term.endsWith('ss') ? term.slice(0, -1) : term;
}

const BOOST = { title: 2, summary: 1, slugWords: 1, topics: 1.5 };

function postDocument(post: Post): SuggestDocument {
  return {
    id: `post:${post.slug}`,
    title: post.title,
    summary: post.summary,
    slugWords: post.slug.replaceAll('-', ' '),
    topics: post.topics.join(' '),
    section: post.section,
  };
}

function sectionDocument(name: string, position: number): SuggestDocument {
  return {
    id: `section:${position}`,
    title: name,
    summary: '',
    slugWords: '',
    topics: '',
    section: name,
  };
}

function buildSuggestIndex(posts: readonly Post[], sections: Notes['sections']): SuggestIndex {
  const index = new MiniSearch<SuggestDocument>({
    fields: ['title', 'summary', 'slugWords', 'topics'],
    storeFields: ['section'],
    tokenize,
    processTerm: suggestTerm,
  });
  index.addAll(posts.map(postDocument));
  index.addAll(sections.map((s, i) => sectionDocument(s.name, i)));
  return index;
}

// One index per notes object: built on the first suggestion, reused after.
const indexes = new WeakMap<Notes, SuggestIndex>();

function indexFor(notes: Notes): SuggestIndex {
  let index = indexes.get(notes);
  if (!index) {
    index = buildSuggestIndex(notes.posts, notes.sections);
    indexes.set(notes, index);
  }
  return index;
}

/** The distinct terms of the input, in order (one tokenizer pass: linear in its length). */
function queryTerms(post: SuggestInput): string[] {
  const text = [post.title, post.teaser ?? '', (post.slug ?? '').replaceAll('-', ' ')]
    .join(' ')
    .slice(0, MAX_INPUT_CHARS);
  const terms = new Set<string>();
  for (const token of tokenize(text)) {
    const term = suggestTerm(token);
    if (term !== null) terms.add(term);
  }
  return [...terms];
}

interface SectionScore {
  name: string;
  score: number;
  /** Distinct query terms its documents matched. */
  terms: number;
}

/** Every section's score for the input, best first. */
function scoreSections(index: SuggestIndex, notes: Notes, post: SuggestInput): SectionScore[] {
  const found = new Map<string, { scores: number[]; terms: Set<string> }>();
  for (const section of notes.sections) found.set(section.name, { scores: [], terms: new Set() });
  const terms = queryTerms(post);
  if (terms.length > 0) {
    // The terms are already processed: split them back as they are.
    const hits = index.search(terms.join(' '), {
      combineWith: 'OR',
      prefix: false,
      fuzzy: false,
      boost: BOOST,
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
    });
    for (const hit of hits) {
      const entry = found.get(String(hit['section']));
      if (!entry) continue;
      entry.scores.push(hit.score);
      for (const term of hit.queryTerms) entry.terms.add(term);
    }
  }
  return [...found]
    .map(([name, { scores, terms: matched }]) => ({
      name,
      score: scores
        .sort((a, b) => b - a)
        .slice(0, TOP_K)
        .reduce((sum, s) => sum + s, 0),
      terms: matched.size,
    }))
    .sort((a, b) => b.score - a.score);
}

function decide(
  scores: readonly SectionScore[],
  notes: Notes,
  options: SuggestOptions,
): SectionSuggestion | null {
  const [best, second] = scores;
  if (!best || best.score <= 0) return null;
  const confidence = (best.score - (second?.score ?? 0)) / best.score;
  if (confidence < (options.minConfidence ?? DEFAULT_MIN_CONFIDENCE)) return null;
  if (best.terms < (options.minTerms ?? DEFAULT_MIN_TERMS)) return null;
  const section = notes.sections.find((s) => s.name === best.name);
  return section ? { sectionId: section.name, sectionTitle: section.name, confidence } : null;
}

/**
 * The nearest of the notes' sections for a post outside them, or null (declined) when the
 * evidence is below the bar; the scoring is described at the top of this file. The index is
 * built once per notes object.
 */
export function suggestSection(
  post: SuggestInput,
  notes: Notes,
  options: SuggestOptions = {},
): SectionSuggestion | null {
  return decide(scoreSections(indexFor(notes), notes, post), notes, options);
}

export interface LeaveOneOutResult {
  /** Annotated posts classified. */
  total: number;
  /** How many got a suggestion. */
  suggested: number;
  /** Suggestions that named the post's own section. */
  correct: number;
  /** How many it declined. */
  declined: number;
  /** correct / suggested (0 when nothing was suggested). */
  accuracyAmongSuggested: number;
}

/**
 * Classify each annotated post from the others: the post is left out of the index and asked
 * for by its title, its summary (as the teaser) and its slug, as a post outside the notes is.
 */
export function leaveOneOut(notes: Notes, options: SuggestOptions = {}): LeaveOneOutResult {
  let suggested = 0;
  let correct = 0;
  for (const post of notes.posts) {
    const index = buildSuggestIndex(
      notes.posts.filter((p) => p !== post),
      notes.sections,
    );
    const input = { title: post.title, teaser: post.summary, slug: post.slug };
    const suggestion = decide(scoreSections(index, notes, input), notes, options);
    if (!suggestion) continue;
    suggested += 1;
    if (suggestion.sectionId === post.section) correct += 1;
  }
  const total = notes.posts.length;
  return {
    total,
    suggested,
    correct,
    declined: total - suggested,
    accuracyAmongSuggested: suggested === 0 ? 0 : correct / suggested,
  };
}
