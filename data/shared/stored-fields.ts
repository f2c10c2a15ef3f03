// Reading a stored object field by field: one bad field costs that field only, never the
// reader's other settings. Used for the settings, the sidebar's layout and the feed's meta.

interface FieldSchema {
  safeParse: (value: unknown) => { success: boolean };
}

/**
 * The fields of a stored `value` that pass their own schema in `shape` (an object schema's
 * `def.shape`). `adjust` may turn a stored field into what should be checked (a clamp, say).
 */
export function validStoredFields(
  value: unknown,
  shape: Record<string, FieldSchema>,
  adjust: (key: string, field: unknown) => unknown = (_key, field) => field,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (typeof value !== 'object' || value === null) return fields;
  const stored = value as Record<string, unknown>;
  for (const [key, schema] of Object.entries(shape)) {
    if (!Object.hasOwn(stored, key)) continue;
    const field = adjust(key, stored[key]);
    if (schema.safeParse(field).success) fields[key] = field;
  }
  return fields;
}
