// `npm run bench -- search [--positions N] [--reuse] [--only indexing] [--out NAME]`: on N generated
// positions (default 1M), side by side in one run:
//   (--analyzers cjk_bigram leaves the slow smartcn pass out; --reuse keeps data of the same size;
//   --only indexing runs leg 1 alone; --out names the results file, default search[-Nk])
// BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_PREFIX and BENCH_API_PORT let checkouts side by side
// use their own database, Redis DB, index prefix and port.
//   1. indexing: the outbox drain job (DrainSearchOutboxJob -> SearchSync.drain, 500 a batch) vs
//      a plain sequential `_bulk` loop with the same documents, batch size and analyzer (docs/s);
//   2. the analyzer comparison: the same plain loop into the smartcn variant; docs/s, index size
//      after a force merge, nDCG@10 and recall@20 on the judged set;
//   3. position search latency: GET /api/search/positions on a started api vs the same request
//      (buildPositionSearch) sent straight to Elasticsearch, alternating rounds, medians.
// Resumes (match top-20) are not measured yet: the resumes index lives on another branch.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { log, portOpen, ROOT, run, waitFor } from '../scripts/lib/run.mjs';
import { expectOk, measureLatency, median, round } from './search-latency.mjs';
import { productionEnv } from './production-env.mjs';

const require = createRequire(join(ROOT, 'backend/package.json'));
const ES = (process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200').replace(/\/$/, '');
const API_PORT = Number(process.env.BENCH_API_PORT ?? 3203);
const PREFIX = process.env.BENCH_PREFIX ?? 'bench';
const BATCH = 500;
const TARGETS = { apiOverEsP95: 1.5, apiP95Ms: 100, drainOverBulk: 0.5 };
const ENV = productionEnv({
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/platform_bench',
  REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/7',
  QUEUE_PREFIX: PREFIX,
  SEARCH_INDEX_PREFIX: PREFIX,
  ELASTICSEARCH_URL: ES,
});

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      positions: { type: 'string', default: '1000000' },
      rounds: { type: 'string', default: '3' },
      requests: { type: 'string', default: '400' },
      concurrency: { type: 'string', default: '4' },
      reuse: { type: 'boolean', default: false },
      analyzers: { type: 'string', default: 'cjk_bigram,smartcn' },
      only: { type: 'string' },
      out: { type: 'string' },
    },
    allowPositionals: true,
  });
  return {
    positions: Number(values.positions),
    rounds: Number(values.rounds),
    requests: Number(values.requests),
    concurrency: Number(values.concurrency),
    reuse: values.reuse,
    analyzers: values.only === 'indexing' ? ['cjk_bigram'] : values.analyzers.split(','),
    indexingOnly: values.only === 'indexing',
    out: values.out,
  };
}

export default async function searchBench() {
  const opts = options();
  await run('node', ['scripts/services.mjs', 'up', '--no-browser']);
  await run('npm', ['run', 'build', '-w', 'contracts', '-w', 'search', '-w', 'backend']);
  Object.assign(process.env, ENV);
  require('reflect-metadata');
  const search = require('@platform/search');
  const client = search.createSearchClient({ url: ES, requestTimeoutMs: 600_000 });
  const { createDatabase, createPool } = require('./dist/infra/database/database');
  let pool = createPool(ENV.DATABASE_URL, 2);
  try {
    if (!(await generatedAlready(pool, opts))) {
      await pool.end();
      await generate(opts.positions);
      pool = createPool(ENV.DATABASE_URL, 2);
    }
    const db = createDatabase(pool);
    await search.dropIndicesMatching(client, `${PREFIX}_*`);
    const published = await publishedIds(pool);
    log(`${published.length} published positions of ${opts.positions} generated`);

    const drain = await drainOutbox(pool, db, client, published.length);
    const bodies = await bulkBodies(db, published);
    const variants = {};
    for (const variant of ['cjk_bigram', ...opts.analyzers.filter((a) => a !== 'cjk_bigram')])
      variants[variant] = await plainBulk(client, search, variant, bodies);
    if (opts.indexingOnly) {
      await search.dropIndicesMatching(client, `${PREFIX}_*`);
      return reportIndexing(opts, published.length, drain, variants.cjk_bigram);
    }
    await relevance(client, variants);
    // The comparison indices are done with; the drained one stays for the latency rounds.
    await search.dropIndices(
      client,
      Object.values(variants).map((v) => v.index),
    );
    const latency = await latencies(client, search, opts);
    report(opts, published.length, drain, variants, latency);
  } finally {
    await pool.end().catch(() => {});
    await client.close();
  }
}

