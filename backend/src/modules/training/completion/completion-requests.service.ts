import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  businessDate,
  EvaluateClassCompletionsPayload,
  EvaluateTrainingCompletionPayload,
  JobName,
  QueueName,
  SweepTrainingCompletionsPayload,
  SweepTrainingCompletionsPayloadSchema,
} from '@platform/contracts';
import { FlowJob, FlowProducer, JobsOptions, Queue } from 'bullmq';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { trainingClasses, trainingEnrolments } from '../../../database/schema';
import { DATABASE, Database } from '../../../infra/database/database';
import { redisConnection } from '../../../infra/queue/queue.module';

const NIGHTLY_SCHEDULER_ID = 'sweep-training-completions-nightly';
/** Flows are added in slices so a 10,000-class sweep never builds one giant Redis transaction. */
const FLOWS_PER_BULK = 200;

/** A class of up to this many enrolments is decided by one job (the sweep payload's default). */
const DEFAULT_BATCH_SIZE = SweepTrainingCompletionsPayloadSchema.parse({}).batchSize;

/** The same retry and retention as the queues' defaults; a FlowProducer does not inherit them. */
const JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 7 * 86_400 },
  removeOnFail: { age: 30 * 86_400 },
};

export interface SweepReport {
  on: string;
  classes: number;
  enrolments: number;
}

/**
 * Asks for completion decisions through the training queue. Every job id is deterministic:
 * the same request (enrolment and trigger) queued twice runs once, and a sweep re-run on the
 * same day adds nothing, because BullMQ ignores a job whose id it already holds.
 */
@Injectable()
export class CompletionRequests implements OnApplicationBootstrap, OnModuleDestroy {
  private flows?: FlowProducer;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.training) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SCHEDULE_REPEATABLE_JOBS) return;
    await this.queue.upsertJobScheduler(
      NIGHTLY_SCHEDULER_ID,
      { pattern: '0 30 2 * * *', tz: 'Asia/Shanghai' },
      { name: JobName.sweepTrainingCompletions, data: { graceDays: 30 } },
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.flows?.close();
  }

  /** For the learning module when a session closes, and for staff: decide this enrolment again. */
  async requestEvaluation(enrolmentId: string, why: string): Promise<{ jobId: string }> {
    // Callers name their trigger freely ("session-closed:<id>"); job ids and the payload take [A-Za-z0-9._-].
    const trigger = why.replace(/[^A-Za-z0-9._-]/g, '.').slice(0, 80) || 'unspecified';
    const data: EvaluateTrainingCompletionPayload = { enrolmentId, trigger };
    const jobId = evaluationJobId(enrolmentId, trigger);
    await this.queue.add(JobName.evaluateTrainingCompletion, data, { jobId });
    return { jobId };
  }

  async requestSweep(
    request: Omit<SweepTrainingCompletionsPayload, 'batchSize'> & { batchSize?: number },
  ): Promise<{ jobId: string }> {
    const on = request.on ?? businessDate(new Date());
    const jobId = `sweep_${on}`;
    const payload = SweepTrainingCompletionsPayloadSchema.parse({ ...request, on });
    await this.queue.add(JobName.sweepTrainingCompletions, payload, { jobId });
    return { jobId };
  }

  /**
   * One BullMQ flow per open class: a parent per class, a child per batch of its enrolments
   * (usually the whole class) decided in one transaction. The parent completes only when every
   * child has, so a class's sweep is visibly done or not.
   */
  async sweep(payload: SweepTrainingCompletionsPayload, now = new Date()): Promise<SweepReport> {
    const on = payload.on ?? businessDate(now);
    const classes = await this.openClasses(on, payload.graceDays);
    let enrolments = 0;
    for (let i = 0; i < classes.length; i += FLOWS_PER_BULK) {
      const slice = classes.slice(i, i + FLOWS_PER_BULK);
      const rows = await this.db
        .select({ id: trainingEnrolments.id, classId: trainingEnrolments.classId })
        .from(trainingEnrolments)
        .where(inArray(trainingEnrolments.classId, slice))
        .orderBy(asc(trainingEnrolments.classId), asc(trainingEnrolments.id));
      const byClass = new Map<string, string[]>(slice.map((id) => [id, []]));
      for (const row of rows) byClass.get(row.classId)!.push(row.id);
      enrolments += rows.length;
      await this.flowProducer().addBulk(
        [...byClass]
          .filter(([, ids]) => ids.length)
          .map(([classId, ids]) => this.classFlow(classId, ids, on, payload.batchSize)),
      );
    }
    return { on, classes: classes.length, enrolments };
  }

  /** The class's parent job and its children: its enrolments, `batchSize` to a job, in id order. */
  classFlow(
    classId: string,
    enrolmentIds: string[],
    on: string,
    batchSize: number = DEFAULT_BATCH_SIZE,
  ): FlowJob {
    const trigger = `sweep.${on}`;
    return {
      name: JobName.completeTrainingClass,
      queueName: QueueName.training,
      data: { classId, on },
      opts: { ...JOB_OPTIONS, jobId: `class_${classId}_${on}` },
      children: batchesOf(enrolmentIds, batchSize).map((batch, n) => ({
        name: JobName.evaluateClassCompletions,
        queueName: QueueName.training,
        data: { classId, enrolmentIds: batch, trigger } satisfies EvaluateClassCompletionsPayload,
        opts: { ...JOB_OPTIONS, jobId: classBatchJobId(classId, n, trigger) },
      })),
    };
  }

  /** Plan approved, started by the sweep day, and not ended more than graceDays before it. */
  private async openClasses(on: string, graceDays: number): Promise<string[]> {
    const earliestEnd = new Date(Date.parse(`${on}T00:00:00Z`) - graceDays * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const rows = await this.db
      .select({ id: trainingClasses.id })
      .from(trainingClasses)
      .where(
        and(
          eq(trainingClasses.planStatus, 'approved'),
          lte(trainingClasses.startsOn, on),
          gte(trainingClasses.endsOn, earliestEnd),
        ),
      )
      .orderBy(asc(trainingClasses.id));
    return rows.map((r) => r.id);
  }

  private flowProducer(): FlowProducer {
    this.flows ??= new FlowProducer({
      connection: redisConnection(this.config.REDIS_URL),
      prefix: this.config.QUEUE_PREFIX,
    });
    return this.flows;
  }
}

/** Consecutive slices of at most `size` items. */
export function batchesOf<T>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

export function classBatchJobId(classId: string, batch: number, trigger: string): string {
  return `evaluate-class_${classId}_${batch}_${trigger}`;
}

/** BullMQ job ids may not contain ':'; enrolment ids and triggers never do. */
export function evaluationJobId(enrolmentId: string, trigger: string): string {
  return `evaluate_${enrolmentId}_${trigger}`;
}
