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
import { canonicalJson, evaluateAgencyPeriod, hashCanonical, sliceForLine } from './subsidy-engine';
import { SubsidyProgress } from './subsidy-progress';

export interface ChunkResult {
  agencyId: string;
  chunk: number;
  lines: number;
  eligibleFen: number;
}

/** Runs whose policy and period a worker keeps in memory (a few run at the same time at most). */
const CONTEXTS_KEPT = 8;
const PROGRESS_COLUMNS = `id as "runId", period_id as "periodId", status, agencies_total as "agenciesTotal",
  agencies_done as "agenciesDone", placements_total as "placementsTotal", placements_done as "placementsDone"`;

interface ChunkContext {
  run: { policyVersion: string; asOf: string };
  period: PeriodRef;
  policy: Awaited<ReturnType<AgencySubsidyPolicyService['byVersion']>>;
}

/**
 * Computes one chunk of one agency and upserts its lines by (period, line_key): running a chunk
 * twice, or again after a crash, writes the same rows. Lines already in a claim are the
 * reviewers' and are never overwritten.
 */
@Injectable()
export class SubsidyComputation {
  private readonly contexts = new Map<string, Promise<ChunkContext>>();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly loader: PeriodInputLoader,
    private readonly policies: AgencySubsidyPolicyService,
    private readonly progress: SubsidyProgress,
  ) {}

  async computeChunk(job: ComputeAgencySubsidyChunkPayload): Promise<ChunkResult> {
    const { run, period, policy } = await this.context(job.runId, job.periodId);
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
    await this.report(job, lines.filter((l) => l.kind === 'placement').length);
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
      `select a.id, a.owner_user_id from subsidy_run_chunks c join agencies a on a.id = c.agency_id
        where c.run_id = $1 and c.chunk = 0`,
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
    const { rows } = await this.pool.query(`select ${PROGRESS_COLUMNS} from subsidy_runs where id = $1`, [
      runId,
    ]);
    return rows[0];
  }

  /**
   * All of a chunk's lines in one statement with one parameter: a JSON array of the rows, the
   * stored slice spliced in as the canonical text already hashed (no second serialisation, no
   * array-literal escaping of every JSON value), unpacked by jsonb_to_recordset.
   */
  private async upsert(
    job: ComputeAgencySubsidyChunkPayload,
    policyVersion: string,
    items: { line: AgencySubsidyLine; slice: unknown }[],
  ): Promise<void> {
    if (!items.length) return;
    const rows: string[] = [];
    for (const { line, slice } of items) {
      const input = canonicalJson(slice);
      const row = JSON.stringify({
        line_key: line.lineKey,
        kind: line.kind,
        placement_id: line.placementId,
        worker_id: line.workerId,
        contract_key: line.contractId,
        scheme: line.scheme,
        amount_fen: line.amountFen,
        status: line.status,
        reason_code: line.reasonCode,
        reason_details: line.reasonDetails,
        // Text column, JSON inside: a numeric detail comes back a number on replay.
        detail: line.detail === null ? null : JSON.stringify(line.detail),
        basis: line.basis,
        trail: line.trail,
        input_hash: hashCanonical(input),
      });
      rows.push(`${row.slice(0, -1)},"input":${input}}`);
    }
    await this.pool.query(
      `insert into subsidy_lines (period_id, agency_id, line_key, kind, placement_id, worker_id,
          contract_key, scheme, amount_fen, status, reason_code, reason_details, detail, basis, trail, input,
          input_hash, policy_version, run_id)
        select $1, $2, u.line_key, u.kind, u.placement_id, u.worker_id, u.contract_key, u.scheme, u.amount_fen,
               u.status, u.reason_code, u.reason_details, u.detail, u.basis, u.trail, u.input,
               u.input_hash, $4, $5
          from jsonb_to_recordset($3::jsonb) as u(line_key text, kind text, placement_id uuid, worker_id uuid,
               contract_key text, scheme text, amount_fen int, status text, reason_code text, reason_details jsonb,
               detail text, basis int, trail jsonb, input jsonb, input_hash text)
        on conflict (period_id, line_key) do update set
          scheme = excluded.scheme, amount_fen = excluded.amount_fen, status = excluded.status,
          reason_code = excluded.reason_code, reason_details = excluded.reason_details, detail = excluded.detail,
          basis = excluded.basis, trail = excluded.trail, input = excluded.input, input_hash = excluded.input_hash,
          policy_version = excluded.policy_version, run_id = excluded.run_id, worker_id = excluded.worker_id,
          contract_key = excluded.contract_key, updated_at = now()
        where subsidy_lines.claim_id is null`,
      [job.periodId, job.agencyId, `[${rows.join(',')}]`, policyVersion, job.runId],
    );
  }

  /**
   * Progress from what is stored, so a chunk counted twice is not counted twice: the chunk's row
   * and the run's counters change in one statement, and only when the chunk was not stored before.
   * An agency counts as done once its chunk 0 (every agency has one) is stored.
   */
  private async report(job: ComputeAgencySubsidyChunkPayload, placements: number): Promise<void> {
    const { rows } = await this.pool.query<SubsidyRunProgress>(
      `with stored as (
         insert into subsidy_run_chunks (run_id, agency_id, chunk, placements) values ($1, $2, $3, $4)
         on conflict do nothing returning chunk, placements)
       update subsidy_runs r set
          placements_done = least(r.placements_total, r.placements_done + stored.placements),
          agencies_done = least(r.agencies_total, r.agencies_done + (stored.chunk = 0)::int)
         from stored where r.id = $1 and r.status = 'running'
       returning ${PROGRESS_COLUMNS}`,
      [job.runId, job.agencyId, job.chunk, placements],
    );
    const progress = rows[0];
    if (!progress) return;
    this.progress.toStaff(progress);
    const mine = await this.pool.query(
      `select a.owner_user_id, (select coalesce(sum(c.placements), 0)::int from subsidy_run_chunks c
          where c.run_id = $1 and c.agency_id = a.id) as done from agencies a where a.id = $2`,
      [job.runId, job.agencyId],
    );
    const own = mine.rows[0];
    if (own)
      this.progress.toAgency(own.owner_user_id, {
        ...progress,
        agencyId: job.agencyId,
        agenciesTotal: 1,
        agenciesDone: 0,
        placementsTotal: 0,
        placementsDone: own.done,
      });
  }

  /**
   * The run's policy and period, read once per run by this process (a run's policy version and
   * its period's dates do not change), not once per chunk.
   */
  private context(runId: string, periodId: string): Promise<ChunkContext> {
    const key = `${runId}/${periodId}`;
    let context = this.contexts.get(key);
    if (!context) {
      context = (async () => {
        const run = await this.run(runId);
        const [period, policy] = await Promise.all([
          this.period(periodId),
          this.policies.byVersion(run.policyVersion),
        ]);
        return { run, period, policy };
      })();
      // A failed read is not remembered: the next attempt reads again.
      context.catch(() => this.contexts.delete(key));
      if (this.contexts.size >= CONTEXTS_KEPT) this.contexts.delete(this.contexts.keys().next().value!);
      this.contexts.set(key, context);
    }
    return context;
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