async function generatedAlready(pool, opts) {
  if (!opts.reuse) return false;
  const rows = await pool.query('select count(*)::int as n from positions').catch(() => null);
  const n = rows?.rows[0].n ?? 0;
  log(
    n === opts.positions
      ? `reusing ${n} generated positions`
      : `found ${n} positions, want ${opts.positions}`,
  );
  return n === opts.positions;
}

async function generate(positions) {
  const env = { ...process.env, ...ENV };
  await run('node', ['scripts/reset-database.mjs', ENV.DATABASE_URL]);
  await run('node', ['backend/dist/database/migrate.js'], { env });
  const started = Date.now();
  await run('node', ['backend/dist/database/demo/generate.js', '--positions', String(positions)], { env });
  log(`generated ${positions} positions in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function publishedIds(pool) {
  const { rows } = await pool.query(`select id from positions where status = 'published' order by id`);
  return rows.map((r) => r.id);
}

/** The outbox holds every published position, as if each had just been written; the job drains it. */
async function drainOutbox(pool, db, client, expected) {
  const { SearchSync } = require('./dist/modules/search/search-sync.service');
  const { DrainSearchOutboxJob } = require('./dist/modules/search/jobs/drain-search-outbox.job');
  const { loadConfig } = require('./dist/config/config');
  // The queue only schedules and kicks drains; draining itself never touches it.
  const sync = new SearchSync(db, client, loadConfig(), null);
  await pool.query('delete from search_outbox');
  await pool.query(
    `insert into search_outbox (entity, entity_id) select 'position', id from positions where status = 'published' order by id`,
  );
  await sync.ensureIndex();
  log(`draining ${expected} outbox rows through the drain job…`);
  const started = performance.now();
  const result = await new DrainSearchOutboxJob(sync).handle({ batchSize: BATCH });
  const seconds = (performance.now() - started) / 1000;
  await client.indices.refresh({ index: sync.alias });
  const { count } = await client.count({ index: sync.alias });
  if (count !== expected) throw new Error(`drain indexed ${count} of ${expected}`);
  const docsPerSecond = Math.round(result.indexed / seconds);
  log(`drain: ${result.indexed} docs in ${seconds.toFixed(1)} s = ${docsPerSecond} docs/s`);
  return { docs: result.indexed, seconds: round(seconds), docsPerSecond };
}

/** The same documents the drain indexed (same loader), as ready `_bulk` bodies of BATCH each. */
async function bulkBodies(db, ids) {
  const { loadPositionDocuments } = require('./dist/modules/search/position-documents');
  const bodies = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const docs = await loadPositionDocuments(db, ids.slice(i, i + BATCH));
    const lines = [...docs.values()].flatMap((doc) => [
      JSON.stringify({ index: { _id: doc.id } }),
      JSON.stringify(doc),
    ]);
    bodies.push(Buffer.from(lines.join('\n') + '\n'));
  }
  log(
    `${bodies.length} bulk bodies prepared (${Math.round(bodies.reduce((s, b) => s + b.length, 0) / 1e6)} MB)`,
  );
  return bodies;
}

async function plainBulk(client, search, variant, bodies) {
  const { positionsIndexWith } = require('../search/dist/eval/analyzer-variants');
  const index = await search.createVersionedIndex(client, `${PREFIX}_plain`, positionsIndexWith(variant));
  log(`plain _bulk loop into ${index}…`);
  let docs = 0;
  const started = performance.now();
  for (const body of bodies) {
    const response = JSON.parse(
      await expectOk(`${ES}/${index}/_bulk`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body,
      }),
    );
    if (response.errors) throw new Error(`bulk into ${index} had errors`);
    docs += response.items.length;
  }
  const seconds = (performance.now() - started) / 1000;
  await client.indices.refresh({ index });
  await client.indices.forcemerge({ index, max_num_segments: 1 });
  const stats = await client.indices.stats({ index, metric: ['store', 'docs'] });
  const bytes = stats._all.primaries.store.size_in_bytes;
  const docsPerSecond = Math.round(docs / seconds);
  log(
    `${variant}: ${docs} docs in ${seconds.toFixed(1)} s = ${docsPerSecond} docs/s; ${(bytes / 1e6).toFixed(1)} MB merged`,
  );
  return {
    index,
    docs,
    seconds: round(seconds),
    docsPerSecond,
    sizeMB: round(bytes / 1e6),
    bytesPerDoc: Math.round(bytes / docs),
  };
}

/** nDCG@10 and recall@20 of each analyzer on the judged set (search/eval/judged-set.json). */
async function relevance(client, variants) {
  const { positionsIndexWith } = require('../search/dist/eval/analyzer-variants');
  const { loadJudgedSet } = require('../search/dist/eval/judged-set');
  const { evaluate, withJudgedIndex } = require('../search/dist/eval/rank-eval');
  const set = loadJudgedSet();
  for (const [variant, result] of Object.entries(variants)) {
    const scores = await withJudgedIndex(
      client,
      `${PREFIX}_judged`,
      positionsIndexWith(variant),
      set,
      (index) => evaluate(client, index, set),
    );
    Object.assign(result, { ndcgAt10: round(scores.ndcgAt10, 3), recallAt20: round(scores.recallAt20, 3) });
  }
}

/** The judged queries, each sent as the api would send it and straight to the drained index. */
async function latencies(client, search, opts) {
  const { loadJudgedSet } = require('../search/dist/eval/judged-set');
  const queries = loadJudgedSet().queries.map((q) => q.q);
  const alias = search.aliasName(PREFIX, search.POSITIONS_INDEX);
  const direct = queries.map((q) => search.buildPositionSearch({ q, sort: 'relevance', size: 20 }));
  const viaApi = queries.map(
    (q) => `http://127.0.0.1:${API_PORT}/api/search/positions?q=${encodeURIComponent(q)}`,
  );
  // The api's own client library and settings: a plain fetch would ask for gzip, which the api's
  // client does not, and Elasticsearch would spend the difference compressing.
  const sendDirect = (request) => client.search({ index: alias, ...request });
  const sendApi = (url) => expectOk(url);

  const api = await startApi();
  const rounds = [];
  try {
    const setting = { count: opts.requests, concurrency: opts.concurrency };
    log('warm-up round (not counted)');
    await measureLatency(sendDirect, direct, setting);
    await measureLatency(sendApi, viaApi, setting);
    for (let i = 0; i < opts.rounds; i++) {
      log(`search latency round ${i + 1}/${opts.rounds}`);
      const es = await measureLatency(sendDirect, direct, setting);
      const apiRound = await measureLatency(sendApi, viaApi, setting);
      rounds.push({ es, api: apiRound });
      log(`  es p95 ${es.p95} ms, api p95 ${apiRound.p95} ms`);
    }
  } finally {
    await stop(api);
  }
  return { queries: queries.length, rounds };
}

