// `npm run check` refuses a regular expression that can backtrack super-linearly (issue 13).
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const ruleIds = async (code: string) => {
  const [result] = await eslint.lintText(code, { filePath: 'data/feed/example.ts' });
  return result!.messages.map((m) => m.ruleId);
};

describe('the regexp lint rules', () => {
  // The first lint loads the whole config (typescript-eslint): slow on a busy machine.
  beforeAll(() => ruleIds(''), 60_000);

  it('fail on a regex with super-linear backtracking', async () => {
    // Two quantifiers that can trade the same white space: polynomial on "<" and spaces.
    const code = 'export const TAG = /<\\s*\\/?\\s*[a-z]/i;\n';
    expect(await ruleIds(code)).toContain('regexp/no-super-linear-backtracking');
  });

  it('fail on a regex whose every retry scans on (super-linear move)', async () => {
    const code = 'export const TAIL = /[^a-z]+$/;\n';
    expect(await ruleIds(code)).toContain('regexp/no-super-linear-move');
  });

  it('pass a linear one', async () => {
    expect(await ruleIds('export const DAY = /^\\d{4}-\\d{2}-\\d{2}$/;\n')).toEqual([]);
  });
});
