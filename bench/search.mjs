// `npm run bench -- search [--positions N] [--resumes M] [--reuse] [--only indexing|latency] [--out NAME]`: on
// N generated positions (default 1M) and M generated job seekers' resumes (default N), side by side in
// one run:
//   (--analyzers cjk_bigram leaves the slow smartcn pass out; --reuse keeps data of the same size;
//   --only indexing runs leg 1 alone; --only latency runs legs 3 and 4 alone, with --reuse on the
//   indices a full run left (drained again only when they are missing, short or of another
//   definition version), plus the judged-set relevance, and carries the indexing and analyzer
//   figures over from the last full run's JSON, saying so; --merged force-merges the drained
//   indices to one segment before the latency rounds (what search:reindex leaves); --out names the
//   results file, default search[-Nk]; --no-build uses the built dist as it is)
// BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_PREFIX and BENCH_API_PORT let checkouts side by side
// use their own database, Redis DB, index prefix and port.
//   1. indexing: the outbox drain job (DrainSearchOutboxJob -> SearchSync.drain, 500 a batch) vs
//      a plain sequential `_bulk` loop with the same documents, batch size and analyzer (docs/s);
//   2. the analyzer comparison: the same plain loop into the smartcn variant; docs/s, index size
//      after a force merge, nDCG@10 and recall@20 on the judged set;
//   3. position search latency: GET /api/search/positions on a started api vs the same requests
//      (searchPositions: the page and the facets in one _msearch) sent straight to Elasticsearch,
//      alternating rounds, medians; then as many rounds with the shard request cache off (the
//      facet counts computed afresh every time);
//   4. match latency: top-20 candidates for a position, GET /api/positions/:id/candidates as the
//      position's employer vs the same candidate request (candidateSearchFor) straight to
//      Elasticsearch, over the searchable resumes (drained through the same outbox job first).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { apiRuntimeEnv } from '../scripts/lib/api-runtime.mjs';
import { log, portOpen, ROOT, run, waitFor } from '../scripts/lib/run.mjs';
import { expectOk, measureLatency, median, round } from './search-latency.mjs';
import { BENCH_JWT_SECRET, productionEnv } from './production-env.mjs';

const require = createRequire(join(ROOT, 'backend/package.json'));
export const ES = (process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200').replace(/\/$/, '');
const API_PORT = Number(process.env.BENCH_API_PORT ?? 3203);
export const PREFIX = process.env.BENCH_PREFIX ?? 'bench';
const BATCH = 500;
const TARGETS = { apiOverEsP95: 1.5, apiP95Ms: 100, drainOverBulk: 0.5, matchOverSearchP95: 2 };
export const ENV = productionEnv({
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
      resumes: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      requests: { type: 'string', default: '400' },
      concurrency: { type: 'string', default: '4' },
      reuse: { type: 'boolean', default: false },
      merged: { type: 'boolean', default: false },
      analyzers: { type: 'string', default: 'cjk_bigram,smartcn' },
      only: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
    allowPositionals: true,
  });
  return {
    positions: Number(values.positions),
    resumes: Number(values.resumes ?? values.positions),
    rounds: Number(values.rounds),
    requests: Number(values.requests),
    concurrency: Number(values.concurrency),
    reuse: values.reuse,
    merged: values.merged,
    analyzers: values.only ? ['cjk_bigram'] : values.analyzers.split(','),
    indexingOnly: values.only === 'indexing',
    latencyOnly: values.only === 'latency',
    out: values.out,
    build: !values['no-build'],
  };
}

