import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer never talks to Node or Electron directly: only through the workbench API.
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', 'node:*', '../electron/*', '../../electron/*'] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      // shared/ is pure: no Node, no DOM, no Electron.
      'no-restricted-imports': ['error', { patterns: ['electron', 'node:*', 'undici', 'react'] }],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      // Services run in plain Node so they can be tested without the Electron runtime.
      'no-restricted-imports': ['error', { paths: ['electron'] }],
    },
  },
);