async function startApi() {
  if (await portOpen(API_PORT)) throw new Error(`port ${API_PORT} is taken`);
  const child = spawn(process.execPath, ['backend/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, ...ENV, PORT: String(API_PORT) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(() => portOpen(API_PORT), { timeoutMs: 60_000, what: `the api on ${API_PORT}` });
  return child;
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

function report(opts, published, drain, variants, latency) {
  const pick = (side, key) => round(median(latency.rounds.map((r) => r[side][key])));
  const search = {
    esP50: pick('es', 'p50'),
    esP95: pick('es', 'p95'),
    apiP50: pick('api', 'p50'),
    apiP95: pick('api', 'p95'),
    esRps: pick('es', 'rps'),
    apiRps: pick('api', 'rps'),
  };
  search.apiOverEsP95 = round(search.apiP95 / search.esP95, 2);
  const bulk = variants.cjk_bigram;
  const smartcn = variants.smartcn;
  const drainOverBulk = round(drain.docsPerSecond / bulk.docsPerSecond, 2);
  const result = {
    benchmark: 'search',
    at: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      note: 'cores shared with other work on the machine',
    },
    settings: { ...opts, batchSize: BATCH, publishedPositions: published },
    targets: TARGETS,
    summary: {
      search: {
        ...search,
        met: search.apiOverEsP95 <= TARGETS.apiOverEsP95 && search.apiP95 <= TARGETS.apiP95Ms,
      },
      indexing: {
        drainDocsPerSecond: drain.docsPerSecond,
        bulkDocsPerSecond: bulk.docsPerSecond,
        drainOverBulk,
        met: drainOverBulk >= TARGETS.drainOverBulk,
      },
      analyzers: Object.fromEntries(
        Object.entries(variants).map(([name, v]) => [
          name,
          {
            docsPerSecond: v.docsPerSecond,
            sizeMB: v.sizeMB,
            bytesPerDoc: v.bytesPerDoc,
            ndcgAt10: v.ndcgAt10,
            recallAt20: v.recallAt20,
          },
        ]),
      ),
      matchTop20: 'not measured: the resumes index is on another branch',
    },
    drain,
    variants,
    latency,
  };
  const md = [
    `# search benchmark (${result.at})`,
    '',
    `${opts.positions.toLocaleString('en')} generated positions (${published.toLocaleString('en')} published and indexed), ` +
      `${cpus().length} cores shared with other work. Latency: the ${latency.queries} judged queries cycled, ` +
      `${opts.requests} requests per round at concurrency ${opts.concurrency}, ${opts.rounds} alternating rounds after a warm-up; medians of the rounds.`,
    '',
    '## Position search',
    '',
    '| | p50 ms | p95 ms | req/s |',
    '|---|---|---|---|',
    `| straight to Elasticsearch | ${search.esP50} | ${search.esP95} | ${search.esRps} |`,
    `| through the api | ${search.apiP50} | ${search.apiP95} | ${search.apiRps} |`,
    '',
    `api p95 / Elasticsearch p95 = **${search.apiOverEsP95}** (target ≤ ${TARGETS.apiOverEsP95}); api p95 ${search.apiP95} ms (target ≤ ${TARGETS.apiP95Ms} ms): ${result.summary.search.met ? 'met' : 'not met'}.`,
    '',
    '## Bulk indexing',
    '',
    '| path | docs | seconds | docs/s |',
    '|---|---|---|---|',
    `| outbox drain job (SearchSync.drain, ${BATCH} a batch) | ${drain.docs} | ${drain.seconds} | ${drain.docsPerSecond} |`,
    `| plain \`_bulk\` loop (same documents, ${BATCH} a batch) | ${bulk.docs} | ${bulk.seconds} | ${bulk.docsPerSecond} |`,
    '',
    `drain / plain = **${drainOverBulk}** (target ≥ ${TARGETS.drainOverBulk}): ${result.summary.indexing.met ? 'met' : 'not met'}.`,
    '',
    '## Analyzers (plain `_bulk` loop, size after a force merge to one segment, relevance on the judged set)',
    '',
    '| analyzer | docs/s | index MB | bytes/doc | nDCG@10 | recall@20 |',
    '|---|---|---|---|---|---|',
    ...Object.entries(variants).map(
      ([name, v]) =>
        `| ${name} | ${v.docsPerSecond} | ${v.sizeMB} | ${v.bytesPerDoc} | ${v.ndcgAt10} | ${v.recallAt20} |`,
    ),
    '',
    smartcn
      ? `smartcn / cjk_bigram: docs/s ${round(smartcn.docsPerSecond / bulk.docsPerSecond, 2)}, size ${round(smartcn.sizeMB / bulk.sizeMB, 2)}.`
      : 'smartcn left out of this run (--analyzers); see the smaller run for it.',
    '',
    'Match top-20 candidates for a position: not measured yet (the resumes index and its generator are on another branch).',
    '',
  ].join('\n');
  writeResults(opts, result, md);
}

/** `--only indexing`: the drain job vs the plain loop, nothing else. */
function reportIndexing(opts, published, drain, bulk) {
  const drainOverBulk = round(drain.docsPerSecond / bulk.docsPerSecond, 2);
  const result = {
    benchmark: 'search (indexing only)',
    at: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, loadAverage: loadavg().map((l) => round(l, 2)) },
    settings: { ...opts, batchSize: BATCH, publishedPositions: published },
    targets: { drainOverBulk: TARGETS.drainOverBulk },
    summary: {
      indexing: {
        drainDocsPerSecond: drain.docsPerSecond,
        bulkDocsPerSecond: bulk.docsPerSecond,
        drainOverBulk,
        met: drainOverBulk >= TARGETS.drainOverBulk,
      },
    },
    drain,
    plain: bulk,
  };
  const md = [
    `# search indexing benchmark (${result.at})`,
    '',
    `${opts.positions.toLocaleString('en')} generated positions (${published.toLocaleString('en')} published and indexed), ` +
      `${cpus().length} cores shared with other work; load average at the end ${result.machine.loadAverage.join(' / ')}.`,
    '',
    '| path | docs | seconds | docs/s |',
    '|---|---|---|---|',
    `| outbox drain job (DrainSearchOutboxJob, ${BATCH} a batch) | ${drain.docs} | ${drain.seconds} | ${drain.docsPerSecond} |`,
    `| plain \`_bulk\` loop (same documents, ${BATCH} a batch) | ${bulk.docs} | ${bulk.seconds} | ${bulk.docsPerSecond} |`,
    '',
    `drain / plain = **${drainOverBulk}** (target ≥ ${TARGETS.drainOverBulk}): ${result.summary.indexing.met ? 'met' : 'not met'}.`,
    '',
  ].join('\n');
  writeResults(opts, result, md);
}

function writeResults(opts, result, md) {
  const name =
    opts.out ??
    (opts.positions === 1_000_000
      ? 'search'
      : `search-${opts.positions >= 1000 ? `${opts.positions / 1000}k` : opts.positions}`);
  writeFileSync(join(ROOT, `bench/results/${name}.json`), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(ROOT, `bench/results/${name}.md`), md);
  console.log(md);
}
