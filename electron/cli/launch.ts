// The entry of the bundled tool (out/cli/bien-ban.mjs): V8's compile cache on, in the user's own cache folder
// (or where NODE_COMPILE_CACHE says), then the tool, in chunks of their own so that their compiled code comes from
// the cache from the second run on. From source, `npm run cli` runs main.ts directly.
import { enableCompileCache } from 'node:module';
import { compileCacheDir, privateFolder } from './cache.ts';

if (!process.env.NODE_COMPILE_CACHE) {
  const dir = privateFolder(compileCacheDir());
  if (dir) enableCompileCache(dir);
}
const { main } = await import('./main.ts');
await main();
