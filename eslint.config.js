// Lint, including the runtime boundaries: only electron/app may import Electron,
// and nothing in shared/ or renderer/ may reach into the main process or Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'Only electron/app/ may import Electron; keep the core plain Node.' };

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
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [
          { group: ['node:*', 'better-sqlite3'], message: 'shared/ and renderer/ run in every process: no Node or database imports.' },
          { group: ['**/electron/**'], message: 'shared/ and renderer/ must not reach into the main process.' },
        ],
      }],
    },
  },
);
