// `npm run bench -- training [--classes N] [--trainees N] [--concurrency K] [--reuse]`: on N classes
// (default 10,000) and M enrolled trainees (default 200,000) with a month of server-logged sessions
// each, side by side in one run:
//   a. a no-op BullMQ flow of the same shape (one parent per class, one child per batch of its
//      enrolments, processors that do nothing): the queue's own cost, as children per second;
//   b. the same evaluations in a plain loop, no queue (CompletionDecisions.evaluateMany on the
//      same batches, the function the child job calls: load the batch, evaluate, upsert the
//      decisions, issue the certificates), K batches at a time like the worker;
//   c. the nightly completion sweep: the sweep job builds the flows, a worker of concurrency K
//      runs the real job classes until every class's parent has completed.
// It reports flow / (no-op flow time + plain-loop time) against the target 1.2.
// Its own database (platform_bench_completion) and Redis db 12, unless BENCH_DATABASE_URL,
// BENCH_REDIS_URL or BENCH_QUEUE_PREFIX say otherwise (engineers sharing a machine).
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { log, ROOT, run } from '../scripts/lib/run.mjs';
import { productionEnv } from './production-env.mjs';

const require = createRequire(join(ROOT, 'backend/package.json'));
const TARGET = 1.2;
const SWEEP_DAY = '2021-05-10';
/** The sweep payload's default batch size (SweepTrainingCompletionsPayloadSchema). */
const BATCH_SIZE = 200;
const ENV = productionEnv({
  DATABASE_URL:
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/platform_bench_completion',
  REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/12',
  QUEUE_PREFIX: process.env.BENCH_QUEUE_PREFIX ?? 'bench_completion',
});

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      classes: { type: 'string', default: '10000' },
      trainees: { type: 'string', default: '200000' },
      concurrency: { type: 'string', default: '4' },
      reuse: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  return {
    classes: Number(values.classes),
    trainees: Number(values.trainees),
    concurrency: Number(values.concurrency),
    reuse: values.reuse,
  };
}

export default async function trainingBench() {
  const opts = options();
  await run('npm', ['run', 'build', '-w', 'contracts', '-w', 'search', '-w', 'backend']);
  Object.assign(process.env, ENV);
  require('reflect-metadata');
  const { createDatabase, createPool } = require('./dist/infra/database/database');
  const { Queue, QueueEvents, Worker, FlowProducer } = require('bullmq');
  const { redisConnection } = require('./dist/infra/queue/queue.module');
  const { loadConfig } = require('./dist/config/config');
  const config = loadConfig();
  const connection = redisConnection(ENV.REDIS_URL);

  let pool = createPool(ENV.DATABASE_URL, opts.concurrency + 2);
  if (!(await generatedAlready(pool, opts))) {
    await pool.end();
    const env = { ...process.env, ...ENV };
    await run('node', ['scripts/reset-database.mjs', ENV.DATABASE_URL]);
    await run('node', ['backend/dist/database/migrate.js'], { env });
    pool = createPool(ENV.DATABASE_URL, opts.concurrency + 2);
    await generate(pool, opts);
  }
  const db = createDatabase(pool);
  const services = completionServices(db, config);
  const enrolments = (await pool.query('select id, class_id from training_enrolments order by class_id, id'))
    .rows;
  const parents = new Set(enrolments.map((e) => e.class_id)).size;
  const ctx = {
    parents,
    opts,
    pool,
    db,
    services,
    enrolments,
    connection,
    config,
    Queue,
    QueueEvents,
    Worker,
    FlowProducer,
  };
  try {
    const noop = await noopFlow(ctx);
    await forgetDecisions(pool);
    const plain = await plainLoop(ctx);
    const plainOutcome = await outcomeCounts(pool);
    await forgetDecisions(pool);
    const flow = await completionFlow(ctx);
    const flowOutcome = await outcomeCounts(pool);
    if (JSON.stringify(plainOutcome) !== JSON.stringify(flowOutcome))
      throw new Error(`the flow decided differently: ${JSON.stringify({ plainOutcome, flowOutcome })}`);
    report(opts, enrolments.length, noop, plain, flow, flowOutcome);
  } finally {
    await pool.end().catch(() => {});
  }
}

