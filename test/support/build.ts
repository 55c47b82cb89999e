// Global setup of the suites that run the Electron bundles and the bundled command-line tool: bundle
// first, always, so that no test ever runs against a stale out/. (The browser suites build the renderer
// themselves: test/e2e/build-renderer.ts.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default function build(): void {
  const result = spawnSync(process.execPath, ['build/bundle-electron.ts'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed: node build/bundle-electron.ts');
}
