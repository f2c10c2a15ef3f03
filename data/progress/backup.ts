// The JSON backup: what export writes, how an import file is checked, and how it merges.
// An import is untrusted input: every check says in plain words what is wrong, and nothing is
// written until the whole file has passed. Marks merge per post, the later mark winning, and
// marks for posts the notes do not know are kept (the feed may add those posts later).
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { loadProgress, markItems, markWaySchema, type Mark, type Progress } from './marks';
import { DEFAULT_PREFS, loadPrefs, PREFS_KEY, prefsSchema, type Prefs } from '../settings/prefs';
import { isoDay } from '../shared/dates';
import { slugSchema } from '../shared/slug';

export const BACKUP_FORMAT = 'fly-field-notes-backup';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;
/** A real backup is a few levels deep; anything deeper is junk, refused before validation. */
const MAX_DEPTH = 8;
/** Clock skew allowed for marks made on another machine. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isoTime = () => z.iso.datetime({ offset: true });

export const backupMarkSchema = z.strictObject({
  slug: slugSchema,
  read: z.boolean(),
  at: isoTime(),
  via: markWaySchema,
});

/** Far more marks than the blog has posts: a file with more is not a backup of this reader's. */
export const MAX_BACKUP_MARKS = 10_000;
/** Setting names are short words; an unknown one is listed back to the reader, so bounded. */
const MAX_SETTING_NAME_CHARS = 100;
const MAX_SETTINGS = 100;

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: isoTime(),
  marks: z.array(backupMarkSchema).check(z.maxLength(MAX_BACKUP_MARKS)),
  // Settings are matched by name so a backup from a version with more settings still imports.
  prefs: z.optional(
    z
      .record(z.string().check(z.maxLength(MAX_SETTING_NAME_CHARS)), z.unknown())
      .check(
        z.refine(
          (prefs) => Object.keys(prefs).length <= MAX_SETTINGS,
          `at most ${MAX_SETTINGS} settings`,
        ),
      ),
  ),
});
export type BackupFile = z.infer<typeof backupSchema>;

export interface Backup {
  exportedAt: number;
  marks: Record<string, Mark>;
  prefs: Partial<Prefs>;
  /** Setting names this version does not know (ignored). */
  ignoredSettings: string[];
}

export type ParseResult = { ok: true; backup: Backup } | { ok: false; error: string };

export function createBackup(progress: Progress, prefs: Prefs, now = Date.now()): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    marks: Object.keys(progress)
      .sort()
      .map((slug) => {
        const mark = progress[slug]!;
        return { slug, read: mark.read, at: new Date(mark.at).toISOString(), via: mark.via };
      }),
    prefs: { ...prefs },
  };
}

export function backupJson(progress: Progress, prefs: Prefs, now = Date.now()): string {
  return `${JSON.stringify(createBackup(progress, prefs, now), null, 2)}\n`;
}

export function backupFileName(now = Date.now()): string {
  return `fly-field-notes-backup-${isoDay(now)}.json`;
}

const fail = (error: string): ParseResult => ({ ok: false, error });

const describe = (value: unknown): string => {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 40))}`;
  return `${typeof value} ${String(value)}`;
};

const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : `${text}${text ? '.' : ''}${String(part)}`,
    '',
  ) || 'the file';

/** One zod issue as a sentence a reader can act on. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = pathText(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return `${where} should be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'unrecognized_keys':
      return `${where} has unexpected ${issue.keys.length > 1 ? 'fields' : 'field'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `${where} should be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `${where} holds more than ${issue.maximum} entries, far more than a backup`
        : `${where} is too long (at most ${issue.maximum} characters)`;
    case 'invalid_format':
      return issue.format === 'regex'
        ? `${where} should be a post slug in lower-case letters, digits and dashes`
        : `${where} should be a date and time such as 2026-03-01T12:00:00.000Z`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/** Refuse forbidden keys and runaway nesting without recursion (the file may be hostile). */
function findStructuralProblem(root: unknown): string | undefined {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length > MAX_DEPTH)
      return `${pathText(path)} is nested far deeper than a backup ever is; this is not a backup.`;
    for (const [key, child] of Object.entries(value)) {
      if (!Array.isArray(value) && FORBIDDEN_KEYS.has(key))
        return `The file holds a "${key}" key at ${pathText(path)}; a backup never does, so it is refused.`;
      stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return undefined;
}

/** A file over the limit is refused by its size alone, before it is read. */
export function tooLargeMessage(bytes: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `The file is ${mb(bytes)} MB; a backup is at most ${mb(MAX_BACKUP_BYTES)} MB, so this is not one.`;
}

