import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { validStoredFields } from '../../../data/shared/stored-fields';

const shape = z.strictObject({ on: z.boolean(), width: z.number().check(z.maximum(500)) }).def
  .shape;

describe('validStoredFields', () => {
  it('keeps each field that passes its own schema and drops the rest', () => {
    expect(validStoredFields({ on: 'yes', width: 300, extra: 1 }, shape)).toEqual({ width: 300 });
    expect(validStoredFields({ on: true, width: 900 }, shape)).toEqual({ on: true });
  });

  it('reads nothing from what is not an object, and nothing inherited', () => {
    expect(validStoredFields(null, shape)).toEqual({});
    expect(validStoredFields('on', shape)).toEqual({});
    expect(validStoredFields(Object.create({ on: true }), shape)).toEqual({});
  });

  it('checks a field after adjusting it', () => {
    const clamp = (key: string, v: unknown) =>
      key === 'width' && typeof v === 'number' ? Math.min(v, 500) : v;
    expect(validStoredFields({ width: 900 }, shape, clamp)).toEqual({ width: 500 });
  });
});
