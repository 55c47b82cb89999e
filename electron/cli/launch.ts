// The entry of the bundled tool (out/cli/bien-ban.mjs): V8's compile cache on (in the system's temporary
// folder), then the tool, in a chunk of its own so that its compiled code comes from the cache from the
// second run on. From source, `npm run cli` runs main.ts directly.
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { main } = await import('./main.ts');
await main();