export default async function searchBench() {
  const opts = options();
  if (opts.latencyOnly && !opts.reuse)
    throw new Error('--only latency needs --reuse (it measures kept indices)');
  await run('node', ['scripts/services.mjs', 'up', '--no-browser']);
  if (opts.build) await run('npm', ['run', 'build', '-w', 'contracts', '-w', 'search', '-w', 'backend']);
  Object.assign(process.env, ENV);
  require('reflect-metadata');
  const search = require('@platform/search');
  const client = search.createSearchClient({ url: ES, requestTimeoutMs: 600_000 });
  const { createDatabase, createPool } = require('./dist/infra/database/database');
  let pool = createPool(ENV.DATABASE_URL, 2);
  try {
    if (!(await generatedAlready(pool, opts))) {
      await pool.end();
      await generate(opts);
      pool = createPool(ENV.DATABASE_URL, 2);
    }
    const db = createDatabase(pool);
    // With --reuse, a resumes index that already holds every searchable resume is kept (its drain
    // was measured when it was built); everything else starts from nothing.
    const keptResumes = opts.reuse && !opts.indexingOnly ? await resumeIndexKept(client, search, pool) : null;
    const published = await publishedIds(pool);
    log(`${published.length} published positions of ${opts.positions} generated`);
    if (opts.latencyOnly) return await latencyOnly(client, search, pool, db, opts, published, keptResumes);
    await search.dropIndicesMatching(
      client,
      keptResumes ? `${PREFIX}_positions*,${PREFIX}_plain*` : `${PREFIX}_*`,
    );

    const drain = await drainOutbox(pool, db, client, 'position', published.length);
    const bodies = await bulkBodies(db, published);
    const variants = {};
    for (const variant of ['cjk_bigram', ...opts.analyzers.filter((a) => a !== 'cjk_bigram')])
      variants[variant] = await plainBulk(client, search, variant, bodies);
    if (opts.indexingOnly) {
      await search.dropIndicesMatching(client, `${PREFIX}_*`);
      return reportIndexing(opts, published.length, drain, variants.cjk_bigram);
    }
    await relevance(client, variants);
    const resumes =
      keptResumes ?? (await drainOutbox(pool, db, client, 'resume', await searchableResumes(pool)));
    // The comparison indices are done with; the drained one stays for the latency rounds.
    await search.dropIndices(
      client,
      Object.values(variants).map((v) => v.index),
    );
    const segments = await segmentsForLatency(client, search, opts);
    const latency = await latencies(client, search, opts, await matchTargets(pool, published));
    report(opts, published.length, drain, variants, { ...latency, segments }, resumes);
  } finally {
    await pool.end().catch(() => {});
    await client.close();
  }
}

async function generatedAlready(pool, opts) {
  if (!opts.reuse) return false;
  const count = async (table) =>
    (await pool.query(`select count(*)::int as n from ${table}`).catch(() => null))?.rows[0].n ?? 0;
  const [positions, resumes] = [await count('positions'), await count('resumes')];
  const wanted = opts.indexingOnly ? 0 : opts.resumes;
  const same = positions === opts.positions && resumes >= wanted;
  log(
    same
      ? `reusing ${positions} generated positions and ${resumes} resumes`
      : `found ${positions} positions and ${resumes} resumes, want ${opts.positions} and ${wanted}`,
  );
  return same;
}

