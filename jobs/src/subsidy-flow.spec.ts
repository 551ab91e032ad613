import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { QueueName } from '@platform/contracts';
import { loadConfig, redisConnection } from '@platform/backend';
import { FlowProducer, Job, Queue, QueueEvents } from 'bullmq';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../backend/src/infra/database/database';
import { ActivityLogLoader } from '../../backend/src/modules/agency-subsidies/activity-log.loader';
import { PeriodInputLoader } from '../../backend/src/modules/agency-subsidies/period-input.loader';
import { AgencySubsidyPolicyService } from '../../backend/src/modules/agency-subsidy-data/agency-subsidy-policy.service';
import {
  periodFlow,
  SubsidyPeriodsService,
} from '../../backend/src/modules/agency-subsidies/subsidy-periods.service';
import { keyEmployer, subsidyTestPolicy, uscc } from '../../backend/src/test-support/agency-subsidy-fixtures';

/**
 * Acceptance (issue 7): "A worker process killed in the middle of a period's computation and
 * restarted leaves the same totals as an uninterrupted run." The worker is the real worker
 * process (jobs/dist/main.js), killed with SIGKILL while the period's flow is half done.
 */
const env = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/platform_test',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1',
  QUEUE_PREFIX: `test-subsidy-flow-${process.pid}`,
  SCHEDULE_REPEATABLE_JOBS: 'false',
  WORKER_CONCURRENCY: '2',
};
const config = loadConfig(env);
const pool = new Pool({ connectionString: config.DATABASE_URL, options: '-c timezone=UTC' });
const connection = redisConnection(config.REDIS_URL);
const queue = new Queue(QueueName.subsidies, { connection, prefix: config.QUEUE_PREFIX });
const events = new QueueEvents(QueueName.subsidies, { connection, prefix: config.QUEUE_PREFIX });
const flows = new FlowProducer({ connection, prefix: config.QUEUE_PREFIX });
const periods = new SubsidyPeriodsService(
  createDatabase(pool),
  config,
  new PeriodInputLoader(pool, new ActivityLogLoader(pool)),
  new AgencySubsidyPolicyService(createDatabase(pool)),
);
const AGENCIES = 4;
/** Noon in Shanghai: both runs evaluate as of the same business day. */
const RUN_CREATED_AT = '2026-01-15T04:00:00Z';
const PER_AGENCY = 2_200; // three chunks each
const workers: ChildProcess[] = [];
let periodId: string;
let policyVersion: string;

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, [resolve(__dirname, '../dist/main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  workers.push(child);
  return child;
}

/** Agencies with placements claimed in November 2020; a third of them matured, a third pending, a third too short. */
async function seed(): Promise<void> {
  const key = await keyEmployer(pool);
  for (let a = 0; a < AGENCIES; a++) {
    const agency = await pool.query(
      `insert into agencies (owner_user_id, name, uscc, site_url) values (gen_random_uuid(), $1, $2, 'https://a.example.cn')
       returning id`,
      [`中断测试机构${a}`, uscc()],
    );
    const agencyId = agency.rows[0].id;
    await pool.query(
      `with w as (
         insert into subsidy_workers (id_number_hash, id_number_cipher, id_number_masked, real_name, categories)
         select 'flow_' || $1::text || '_' || i, 'c', '500***', '测试' || i,
                case i % 2 when 0 then '["EMPLOYMENT_DIFFICULTY"]'::jsonb else '["MIGRANT_WORKER"]'::jsonb end
           from generate_series(1, $2::int) i returning id, id_number_hash)
       insert into agency_placements (agency_id, worker_id, employer_id, referral_date, channel, fee_charged_fen,
         contract_key, contract_party_uscc, sign_date, start_date, end_date, claim_date, source)
       select $1::uuid, w.id, $3::uuid, '2020-03-01', 'OTHER', 0, $4 || ':' || w.id, $4, '2020-03-10', '2020-03-10',
              case when split_part(w.id_number_hash, '_', 3)::int % 3 = 0 then '2020-09-09'::date else '2021-03-09'::date end,
              '2020-11-15', 'import'
         from w`,
      [agencyId, PER_AGENCY, key.id, key.uscc],
    );
  }
  // Six paid months for two in three workers; four (and still employed) for the rest.
  await pool.query(
    `insert into social_insurance_months (worker_id, employer_uscc, month, status)
     select p.worker_id, p.contract_party_uscc, to_char(date '2020-05-01' + make_interval(months => m), 'YYYY-MM'), 'PAID'
       from agency_placements p join subsidy_workers w on w.id = p.worker_id,
            generate_series(0, 5) m
      where p.contract_party_uscc = $1
        and (split_part(w.id_number_hash, '_', 3)::int % 3 <> 1 or m >= 2)`,
    [key.uscc],
  );
}

beforeAll(async () => {
  await events.waitUntilReady();
  policyVersion = (await subsidyTestPolicy(pool)).version;
  await seed();
  const period = await pool.query(
    `insert into subsidy_periods (label, from_date, to_date) values ('2020年10-11月', '2020-10-01', '2020-11-30')
     returning id`,
  );
  periodId = period.rows[0].id;
}, 120_000);

afterAll(async () => {
  for (const child of workers)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await queue.obliterate({ force: true });
  await flows.close();
  await events.close();
  await queue.close();
  await pool.end();
});

/** Plans and adds a run's flow as the api does, then waits for its parent to finish. */
async function runUntilDone(onChunk?: (n: number) => void): Promise<string> {
  const plan = await periods.plan({
    id: periodId,
    fromDate: '2020-10-01',
    toDate: '2020-11-30',
    activitySettlementDate: null,
  });
  // A run evaluates "as of" its creation day in Asia/Shanghai, and that day is part of every
  // line's input. Both runs are pinned to one day: runs either side of midnight in Shanghai
  // (16:00 UTC) would otherwise differ in every input hash.
  const run = await pool.query(
    `insert into subsidy_runs (period_id, policy_version, agencies_total, placements_total, created_at)
     values ($1, $2, $3, $4, $5) returning id`,
    [periodId, policyVersion, AGENCIES, plan.reduce((s, c) => s + c.placements, 0), RUN_CREATED_AT],
  );
  const runId = run.rows[0].id as string;
  let done = 0;
  const counter = ({ jobId }: { jobId: string }) => {
    if (jobId.startsWith(`chunk_${runId}`)) onChunk?.(++done);
  };
  events.on('completed', counter);
  try {
    await flows.add(periodFlow(periodId, runId, plan));
    const parent = await Job.fromId(queue, `period_${periodId}_run_${runId}`);
    await parent!.waitUntilFinished(events, 240_000);
  } finally {
    events.off('completed', counter);
  }
  return runId;
}

async function totals() {
  const { rows } = await pool.query(
    `select status, coalesce(reason_code, '') as reason, count(*)::int as n, sum(amount_fen)::int as fen
       from subsidy_lines where period_id = $1 group by 1, 2 order by 1, 2`,
    [periodId],
  );
  const lines = await pool.query(
    `select line_key, status, amount_fen, input_hash from subsidy_lines where period_id = $1 order by line_key`,
    [periodId],
  );
  return { byStatus: rows, lines: lines.rows };
}

describe('a period computation survives a killed worker', () => {
  it('a worker killed mid-period and restarted leaves the same totals as an uninterrupted run', async () => {
    const first = startWorkerProcess();
    let interruptedRun = '';
    const killed = new Promise<void>((done) => {
      void runUntilDone((n) => {
        if (n === 3) {
          first.kill('SIGKILL');
          done();
        }
      })
        .then((id) => (interruptedRun = id))
        .catch(() => undefined);
    });
    await killed;
    await once(first, 'exit');
    const partial = await pool.query('select count(*)::int as n from subsidy_lines where period_id = $1', [
      periodId,
    ]);
    expect(partial.rows[0].n).toBeLessThan(AGENCIES * PER_AGENCY); // really interrupted mid-flow
    startWorkerProcess();
    // The restarted worker takes the stalled chunks back and the parent completes.
    await expect.poll(() => interruptedRun, { timeout: 240_000, interval: 500 }).not.toBe('');
    const interrupted = await totals();

    // Uninterrupted, on identical data: forget the lines and run the period again.
    await pool.query('delete from subsidy_lines where period_id = $1', [periodId]);
    await runUntilDone();
    const uninterrupted = await totals();

    expect(interrupted).toEqual(uninterrupted);
    expect(uninterrupted.lines).toHaveLength(AGENCIES * PER_AGENCY);
    const statuses = Object.fromEntries(uninterrupted.byStatus.map((r) => [r.status, r.n]));
    expect(Object.keys(statuses).sort()).toEqual(['ELIGIBLE', 'PENDING_MATURITY', 'REJECTED']);
    const run = await pool.query(`select status, placements_done from subsidy_runs where id = $1`, [
      interruptedRun,
    ]);
    expect(run.rows[0]).toEqual({ status: 'completed', placements_done: AGENCIES * PER_AGENCY });
  }, 500_000);
});
