import { getQueueToken } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { JobName, QueueName } from '@platform/contracts';
import { Queue, QueueEvents } from 'bullmq';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, redisConnection } from '@platform/backend';
import { MissingJobHandlersError, startWorker } from './worker';

// The same test services as the backend's integration tests (see backend/src/test-support).
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/platform_test',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1',
  QUEUE_PREFIX: `test-worker-${process.pid}`,
});
const pool = new Pool({ connectionString: config.DATABASE_URL });

afterAll(() => pool.end());

describe('the worker process', () => {
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let events: QueueEvents;

  beforeAll(async () => {
    worker = await startWorker(config);
    events = new QueueEvents(QueueName.maintenance, {
      connection: redisConnection(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await worker.close();
  });

  it('purges dead refresh tokens from PostgreSQL through the real queue, and a second run deletes nothing', async () => {
    const { rows } = await pool.query<{ id: string }>(
      `insert into users (phone, password_hash, display_name) values ($1, 'x', 'worker test') returning id`,
      [`137${String(process.pid).padStart(8, '0').slice(-8)}`],
    );
    const userId = rows[0].id;
    await pool.query(
      `insert into refresh_tokens (user_id, family_id, token_hash, expires_at) values
         ($1, gen_random_uuid(), md5(random()::text), now() - interval '30 days'),
         ($1, gen_random_uuid(), md5(random()::text), now() + interval '30 days')`,
      [userId],
    );

    const queue = worker.get<Queue>(getQueueToken(QueueName.maintenance));
    const first = await queue.add(JobName.purgeExpiredSessions, { olderThanDays: 7 });
    const result = await first.waitUntilFinished(events, 20_000);
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    const left = await pool.query('select count(*)::int as n from refresh_tokens where user_id = $1', [
      userId,
    ]);
    expect(left.rows[0].n).toBe(1);

    const again = await queue.add(JobName.purgeExpiredSessions, { olderThanDays: 7 });
    expect((await again.waitUntilFinished(events, 20_000)).deleted).toBe(0);
  });

  it('AS-43: runs the fair-feed export through the real queue, once per fair', async () => {
    const feedEvents = new QueueEvents(QueueName.syndication, {
      connection: redisConnection(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    await feedEvents.waitUntilReady();
    try {
      const queue = worker.get<Queue>(getQueueToken(QueueName.syndication));
      const job = await queue.add(JobName.exportFairFeed, {});
      const result = await job.waitUntilFinished(feedEvents, 30_000);
      const fairs = await pool.query('select count(*)::int as n from fairs');
      const snapshots = await pool.query('select count(*)::int as n from syndication_snapshots');
      expect(result.fairs).toBe(fairs.rows[0].n);
      expect(snapshots.rows[0].n).toBe(fairs.rows[0].n);
    } finally {
      await feedEvents.close();
    }
  });

  it('rejects a job whose payload breaks the contract instead of guessing', async () => {
    const queue = worker.get<Queue>(getQueueToken(QueueName.maintenance));
    const bad = await queue.add(JobName.purgeExpiredSessions, { olderThanDays: -1 }, { attempts: 1 });
    await expect(bad.waitUntilFinished(events, 20_000)).rejects.toThrow(/olderThanDays|Too small|>=0/i);
  });
});

describe('the start-up check', () => {
  it('refuses to start when a job in the catalog has no handler', async () => {
    @Module({})
    class NoJobsModule {}
    const start = startWorker(config, [NoJobsModule]);
    await expect(start).rejects.toBeInstanceOf(MissingJobHandlersError);
    await expect(start).rejects.toThrow(/purge-expired-sessions/);
  });
});
