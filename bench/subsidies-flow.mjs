// The BullMQ-flow leg of `npm run bench -- subsidies`: the same generated AgencyPeriodInputs as
// the plain loop, computed through a BullMQ flow shaped like a period run (a parent, a child per
// chunk of about 1,000 placements) with a worker in this process. Children regenerate their
// agencies from the deterministic generator (a job carries an index range, as a real chunk
// carries a worker-id range) and evaluate them with the same engine; the parent sums the outcome.
//
// Reported: wall time from adding the flow to the parent's completion; the time spent inside
// the engine and inside generation (summed from the jobs); queue overhead = wall - generation -
// engine; throughput ratio = plain engine seconds / (wall - generation). PostgreSQL reads and
// the line upserts of the real chunk job are not part of either leg.
const CHUNK_PLACEMENTS = 1_000;

export async function runSubsidiesFlow({ opts, shape, policy, agencyInput, require }) {
  const { FlowProducer, Queue, QueueEvents, Worker } = require('bullmq');
  const { evaluateAgencyPeriod } = require('@platform/contracts');
  const url = new URL(process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/5');
  const connection = {
    host: url.hostname,
    port: Number(url.port || 6379),
    db: Number(url.pathname.slice(1) || 0),
    maxRetriesPerRequest: null,
  };
  const prefix = `${process.env.BENCH_QUEUE_PREFIX ?? 'bench'}-subsidies-${process.pid}`;
  const queueName = 'subsidies-bench';
  const queue = new Queue(queueName, { connection, prefix });
  const events = new QueueEvents(queueName, { connection, prefix });
  const flows = new FlowProducer({ connection, prefix });
  await events.waitUntilReady();

  const agenciesPerChunk = Math.max(1, Math.round(CHUNK_PLACEMENTS / shape.perAgency));
  let generating = 0n;
  let evaluating = 0n;
  const worker = new Worker(
    queueName,
    async (job) => {
      if (job.name === 'period') return sumOutcomes(Object.values(await job.getChildrenValues()));
      const outcome = {};
      for (let i = job.data.from; i < job.data.to; i++) {
        const g = process.hrtime.bigint();
        const input = agencyInput(i, opts);
        const e = process.hrtime.bigint();
        const result = evaluateAgencyPeriod(input, policy);
        evaluating += process.hrtime.bigint() - e;
        generating += e - g;
        for (const line of result.lines) {
          const o = (outcome[`${line.kind}:${line.status}`] ??= { lines: 0, fen: 0 });
          o.lines++;
          o.fen += line.amountFen;
        }
      }
      return outcome;
    },
    { connection, prefix, concurrency: 1 },
  );

  const children = [];
  for (let from = 0; from < shape.agencies; from += agenciesPerChunk)
    children.push({
      name: 'chunk',
      queueName,
      data: { from, to: Math.min(shape.agencies, from + agenciesPerChunk) },
      opts: { jobId: `chunk_${from}`, removeOnComplete: true },
    });
  const start = process.hrtime.bigint();
  const tree = await flows.add({
    name: 'period',
    queueName,
    data: {},
    opts: { jobId: 'period_bench' },
    children,
  });
  const outcome = await tree.job.waitUntilFinished(events, 3_600_000);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  await worker.close();
  await queue.obliterate({ force: true });
  await Promise.all([flows.close(), events.close(), queue.close()]);

  const engineSeconds = Number(evaluating) / 1e9;
  const generationSeconds = Number(generating) / 1e9;
  const flowSeconds = wall - generationSeconds;
  const overhead = wall - generationSeconds - engineSeconds;
  return {
    seconds: round(flowSeconds),
    wallSeconds: round(wall),
    engineSeconds: round(engineSeconds),
    generationSeconds: round(generationSeconds),
    chunks: children.length,
    agenciesPerChunk,
    agenciesPerSecond: Math.round(shape.agencies / flowSeconds),
    placementsPerSecond: Math.round(shape.placements / flowSeconds),
    queueOverheadSeconds: round(overhead),
    queueOverheadShareOfWall: round(overhead / wall, 3),
    outcome: sortOutcome(outcome),
  };
}

function sumOutcomes(list) {
  const total = {};
  for (const outcome of list)
    for (const [key, o] of Object.entries(outcome)) {
      const t = (total[key] ??= { lines: 0, fen: 0 });
      t.lines += o.lines;
      t.fen += o.fen;
    }
  return total;
}

function sortOutcome(outcome) {
  return Object.fromEntries(Object.entries(outcome).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function round(x, digits = 2) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