/** Check an import file's text; on success, the marks and settings it holds. */
export function parseBackup(raw: string, now = Date.now()): ParseResult {
  // Editors on Windows may save with a byte-order mark; it is not part of the JSON.
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (text.length > MAX_BACKUP_BYTES) return fail(tooLargeMessage(text.length));
  if (text.trim() === '') return fail('The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(
      `The file is not JSON, so it is not a backup (${error instanceof Error ? error.message : 'unreadable'}).`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail(`The file holds ${describe(data)}, not a backup.`);
  const structural = findStructuralProblem(data);
  if (structural) return fail(structural);

  const head = data as Record<string, unknown>;
  if (!Object.hasOwn(head, 'format'))
    return fail(`This is not a Fly Field Notes backup: it has no "format" field.`);
  if (head.format !== BACKUP_FORMAT)
    return fail(
      `This is not a Fly Field Notes backup: its format is ${describe(head.format)}, not "${BACKUP_FORMAT}".`,
    );
  if (!Object.hasOwn(head, 'version'))
    return fail(
      `The backup has no "version" field, so it cannot be read safely; a Fly Field Notes backup says which version wrote it (this one reads version ${BACKUP_VERSION}).`,
    );
  const version = head.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail(`The backup's version should be a whole number, but it is ${describe(version)}.`);
  if (version > BACKUP_VERSION)
    return fail(
      `This backup is version ${version}, written by a newer Fly Field Notes; this one reads version ${BACKUP_VERSION}. Update the extension and import it again.`,
    );

  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(describeIssue);
    const shown = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? `; and ${problems.length - 5} more problems` : '';
    return fail(
      `The backup has ${problems.length === 1 ? 'a problem' : 'problems'}: ${shown}${more}.`,
    );
  }

  const marks = Object.create(null) as Record<string, Mark>;
  for (const [i, entry] of parsed.data.marks.entries()) {
    if (Object.hasOwn(marks, entry.slug))
      return fail(
        `The post "${entry.slug}" has more than one mark (marks[${i}] again); a backup has one per post.`,
      );
    const at = Date.parse(entry.at);
    if (at > now + FUTURE_SLACK_MS)
      return fail(`marks[${i}].at is in the future (${entry.at}); the file's dates are wrong.`);
    if (at < 0)
      return fail(`marks[${i}].at is before 1970 (${entry.at}); the file's dates are wrong.`);
    marks[entry.slug] = { read: entry.read, at, via: entry.via };
  }

  const prefs: Partial<Prefs> = {};
  const ignoredSettings: string[] = [];
  const settings = prefsSchema.def.shape;
  for (const [name, value] of Object.entries(parsed.data.prefs ?? {})) {
    if (!Object.hasOwn(settings, name)) {
      ignoredSettings.push(name);
      continue;
    }
    const key = name as keyof Prefs;
    const valid = settings[key].safeParse(value);
    if (!valid.success)
      return fail(
        `The setting prefs.${name} is ${describe(value)}, which is not a valid value (for example ${JSON.stringify(DEFAULT_PREFS[key])}).`,
      );
    Object.assign(prefs, { [key]: valid.data });
  }

  return {
    ok: true,
    backup: { exportedAt: Date.parse(parsed.data.exportedAt), marks, prefs, ignoredSettings },
  };
}

export interface MarkChange {
  slug: string;
  current: Mark | undefined;
  imported: Mark;
}

export interface ImportPlan {
  /** Posts with no mark here: the imported mark is added. */
  added: MarkChange[];
  /** Marked differently here and in the file, the file's mark later: it replaces ours. */
  updated: MarkChange[];
  /** Marked differently, ours later: ours stays. */
  kept: MarkChange[];
  /** Already marked the same way. */
  unchanged: string[];
  /** Slugs the notes do not hold; their marks are imported all the same. */
  unknown: string[];
  prefs: { name: keyof Prefs; from: unknown; to: unknown }[];
  /** What applying writes, by slug. */
  writes: Record<string, Mark>;
}

export function planImport(
  current: Progress,
  backup: Backup,
  knownSlugs: ReadonlySet<string>,
  currentPrefs: Prefs,
): ImportPlan {
  const plan: ImportPlan = {
    added: [],
    updated: [],
    kept: [],
    unchanged: [],
    unknown: [],
    prefs: [],
    writes: Object.create(null) as Record<string, Mark>,
  };
  for (const slug of Object.keys(backup.marks).sort()) {
    const imported = backup.marks[slug]!;
    const held = Object.hasOwn(current, slug) ? current[slug] : undefined;
    if (!knownSlugs.has(slug)) plan.unknown.push(slug);
    const change = { slug, current: held, imported };
    if (!held) {
      plan.added.push(change);
      plan.writes[slug] = imported;
    } else if (held.read === imported.read) plan.unchanged.push(slug);
    else if (imported.at > held.at) {
      plan.updated.push(change);
      plan.writes[slug] = imported;
    } else plan.kept.push(change);
  }
  for (const [name, to] of Object.entries(backup.prefs) as [keyof Prefs, unknown][])
    if (currentPrefs[name] !== to) plan.prefs.push({ name, from: currentPrefs[name], to });
  return plan;
}

/**
 * Apply a checked backup. The plan is made again against storage as it is now, so a mark made
 * in another tab while the preview was open is never overwritten by an older one.
 */
export async function applyImport(
  backup: Backup,
  knownSlugs: ReadonlySet<string>,
): Promise<ImportPlan> {
  const [current, prefs] = await Promise.all([loadProgress(), loadPrefs()]);
  const plan = planImport(current, backup, knownSlugs, prefs);
  const items = markItems(plan.writes);
  if (plan.prefs.length > 0) items[PREFS_KEY] = prefsSchema.parse({ ...prefs, ...backup.prefs });
  await setAllOrNothing(items);
  return plan;
}

/** Why an import could not be written; the page shows `message`. */
export class ImportApplyError extends Error {}

/**
 * Write `items` in one `storage.local.set`, which either stores them all or none. If it
 * throws anyway (the quota, a browser error), whatever it may have written is put back as it
 * was, and an ImportApplyError says so in plain words.
 */
async function setAllOrNothing(items: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(items);
  if (keys.length === 0) return;
  const before = await browser.storage.local.get(keys);
  try {
    await browser.storage.local.set(items);
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    const absent = keys.filter((key) => !Object.hasOwn(before, key));
    try {
      if (absent.length > 0) await browser.storage.local.remove(absent);
      if (Object.keys(before).length > 0) await browser.storage.local.set(before);
    } catch {
      // Nothing more can be done here; the message below still tells the reader.
    }
    const quota = /quota/i.test(cause);
    throw new ImportApplyError(
      quota
        ? `The browser's storage for the extension is full, so the backup could not be written (${cause}).`
        : `The browser refused to store the backup (${cause}).`,
    );
  }
}
