// The posts the extension has learned from the blog's own pages (post pages and index cards),
// in storage.local, one key per post (`archive:post:<slug>`) so that tabs learning different
// posts never overwrite each other, and so that the content script could read one post without
// reading them all. Every field is optional: a post is known by its link alone. Validated on
// every read; an entry that fails is set aside (data/storage/quarantine.ts), as marks are.
//
// Only the background writes (entrypoints/background/archive.ts, one write at a time); the
// pages read with loadLearnedPosts(), and data/archive/archive.ts combines them with the notes
// and the feed.
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { setAside } from '../storage/quarantine';
import {
  LEARNED_PREFIX,
  learnedFieldsSchema,
  learnedPostSchema,
  learnedSlugSchema,
  type LearnedFields,
  type LearnedPost,
  type LearnedSource,
} from './learned-schema';

export {
  LEARNED_PREFIX,
  learnedFieldsSchema,
  learnedPostSchema,
  learnedSlugSchema,
  learnedSourceSchema,
  type LearnedFields,
  type LearnedPost,
  type LearnedSource,
} from './learned-schema';

/** The archive's own state: how full it is, and whether posts were refused. */
export const ARCHIVE_META_KEY = 'archive:meta';
/** The blog holds a few hundred posts; past this many the archive keeps no more. */
export const MAX_LEARNED = 5000;

export const archiveMetaSchema = z.strictObject({
  /** Posts refused because the archive was full, since it last had room. */
  refused: z.number().check(z.int(), z.nonnegative()),
});

/** The message past the bound, for the options page and the popup. */
export function fullMessage(refused: number): string {
  return `The archive holds ${MAX_LEARNED.toLocaleString('en')} posts, its limit: ${refused} more ${refused === 1 ? 'was' : 'were'} not kept.`;
}

/** Raw storage items → the valid learned posts by slug, and the keys whose value is not valid. */
export function learnedFromItems(items: Record<string, unknown>): {
  posts: Map<string, LearnedPost>;
  invalid: Record<string, unknown>;
} {
  const posts = new Map<string, LearnedPost>();
  const invalid = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(LEARNED_PREFIX)) continue;
    const slug = key.slice(LEARNED_PREFIX.length);
    const parsed = learnedPostSchema.safeParse(value);
    if (parsed.success && learnedSlugSchema.safeParse(slug).success && posts.size < MAX_LEARNED)
      posts.set(slug, parsed.data);
    else invalid[key] = value;
  }
  return { posts, invalid };
}

/** Every learned post, validated; what fails is set aside (nothing is thrown away). */
export async function loadLearnedPosts(): Promise<Map<string, LearnedPost>> {
  const { posts, invalid } = learnedFromItems(await browser.storage.local.get(null));
  for (const [key, value] of Object.entries(invalid))
    await setAside(key, value, 'not a valid archive entry');
  return posts;
}

/**
 * A stored post updated with newly read fields. What a post's own page said is not replaced by
 * what an index card says (the page is the better source); otherwise the newer reading wins.
 */
export function mergeLearned(
  held: LearnedPost | undefined,
  fields: LearnedFields,
  from: LearnedSource,
  at: number,
): LearnedPost {
  const defined = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as LearnedFields;
  if (!held) return { ...defined, from, at };
  if (held.from === 'page' && from === 'index') return { ...defined, ...held, at };
  return { ...held, ...defined, from, at };
}

/** One post as a content script sends it: a slug and whatever fields validate. */
export function learnedInput(value: unknown): { slug: string; fields: LearnedFields } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const slug = learnedSlugSchema.safeParse(raw.slug);
  if (!slug.success) return undefined;
  // Field by field: a bad teaser does not cost the post its title.
  const fields: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(learnedFieldsSchema.def.shape))
    if (raw[key] !== undefined && schema.safeParse(raw[key]).success) fields[key] = raw[key];
  return { slug: slug.data, fields: learnedFieldsSchema.parse(fields) };
}

/**
 * The background's writer: keeps the set of stored slugs in memory (read once per worker
 * start) so that the bound is enforced without reading every post on every write.
 */
export function createLearnedWriter(now: () => number = Date.now) {
  let known: Set<string> | undefined;
  const knownSlugs = async () => {
    known ??= new Set((await loadLearnedPosts()).keys());
    return known;
  };
  return {
    /** Store what a page said; returns how many posts were new, and how many were refused. */
    async record(
      posts: readonly { slug: string; fields: LearnedFields }[],
      from: LearnedSource,
    ): Promise<{ added: number; refused: number; known: number }> {
      const slugs = await knownSlugs();
      const keys = posts.map((p) => LEARNED_PREFIX + p.slug);
      const stored = keys.length > 0 ? await browser.storage.local.get(keys) : {};
      const items: Record<string, LearnedPost> = {};
      let added = 0;
      let refused = 0;
      for (const { slug, fields } of posts) {
        const key = LEARNED_PREFIX + slug;
        const held = learnedPostSchema.safeParse(stored[key]);
        if (!slugs.has(slug)) {
          if (slugs.size >= MAX_LEARNED) {
            refused++;
            continue;
          }
          slugs.add(slug);
          added++;
        }
        items[key] = mergeLearned(held.success ? held.data : undefined, fields, from, now());
      }
      if (Object.keys(items).length > 0) await browser.storage.local.set(items);
      if (refused > 0) {
        const meta = archiveMetaSchema.safeParse(
          (await browser.storage.local.get(ARCHIVE_META_KEY))[ARCHIVE_META_KEY],
        );
        const before = meta.success ? meta.data.refused : 0;
        await browser.storage.local.set({ [ARCHIVE_META_KEY]: { refused: before + refused } });
      }
      return { added, refused, known: slugs.size };
    },
    /** Whether every one of these slugs is already stored (the weekly refresh stops there). */
    async allKnown(slugsToCheck: readonly string[]): Promise<boolean> {
      const slugs = await knownSlugs();
      return slugsToCheck.every((s) => slugs.has(s));
    },
    async count(): Promise<number> {
      return (await knownSlugs()).size;
    },
    /**
     * Every stored post's slug: each was read off the blog's own pages (its index or the post's
     * page), which confirms it (the feed cache keeps such posts: data/feed/record.ts).
     */
    async slugs(): Promise<ReadonlySet<string>> {
      return new Set(await knownSlugs());
    },
    /** Forget the in-memory set (storage was changed elsewhere, e.g. a reset). */
    reset(): void {
      known = undefined;
    },
  };
}
export type LearnedWriter = ReturnType<typeof createLearnedWriter>;

/** How many posts the archive refused for want of room (0 when it has room). */
export async function refusedCount(): Promise<number> {
  const meta = archiveMetaSchema.safeParse(
    (await browser.storage.local.get(ARCHIVE_META_KEY))[ARCHIVE_META_KEY],
  );
  return meta.success ? meta.data.refused : 0;
}

/** How many posts the archive has learned (keys only; nothing validated). */
export async function learnedCount(): Promise<number> {
  const items = await browser.storage.local.get(null);
  return Object.keys(items).filter((k) => k.startsWith(LEARNED_PREFIX)).length;
}
