// `npm run bench -- subsidies [--placements N] [--per-agency K] [--concurrency C] [--runs R] [--reuse]`:
// issue 7's performance criterion on the real code path. N placements (default 1,000,000) over
// N/K agencies (K = 100) with their workers, employers, key-enterprise entries and 社保 months are
// generated in a bench database by set-based SQL (bench/subsidies-data.sql.mjs; timed on its own,
// not part of any measurement). Then, side by side in one run, for one period (2020-09):
//   0. a no-op BullMQ flow of the same shape (a parent, one child per planned chunk, processors that
//      do nothing): the queue's own cost;
//   A. plain loop: plan the chunks (SubsidyPeriodsService.plan), record the run, then the chunk
//      handler's code (SubsidyComputation.computeChunk: load the chunk from PostgreSQL with
//      PeriodInputLoader, evaluate with the engine, upsert the lines, report progress) for every
//      chunk, C at a time (C = the worker's concurrency), then the parent's finishRun; no queue;
//   B. the real flow: SubsidyPeriodsService.start (as the API does: plan, run row, audit, FlowProducer)
//      and a BullMQ worker in this process, concurrency C, running the real job handler classes
//      (ComputeAgencySubsidyChunkJob, ComputeSubsidyPeriodJob) until the parent completes.
// A and B must leave identical lines (count and fen per kind and status). Reported: medians, the
// throughput ratio B/A, the queue overhead (no-op flow wall ÷ B wall, and B wall − handler time ÷ C),
// and the load average sampled during each leg. Results: bench/results/subsidies.{json,md}.
// Its own database and Redis db: BENCH_DATABASE_URL (platform_bench_subsidies), BENCH_REDIS_URL (db 5).
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { log, ROOT, run } from '../scripts/lib/run.mjs';
import { generateSubsidyData, generatedShape, BENCH_PERIOD } from './subsidies-data.sql.mjs';
import { productionEnv } from './production-env.mjs';

const require = createRequire(join(ROOT, 'backend/package.json'));
const TARGET = { periodSeconds: 300, flowOverLoop: 0.5, overheadShare: 0.05 };
const ENV = productionEnv({
  DATABASE_URL:
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/platform_bench_subsidies',
  REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/5',
  QUEUE_PREFIX: process.env.BENCH_QUEUE_PREFIX ?? 'bench_subsidies',
});

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      placements: { type: 'string', default: '1000000' },
      'per-agency': { type: 'string', default: '100' },
      concurrency: { type: 'string' },
      runs: { type: 'string' },
      reuse: { type: 'boolean', default: false },
      'generate-only': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const placements = Number(values.placements);
  return {
    placements,
    perAgency: Number(values['per-agency']),
    concurrency: values.concurrency ? Number(values.concurrency) : null,
    // Three runs of each leg when the size allows; one at a million (each leg takes minutes).
    runs: values.runs ? Number(values.runs) : placements > 200_000 ? 1 : 3,
    reuse: values.reuse,
    generateOnly: values['generate-only'],
    build: !values['no-build'],
  };
}

