// The field notes, validated once when first used, and the lookups over them. (The content
// script uses data/sidebar/sidebar-notes.ts instead: a slim share of them, validated at build time.)
import * as z from 'zod/mini';
import rawNotes from './notes.json';
import { fieldNotesSchema, type FieldNotes, type Post, type Section } from './schema';
import { placeOnPath, type PathPlace } from '../shared/path';

/** Validate field notes; throws an Error whose message lists every problem. */
export function parseFieldNotes(value: unknown): FieldNotes {
  const result = fieldNotesSchema.safeParse(value);
  if (!result.success) throw new Error(`Invalid field notes:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/**
 * Check the bundled notes once, at the background's start-up, and say clearly what is wrong.
 * The content script does not validate them on each page: it uses the sidebar's share of the
 * same notes, validated when the extension is built (data/sidebar/notes-build-plugin.ts). This is the
 * run-time check of what was shipped; the unit tests check the same file.
 */
export function validateBundledNotes(report: (message: string) => void = console.error): boolean {
  try {
    parseFieldNotes(rawNotes);
    return true;
  } catch (error) {
    report(
      `Fly Field Notes: the bundled field notes (data/notes/notes.json) are invalid; the sidebar and ` +
        `pages will be wrong until a fixed build ships.\n${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
}

/**
 * The bundled field notes. Not parsed again here, on every page's start: the build validates
 * them with the full schema (data/sidebar/notes-build-plugin.ts fails the build on invalid
 * notes), the background checks what shipped at its start (validateBundledNotes), and
 * tests/unit/notes/notes.test.ts checks that parsing would return them unchanged.
 */
export function fieldNotes(): FieldNotes {
  return rawNotes as unknown as FieldNotes;
}

export function postBySlug(slug: string): Post | undefined {
  return fieldNotes().posts.find((p) => p.slug === slug);
}

export function sectionByName(name: string): Section | undefined {
  return fieldNotes().sections.find((s) => s.name === name);
}

export function postsInSection(name: string): Post[] {
  return fieldNotes().posts.filter((p) => p.section === name);
}

export type PathPosition = PathPlace<Post> & { reason: string };

/** Where a post sits on the Start Here path, with the step's reason, or undefined. */
export function pathPosition(slug: string): PathPosition | undefined {
  const { path } = fieldNotes();
  const place = placeOnPath(
    path.map((s) => s.slug),
    slug,
    postBySlug,
  );
  return place && { ...place, reason: path[place.step - 1]!.reason };
}

/** The path's steps with their posts, in order. */
export function pathPosts(): { step: number; post: Post; reason: string }[] {
  return fieldNotes().path.map((s, i) => {
    const post = postBySlug(s.slug);
    if (!post) throw new Error(`path step ${s.slug} is not a post`);
    return { step: i + 1, post, reason: s.reason };
  });
}

export function isApproximateDate(post: Post): boolean {
  return post.date === undefined;
}
