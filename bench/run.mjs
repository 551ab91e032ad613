#!/usr/bin/env node
// `npm run bench -- <name>`: runs one benchmark (or all) and writes bench/results/<name>.{json,md}.
const BENCHES = {
  http: () => import('./http.mjs'),
  search: () => import('./search.mjs'),
  'match-variants': () => import('./match-variants.mjs'),
  training: () => import('./training.mjs'),
  heartbeats: () => import('./heartbeats.mjs'),
  subsidies: () => import('./subsidies.mjs'),
  realtime: () => import('./realtime.mjs'),
};

// Names come first; what follows the first option belongs to the benchmark (--positions 100000).
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('-'));
const names = firstOption === -1 ? args : args.slice(0, firstOption);
const selected = names.length ? names : Object.keys(BENCHES);
for (const name of selected) {
  if (!BENCHES[name]) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(1);
  }
  const bench = await BENCHES[name]();
  await bench.default();
}
