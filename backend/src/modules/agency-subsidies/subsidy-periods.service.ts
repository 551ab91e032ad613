import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import {
  ComputeAgencySubsidyChunkPayload,
  ComputeSubsidyPeriodPayload,
  JobName,
  QueueName,
  SubsidyPeriodInput,
} from '@platform/contracts';
import { FlowJob, FlowProducer, JobsOptions } from 'bullmq';
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { subsidyPeriods, subsidyRuns } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { redisConnection } from '../../infra/queue/queue.module';
import { PeriodInputLoader, PeriodRef } from './period-input.loader';
import { AgencySubsidyPolicyService } from '../agency-subsidy-data/agency-subsidy-policy.service';

/** About this many placements per child job. */
export const CHUNK_PLACEMENTS = 1_000;
/** A run that has not finished after this long is taken as stuck and may be started again. */
const STUCK_AFTER_MS = 60 * 60_000;
const JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 7 * 86_400 },
  removeOnFail: { age: 30 * 86_400 },
};

export interface ChunkPlan {
  agencyId: string;
  chunk: number;
  afterWorkerId: string | null;
  toWorkerId: string | null;
  placements: number;
}

/** Periods, and starting a period's run as a BullMQ flow (a parent, a child per agency chunk). */
@Injectable()
export class SubsidyPeriodsService implements OnModuleDestroy {
  private flows?: FlowProducer;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly loader: PeriodInputLoader,
    private readonly policies: AgencySubsidyPolicyService,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.flows?.close();
  }

  async create(actor: Actor, input: SubsidyPeriodInput) {
    const [overlap] = await this.db
      .select({ id: subsidyPeriods.id })
      .from(subsidyPeriods)
      .where(and(lte(subsidyPeriods.fromDate, input.toDate), gte(subsidyPeriods.toDate, input.fromDate)));
    if (overlap)
      throw new AppError('SUBSIDY_PERIOD_OVERLAPS', 'The period overlaps another. 与已有申报期重叠。', {
        periodId: overlap.id,
      });
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(subsidyPeriods)
        .values({ ...input, createdBy: actor.userId })
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'agency-subsidy.period.create',
        subjectType: 'subsidy_period',
        subjectId: row!.id,
        details: { ...input },
      });
      return toPeriodView(row!);
    });
  }

  async list() {
    const periods = await this.db.select().from(subsidyPeriods).orderBy(desc(subsidyPeriods.fromDate));
    return Promise.all(
      periods.map(async (p) => {
        const run = await this.latestRun(p.id);
        return { ...toPeriodView(p), latestRun: run && toRunView(run) };
      }),
    );
  }

  async latestRun(periodId: string) {
    const [run] = await this.db
      .select()
      .from(subsidyRuns)
      .where(eq(subsidyRuns.periodId, periodId))
      .orderBy(desc(subsidyRuns.startedAt))
      .limit(1);
    return run ?? null;
  }

  async run(runId: string) {
    const [run] = await this.db.select().from(subsidyRuns).where(eq(subsidyRuns.id, runId));
    if (!run) throw new AppError('NOT_FOUND', 'No such run. 未找到计算批次。');
    return toRunView(run);
  }

  /** Plans the chunks, records the run and adds its flow; the worker does the rest. */
  async start(actor: Actor, periodId: string) {
    const [period] = await this.db.select().from(subsidyPeriods).where(eq(subsidyPeriods.id, periodId));
    if (!period) throw new AppError('NOT_FOUND', 'No such period. 未找到申报期。');
    const last = await this.latestRun(periodId);
    if (last?.status === 'running' && Date.now() - last.startedAt.getTime() < STUCK_AFTER_MS)
      throw new AppError('SUBSIDY_RUN_IN_PROGRESS', 'This period is being computed. 本期正在计算中。', {
        runId: last.id,
      });
    const ref: PeriodRef = period;
    const plan = await this.plan(ref);
    const policy = await this.policies.effectiveAt(new Date());
    const run = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(subsidyRuns)
        .values({
          periodId,
          policyVersion: policy.version,
          agenciesTotal: new Set(plan.map((c) => c.agencyId)).size,
          placementsTotal: plan.reduce((s, c) => s + c.placements, 0),
          startedBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'agency-subsidy.run.start',
        subjectType: 'subsidy_period',
        subjectId: periodId,
        details: { runId: row!.id, policyVersion: policy.version, chunks: plan.length },
      });
      return row!;
    });
    await this.flowProducer().add(periodFlow(periodId, run.id, plan));
    return toRunView(run);
  }

  /** Chunks of about CHUNK_PLACEMENTS, cut only between workers; every agency gets chunk 0. */
  async plan(period: PeriodRef): Promise<ChunkPlan[]> {
    const counts = await this.loader.workerCounts(period);
    const agencies = new Set(counts.map((c) => c.agencyId));
    if (period.activitySettlementDate) for (const a of await this.loader.activityAgencies()) agencies.add(a);
    const byAgency = new Map<string, typeof counts>();
    for (const c of counts) {
      const list = byAgency.get(c.agencyId) ?? [];
      if (!list.length) byAgency.set(c.agencyId, list);
      list.push(c);
    }
    const plan: ChunkPlan[] = [];
    for (const agencyId of [...agencies].sort()) {
      const rows = byAgency.get(agencyId) ?? [];
      let chunk: ChunkPlan = { agencyId, chunk: 0, afterWorkerId: null, toWorkerId: null, placements: 0 };
      for (const row of rows) {
        if (chunk.placements >= CHUNK_PLACEMENTS) {
          plan.push(chunk);
          chunk = {
            agencyId,
            chunk: chunk.chunk + 1,
            afterWorkerId: chunk.toWorkerId,
            toWorkerId: null,
            placements: 0,
          };
        }
        chunk.toWorkerId = row.workerId;
        chunk.placements += row.n;
      }
      chunk.toWorkerId = null; // the last chunk is open-ended
      plan.push(chunk);
    }
    return plan;
  }

  private flowProducer(): FlowProducer {
    this.flows ??= new FlowProducer({
      connection: redisConnection(this.config.REDIS_URL),
      prefix: this.config.QUEUE_PREFIX,
    });
    return this.flows;
  }
}

