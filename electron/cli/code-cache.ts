// V8's code cache of the bundled tool, taken after a command has run, one per command. Node's own compile cache
// (module.enableCompileCache) is written as a file is compiled, before it runs, so it holds only the few functions
// V8 compiles eagerly: every function a command calls was compiled again on each run, a fifth of the `minutes`
// command. vm.Script's createCachedData() after the run holds them all. V8 checks a cache against the source's
// length only, so a cache's name carries a checksum of the source: a rebuilt tool never runs another build's code.
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

/** What the tool's CommonJS bundle exports. */
export interface Tool {
  main(): Promise<void>;
  /** The command names the tool knows: only these get a cache (a mistyped name must not leave a file behind). */
  COMMAND_NAMES: readonly string[];
}

const PREFIX = 'tool-';
const SUFFIX = '.v8cache';
/** A command name as a file name may carry it. */
const NAME = /^[a-z][a-z-]{0,29}$/;

const readOrUndefined = (file: string): Buffer | undefined => {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
};

/**
 * Runs the tool's bundle (CommonJS) with the cache of `command` from `dir`; without `dir` (no private folder), or for
 * a name that is no command, without a cache. The cache is written, or written again when V8 refused it (another
 * Node), once the command has finished: temporary file then rename, so that a concurrent run reads a whole one.
 */
export async function runTool(file: string, dir: string | undefined, command: string | undefined): Promise<void> {
  const bytes = readFileSync(file);
  // node:zlib's crc32 is Node ≥ 22.2; without it, no cache.
  const crc = typeof zlib.crc32 === 'function' ? zlib.crc32(bytes).toString(16).padStart(8, '0') : undefined;
  const source = bytes.toString('utf8');
  const key = dir && crc && command && NAME.test(command) ? { dir, name: `${PREFIX}${crc}-${command}${SUFFIX}` } : undefined;
  const cachedData = key && readOrUndefined(join(key.dir, key.name));
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as Tool };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  const tool = module.exports;
  await tool.main();
  if (!key || !tool.COMMAND_NAMES.includes(command ?? '') || (cachedData && !script.cachedDataRejected)) return;
  try {
    const target = join(key.dir, key.name);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, target);
    // Earlier builds' caches of this command.
    for (const old of readdirSync(key.dir)) {
      if (old !== key.name && old.startsWith(PREFIX) && old.endsWith(`-${command}${SUFFIX}`)) rmSync(join(key.dir, old), { force: true });
    }
  } catch {
    // A cache that cannot be written is only a slower next run.
  }
}