function completionServices(db, config) {
  const { CompletionInputLoader } = require('./dist/modules/training/completion-input.loader');
  const { TrainingPolicyService } = require('./dist/modules/training/training-policy.service');
  const {
    CompletionCertificates,
  } = require('./dist/modules/training/completion/completion-certificates.service');
  const { CompletionDecisions } = require('./dist/modules/training/completion/completion-decision.service');
  const {
    CompletionRequests,
    batchesOf,
  } = require('./dist/modules/training/completion/completion-requests.service');
  const jobs = './dist/modules/training/completion/jobs/';
  const { EvaluateClassCompletionsJob } = require(`${jobs}evaluate-class-completions.job`);
  const { SweepTrainingCompletionsJob } = require(`${jobs}sweep-training-completions.job`);
  const { CompleteTrainingClassJob } = require(`${jobs}complete-training-class.job`);
  const { JOB_CATALOG } = require('@platform/contracts');
  // Redis is only the public-verification limiter's; nothing here verifies.
  const certificates = new CompletionCertificates(db, null, config);
  const decisions = new CompletionDecisions(
    db,
    new CompletionInputLoader(db),
    new TrainingPolicyService(db),
    certificates,
  );
  return {
    decisions,
    batchesOf,
    requestsFor: (queue) => new CompletionRequests(db, config, queue),
    handlersFor: (requests) => {
      const handlers = {
        'evaluate-class-completions': new EvaluateClassCompletionsJob(decisions),
        'sweep-training-completions': new SweepTrainingCompletionsJob(requests),
        'complete-training-class': new CompleteTrainingClassJob(),
      };
      return (job) => handlers[job.name].handle(JOB_CATALOG[job.name].payload.parse(job.data), job);
    },
  };
}

async function generatedAlready(pool, opts) {
  if (!opts.reuse) return false;
  const count = async (table) =>
    (await pool.query(`select count(*)::int as n from ${table}`).catch(() => null))?.rows[0].n ?? 0;
  const [classes, trainees] = [await count('training_classes'), await count('training_enrolments')];
  const same = classes === opts.classes && trainees === opts.trainees;
  log(
    same ? `reusing ${classes} classes, ${trainees} trainees` : `found ${classes}/${trainees}, regenerating`,
  );
  return same;
}

/**
 * Everything in set-based SQL: TR-19's course (40 theory + 12 online practical + 8 offline 学时),
 * approved CQ classes, real-name trainees spread over them, 15 sessions each over a month (every
 * other day, with a passed random check), sign-in, assessments and verified offline practice. One
 * trainee in five has no Q&A record and one in seven failed the exam, so decisions differ.
 */
