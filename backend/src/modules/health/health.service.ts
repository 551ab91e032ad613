import { Inject, Injectable } from '@nestjs/common';
import { describeEngine, SearchClient } from '@platform/search';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { PG_POOL } from '../../infra/database/database';
import { REDIS } from '../../infra/redis/redis.module';
import { SEARCH_CLIENT } from '../../infra/search/search.module';

export interface DependencyHealth {
  status: 'up' | 'down';
  latencyMs: number;
  details?: Record<string, unknown>;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: { postgres: DependencyHealth; redis: DependencyHealth; elasticsearch: DependencyHealth };
}

const CHECK_TIMEOUT_MS = 3_000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SEARCH_CLIENT) private readonly search: SearchClient,
  ) {}

  async report(): Promise<HealthReport> {
    const [postgres, redis, elasticsearch] = await Promise.all([
      probe(async () => ({
        version: (await this.pool.query<{ v: string }>("select current_setting('server_version') as v"))
          .rows[0].v,
      })),
      probe(async () => ({
        pong: await this.redis.ping(),
        version: redisVersion(await this.redis.info('server')),
      })),
      probe(async () => ({ ...(await describeEngine(this.search)) })),
    ]);
    const allUp = [postgres, redis, elasticsearch].every((check) => check.status === 'up');
    return { status: allUp ? 'ok' : 'degraded', checks: { postgres, redis, elasticsearch } };
  }
}

/** Runs one check with a deadline, so a hung dependency shows as down instead of hanging the probe. */
async function probe(check: () => Promise<Record<string, unknown>>): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    const details = await Promise.race([check(), deadline]);
    return { status: 'up', latencyMs: elapsed(started), details };
  } catch (error) {
    return { status: 'down', latencyMs: elapsed(started), error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

function redisVersion(info: string): string | undefined {
  return /redis_version:([^\r\n]+)/.exec(info)?.[1];
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
