// Bundles the Electron main process and preload into out/electron (CommonJS, as Electron loads them), and the
// command-line tool into out/cli (loaded by Node without compiling any TypeScript).
// The sandboxed preload may only require 'electron', so it is bundled whole.
import { build, type BuildOptions } from 'esbuild';
import { rmSync } from 'node:fs';

await build({
  entryPoints: { main: 'electron/app/main.ts', preload: 'electron/app/preload.ts' },
  outdir: 'out/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  sourcemap: true,
  logLevel: 'warning',
});

// The command-line tool: a small ES module launcher, and the tool in one CommonJS file that the launcher runs
// with V8's code cache (electron/cli/code-cache.ts).
rmSync('out/cli', { recursive: true, force: true });
const cli: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  // The native SQLite module is loaded from node_modules.
  external: ['better-sqlite3-multiple-ciphers'],
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
};
await build({ ...cli, entryPoints: { 'bien-ban': 'electron/cli/launch.ts' }, outdir: 'out/cli', outExtension: { '.js': '.mjs' }, format: 'esm' });
// main.ts runs itself only when Node runs it as a program (npm run cli).
await build({
  ...cli,
  entryPoints: { tool: 'electron/cli/tool.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { 'import.meta.main': 'false' },
});
