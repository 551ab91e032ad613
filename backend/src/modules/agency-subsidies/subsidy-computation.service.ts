import { Inject, Injectable } from '@nestjs/common';
import {
  AgencySubsidyLine,
  ComputeAgencySubsidyChunkPayload,
  ComputeSubsidyPeriodPayload,
  SubsidyRunProgress,
} from '@platform/contracts';
import { UnrecoverableError } from 'bullmq';
import type { Pool } from 'pg';
import { PG_POOL } from '../../infra/database/database';
import { PeriodInputLoader, PeriodRef } from './period-input.loader';
import { AgencySubsidyPolicyService } from '../agency-subsidy-data/agency-subsidy-policy.service';
import { evaluateAgencyPeriod, hashSlice, sliceForLine } from './subsidy-engine';
import { SubsidyProgress } from './subsidy-progress';

export interface ChunkResult {
  agencyId: string;
  chunk: number;
  lines: number;
  eligibleFen: number;
}

const COLUMNS = 17;

/**
 * Computes one chunk of one agency and upserts its lines by (period, line_key): running a chunk
 * twice, or again after a crash, writes the same rows. Lines already in a claim are the
 * reviewers' and are never overwritten.
 */
@Injectable()
export class SubsidyComputation {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly loader: PeriodInputLoader,
    private readonly policies: AgencySubsidyPolicyService,
    private readonly progress: SubsidyProgress,
  ) {}

  async computeChunk(job: ComputeAgencySubsidyChunkPayload): Promise<ChunkResult> {
    const run = await this.run(job.runId);
    const period = await this.period(job.periodId);
    const policy = await this.policies.byVersion(run.policyVersion);
    const input = await this.loader.load(
      period,
      job.agencyId,
      { after: job.afterWorkerId, to: job.toWorkerId },
      run.asOf,
      // A version stored before this value existed reads as the documented default.
      policy.values.a3ServedDefinition ?? 'POSITION_PUBLISHED',
    );
    if (job.chunk > 0) input.period.activitySettlementDate = null;
    const result = evaluateAgencyPeriod(input, policy);
    // Activity lines (A3-A5) belong to chunk 0 only; other chunks would write them as zero.
    const lines = result.lines.filter((l) => job.chunk === 0 || l.kind === 'placement');
    await this.upsert(
      job,
      run.policyVersion,
      lines.map((line) => ({ line, slice: sliceForLine(input, line.lineKey) })),
    );
    await this.report(job.runId, job.agencyId);
    return {
      agencyId: job.agencyId,
      chunk: job.chunk,
      lines: lines.length,
      eligibleFen: lines.filter((l) => l.status === 'ELIGIBLE').reduce((s, l) => s + l.amountFen, 0),
    };
  }

  /** The parent: every chunk is done; close the run (idempotent) and say so. */
  async finishRun(job: ComputeSubsidyPeriodPayload, children: ChunkResult[]) {
    await this.pool.query(
      `update subsidy_runs set status = 'completed', agencies_done = agencies_total,
              placements_done = placements_total, finished_at = coalesce(finished_at, now())
        where id = $1`,
      [job.runId],
    );
    const progress = await this.snapshot(job.runId);
    this.progress.toStaff(progress);
    const owners = await this.pool.query(
      `select distinct a.id, a.owner_user_id from subsidy_lines l join agencies a on a.id = l.agency_id
        where l.run_id = $1`,
      [job.runId],
    );
    for (const o of owners.rows) this.progress.toAgency(o.owner_user_id, { ...progress, agencyId: o.id });
    return {
      runId: job.runId,
      chunks: children.length,
      lines: children.reduce((s, c) => s + c.lines, 0),
      eligibleFen: children.reduce((s, c) => s + c.eligibleFen, 0),
    };
  }

  async snapshot(runId: string): Promise<SubsidyRunProgress> {
    const { rows } = await this.pool.query(
      `select id as "runId", period_id as "periodId", status, agencies_total as "agenciesTotal",
              agencies_done as "agenciesDone", placements_total as "placementsTotal",
              placements_done as "placementsDone" from subsidy_runs where id = $1`,
      [runId],
    );
    return rows[0];
  }

  private async upsert(
    job: ComputeAgencySubsidyChunkPayload,
    policyVersion: string,
    items: { line: AgencySubsidyLine; slice: unknown }[],
  ): Promise<void> {
    for (let i = 0; i < items.length; i += 500) {
      const batch = items.slice(i, i + 500);
      const values: unknown[] = [];
      const tuples = batch.map(({ line, slice }, n) => {
        values.push(
          job.periodId,
          job.agencyId,
          line.lineKey,
          line.kind,
          line.placementId,
          line.workerId,
          line.contractId,
          line.scheme,
          line.amountFen,
          line.status,
          line.reasonCode,
          JSON.stringify(line.reasonDetails),
          // Text column, JSON inside: a numeric detail comes back a number on replay.
          line.detail === null ? null : JSON.stringify(line.detail),
          line.basis,
          JSON.stringify(line.trail),
          JSON.stringify(slice),
          hashSlice(slice),
        );
        const b = n * COLUMNS;
        const p = (k: number) => `$${b + k}`;
        return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)},
          ${p(11)}, ${p(12)}::jsonb, ${p(13)}, ${p(14)}, ${p(15)}::jsonb, ${p(16)}::jsonb, ${p(17)}, $P, $R)`;
      });
      const policyIdx = values.length + 1;
      values.push(policyVersion, job.runId);
      const text = `insert into subsidy_lines (period_id, agency_id, line_key, kind, placement_id, worker_id,
          contract_key, scheme, amount_fen, status, reason_code, reason_details, detail, basis, trail, input,
          input_hash, policy_version, run_id)
        values ${tuples
          .join(',\n')
          .replaceAll('$P', `$${policyIdx}`)
          .replaceAll('$R', `$${policyIdx + 1}`)}
        on conflict (period_id, line_key) do update set
          scheme = excluded.scheme, amount_fen = excluded.amount_fen, status = excluded.status,
          reason_code = excluded.reason_code, reason_details = excluded.reason_details, detail = excluded.detail,
          basis = excluded.basis, trail = excluded.trail, input = excluded.input, input_hash = excluded.input_hash,
          policy_version = excluded.policy_version, run_id = excluded.run_id, worker_id = excluded.worker_id,
          contract_key = excluded.contract_key, updated_at = now()
        where subsidy_lines.claim_id is null`;
      await this.pool.query(text, values);
    }
  }

  /** Progress from what is stored, so a chunk counted twice is not counted twice. */
  private async report(runId: string, agencyId: string): Promise<void> {
    const { rows } = await this.pool.query(
      `update subsidy_runs r set
          placements_done = least(r.placements_total, (select count(*) from subsidy_lines l
            where l.run_id = r.id and l.kind = 'placement')),
          agencies_done = least(r.agencies_total, (select count(distinct agency_id) from subsidy_lines l
            where l.run_id = r.id))
        where r.id = $1 and r.status = 'running' returning r.id`,
      [runId],
    );
    if (!rows.length) return;
    const progress = await this.snapshot(runId);
    this.progress.toStaff(progress);
    const mine = await this.pool.query(
      `select a.owner_user_id, (select count(*)::int from subsidy_lines l where l.run_id = $1
          and l.agency_id = a.id and l.kind = 'placement') as done from agencies a where a.id = $2`,
      [runId, agencyId],
    );
    const own = mine.rows[0];
    if (own)
      this.progress.toAgency(own.owner_user_id, {
        ...progress,
        agencyId,
        agenciesTotal: 1,
        agenciesDone: 0,
        placementsTotal: 0,
        placementsDone: own.done,
      });
  }

  private async run(runId: string): Promise<{ policyVersion: string; asOf: string }> {
    const { rows } = await this.pool.query(
      `select policy_version, ((created_at at time zone 'Asia/Shanghai')::date)::text as as_of
         from subsidy_runs where id = $1`,
      [runId],
    );
    // A run that does not exist will not exist on the next attempt either.
    if (!rows[0]) throw new UnrecoverableError(`No subsidy run ${runId}`);
    return { policyVersion: rows[0].policy_version, asOf: rows[0].as_of };
  }

  async period(periodId: string): Promise<PeriodRef> {
    const { rows } = await this.pool.query(
      `select id, from_date::text as "fromDate", to_date::text as "toDate",
              activity_settlement_date::text as "activitySettlementDate" from subsidy_periods where id = $1`,
      [periodId],
    );
    if (!rows[0]) throw new UnrecoverableError(`No subsidy period ${periodId}`);
    return rows[0];
  }
}
