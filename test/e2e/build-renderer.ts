// Global setup of the browser suites: builds the renderer from the sources as they are now into a fresh
// temporary folder and hands its path to the tests (inject('rendererDir')), so no test can run against
// a stale out/. The folder is removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererDir: string;
  }
}

export default async function buildRenderer(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'bien-ban-renderer-'));
  const root = new URL('../..', import.meta.url).pathname;
  // The build the app ships (vitest sets NODE_ENV=test, which would bundle React's development build).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(root, 'vite.config.ts'),
      root: join(root, 'renderer'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: dir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide('rendererDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
