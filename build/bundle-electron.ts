// Bundles the Electron main process and preload into out/electron (CommonJS, as Electron loads them), and the
// command-line tool into out/cli (one ES module, loaded by Node without compiling any TypeScript).
// The sandboxed preload may only require 'electron', so it is bundled whole.
import { build } from 'esbuild';
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

// The tool's chunk is named by its hash: an earlier build's must not stay beside it.
rmSync('out/cli', { recursive: true, force: true });
await build({
  entryPoints: { 'bien-ban': 'electron/cli/launch.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // The launcher stays small and loads the tool as a chunk, which the compile cache then serves.
  splitting: true,
  chunkNames: 'tool-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // The native SQLite module is loaded from node_modules.
  external: ['better-sqlite3-multiple-ciphers'],
  // CommonJS libraries in the bundle (papaparse, yauzl) require Node's modules: an ES module has no require.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