async function generate(pool, { classes, trainees }) {
  const started = Date.now();
  const step = async (what, sql, params = []) => {
    const t0 = Date.now();
    const { rowCount } = await pool.query(sql, params);
    log(`  ${what}: ${rowCount} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  const one = async (sql, params = []) => (await pool.query(sql, params)).rows[0].id;
  const inst = await one(
    `insert into training_institutions (name, unified_social_credit_code, kind, district)
     values ('重庆基准职业培训学校', '91500000MA5U000001', 'training_institution', '渝北区') returning id`,
  );
  const site = await one(
    `insert into training_platforms (name, url, kind, operator) values ('中国职业培训在线', 'http://px.class.com.cn', 'mohrss', '人社部') returning id`,
  );
  const modules = JSON.stringify([
    { name: '理论知识', kind: 'theory', hours: 40, delivery: 'online' },
    { name: '居家实操练习', kind: 'practical', hours: 12, delivery: 'online' },
    { name: '线下实训', kind: 'practical', hours: 8, delivery: 'offline' },
  ]);
  const course = await one(
    `insert into training_courses (code, title, institution_id, platform_id, occupation, level, kind, modules, status, rules_version)
     values ('CQ-BENCH-1', '育婴员（五级）线上培训', $1, $2, '育婴员', 'level5', 'skills', $3, 'published', 'cq-2020.1') returning id`,
    [inst, site, modules],
  );
  await pool.query(
    `insert into catalogue_listings (catalogue, subject_id, listed_from, source)
     values ('institution', $1, '2020-01-01', 'bench'), ('project', $2, '2020-01-01', 'bench'), ('platform', $3, '2020-01-01', 'bench')`,
    [inst, course, site],
  );
  await step(
    'classes',
    `insert into training_classes (course_id, institution_id, platform_id, name, jurisdiction, district, starts_on, ends_on, plan_status)
     select $1, $2, $3, '基准班 ' || g, 'CQ', '渝北区', '2021-03-01', '2021-04-30', 'approved' from generate_series(1, $4) g`,
    [course, inst, site, classes],
  );
  await step(
    'users',
    `insert into users (password_hash, display_name) select 'x', '学员' || g from generate_series(1, $1) g`,
    [trainees],
  );
  await step(
    'real-name profiles',
    `insert into seeker_profiles (user_id, real_name, id_number_masked, verified_at)
     select id, '王' || substr(md5(id::text), 1, 2), '5001**********1234', now() from users`,
  );
  await step(
    'enrolments',
    `with u as (select id, row_number() over (order by id) - 1 as rn from users),
          c as (select id, row_number() over (order by id) - 1 as rn from training_classes)
     insert into training_enrolments (class_id, user_id, signed_in_at, image_consent_at)
     select c.id, u.id, timestamptz '2021-03-01 01:00+00', timestamptz '2021-03-01 01:00+00'
       from u join c on c.rn = u.rn % $1`,
    [classes],
  );
  await step(
    'sessions (15 per trainee over a month)',
    `insert into learning_sessions (enrolment_id, class_id, user_id, module, device_id, started_at, last_heartbeat_at,
       ended_at, status, end_reason, face_verified_at_start, has_retained_media)
     select e.id, e.class_id, e.user_id, case when d < 12 then '理论知识' else '居家实操练习' end, 'bench',
            timestamptz '2021-03-01 01:00+00' + d * interval '2 days',
            timestamptz '2021-03-01 01:00+00' + d * interval '2 days' + (case when d < 12 then 150 else 180 end) * interval '1 minute',
            timestamptz '2021-03-01 01:00+00' + d * interval '2 days' + (case when d < 12 then 150 else 180 end) * interval '1 minute',
            'closed', 'closed_by_player', true, true
       from training_enrolments e cross join generate_series(0, 14) d`,
  );
  await step(
    'random checks',
    `insert into learning_checks (session_id, kind, issued_at, due_by, challenge, answer_hash, answered_at, result)
     select id, 'random', started_at + interval '60 minutes', started_at + interval '61 minutes', '7+5=?', 'x',
            started_at + interval '60 minutes 30 seconds', 'passed' from learning_sessions`,
  );
  await step(
    'assessments',
    `with e as (select id, row_number() over (order by id) as rn from training_enrolments)
     insert into training_assessments (enrolment_id, kind, score)
     select id, 'attendance', 100 from e
     union all select id, 'exam', case when rn % 7 = 0 then 45 else 85 end from e
     union all select id, 'qa', 100 from e where rn % 5 <> 0`,
  );
  await step(
    'offline practice',
    `insert into training_offline_attendance (enrolment_id, module, xueshi, verified_at)
     select id, '线下实训', 8, now() from training_enrolments`,
  );
  await pool.query('analyze');
  log(
    `generated ${classes} classes and ${trainees} trainees in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

async function forgetDecisions(pool) {
  await pool.query('truncate training_certificates, training_completion_decisions');
  await pool.query('update training_enrolments set completion_status = null');
  await pool.query(`delete from audit_events where action = 'training.certificate.issue'`);
  await pool.query('vacuum analyze training_enrolments');
}

async function outcomeCounts(pool) {
  const { rows } = await pool.query(
    `select d.status, count(*)::int as decisions, count(c.id)::int as certificates
       from training_completion_decisions d left join training_certificates c on c.decision_id = d.id
      group by d.status order by d.status`,
  );
  return rows;
}

/** Runs a worker until every class parent has completed; returns seconds since `start` was called. */
async function runFlow(ctx, queueName, processor, start) {
  const { connection, config, Queue, QueueEvents, Worker, opts } = ctx;
  if (!ctx.parents) throw new Error('no enrolments to evaluate');
  const queue = new Queue(queueName, { connection, prefix: config.QUEUE_PREFIX });
  await queue.obliterate({ force: true });
  const events = new QueueEvents(queueName, { connection, prefix: config.QUEUE_PREFIX });
  await events.waitUntilReady();
  let parents = 0;
  const done = new Promise((resolve, reject) => {
    events.on('completed', ({ jobId }) => {
      if (jobId.startsWith('class_') && ++parents === ctx.parents) resolve();
    });
    events.on('failed', ({ jobId, failedReason }) => reject(new Error(`${jobId} failed: ${failedReason}`)));
  });
  const worker = new Worker(queueName, processor, {
    connection,
    prefix: config.QUEUE_PREFIX,
    concurrency: opts.concurrency,
    autorun: false,
  });
  const started = performance.now();
  void worker.run();
  await start(queue);
  await done;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await events.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return seconds;
}

async function noopFlow(ctx) {
  const { services, enrolments, FlowProducer, connection, config } = ctx;
  const noopQueue = 'bench-noop';
  const flows = new FlowProducer({ connection, prefix: config.QUEUE_PREFIX });
  const requests = services.requestsFor(null);
  let children = 0;
  log(`a. no-op flow: ${ctx.opts.classes} parents, children of the sweep's shape…`);
  const seconds = await runFlow(
    ctx,
    noopQueue,
    async () => null,
    async () => {
      for (const slice of byClassSlices(enrolments, 200)) {
        const shaped = slice.map(([classId, ids]) => {
          const flow = requests.classFlow(classId, ids, SWEEP_DAY);
          children += flow.children.length;
          return {
            ...flow,
            queueName: noopQueue,
            children: flow.children.map((child) => ({ ...child, queueName: noopQueue })),
          };
        });
        await flows.addBulk(shaped);
      }
    },
  );
  await flows.close();
  const childrenPerSecond = Math.round(children / seconds);
  log(`   ${seconds.toFixed(1)} s for ${children} children = ${childrenPerSecond} children/s`);
  return { seconds: round(seconds), children, childrenPerSecond };
}

/** The batches the sweep makes (per class, in id order), decided by the function its child job calls. */
async function plainLoop(ctx) {
  const { services, enrolments, opts } = ctx;
  const batches = [...byClass(enrolments).values()].flatMap((ids) => services.batchesOf(ids, BATCH_SIZE));
  log(
    `b. plain loop: ${enrolments.length} evaluations in ${batches.length} batches, ${opts.concurrency} at a time…`,
  );
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      await services.decisions.evaluateMany(batch, `sweep.${SWEEP_DAY}`);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  log(`   ${seconds.toFixed(1)} s = ${Math.round(enrolments.length / seconds)} evaluations/s`);
  return { seconds: round(seconds), evaluationsPerSecond: Math.round(enrolments.length / seconds) };
}

async function completionFlow(ctx) {
  const { services, enrolments } = ctx;
  log(`c. nightly completion flow: sweep job + ${enrolments.length} evaluations…`);
  let processor;
  let requests;
  const seconds = await runFlow(
    ctx,
    'training',
    (job) => processor(job),
    async (queue) => {
      requests = services.requestsFor(queue);
      processor = services.handlersFor(requests);
      await queue.add(
        'sweep-training-completions',
        { graceDays: 30, on: SWEEP_DAY },
        { jobId: `sweep_${SWEEP_DAY}` },
      );
    },
  );
  await requests.onModuleDestroy();
  log(`   ${seconds.toFixed(1)} s = ${Math.round(enrolments.length / seconds)} evaluations/s`);
  return { seconds: round(seconds), evaluationsPerSecond: Math.round(enrolments.length / seconds) };
}

/** Enrolment ids by class, in the order `enrolments` holds them (class, then id, as the sweep). */
function byClass(enrolments) {
  const classes = new Map();
  for (const e of enrolments) {
    const ids = classes.get(e.class_id);
    if (ids) ids.push(e.id);
    else classes.set(e.class_id, [e.id]);
  }
  return classes;
}

function byClassSlices(enrolments, perSlice) {
  const all = [...byClass(enrolments)];
  const slices = [];
  for (let i = 0; i < all.length; i += perSlice) slices.push(all.slice(i, i + perSlice));
  return slices;
}

function round(n, digits = 1) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function report(opts, children, noop, plain, flow, outcome) {
  const queueSeconds = noop.seconds;
  const ratio = round(flow.seconds / (queueSeconds + plain.seconds), 2);
  const result = {
    benchmark: 'training',
    at: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      note: 'cores shared with other work on the machine',
    },
    settings: { ...opts, enrolments: children, batchSize: BATCH_SIZE, sessionsPerTrainee: 15 },
    target: { flowOverQueuePlusPlain: TARGET },
    summary: {
      noopFlow: noop,
      plainLoop: plain,
      completionFlow: flow,
      queueSecondsForChildren: round(queueSeconds),
      ratio,
      met: ratio <= TARGET,
    },
    outcome,
  };
  const dir = join(ROOT, 'bench/results');
  writeFileSync(join(dir, 'training.json'), JSON.stringify(result, null, 2) + '\n');
  const md = [
    '# Training completion benchmark',
    '',
    `Run ${result.at} on ${result.machine.cpus} shared cores (Node ${process.version}): ${opts.classes} classes, ` +
      `${children} enrolled trainees, 15 server-logged sessions each over a month; a class's enrolments are decided ` +
      `${BATCH_SIZE} to a job; worker and loop concurrency ${opts.concurrency}.`,
    '',
    '| measurement | seconds | rate |',
    '|---|---:|---:|',
    `| a. no-op BullMQ flow (${opts.classes} parents, ${noop.children} children) | ${noop.seconds} | ${noop.childrenPerSecond} children/s |`,
    `| b. plain loop (batch load + evaluate + upserts + certificates, no queue) | ${plain.seconds} | ${plain.evaluationsPerSecond} evaluations/s |`,
    `| c. nightly completion flow (sweep job + flows + real handlers) | ${flow.seconds} | ${flow.evaluationsPerSecond} evaluations/s |`,
    '',
    `flow / (no-op flow time + plain-loop time) = ${flow.seconds} / (${round(queueSeconds)} + ${plain.seconds}) = **${ratio}** ` +
      `(target ≤ ${TARGET}: ${ratio <= TARGET ? 'met' : 'NOT met'}).`,
    '',
    'Decisions (identical in b and c, checked by the run):',
    '',
    '| status | decisions | certificates |',
    '|---|---:|---:|',
    ...outcome.map((o) => `| ${o.status} | ${o.decisions} | ${o.certificates} |`),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'training.md'), md);
  log(md);
}
