import {
  ComputeAgencySubsidyChunkPayloadSchema,
  ComputeSubsidyPeriodPayloadSchema,
  DEFAULT_AGENCY_SUBSIDY_POLICY,
  JobName,
  makeUnifiedSocialCreditCode,
  QueueName,
  WorkerCategory,
} from '@platform/contracts';
import { Job, Worker } from 'bullmq';
import { randomInt, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { redisConnection } from '../infra/queue/queue.module';
import { ComputeAgencySubsidyChunkJob } from '../modules/agency-subsidies/jobs/compute-agency-subsidy-chunk.job';
import { ComputeSubsidyPeriodJob } from '../modules/agency-subsidies/jobs/compute-subsidy-period.job';
import { SubsidyComputation } from '../modules/agency-subsidies/subsidy-computation.service';
import type { TestApp } from './test-app';

/**
 * Facts for the agency-subsidy computation written straight into the tables the subsidy-data
 * module fills (placements, workers, 社保 months, the key-enterprise registry), so a test of the
 * computation does not depend on the import screens.
 */
export function uscc(): string {
  return makeUnifiedSocialCreditCode(randomInt(0, 2 ** 40));
}

/** A policy version with the [GAP] dates set, effective from now (newer than any earlier one). */
export async function subsidyTestPolicy(pool: Pool, version = `agency-test-${randomUUID()}`) {
  const values = {
    ...DEFAULT_AGENCY_SUBSIDY_POLICY.values,
    epidemicEndDate: '2020-12-31',
    cqLevel1ResponseEndDate: '2020-12-31',
  };
  await pool.query(
    `insert into agency_subsidy_policy_versions (version, effective_from, values, note)
     values ($1, now() - interval '1 second', $2, '测试：补齐疫情结束日期')`,
    [version, JSON.stringify(values)],
  );
  return { version, values };
}

export async function keyEmployer(pool: Pool, options: { key?: boolean; name?: string } = {}) {
  const code = uscc();
  const { rows } = await pool.query(
    `insert into employers (owner_user_id, name, uscc, unit_type, size, industry, district, intro,
       contact_name, contact_phone, status)
     values ($1, $2, $3, 'enterprise', 'medium', '制造业', '渝北区', '测试企业', '李经理', '13800000000', 'approved')
     returning id`,
    [randomUUID(), options.name ?? `山城制造${randomInt(0, 1e6)}`, code],
  );
  if (options.key ?? true)
    await pool.query(
      `insert into key_enterprise_registry (uscc, name, list_name, from_date) values ($1, '测试重点企业', '工业"双百企业"', '2020-01-01')`,
      [code],
    );
  return { id: rows[0].id as string, uscc: code };
}

export async function subsidyWorker(pool: Pool, name: string, categories: WorkerCategory[]) {
  const { rows } = await pool.query(
    `insert into subsidy_workers (id_number_hash, id_number_cipher, id_number_masked, real_name, categories)
     values ($1, 'test-cipher', '500***********1234', $2, $3) returning id`,
    [randomUUID(), name, JSON.stringify(categories)],
  );
  return rows[0].id as string;
}

export interface PlacementFixture {
  agencyId: string;
  workerId: string;
  employer: { id: string; uscc: string };
  referralDate?: string;
  signDate?: string;
  endDate?: string;
  claimDate: string;
  fee?: number;
}

export async function placement(pool: Pool, p: PlacementFixture): Promise<string> {
  const sign = p.signDate ?? '2020-03-10';
  const { rows } = await pool.query(
    `insert into agency_placements (agency_id, worker_id, employer_id, referral_date, channel, fee_charged_fen,
       contract_key, contract_party_uscc, sign_date, start_date, end_date, claim_date, source)
     values ($1, $2, $3, $4, 'OTHER', $5, $6, $7, $8, $8, $9, $10, 'manual') returning id`,
    [
      p.agencyId,
      p.workerId,
      p.employer.id,
      p.referralDate ?? '2020-03-01',
      p.fee ?? 0,
      `${p.employer.uscc}:${sign}`,
      p.employer.uscc,
      sign,
      p.endDate ?? '2021-03-09',
      p.claimDate,
    ],
  );
  return rows[0].id as string;
}

/** `count` paid months from `firstMonth` (YYYY-MM). */
export async function siMonths(
  pool: Pool,
  workerId: string,
  employerUscc: string,
  firstMonth: string,
  count: number,
) {
  const [y, m] = firstMonth.split('-').map(Number) as [number, number];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(y, m - 1 + i, 1));
    const month = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    await pool.query(
      `insert into social_insurance_months (worker_id, employer_uscc, month, status) values ($1, $2, $3, 'PAID')
       on conflict do nothing`,
      [workerId, employerUscc, month],
    );
  }
}

/** A real BullMQ worker on the subsidies queue running the real job classes, as the worker process does. */
export function subsidiesWorker(t: TestApp, concurrency: number): Worker {
  const chunk = new ComputeAgencySubsidyChunkJob(t.app.get(SubsidyComputation));
  const parent = new ComputeSubsidyPeriodJob(t.app.get(SubsidyComputation));
  return new Worker(
    QueueName.subsidies,
    async (job: Job) =>
      job.name === JobName.computeAgencySubsidyChunk
        ? chunk.handle(ComputeAgencySubsidyChunkPayloadSchema.parse(job.data))
        : parent.handle(ComputeSubsidyPeriodPayloadSchema.parse(job.data), job),
    { connection: redisConnection(t.config.REDIS_URL), prefix: t.config.QUEUE_PREFIX, concurrency },
  );
}
