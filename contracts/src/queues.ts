import { z } from 'zod';

/**
 * Every BullMQ queue and job the platform knows. The worker refuses to start when a job
 * listed here has no handler, so adding a job here without its handler fails fast.
 */
export const QueueName = {
  maintenance: 'maintenance',
  syndication: 'syndication',
  search: 'search',
  outreach: 'outreach',
  training: 'training',
  subsidies: 'subsidies',
  interviews: 'interviews',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  purgeExpiredSessions: 'purge-expired-sessions',
  exportFairFeed: 'export-fair-feed',
  drainSearchOutbox: 'drain-search-outbox',
  pushTargetedPosition: 'push-targeted-position',
  reconcileSearchIndex: 'reconcile-search-index',
  evaluateTrainingCompletion: 'evaluate-training-completion',
  evaluateClassCompletions: 'evaluate-class-completions',
  sweepTrainingCompletions: 'sweep-training-completions',
  completeTrainingClass: 'complete-training-class',
  closeStaleLearningSessions: 'close-stale-learning-sessions',
  computeSubsidyPeriod: 'compute-subsidy-period',
  computeAgencySubsidyChunk: 'compute-agency-subsidy-chunk',
  expireInterviewInvitation: 'expire-interview-invitation',
  remindInterview: 'remind-interview',
  markInterviewNoShow: 'mark-interview-no-show',
  sweepWaitingRooms: 'sweep-waiting-rooms',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export const PurgeExpiredSessionsPayloadSchema = z.object({
  /** Revoked or expired refresh tokens older than this many days are deleted. */
  olderThanDays: z.number().int().min(0).max(365).default(7),
});
export type PurgeExpiredSessionsPayload = z.infer<typeof PurgeExpiredSessionsPayloadSchema>;

/** Snapshots every open fair's published positions for 中国公共招聘网 (AS-43). */
export const ExportFairFeedPayloadSchema = z.object({}).strict();
export type ExportFairFeedPayload = z.infer<typeof ExportFairFeedPayloadSchema>;

/** Moves pending position changes from the PostgreSQL outbox into Elasticsearch. */
export const DrainSearchOutboxPayloadSchema = z
  .object({ batchSize: z.number().int().min(1).max(5000).default(500) })
  .strict();
export type DrainSearchOutboxPayload = z.infer<typeof DrainSearchOutboxPayloadSchema>;

/** Compares PostgreSQL with the search index and queues whatever drifted for the drain to repair. */
export const ReconcileSearchIndexPayloadSchema = z
  .object({ batchSize: z.number().int().min(1).max(5000).default(1000) })
  .strict();
export type ReconcileSearchIndexPayload = z.infer<typeof ReconcileSearchIndexPayloadSchema>;

/** Tells flagged seekers whose resume fits a newly published position about it (AS-47). */
export const PushTargetedPositionPayloadSchema = z.object({ positionId: z.string().uuid() }).strict();
export type PushTargetedPositionPayload = z.infer<typeof PushTargetedPositionPayloadSchema>;

/**
 * Decides one enrolment's completion (§4.1) from what PostgreSQL holds now. `trigger` says why
 * (e.g. "session-closed.<sessionId>", "sweep.2026-12-02", "manual"); it is part of the job id, so
 * the same request queued twice runs once.
 */
export const EvaluateTrainingCompletionPayloadSchema = z
  .object({
    enrolmentId: z.string().uuid(),
    trigger: z
      .string()
      .min(1)
      .max(80)
      .regex(/^[A-Za-z0-9._-]+$/),
  })
  .strict();
export type EvaluateTrainingCompletionPayload = z.infer<typeof EvaluateTrainingCompletionPayloadSchema>;

const triggerSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9._-]+$/);

/** The most enrolments one evaluation job decides (one transaction, one query per table). */
export const MAX_COMPLETION_BATCH = 500;

/**
 * Decides a batch of one class's enrolments (the sweep's child job) in one transaction; the
 * decisions are those of one `evaluate-training-completion` per enrolment.
 */
export const EvaluateClassCompletionsPayloadSchema = z
  .object({
    classId: z.string().uuid(),
    enrolmentIds: z.array(z.string().uuid()).min(1).max(MAX_COMPLETION_BATCH),
    trigger: triggerSchema,
  })
  .strict();
export type EvaluateClassCompletionsPayload = z.infer<typeof EvaluateClassCompletionsPayloadSchema>;