export default async function subsidiesBench() {
  const opts = options();
  if (opts.build) await run('npm', ['run', 'build', '-w', 'contracts', '-w', 'search', '-w', 'backend']);
  Object.assign(process.env, ENV);
  require('reflect-metadata');
  const { createDatabase, createPool } = require('./dist/infra/database/database');
  const { loadConfig } = require('./dist/config/config');
  const config = loadConfig();
  const concurrency = opts.concurrency ?? config.WORKER_CONCURRENCY;
  // The worker's pool: the same size the worker process opens (DATABASE_POOL_SIZE).
  let pool = createPool(ENV.DATABASE_URL, config.DATABASE_POOL_SIZE);

  let generation = null;
  const migrate = () =>
    run('node', ['backend/dist/database/migrate.js'], { env: { ...process.env, ...ENV } });
  const reused = opts.reuse ? await sameShape(pool, opts) : null;
  if (reused) {
    await migrate();
    generation = { ...reused.generation, reused: true };
  } else {
    await pool.end();
    await run('node', ['scripts/reset-database.mjs', ENV.DATABASE_URL]);
    await migrate();
    pool = createPool(ENV.DATABASE_URL, config.DATABASE_POOL_SIZE);
    generation = await generateSubsidyData(
      pool,
      opts,
      require('@platform/contracts').DEFAULT_AGENCY_SUBSIDY_POLICY.values,
    );
  }
  if (opts.generateOnly) {
    await pool.end();
    return;
  }
  const ctx = await context(pool, createDatabase(pool), config, concurrency);
  log(
    `subsidies: ${opts.placements} placements over ${ctx.agencies} agencies, ${ctx.chunks} chunks, ` +
      `concurrency ${concurrency}, ${opts.runs} run(s) of each leg`,
  );
  const runs = [];
  try {
    for (let r = 0; r < opts.runs; r++) {
      const noop = await sampled(() => noopFlow(ctx));
      log(`run ${r + 1} 0. no-op flow: ${noop.seconds} s`);
      await forgetLines(pool);
      const loop = await sampled(() => plainLoop(ctx));
      const loopOutcome = await outcome(pool);
      log(`run ${r + 1} A. plain loop: ${loop.seconds} s`);
      await forgetLines(pool);
      const flow = await sampled(() => realFlow(ctx));
      const flowOutcome = await outcome(pool);
      log(`run ${r + 1} B. flow: ${flow.seconds} s (handlers ${flow.handlerSeconds} s)`);
      if (JSON.stringify(loopOutcome) !== JSON.stringify(flowOutcome))
        throw new Error(`the flow decided differently: ${JSON.stringify({ loopOutcome, flowOutcome })}`);
      if (runs.length && JSON.stringify(runs[0].outcome) !== JSON.stringify(flowOutcome))
        throw new Error('the lines differ between runs');
      runs.push({ noop, loop, flow, outcome: flowOutcome });
    }
  } finally {
    await ctx.close();
    await pool.end().catch(() => {});
  }
  report(opts, ctx, concurrency, generation, runs);
}

async function sameShape(pool, opts) {
  const found = await generatedShape(pool).catch(() => null);
  const same = found?.placements === opts.placements && found?.perAgency === opts.perAgency;
  log(same ? `reusing ${found.placements} generated placements` : 'no matching data, regenerating');
  return same ? found : null;
}

/** The real classes, wired as the worker's Nest module wires them (no Nest container needed). */
async function context(pool, db, config, concurrency) {
  const dist = './dist/modules/agency-subsidies/';
  const { PeriodInputLoader } = require(`${dist}period-input.loader`);
  const { ActivityLogLoader } = require(`${dist}activity-log.loader`);
  const { SubsidyComputation } = require(`${dist}subsidy-computation.service`);
  const { SubsidyPeriodsService } = require(`${dist}subsidy-periods.service`);
  const { SubsidyProgress } = require(`${dist}subsidy-progress`);
  const { ComputeAgencySubsidyChunkJob } = require(`${dist}jobs/compute-agency-subsidy-chunk.job`);
  const { ComputeSubsidyPeriodJob } = require(`${dist}jobs/compute-subsidy-period.job`);
  const {
    AgencySubsidyPolicyService,
  } = require('./dist/modules/agency-subsidy-data/agency-subsidy-policy.service');
  const { Notifier } = require('./dist/infra/realtime/notifier');
  const { redisConnection } = require('./dist/infra/queue/queue.module');
  const { FlowProducer, Queue, QueueEvents, Worker } = require('bullmq');
  const { JOB_CATALOG, QueueName } = require('@platform/contracts');

  const loader = new PeriodInputLoader(pool, new ActivityLogLoader(pool));
  const policies = new AgencySubsidyPolicyService(db);
  // The worker has no Socket.IO server: progress goes out through the Redis emitter, as there.
  const notifier = new Notifier(config);
  const computation = new SubsidyComputation(pool, loader, policies, new SubsidyProgress(notifier));
  const periods = new SubsidyPeriodsService(db, config, loader, policies);
  const byName = {
    'compute-agency-subsidy-chunk': new ComputeAgencySubsidyChunkJob(computation),
    'compute-subsidy-period': new ComputeSubsidyPeriodJob(computation),
  };
  const processor = (job) => byName[job.name].handle(JOB_CATALOG[job.name].payload.parse(job.data), job);
  const { rows } = await pool.query(
    `select p.id, p.from_date::text as "fromDate", p.to_date::text as "toDate",
            p.activity_settlement_date::text as "activitySettlementDate",
            (select id from users where display_name = '基准主管' limit 1) as actor
       from subsidy_periods p where p.from_date = $1`,
    [BENCH_PERIOD.from],
  );
  const period = rows[0];
  const plan = await periods.plan(period);
  const connection = redisConnection(config.REDIS_URL);
  return {
    pool,
    config,
    concurrency,
    period,
    actor: { userId: period.actor, roles: ['admin'] },
    computation,
    periods,
    policies,
    processor,
    plan,
    chunks: plan.length,
    agencies: new Set(plan.map((c) => c.agencyId)).size,
    placements: plan.reduce((s, c) => s + c.placements, 0),
    connection,
    queueName: QueueName.subsidies,
    FlowProducer,
    Queue,
    QueueEvents,
    Worker,
    close: async () => {
      await periods.onModuleDestroy();
      await notifier.onApplicationShutdown?.();
    },
  };
}