async function generate(opts) {
  const env = { ...process.env, ...ENV };
  await run('node', ['scripts/reset-database.mjs', ENV.DATABASE_URL]);
  await run('node', ['backend/dist/database/migrate.js'], { env });
  let started = Date.now();
  const demo = 'backend/dist/database/demo';
  await run('node', [`${demo}/generate.js`, '--positions', String(opts.positions)], { env });
  log(`generated ${opts.positions} positions in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (opts.indexingOnly) return;
  started = Date.now();
  await run('node', [`${demo}/generate-resumes.js`, '--resumes', String(opts.resumes)], { env });
  log(`generated ${opts.resumes} job seekers' resumes in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function resumeIndexKept(client, search, pool) {
  return indexKept(client, search, search.RESUMES_INDEX, await searchableResumes(pool));
}

/**
 * The index behind the alias when it holds every expected document and was built from the current
 * definition version (a new version needs a new index); null otherwise.
 */
async function indexKept(client, search, definition, expected) {
  const alias = search.aliasName(PREFIX, definition);
  const [index] = await search.indicesOfAlias(client, alias);
  if (!index) return null;
  if (search.indexVersion(index) !== definition.version) {
    log(`${index} is of another definition version than v${definition.version}: not kept`);
    return null;
  }
  const { count } = await client.count({ index: alias });
  if (count !== expected) return null;
  log(`keeping ${alias} (${index}): it holds all ${count} documents (not drained again)`);
  return { docs: count, seconds: null, docsPerSecond: null, reused: true };
}

/**
 * `--only latency --reuse`: the latency legs on the indices a run left behind (drained through the
 * job again only when missing or stale), the judged-set relevance of the production definition,
 * and the indexing and analyzer figures of the last full run, carried over and marked as such.
 */
async function latencyOnly(client, search, pool, db, opts, published, keptResumes) {
  const previous = JSON.parse(readFileSync(join(ROOT, `bench/results/${resultsName(opts)}.json`), 'utf8'));
  if (!previous.drain || !previous.variants?.cjk_bigram)
    throw new Error('--only latency carries the indexing figures over from a full run; none found');
  let positions = await indexKept(client, search, search.POSITIONS_INDEX, published.length);
  if (!positions) {
    await search.dropIndicesMatching(client, `${PREFIX}_positions*`);
    positions = await drainOutbox(pool, db, client, 'position', published.length);
  }
  let resumes = keptResumes;
  if (!resumes) {
    await search.dropIndicesMatching(client, `${PREFIX}_resumes*`);
    resumes = await drainOutbox(pool, db, client, 'resume', await searchableResumes(pool));
  }
  const variants = { cjk_bigram: { ...previous.variants.cjk_bigram } };
  await relevance(client, variants);
  const segments = await segmentsForLatency(client, search, opts);
  const latency = {
    ...(await latencies(client, search, opts, await matchTargets(pool, published))),
    segments,
  };
  const carried = { at: previous.at, drain: previous.drain, positionsIndex: positions };
  report(opts, published.length, previous.drain, variants, latency, resumes, carried);
}

async function searchableResumes(pool) {
  const { rows } = await pool.query(`select count(*)::int as n from resumes where visibility = 'searchable'`);
  return rows[0].n;
}

export async function publishedIds(pool) {
  const { rows } = await pool.query(`select id from positions where status = 'published' order by id`);
  return rows.map((r) => r.id);
}

/**
 * The outbox holds every published position (or searchable resume), as if each had just been
 * written; the job drains it.
 */
async function drainOutbox(pool, db, client, entity, expected) {
  const { SearchSync } = require('./dist/modules/search/search-sync.service');
  const { DrainSearchOutboxJob } = require('./dist/modules/search/jobs/drain-search-outbox.job');
  const { loadConfig } = require('./dist/config/config');
  // The queue only schedules and kicks drains; draining itself never touches it.
  const sync = new SearchSync(db, client, loadConfig(), null);
  await pool.query('delete from search_outbox');
  await pool.query(
    entity === 'position'
      ? `insert into search_outbox (entity, entity_id) select 'position', id from positions where status = 'published' order by id`
      : `insert into search_outbox (entity, entity_id) select 'resume', user_id from resumes where visibility = 'searchable' order by user_id`,
  );
  await sync.ensureIndex();
  log(`draining ${expected} ${entity} outbox rows through the drain job…`);
  const started = performance.now();
  const result = await new DrainSearchOutboxJob(sync).handle({ batchSize: BATCH });
  const seconds = (performance.now() - started) / 1000;
  const alias = sync.aliasOf(entity);
  await client.indices.refresh({ index: alias });
  const { count } = await client.count({ index: alias });
  if (count !== expected) throw new Error(`drain indexed ${count} of ${expected}`);
  const docsPerSecond = Math.round(result.indexed / seconds);
  log(`${entity} drain: ${result.indexed} docs in ${seconds.toFixed(1)} s = ${docsPerSecond} docs/s`);
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

/**
 * Positions to find candidates for: MATCH_TARGETS published ones spread evenly over the ids, each
 * with the row the candidate request is built from and its employer's owner (who asks the api).
 */
const MATCH_TARGETS = 62;
export async function matchTargets(pool, published) {
  const step = Math.max(1, Math.floor(published.length / MATCH_TARGETS));
  const ids = published.filter((_, i) => i % step === 0).slice(0, MATCH_TARGETS);
  const { rows } = await pool.query(
    `select p.id, p.title, p.requirements, p.duties, p.district, p.education, p.salary_min as "salaryMin",
            p.salary_max as "salaryMax", p.graduate_suitable as "graduateSuitable", e.owner_user_id as owner
       from positions p join employers e on e.id = p.employer_id where p.id = any($1::uuid[]) order by p.id`,
    [ids],
  );
  return rows;
}

/**
 * The judged queries, each sent as the api would send it and straight to the drained index; then
 * the candidates of the match targets, through the api (as their employer) and straight.
 */
async function latencies(client, search, opts, targets) {
  const { loadJudgedSet } = require('../search/dist/eval/judged-set');
  const { candidateSearchFor } = require('./dist/modules/matching/match-inputs');
  const { businessDate } = require('@platform/contracts');
  const queries = loadJudgedSet().queries.map((q) => q.q);
  const alias = search.aliasName(PREFIX, search.POSITIONS_INDEX);
  const resumeAlias = search.aliasName(PREFIX, search.RESUMES_INDEX);
  // The api's own request: the page and the facets in one _msearch (search.searchPositions).
  const direct = queries.map((q) => ({ q, sort: 'relevance', size: 20 }));
  const viaApi = queries.map(
    (q) => `http://127.0.0.1:${API_PORT}/api/search/positions?q=${encodeURIComponent(q)}`,
  );
  const year = Number(businessDate().slice(0, 4));
  const matchDirect = targets.map((p) => candidateSearchFor(p, year));
  const mint = tokenMinter();
  const matchApi = targets.map((p) => ({
    url: `http://127.0.0.1:${API_PORT}/api/positions/${p.id}/candidates?limit=20`,
    init: {
      headers: {
        authorization: `Bearer ${mint({ userId: p.owner, roles: ['employer'], sessionId: `bench-${p.owner}` })}`,
      },
    },
  }));
  // The api's own client library and settings: a plain fetch would ask for gzip, which the api's
  // client does not, and Elasticsearch would spend the difference compressing.
  const sendDirect = (query) => search.searchPositions(client, alias, query);
  const sendApi = (url) => expectOk(url);
  const sendMatchDirect = (request) => client.search({ index: resumeAlias, ...request });
  const sendMatchApi = ({ url, init }) => expectOk(url, init);

  const api = await startApi();
  const rounds = [];
  const uncached = [];
  try {
    const setting = { count: opts.requests, concurrency: opts.concurrency };
    log('warm-up round (not counted)');
    await measureLatency(sendDirect, direct, setting);
    await measureLatency(sendApi, viaApi, setting);
    await measureLatency(sendMatchDirect, matchDirect, setting);
    await measureLatency(sendMatchApi, matchApi, setting);
    for (let i = 0; i < opts.rounds; i++) {
      log(`search latency round ${i + 1}/${opts.rounds}`);
      const es = await measureLatency(sendDirect, direct, setting);
      const apiRound = await measureLatency(sendApi, viaApi, setting);
      const matchEs = await measureLatency(sendMatchDirect, matchDirect, setting);
      const matchApiRound = await measureLatency(sendMatchApi, matchApi, setting);
      rounds.push({ es, api: apiRound, matchEs, matchApi: matchApiRound, loadAverage: loadavg()[0] });
      log(
        `  search: es p95 ${es.p95} ms, api p95 ${apiRound.p95} ms; match: es p95 ${matchEs.p95} ms, api p95 ${matchApiRound.p95} ms; load ${loadavg()[0].toFixed(2)}`,
      );
    }
    // The same position searches with the shard request cache off: each facet count computed
    // afresh, as after every refresh that changed the index (a live fair keeps changing it).
    await client.indices.putSettings({ index: alias, settings: { 'index.requests.cache.enable': false } });
    await client.indices.clearCache({ index: alias, request: true });
    for (let i = 0; i < opts.rounds; i++) {
      const es = await measureLatency(sendDirect, direct, setting);
      const apiRound = await measureLatency(sendApi, viaApi, setting);
      uncached.push({ es, api: apiRound, loadAverage: loadavg()[0] });
      log(
        `  request cache off: es p95 ${es.p95} ms, api p95 ${apiRound.p95} ms; load ${loadavg()[0].toFixed(2)}`,
      );
    }
  } finally {
    await client.indices.putSettings({ index: alias, settings: { 'index.requests.cache.enable': true } });
    await stop(api);
  }
  return { queries: queries.length, matchTargets: targets.length, rounds, uncached };
}

/**
 * The segments the latency rounds search, per index; with --merged both drained indices are first
 * force-merged to one segment, the state `search:reindex` leaves a rebuilt index in once its
 * background merge is done (an index filled by the outbox over time keeps more).
 */
async function segmentsForLatency(client, search, opts) {
  const count = async (alias) =>
    (await client.cat.segments({ index: alias, format: 'json', h: 'segment' })).length;
  const result = {};
  for (const definition of [search.POSITIONS_INDEX, search.RESUMES_INDEX]) {
    const alias = search.aliasName(PREFIX, definition);
    const before = await count(alias);
    if (opts.merged && before > 1) {
      log(`force-merging ${alias} (${before} segments) to one…`);
      const started = performance.now();
      await client.indices.forcemerge({ index: alias, max_num_segments: 1 });
      log(`  merged in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    result[definition.name] = { before, during: await count(alias) };
  }
  return result;
}

/** Access tokens exactly as the auth module signs them (its service, the bench's secret). */
function tokenMinter() {
  const { AccessTokenService } = require('./dist/common/auth/access-token.service');
  const service = new AccessTokenService({
    JWT_ACCESS_SECRET: BENCH_JWT_SECRET,
    ACCESS_TOKEN_TTL_SECONDS: 3600,
  });
  return (actor) => service.sign(actor);
}

async function startApi() {
  if (await portOpen(API_PORT)) throw new Error(`port ${API_PORT} is taken`);
  const child = spawn(process.execPath, ['backend/dist/main.js'], {
    cwd: ROOT,
    env: apiRuntimeEnv({ ...process.env, ...ENV, PORT: String(API_PORT) }),
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

function report(opts, published, drain, variants, latency, resumes, carried = null) {
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
  const match = {
    esP50: pick('matchEs', 'p50'),
    esP95: pick('matchEs', 'p95'),
    apiP50: pick('matchApi', 'p50'),
    apiP95: pick('matchApi', 'p95'),
    esRps: pick('matchEs', 'rps'),
    apiRps: pick('matchApi', 'rps'),
  };
  match.apiOverSearchApiP95 = round(match.apiP95 / search.apiP95, 2);
  const cold = (side, key) => round(median(latency.uncached.map((r) => r[side][key])));
  const searchUncached = {
    esP50: cold('es', 'p50'),
    esP95: cold('es', 'p95'),
    apiP50: cold('api', 'p50'),
    apiP95: cold('api', 'p95'),
    esRps: cold('es', 'rps'),
    apiRps: cold('api', 'rps'),
  };
  searchUncached.apiOverEsP95 = round(searchUncached.apiP95 / searchUncached.esP95, 2);
  match.met = match.apiOverSearchApiP95 <= TARGETS.matchOverSearchP95;
  const loads = latency.rounds.map((r) => round(r.loadAverage, 2));
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
      loadAverageAtEnd: loadavg().map((l) => round(l, 2)),
      loadAverageByRound: loads,
    },
    settings: { ...opts, batchSize: BATCH, publishedPositions: published, searchableResumes: resumes.docs },
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
      searchRequestCacheOff: searchUncached,
      matchTop20: match,
    },
    drain,
    resumeDrain: resumes,
    variants,
    latency,
    ...(carried
      ? {
          carriedOver: {
            from: carried.at,
            what: 'drain and plain _bulk figures, analyzer docs/s and sizes (not measured in this --only latency run)',
          },
          positionsIndex: carried.positionsIndex,
        }
      : {}),
  };
  const carriedNote = carried
    ? [`Carried over from the full run of ${carried.at}, not measured in this \`--only latency\` run.`, '']
    : [];
  const md = [
    `# search benchmark (${result.at})`,
    '',
    `${opts.positions.toLocaleString('en')} generated positions (${published.toLocaleString('en')} published and indexed) and ` +
      `${opts.resumes.toLocaleString('en')} generated job seekers (${resumes.docs.toLocaleString('en')} searchable resumes indexed), ` +
      `${cpus().length} cores shared with other work. Latency: the ${latency.queries} judged queries cycled, ` +
      `${opts.requests} requests per round at concurrency ${opts.concurrency}, ${opts.rounds} alternating rounds after a warm-up; medians of the rounds. ` +
      `Load average (1 min) after each round: ${loads.join(', ')}; at the end ${result.machine.loadAverageAtEnd.join(' / ')}.`,
    '',
    `Segments searched in the latency rounds: positions ${latency.segments.positions.during}, resumes ${latency.segments.resumes.during}` +
      (opts.merged
        ? ` (--merged: both drained indices force-merged to one segment before the rounds, the state \`search:reindex\` leaves a rebuilt index in once its background merge is done; segments found at the start of this run: ${latency.segments.positions.before} and ${latency.segments.resumes.before}; an index filled by the outbox over time keeps more).`
        : ' (as the drain left them).'),
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
    `With the shard request cache off (every facet count computed afresh, ${opts.rounds} more rounds of each; load after each: ${latency.uncached.map((r) => round(r.loadAverage, 2)).join(', ')}):`,
    '',
    '| request cache off | p50 ms | p95 ms | req/s |',
    '|---|---|---|---|',
    `| straight to Elasticsearch | ${searchUncached.esP50} | ${searchUncached.esP95} | ${searchUncached.esRps} |`,
    `| through the api | ${searchUncached.apiP50} | ${searchUncached.apiP95} | ${searchUncached.apiRps} |`,
    '',
    `api p95 / Elasticsearch p95 = ${searchUncached.apiOverEsP95}; api p95 ${searchUncached.apiP95} ms (target ≤ ${TARGETS.apiP95Ms} ms): ${searchUncached.apiP95 <= TARGETS.apiP95Ms ? 'met' : 'not met'} without the cache.`,
    '',
    '## Bulk indexing',
    '',
    ...carriedNote,
    '| path | docs | seconds | docs/s |',
    '|---|---|---|---|',
    `| outbox drain job (SearchSync.drain, ${BATCH} a batch) | ${drain.docs} | ${drain.seconds} | ${drain.docsPerSecond} |`,
    `| plain \`_bulk\` loop (same documents, ${BATCH} a batch) | ${bulk.docs} | ${bulk.seconds} | ${bulk.docsPerSecond} |`,
    '',
    `drain / plain = **${drainOverBulk}** (target ≥ ${TARGETS.drainOverBulk}): ${result.summary.indexing.met ? 'met' : 'not met'}.`,
    '',
    '## Analyzers (plain `_bulk` loop, size after a force merge to one segment, relevance on the judged set)',
    '',
    ...(carried
      ? [
          'docs/s and size carried over from the full run above; nDCG@10 and recall@20 measured in this run.',
          '',
        ]
      : []),
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
    '## Match: top-20 candidates for a position',
    '',
    `${latency.matchTargets} published positions spread over the ids, each asked for by its employer (\`GET /api/positions/:id/candidates?limit=20\`: ` +
      'the position and applicants from PostgreSQL, the candidate request to Elasticsearch, fit scores and masking) and the same candidate request straight to Elasticsearch.',
    '',
    '| | p50 ms | p95 ms | req/s |',
    '|---|---|---|---|',
    `| candidate request straight to Elasticsearch | ${match.esP50} | ${match.esP95} | ${match.esRps} |`,
    `| through the api | ${match.apiP50} | ${match.apiP95} | ${match.apiRps} |`,
    '',
    `match api p95 / position-search api p95 = **${match.apiOverSearchApiP95}** (target ≤ ${TARGETS.matchOverSearchP95}): ${match.met ? 'met' : 'not met'}.`,
    '',
    carried
      ? carried.positionsIndex.reused
        ? `Positions: the index of ${carried.positionsIndex.docs} published positions was kept from an earlier drain through the outbox job (--reuse).`
        : `Positions drained again through the outbox job (the kept index was missing or stale): ${carried.positionsIndex.docs} in ${carried.positionsIndex.seconds} s.`
      : '',
    resumes.reused
      ? `Resumes: the index of ${resumes.docs} searchable resumes was kept from an earlier drain through the same outbox job (--reuse).`
      : `Resumes drained through the same outbox job: ${resumes.docs} in ${resumes.seconds} s = ${resumes.docsPerSecond} docs/s.`,
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

function resultsName(opts) {
  return (
    opts.out ??
    (opts.positions === 1_000_000
      ? 'search'
      : `search-${opts.positions >= 1000 ? `${opts.positions / 1000}k` : opts.positions}`)
  );
}

function writeResults(opts, result, md) {
  const name = resultsName(opts);
  writeFileSync(join(ROOT, `bench/results/${name}.json`), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(ROOT, `bench/results/${name}.md`), md);
  console.log(md);
}
