// ESLint: real problems are errors; layout and style are Prettier's (`npm run lint` runs both).
// No type-aware rules: they would need the TypeScript 6 program for the whole tree on every run.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The domain is pure (STYLE.md, checked also by src/architecture.test.ts): no I/O, no other layer. */
const domainMustStayPure = {
  group: [
    'node:fs',
    'node:fs/*',
    'fs',
    'fs/*',
    'node:child_process',
    'node:net',
    'node:http',
    'node:https',
    'pg',
    '@electric-sql/pglite',
    '@electric-sql/pglite/*',
    'fastify',
    '@fastify/*',
    '../storage/*',
    '../services/*',
    '../http/*',
    '../cli/*',
  ],
  message: 'src/domain is pure: no I/O and no storage, services, HTTP or CLI imports (STYLE.md, Layout).',
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', 'dist/**', 'web/dist/**', 'web/src/api/generated/**', 'data/**', 'test-artifacts/**', 'openapi.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding that is deliberately unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // A `!` is allowed where the value is proven present (see the comment beside it); the compiler checks the rest.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // React Compiler diagnostics: the app does not use the compiler, and these flag the "latest
      // callback in a ref" idiom and ref objects passed as props. Shown, not blocking.
      'react-hooks/refs': 'warn',
      'react-hooks/set-state-in-effect': 'warn',
    },
  },
  {
    // Tests walk untyped JSON responses and documents; `any` there is no hole in the product's types.
    files: ['**/*.test.{ts,tsx}', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [domainMustStayPure] }] },
  },
);