/** Nightly: one flow per open class (plan approved, not ended more than graceDays ago). */
export const SweepTrainingCompletionsPayloadSchema = z
  .object({
    graceDays: z.number().int().min(0).max(365).default(30),
    /** Enrolments per child job: a class of up to this many is decided in one job. */
    batchSize: z.number().int().min(1).max(MAX_COMPLETION_BATCH).default(200),
    /** The Asia/Shanghai sweep day; defaults to today. Part of every job id, so one sweep per day. */
    on: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .strict();
export type SweepTrainingCompletionsPayload = z.infer<typeof SweepTrainingCompletionsPayloadSchema>;

/** The parent of one class's flow: runs after every batch of its enrolments is decided and sums them up. */
export const CompleteTrainingClassPayloadSchema = z
  .object({ classId: z.string().uuid(), on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
  .strict();
export type CompleteTrainingClassPayload = z.infer<typeof CompleteTrainingClassPayloadSchema>;
/** Closes learning sessions whose heartbeats stopped longer than their policy's session timeout ago. */
export const CloseStaleLearningSessionsPayloadSchema = z.object({
  batchSize: z.number().int().min(1).max(5000).default(500),
});
export type CloseStaleLearningSessionsPayload = z.infer<typeof CloseStaleLearningSessionsPayloadSchema>;

const uuid = z.string().uuid();

/** The parent of a period run's flow: runs once every agency chunk is computed, and closes the run. */
export const ComputeSubsidyPeriodPayloadSchema = z.object({ periodId: uuid, runId: uuid }).strict();
export type ComputeSubsidyPeriodPayload = z.infer<typeof ComputeSubsidyPeriodPayloadSchema>;

/**
 * One chunk (about 1,000 placements) of one agency in one run. The chunk is a range of worker ids
 * (`afterWorkerId` exclusive, `toWorkerId` inclusive; null = open end), so every placement of the
 * same worker falls in the same chunk and a duplicate submission is always seen whole. Chunk 0
 * also carries the agency's activity lines (A3-A5).
 */
export const ComputeAgencySubsidyChunkPayloadSchema = z
  .object({
    periodId: uuid,
    runId: uuid,
    agencyId: uuid,
    chunk: z.number().int().min(0),
    afterWorkerId: uuid.nullable(),
    toWorkerId: uuid.nullable(),
  })
  .strict();
export type ComputeAgencySubsidyChunkPayload = z.infer<typeof ComputeAgencySubsidyChunkPayloadSchema>;

/** Delayed to the invitation's response deadline: an unanswered invitation becomes EXPIRED (AS-31). */
export const ExpireInterviewInvitationPayloadSchema = z.object({ invitationId: z.string().uuid() }).strict();
export type ExpireInterviewInvitationPayload = z.infer<typeof ExpireInterviewInvitationPayloadSchema>;

/**
 * Reminder and no-show jobs carry the schedule version they were made for: a job of an older
 * version (the interview moved meanwhile) does nothing.
 */
export const RemindInterviewPayloadSchema = z
  .object({
    interviewId: z.string().uuid(),
    version: z.number().int().min(1),
    offsetSeconds: z.number().int().min(0),
  })
  .strict();
export type RemindInterviewPayload = z.infer<typeof RemindInterviewPayloadSchema>;
export const MarkInterviewNoShowPayloadSchema = z
  .object({ interviewId: z.string().uuid(), version: z.number().int().min(1) })
  .strict();
export type MarkInterviewNoShowPayload = z.infer<typeof MarkInterviewNoShowPayloadSchema>;

/**
 * Repeats every few seconds: waiting-room places whose reconnect grace ran out and call-ins
 * nobody took are expired, and the lines they were in hear their new places.
 */
export const SweepWaitingRoomsPayloadSchema = z
  .object({ batchSize: z.number().int().min(1).max(10_000).default(1000) })
  .strict();
export type SweepWaitingRoomsPayload = z.infer<typeof SweepWaitingRoomsPayloadSchema>;

export const JOB_CATALOG: Record<JobName, { queue: QueueName; payload: z.ZodType }> = {
  [JobName.purgeExpiredSessions]: {
    queue: QueueName.maintenance,
    payload: PurgeExpiredSessionsPayloadSchema,
  },
  [JobName.exportFairFeed]: {
    queue: QueueName.syndication,
    payload: ExportFairFeedPayloadSchema,
  },
  [JobName.drainSearchOutbox]: {
    queue: QueueName.search,
    payload: DrainSearchOutboxPayloadSchema,
  },
  [JobName.reconcileSearchIndex]: {
    queue: QueueName.search,
    payload: ReconcileSearchIndexPayloadSchema,
  },
  [JobName.closeStaleLearningSessions]: {
    queue: QueueName.maintenance,
    payload: CloseStaleLearningSessionsPayloadSchema,
  },
  [JobName.pushTargetedPosition]: {
    queue: QueueName.outreach,
    payload: PushTargetedPositionPayloadSchema,
  },
  [JobName.evaluateTrainingCompletion]: {
    queue: QueueName.training,
    payload: EvaluateTrainingCompletionPayloadSchema,
  },
  [JobName.evaluateClassCompletions]: {
    queue: QueueName.training,
    payload: EvaluateClassCompletionsPayloadSchema,
  },
  [JobName.sweepTrainingCompletions]: {
    queue: QueueName.training,
    payload: SweepTrainingCompletionsPayloadSchema,
  },
  [JobName.completeTrainingClass]: {
    queue: QueueName.training,
    payload: CompleteTrainingClassPayloadSchema,
  },
  [JobName.computeSubsidyPeriod]: {
    queue: QueueName.subsidies,
    payload: ComputeSubsidyPeriodPayloadSchema,
  },
  [JobName.computeAgencySubsidyChunk]: {
    queue: QueueName.subsidies,
    payload: ComputeAgencySubsidyChunkPayloadSchema,
  },
  [JobName.expireInterviewInvitation]: {
    queue: QueueName.interviews,
    payload: ExpireInterviewInvitationPayloadSchema,
  },
  [JobName.remindInterview]: {
    queue: QueueName.interviews,
    payload: RemindInterviewPayloadSchema,
  },
  [JobName.markInterviewNoShow]: {
    queue: QueueName.interviews,
    payload: MarkInterviewNoShowPayloadSchema,
  },
  [JobName.sweepWaitingRooms]: {
    queue: QueueName.interviews,
    payload: SweepWaitingRoomsPayloadSchema,
  },
};
