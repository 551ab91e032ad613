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
import { JsonbParam } from '../../infra/database/jsonb-param';
import { PeriodInputLoader, PeriodRef } from './period-input.loader';
import { AgencySubsidyPolicyService } from '../agency-subsidy-data/agency-subsidy-policy.service';
import { canonicalSlices } from './canonical-slices';
import { evaluateAgencyPeriod, hashCanonical } from './subsidy-engine';
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

/** Buffers kept for reuse: the worker's concurrency is a few chunks at a time. */
const PARAMS_KEPT = 8;

/**
 * $1 period, $2 agency, $3 the lines (jsonb array), $4 policy version, $5 run, $6 chunk, $7 the
 * chunk's placements. Data-modifying CTEs all run to completion whether or not the outer query
 * reads them. The agency's own count adds this chunk to the chunks stored before (the statement's
 * snapshot does not see its own insert).
 */
const STORE_CHUNK = `with lines as (
    insert into subsidy_lines (period_id, agency_id, line_key, kind, placement_id, worker_id,
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
      where subsidy_lines.claim_id is null
  ), stored as (
    insert into subsidy_run_chunks (run_id, agency_id, chunk, placements) values ($5, $2, $6::int, $7::int)
    on conflict do nothing returning chunk, placements
  ), progressed as (
    update subsidy_runs r set
        placements_done = least(r.placements_total, r.placements_done + stored.placements),
        agencies_done = least(r.agencies_total, r.agencies_done + (stored.chunk = 0)::int)
      from stored where r.id = $5 and r.status = 'running'
    returning ${PROGRESS_COLUMNS}
  )
  select p.*, a.owner_user_id as "ownerUserId",
         s.placements + (select coalesce(sum(c.placements), 0)::int from subsidy_run_chunks c
                          where c.run_id = $5 and c.agency_id = $2) as "agencyDone"
    from progressed p cross join stored s left join agencies a on a.id = $2`;

/** What STORE_CHUNK returns when the chunk was new and the run still running. */
type StoredChunk = SubsidyRunProgress & { ownerUserId: string | null; agencyDone: number };

/** One line as a jsonb_to_recordset row, its canonical input slice spliced in as it is. */
function appendLine(rows: JsonbParam, line: AgencySubsidyLine, input: string): void {
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
  rows.append(row.slice(0, -1)).append(',"input":').append(input).append('}');
}

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
  /** Idle parameter buffers, one per chunk in flight at most. */
  private readonly params: JsonbParam[] = [];

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
    const sliceOf = canonicalSlices(input);
    await this.store(
      job,
      run.policyVersion,
      lines.map((line) => ({ line, input: sliceOf(line.lineKey) })),
      lines.filter((l) => l.kind === 'placement').length,
    );
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
   * A chunk's lines and its progress in one statement (one round trip, one commit: the lines and
   * the chunk's count are stored together or not at all). The lines go as one parameter: a JSON
   * array of the rows, the stored slice spliced in as the canonical text already hashed (no second
   * serialisation, no array-literal escaping of every JSON value), written as bytes into a binary
   * jsonb parameter (JsonbParam) and unpacked by jsonb_to_recordset. Progress comes from what is
   * stored, so a chunk run twice is not counted twice: the chunk's row and the run's counters
   * change only when the chunk was not stored before. An agency counts as done once its chunk 0
   * (every agency has one) is stored.
   */
  private async store(
    job: ComputeAgencySubsidyChunkPayload,
    policyVersion: string,
    items: { line: AgencySubsidyLine; input: string }[],
    placements: number,
  ): Promise<void> {
    const rows = this.params.pop() ?? new JsonbParam(items.length * 6 * 1024);
    try {
      rows.reset().append('[');
      for (let i = 0; i < items.length; i++) {
        if (i) rows.append(',');
        appendLine(rows, items[i].line, items[i].input);
      }
      rows.append(']');
      const { rows: stored } = await this.pool.query<StoredChunk>({
        name: 'subsidy-chunk-store',
        text: STORE_CHUNK,
        values: [job.periodId, job.agencyId, rows.value(), policyVersion, job.runId, job.chunk, placements],
      });
      if (stored[0]) this.announce(job, stored[0]);
    } finally {
      // The buffer is reused by the next chunk (a chunk's lines are a few hundred kilobytes).
      if (this.params.length < PARAMS_KEPT) this.params.push(rows);
    }
  }

  private announce(job: ComputeAgencySubsidyChunkPayload, row: StoredChunk): void {
    const { ownerUserId, agencyDone, ...progress } = row;
    this.progress.toStaff(progress);
    if (ownerUserId)
      this.progress.toAgency(ownerUserId, {
        ...progress,
        agencyId: job.agencyId,
        agenciesTotal: 1,
        agenciesDone: 0,
        placementsTotal: 0,
        placementsDone: agencyDone,
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
