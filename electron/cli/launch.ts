// The entry of the bundled tool (out/cli/bien-ban.mjs): the tool itself is out/cli/tool.cjs, run with V8's code
// cache of the command (code-cache.ts) from the user's own cache folder, or where NODE_COMPILE_CACHE says; none
// with NODE_DISABLE_COMPILE_CACHE. From source, `npm run cli` runs main.ts directly.
import { fileURLToPath } from 'node:url';
import { compileCacheDir, privateFolder } from './cache.ts';
import { runTool } from './code-cache.ts';

const dir = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : privateFolder(process.env.NODE_COMPILE_CACHE || compileCacheDir());
await runTool(fileURLToPath(new URL('./tool.cjs', import.meta.url)), dir, process.argv[2]);
