// Runs the named benchmarks (all when none is named): npm run bench -- [store] …
const BENCHES: Record<string, string> = {
  store: './store.ts',
};
const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
for (const name of names) {
  const file = BENCHES[name];
  if (!file) {
    console.error(`Không có benchmark "${name}". Có: ${Object.keys(BENCHES).join(', ')}.`);
    process.exit(2);
  }
  console.log(`== ${name}`);
  await import(file);
}
