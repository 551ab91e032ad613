#!/usr/bin/env node
// `npm run bench -- <name>`: runs one benchmark (or all) and writes bench/results/<name>.{json,md}.
const BENCHES = { http: () => import('./http.mjs') };

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = names.length ? names : Object.keys(BENCHES);
for (const name of selected) {
  if (!BENCHES[name]) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(1);
  }
  const bench = await BENCHES[name]();
  await bench.default();
}
