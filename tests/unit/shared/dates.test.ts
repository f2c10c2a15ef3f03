import { describe, expect, it } from 'vitest';
import { isoDay, isoDaySchema, postDateText, postDay } from '../../../data/shared/dates';

describe('days', () => {
  it('writes a time as its UTC day', () => {
    expect(isoDay(Date.UTC(2026, 5, 1, 23, 59))).toBe('2026-06-01');
    expect(isoDay(0)).toBe('1970-01-01');
  });

  it('accepts only YYYY-MM-DD', () => {
    expect(isoDaySchema().safeParse('2025-02-14').success).toBe(true);
    expect(isoDaySchema().safeParse('2025-2-14').success).toBe(false);
    expect(isoDaySchema().safeParse('14/02/2025').success).toBe(false);
  });

  it("gives a post's day for sorting and its date for display", () => {
    expect(postDay({ date: '2025-02-14' })).toBe('2025-02-14');
    expect(postDay({ dateRange: { from: '2025-07-22', to: '2025-08-11' } })).toBe('2025-07-22');
    expect(postDay({})).toBe('');
    expect(postDateText({ dateRange: { from: '2025-07-22', to: '2025-08-11' } })).toBe(
      'between 2025-07-22 and 2025-08-11',
    );
  });
});
