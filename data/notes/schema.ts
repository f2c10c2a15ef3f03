// Zod schemas for the field notes. The TypeScript types are inferred from them, so the
// schema is the one source of truth. `zod/mini` keeps the content script small.
import * as z from 'zod/mini';
import { isoDaySchema } from '../shared/dates';
import { postUrl } from '../shared/fly-urls';
import { slugSchema } from '../shared/slug';

const nonEmpty = () => z.string().check(z.trim(), z.minLength(1));

export { slugSchema };

export const blogSchema = z.strictObject({
  name: nonEmpty(),
  url: z.literal('https://fly.io/blog/'),
  tagline: nonEmpty(),
  summary: nonEmpty(),
  readThisWhen: nonEmpty(),
  skipItIf: nonEmpty(),
  comparedTo: nonEmpty(),
  verdict: z.strictObject({
    kind: z.enum(['use', 'consider', 'skip']),
    label: nonEmpty(),
  }),
  complexity: z.strictObject({
    level: z.number().check(z.int(), z.minimum(1)),
    of: z.number().check(z.int(), z.minimum(1)),
    label: nonEmpty(),
  }),
});

export const sectionSchema = z.strictObject({
  name: nonEmpty(),
  description: nonEmpty(),
  readWhen: nonEmpty(),
});

export const dateRangeSchema = z.strictObject({ from: isoDaySchema(), to: isoDaySchema() });

export const postSchema = z.strictObject({
  slug: slugSchema,
  title: nonEmpty(),
  url: z.string().check(z.regex(/^https:\/\/fly\.io\/blog\/[a-z0-9-]+\/$/, 'a canonical post URL')),
  minutes: z.number().check(z.int(), z.positive()),
  summary: nonEmpty(),
  authors: z.array(nonEmpty()),
  section: nonEmpty(),
  topics: z.array(nonEmpty()).check(z.minLength(2), z.maxLength(4)),
  // A post has an exact day, or (where no source fixed the day) a range that bounds it.
  date: z.optional(isoDaySchema()),
  dateRange: z.optional(dateRangeSchema),
});

export const pathStepSchema = z.strictObject({ slug: slugSchema, reason: nonEmpty() });

export const fieldNotesSchema = z
  .strictObject({
    blog: blogSchema,
    sections: z.array(sectionSchema).check(z.length(8)),
    path: z.array(pathStepSchema).check(z.length(7)),
    posts: z.array(postSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((notes, ctx) => {
      const slugs = new Set<string>();
      const sectionNames = new Set(notes.sections.map((s) => s.name));
      for (const post of notes.posts) {
        if (slugs.has(post.slug))
          ctx.addIssue({ code: 'custom', message: `duplicate slug ${post.slug}` });
        slugs.add(post.slug);
        if (post.url !== postUrl(post.slug))
          ctx.addIssue({ code: 'custom', message: `${post.slug}: URL does not match its slug` });
        if (!sectionNames.has(post.section))
          ctx.addIssue({
            code: 'custom',
            message: `${post.slug}: unknown section ${post.section}`,
          });
        if ((post.date === undefined) === (post.dateRange === undefined))
          ctx.addIssue({
            code: 'custom',
            message: `${post.slug}: needs exactly one of date or dateRange`,
          });
      }
      for (const section of sectionNames)
        if (!notes.posts.some((p) => p.section === section))
          ctx.addIssue({ code: 'custom', message: `section ${section} has no posts` });
      for (const step of notes.path)
        if (!slugs.has(step.slug))
          ctx.addIssue({ code: 'custom', message: `path step ${step.slug} is not a post` });
      if (new Set(notes.path.map((s) => s.slug)).size !== notes.path.length)
        ctx.addIssue({ code: 'custom', message: 'a post appears twice on the path' });
    }),
  );

export type FieldNotes = z.infer<typeof fieldNotesSchema>;
export type Blog = FieldNotes['blog'];
export type Section = FieldNotes['sections'][number];
export type Post = FieldNotes['posts'][number];
export type PathStep = FieldNotes['path'][number];
