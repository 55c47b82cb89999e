import { defineConfig } from 'vitest/config';

/** Suites that run the Electron bundles or the bundled command-line tool: built first by their global setup. */
const BUNDLES = ['test/electron-bundle.test.ts', 'test/cli-bundle.test.ts'];
/**
 * The suites that run again on encrypted stores (BIEN_BAN_TEST_ENCRYPTED, test/support/test-key.ts): the
 * store, backups, restore and recovery, the kill test and the hostile corpus. Not the database corpus of
 * hostile-db (plain foreign files; its encrypted counterpart is test/security/) nor the tmpfs disks.
 */
const ON_ENCRYPTED = [
  'test/store/**/*.test.ts',
  'test/reliability/backups.test.ts',
  'test/reliability/kill.test.ts',
  'test/reliability/hostile.test.ts',
  'test/reliability/hostile-writes.test.ts',
  'test/reliability/hostile-reads.test.ts',
  'test/reliability/hostile-lists.test.ts',
  'test/reliability/hostile-text.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'node', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: ['test/e2e/**', ...BUNDLES] } },
      { extends: true, test: { name: 'encrypted', include: ON_ENCRYPTED, env: { BIEN_BAN_TEST_ENCRYPTED: '1' } } },
      { extends: true, test: { name: 'bundles', include: BUNDLES, globalSetup: ['test/support/build.ts'] } },
      {
        // The browser suites build the renderer they test, once per run, into a folder of their own.
        extends: true,
        // One browser at a time: several Chromiums at once on a shared machine only make every step slow.
        // Waiting for the page is bounded generously, so a busy machine slows the suites down without failing them.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/build-renderer.ts'],
          fileParallelism: false,
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
