// Global setup of the suites that run what `npm run build` makes (the browser suites, the Electron
// bundles): build first, always, so that no test ever runs against a stale out/.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default function build(): void {
  for (const args of [[fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--logLevel', 'warn'], ['build/bundle-electron.ts']]) {
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`build failed: node ${args.join(' ')}`);
  }
}
