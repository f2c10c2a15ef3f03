import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output*/', '.wxt/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  // Untrusted text (feeds, pages, backups) is read in linear time: no regex may backtrack
  // super-linearly (tests/unit/lint/regexp.test.ts proves the rules fire).
  regexp.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      // Style rules of the recommended set that would only churn existing code.
      'regexp/no-unused-capturing-group': 'off',
      'regexp/use-ignore-case': 'off',
      'regexp/strict': 'off',
      'regexp/no-contradiction-with-assertion': 'off',
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never inject HTML built from data: build elements.' },
        { property: 'outerHTML', message: 'Never inject HTML built from data: build elements.' },
        { property: 'insertAdjacentHTML', message: 'Never inject HTML built from data.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never inject HTML built from data: build elements.',
        },
      ],
    },
  },
  {
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
