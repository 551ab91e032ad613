import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { JobName, QueueName } from '@platform/contracts';
import { loadConfig, redisConnection } from '@platform/backend';
import { Job, Queue, QueueEvents } from 'bullmq';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completionCatalogue,
  completionClass,
  enrolWithLearning,
  realNameTrainee,
  Variant,
} from '../../backend/src/test-support/completion-fixtures';

/**
 * Acceptance (issue 8 item 4): "A worker killed during the nightly sweep and restarted produces
 * the same completions as an uninterrupted run." The worker is the real worker process
 * (jobs/dist/main.js), killed with SIGKILL in the middle of the sweep's flows.
 */
const env = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/platform_test',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1',
  QUEUE_PREFIX: `test-sweep-${process.pid}`,
  SCHEDULE_REPEATABLE_JOBS: 'false',
  WORKER_CONCURRENCY: '4',
};
const config = loadConfig(env);
const pool = new Pool({ connectionString: config.DATABASE_URL, options: '-c timezone=UTC' });
const connection = redisConnection(config.REDIS_URL);
const queue = new Queue(QueueName.training, { connection, prefix: config.QUEUE_PREFIX });
const events = new QueueEvents(QueueName.training, { connection, prefix: config.QUEUE_PREFIX });
const VARIANTS: Variant[] = ['complete', 'complete', 'no-qa', 'exam-failed', 'theory-short', 'complete'];
const CLASSES = 4;
const PER_CLASS = 30;
const classIds: string[] = [];
const enrolmentIds: string[] = [];
const workers: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, [resolve(__dirname, '../dist/main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  workers.push(child);
  return child;
}

beforeAll(async () => {
  await events.waitUntilReady();
  const catalogue = await completionCatalogue(pool);
  for (let c = 0; c < CLASSES; c++) {
    const classId = await completionClass(pool, catalogue, '2021-03-01', '2021-04-30', `中断测试班 ${c + 1}`);
    classIds.push(classId);
    for (let i = 0; i < PER_CLASS; i++) {
      const userId = await realNameTrainee(pool, `学员${c}${i}`);
      enrolmentIds.push(
        await enrolWithLearning(pool, classId, userId, '2021-03-01', VARIANTS[(c + i) % VARIANTS.length]),
      );
    }
  }
}, 120_000);

afterAll(async () => {
  for (const child of workers)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await queue.obliterate({ force: true });
  await events.close();
  await queue.close();
  await pool.end();
});

/**
 * Enrolments per child job. The sweep's default decides a whole class in one job; a small batch
 * here gives the kill many points to land between committed batches.
 */
const BATCH_SIZE = 5;

/** Runs a sweep for the day and resolves when every class's parent job has completed. */
async function sweepUntilDone(on: string, sweepJobId: string, onEvaluated?: (n: number) => void) {
  let evaluated = 0;
  const counter = ({ jobId }: { jobId: string }) => {
    if (jobId.startsWith('evaluate-class_')) onEvaluated?.(++evaluated);
  };
  events.on('completed', counter);
  try {
    const sweep = await queue.add(
      JobName.sweepTrainingCompletions,
      { graceDays: 30, on, batchSize: BATCH_SIZE },
      { jobId: sweepJobId },
    );
    await sweep.waitUntilFinished(events, 60_000);
    for (const classId of classIds) {
      const parent = await Job.fromId(queue, `class_${classId}_${on}`);
      // A parent waits for its children; after a kill the new worker moves stalled children back.
      await parent!.waitUntilFinished(events, 150_000);
    }
  } finally {
    events.off('completed', counter);
  }
}

async function snapshot() {
  const decisions = await pool.query(
    `select enrolment_id, input_hash, status, reasons, policy_version from training_completion_decisions
      where enrolment_id = any($1) order by enrolment_id, input_hash`,
    [enrolmentIds],
  );
  const certificates = await pool.query(
    `select enrolment_id, content - 'decisionId' - 'issuedOn' as content from training_certificates
      where enrolment_id = any($1) order by enrolment_id`,
    [enrolmentIds],
  );
  const statuses = await pool.query(
    `select id, completion_status from training_enrolments where id = any($1) order by id`,
    [enrolmentIds],
  );
  return { decisions: decisions.rows, certificates: certificates.rows, statuses: statuses.rows };
}

describe('the nightly completion sweep survives a killed worker', () => {
  it('a worker killed mid-sweep and restarted produces the same completions as an uninterrupted run', async () => {
    // 1. Interrupted: SIGKILL the worker once a few batches are done, then start another.
    const first = startWorkerProcess();
    let killedAfter = 0;
    const killed = new Promise<void>((done) => {
      const stop = (n: number) => {
        if (n === 3 && !killedAfter) {
          killedAfter = n;
          first.kill('SIGKILL');
          done();
        }
      };
      void sweepUntilDone('2021-05-10', 'sweep-a', stop).catch(() => undefined);
    });
    await killed;
    await once(first, 'exit');
    const partial = await pool.query(
      'select count(*)::int as n from training_completion_decisions where enrolment_id = any($1)',
      [enrolmentIds],
    );
    expect(partial.rows[0].n).toBeLessThan(enrolmentIds.length); // really interrupted mid-flow
    startWorkerProcess();
    await sweepUntilDone('2021-05-10', 'sweep-a');
    const interrupted = await snapshot();

    // Re-running the same day's sweep adds no job and no decision.
    const before = await queue.getJobCounts('completed', 'waiting', 'active', 'waiting-children');
    await sweepUntilDone('2021-05-10', 'sweep-a-again');
    const after = await queue.getJobCounts('completed', 'waiting', 'active', 'waiting-children');
    expect(after.completed).toBe(before.completed + 1); // only the second sweep job itself
    expect(await snapshot()).toEqual(interrupted);

    // 2. Uninterrupted, on identical data: forget the decisions, sweep again (a new day's job ids).
    await pool.query('delete from training_certificates where enrolment_id = any($1)', [enrolmentIds]);
    await pool.query('delete from training_completion_decisions where enrolment_id = any($1)', [
      enrolmentIds,
    ]);
    await pool.query('update training_enrolments set completion_status = null where id = any($1)', [
      enrolmentIds,
    ]);
    await sweepUntilDone('2021-05-11', 'sweep-b');
    const uninterrupted = await snapshot();

    expect(interrupted).toEqual(uninterrupted);
    expect(interrupted.decisions).toHaveLength(enrolmentIds.length);
    const completed = interrupted.statuses.filter((s) => s.completion_status === 'COMPLETED_PENDING_AUDIT');
    expect(completed).toHaveLength(interrupted.certificates.length);
    expect(new Set(interrupted.certificates.map((c) => c.enrolment_id)).size).toBe(
      interrupted.certificates.length,
    );
    expect(completed.length).toBe(enrolmentIds.length / 2);
  }, 400_000);
});
