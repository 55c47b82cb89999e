// Lint, including the runtime boundaries: only electron/app may import Electron; shared/ uses neither
// Node nor the browser; renderer/ uses no Node; electron/ uses no browser globals; React's hook rules.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'Only electron/app/ may import Electron; keep the core plain Node.' };
const nodeModules = builtinModules.filter((name) => !name.startsWith('_'));
const noNode = {
  group: [...nodeModules.flatMap((name) => [name, `${name}/*`]), 'node:*', 'better-sqlite3-multiple-ciphers'],
  message: 'shared/ and renderer/ run in every process: no Node or database imports.',
};
const noMainProcess = { group: ['**/electron/**'], message: 'shared/ and renderer/ must not reach into the main process.' };
// Globals only one side has (console, timers, URL, TextDecoder… exist on both and stay allowed).
const only = (mine, theirs) => Object.keys(mine).filter((name) => !Object.hasOwn(theirs, name));
const restricted = (names, message) => [...new Set(names)].map((name) => ({ name, message }));
const browserOnly = restricted(only(globals.browser, globals.node), 'A browser global: not available in this process.');
const nodeOnly = restricted(only(globals.node, globals.browser), 'A Node global: not available in this process.');

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', 'bench/data/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    ignores: ['electron/app/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...browserOnly] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noNode, noMainProcess] }],
      'no-restricted-globals': ['error', ...browserOnly, ...nodeOnly],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noNode, noMainProcess] }],
      'no-restricted-globals': ['error', ...nodeOnly],
    },
  },
  {
    // The rules of hooks and the React Compiler's checks (refs read during render, setState in effects…).
    // "incompatible-library" only says the compiler would not memoise around TanStack Virtual; we don't compile.
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/incompatible-library': 'off',
    },
  },
);
