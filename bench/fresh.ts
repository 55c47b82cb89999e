// A benchmark of what `npm run build` made must not time an older build: the built files must be newer than every
// source they are made from (a stale out/ once gave figures of code that was no longer there).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The newest file under the folders or files given (relative to the project), with its time. */
function newest(paths: readonly string[]): { file: string; mtimeMs: number } {
  let found = { file: '', mtimeMs: 0 };
  const visit = (path: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (stat.mtimeMs > found.mtimeMs) found = { file: path, mtimeMs: stat.mtimeMs };
  };
  for (const path of paths) visit(join(ROOT, path));
  return found;
}

/** What is wrong, telling to run `npm run build`, when a built file is missing or older than a source; else undefined. */
export function staleBuild(built: readonly string[], sources: readonly string[]): string | undefined {
  const source = newest(sources);
  for (const file of built) {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(join(ROOT, file)).mtimeMs;
    } catch {
      return `${file} is missing: run \`npm run build\` before this benchmark.`;
    }
    if (mtimeMs < source.mtimeMs) {
      return `${file} is older than ${relative(ROOT, source.file)}: run \`npm run build\` before this benchmark, which would time an older build.`;
    }
  }
  return undefined;
}