/** Samples the 1-minute load average every 2 s while `fn` runs. */
async function sampled(fn) {
  const samples = [loadavg()[0]];
  const timer = setInterval(() => samples.push(loadavg()[0]), 2_000);
  try {
    const result = await fn();
    samples.push(loadavg()[0]);
    return {
      ...result,
      load: {
        mean: round(samples.reduce((s, x) => s + x, 0) / samples.length, 2),
        max: round(Math.max(...samples), 2),
      },
    };
  } finally {
    clearInterval(timer);
  }
}

async function forgetLines(pool) {
  await pool.query('truncate subsidy_lines, subsidy_run_chunks');
  await pool.query('delete from subsidy_runs');
  await pool.query('vacuum analyze subsidy_runs');
}

async function outcome(pool) {
  const { rows } = await pool.query(
    `select kind || ':' || status as key, count(*)::int as lines, sum(amount_fen)::bigint::text as fen
       from subsidy_lines group by 1 order by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.key, { lines: r.lines, fen: Number(r.fen) }]));
}

/** A worker on `queueName` until the job `isParent` picks completes; seconds from `start()`. */
async function untilParentCompletes(ctx, queueName, processor, start) {
  const { connection, config, Queue, QueueEvents, Worker, concurrency } = ctx;
  const queue = new Queue(queueName, { connection, prefix: config.QUEUE_PREFIX });
  await queue.obliterate({ force: true });
  const events = new QueueEvents(queueName, { connection, prefix: config.QUEUE_PREFIX });
  await events.waitUntilReady();
  const done = new Promise((resolve, reject) => {
    events.on('completed', ({ jobId }) => jobId.startsWith('period_') && resolve());
    events.on('failed', ({ jobId, failedReason }) => reject(new Error(`${jobId} failed: ${failedReason}`)));
  });
  const worker = new Worker(queueName, processor, {
    connection,
    prefix: config.QUEUE_PREFIX,
    concurrency,
    autorun: false,
  });
  void worker.run();
  const started = performance.now();
  await start();
  await done;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await events.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return seconds;
}

async function noopFlow(ctx) {
  const { periodFlow } = require('./dist/modules/agency-subsidies/subsidy-periods.service');
  const noopQueue = 'bench-subsidies-noop';
  const flows = new ctx.FlowProducer({ connection: ctx.connection, prefix: ctx.config.QUEUE_PREFIX });
  const flow = periodFlow(ctx.period.id, '00000000-0000-0000-0000-000000000000', ctx.plan);
  const shaped = {
    ...flow,
    queueName: noopQueue,
    children: flow.children.map((child) => ({ ...child, queueName: noopQueue })),
  };
  const seconds = await untilParentCompletes(
    ctx,
    noopQueue,
    async () => null,
    () => flows.add(shaped),
  );
  await flows.close();
  return { seconds: round(seconds), childrenPerSecond: Math.round(ctx.chunks / seconds) };
}

async function plainLoop(ctx) {
  const { pool, periods, computation, period, concurrency } = ctx;
  const started = performance.now();
  const plan = await periods.plan(period);
  const policy = await ctx.policies.effectiveAt(new Date());
  const runRow = await pool.query(
    `insert into subsidy_runs (period_id, policy_version, agencies_total, placements_total, started_by)
     values ($1, $2, $3, $4, $5) returning id`,
    [
      period.id,
      policy.version,
      new Set(plan.map((c) => c.agencyId)).size,
      plan.reduce((s, c) => s + c.placements, 0),
      ctx.actor.userId,
    ],
  );
  const runId = runRow.rows[0].id;
  const results = [];
  let next = 0;
  const lane = async () => {
    while (next < plan.length) {
      const c = plan[next++];
      results.push(
        await computation.computeChunk({
          periodId: period.id,
          runId,
          agencyId: c.agencyId,
          chunk: c.chunk,
          afterWorkerId: c.afterWorkerId,
          toWorkerId: c.toWorkerId,
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  await computation.finishRun({ periodId: period.id, runId }, results);
  const seconds = (performance.now() - started) / 1000;
  return { seconds: round(seconds), placementsPerSecond: Math.round(ctx.placements / seconds) };
}

async function realFlow(ctx) {
  let handlerMs = 0;
  const timed = async (job) => {
    const t0 = performance.now();
    try {
      return await ctx.processor(job);
    } finally {
      handlerMs += performance.now() - t0;
    }
  };
  const seconds = await untilParentCompletes(ctx, ctx.queueName, timed, () =>
    ctx.periods.start(ctx.actor, ctx.period.id),
  );
  const handlerSeconds = handlerMs / 1000;
  return {
    seconds: round(seconds),
    placementsPerSecond: Math.round(ctx.placements / seconds),
    handlerSeconds: round(handlerSeconds),
    // What is left of the wall time when the handlers' time is spread over the worker's slots.
    overheadByHandlers: round(Math.max(0, seconds - handlerSeconds / ctx.concurrency)),
  };
}

function median(list, pick) {
  const sorted = [...list].sort((a, b) => pick(a) - pick(b));
  return sorted[Math.floor(sorted.length / 2)];
}

function report(opts, ctx, concurrency, generation, runs) {
  const noop = median(runs, (r) => r.noop.seconds).noop;
  const loop = median(runs, (r) => r.loop.seconds).loop;
  const flow = median(runs, (r) => r.flow.seconds).flow;
  const flowOverLoop = round(loop.seconds / flow.seconds, 2);
  const overheadShare = round(noop.seconds / flow.seconds, 3);
  const byHandlersShare = round(flow.overheadByHandlers / flow.seconds, 3);
  const met = {
    periodSeconds: flow.seconds <= TARGET.periodSeconds,
    flowOverLoop: flowOverLoop >= TARGET.flowOverLoop,
    overheadShare: overheadShare <= TARGET.overheadShare,
  };
  const result = {
    benchmark: 'subsidies',
    at: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      note: 'cores shared with other work on the machine; load average sampled during each leg',
    },
    settings: {
      placements: opts.placements,
      perAgency: opts.perAgency,
      agencies: ctx.agencies,
      chunks: ctx.chunks,
      concurrency,
      runs: opts.runs,
      period: BENCH_PERIOD,
      worker: 'in-process BullMQ Worker running the real job handler classes',
    },
    generation,
    target: TARGET,
    summary: {
      noopFlow: noop,
      plainLoop: loop,
      flow,
      flowOverLoop,
      overheadShare,
      overheadShareByHandlers: byHandlersShare,
      met,
    },
    runs: runs.map(({ noop: n, loop: l, flow: f }) => ({ noop: n, loop: l, flow: f })),
    outcome: runs[0].outcome,
  };
  const dir = join(ROOT, 'bench/results');
  writeFileSync(join(dir, 'subsidies.json'), JSON.stringify(result, null, 2) + '\n');
  const yuan = (fen) => (fen / 100).toFixed(2);
  const ok = (b) => (b ? 'met' : 'NOT met');
  const loads = (leg) => runs.map((r) => `${r[leg].load.mean} (max ${r[leg].load.max})`).join(', ');
  const md = [
    '# HR agency service subsidy benchmark',
    '',
    `Run ${result.at} on ${result.machine.cpus} shared cores (Node ${process.version}): ${opts.placements} placements ` +
      `over ${ctx.agencies} agencies (${opts.perAgency} each) with their workers, employers, key-enterprise ` +
      `entries and 社保 months, in PostgreSQL (bench/subsidies-data.sql.mjs); period ${BENCH_PERIOD.from}..${BENCH_PERIOD.to}, ` +
      `${ctx.chunks} chunks; worker and loop concurrency ${concurrency}. ` +
      (opts.runs === 1
        ? 'One run of each leg (at this size a leg takes minutes).'
        : `Median of ${opts.runs} runs.`),
    '',
    `Data generation by set-based SQL (not part of any measurement): ${generation?.seconds ?? '?'} s for ` +
      `${generation?.rows ?? '?'} rows${generation?.reused ? ' (generated earlier, reused with --reuse)' : ''}.`,
    '',
    '| measurement | seconds | rate |',
    '|---|---:|---:|',
    `| 0. no-op BullMQ flow (a parent, ${ctx.chunks} children, processors that do nothing) | ${noop.seconds} | ${noop.childrenPerSecond} children/s |`,
    `| A. plain loop: plan, then computeChunk (load from PostgreSQL, evaluate, upsert lines, progress) ${concurrency} at a time, finishRun; no queue | ${loop.seconds} | ${loop.placementsPerSecond} placements/s |`,
    `| B. real flow: SubsidyPeriodsService.start + in-process BullMQ worker (concurrency ${concurrency}) running the job handler classes, enqueue → parent completed | ${flow.seconds} | ${flow.placementsPerSecond} placements/s |`,
    '',
    `- Whole period through the flow: **${flow.seconds} s** (target ≤ ${TARGET.periodSeconds} s: ${ok(met.periodSeconds)}).`,
    `- Flow throughput ÷ plain-loop throughput = ${loop.seconds} / ${flow.seconds} = **${flowOverLoop}** (target ≥ ${TARGET.flowOverLoop}: ${ok(met.flowOverLoop)}).`,
    `- Queue overhead = no-op flow ÷ flow wall = ${noop.seconds} / ${flow.seconds} = **${round(100 * overheadShare, 1)} %** ` +
      `(target ≤ ${100 * TARGET.overheadShare} %: ${ok(met.overheadShare)}); cross-check, wall − handler time ÷ ${concurrency} = ` +
      `${flow.overheadByHandlers} s = ${round(100 * byHandlersShare, 1)} % (handlers ${flow.handlerSeconds} s in all).`,
    `- 1-minute load average during the legs (mean, max per run): no-op ${loads('noop')}; A ${loads('loop')}; B ${loads('flow')}.`,
    '',
    `Runs (s): no-op ${runs.map((r) => r.noop.seconds).join(', ')}; A ${runs.map((r) => r.loop.seconds).join(', ')}; ` +
      `B ${runs.map((r) => r.flow.seconds).join(', ')}.`,
    '',
    'Lines (identical after A and B, checked by the run):',
    '',
    '| kind:status | lines | amount (元) |',
    '|---|---:|---:|',
    ...Object.entries(runs[0].outcome).map(([k, o]) => `| ${k} | ${o.lines} | ${yuan(o.fen)} |`),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'subsidies.md'), md);
  log(md);
}

function round(x, digits = 1) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