type PeriodRow = typeof subsidyPeriods.$inferSelect;
type RunRow = typeof subsidyRuns.$inferSelect;

function toPeriodView(p: PeriodRow) {
  return {
    id: p.id,
    label: p.label,
    fromDate: p.fromDate,
    toDate: p.toDate,
    activitySettlementDate: p.activitySettlementDate,
    createdAt: p.createdAt.toISOString(),
  };
}

function toRunView(r: RunRow) {
  return {
    id: r.id,
    periodId: r.periodId,
    policyVersion: r.policyVersion,
    status: r.status,
    agenciesTotal: r.agenciesTotal,
    agenciesDone: r.agenciesDone,
    placementsTotal: r.placementsTotal,
    placementsDone: r.placementsDone,
    error: r.error,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** BullMQ job ids may not contain ':'; uuids never do. */
export function periodFlow(periodId: string, runId: string, plan: ChunkPlan[]): FlowJob {
  return {
    name: JobName.computeSubsidyPeriod,
    queueName: QueueName.subsidies,
    data: { periodId, runId } satisfies ComputeSubsidyPeriodPayload,
    opts: { ...JOB_OPTIONS, jobId: `period_${periodId}_run_${runId}` },
    children: plan.map((c) => ({
      name: JobName.computeAgencySubsidyChunk,
      queueName: QueueName.subsidies,
      data: {
        periodId,
        runId,
        agencyId: c.agencyId,
        chunk: c.chunk,
        afterWorkerId: c.afterWorkerId,
        toWorkerId: c.toWorkerId,
      } satisfies ComputeAgencySubsidyChunkPayload,
      opts: { ...JOB_OPTIONS, jobId: `chunk_${runId}_${c.agencyId}_${c.chunk}` },
    })),
  };
}
