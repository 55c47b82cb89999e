import { defineConfig } from 'vitest/config';

/** Suites that run the built renderer or the Electron bundles: built first by their global setup. */
const BUILT = ['test/e2e/**/*.test.ts', 'test/electron-bundle.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'node', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: BUILT } },
      { extends: true, test: { name: 'built', include: BUILT, globalSetup: ['test/support/build.ts'] } },
    ],
  },
});
