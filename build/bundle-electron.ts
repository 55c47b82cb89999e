// Bundles the Electron main process and preload into out/electron (CommonJS, as Electron loads them).
// The sandboxed preload may only require 'electron', so it is bundled whole.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'electron/app/main.ts', preload: 'electron/app/preload.ts' },
  outdir: 'out/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron', 'better-sqlite3'],
  sourcemap: true,
  logLevel: 'warning',
});
