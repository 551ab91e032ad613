import { z } from 'zod';

/**
 * The learning player's protocol (training.md §2.4, docs/training.md "Heartbeat protocol"): the
 * server builds sessions from heartbeats it receives; its own receive time is what counts.
 */

/** A client clock this far ahead of the server is tolerated; further ahead, the beat is refused. */
export const HEARTBEAT_CLOCK_SKEW_SECONDS = 30;
/** A decoded webcam still may not exceed this many bytes (JPEG or PNG). */
export const LEARNING_STILL_MAX_BYTES = 512 * 1024;
export const LEARNING_STILL_TYPES = ['image/jpeg', 'image/png'] as const;

const Instant = z.string().datetime({ offset: true });

export const StartSessionInputSchema = z
  .object({
    /** The course module's name, as in the course design. */
    module: z.string().trim().min(1).max(100),
    /** A random id the player keeps per browser, so a second device is told apart. */
    deviceId: z.string().trim().min(8).max(64),
    /** Consent to keep webcam stills (影像留存); required once where the class's jurisdiction keeps images. */
    imageConsent: z.boolean().optional(),
  })
  .strict();
export type StartSessionInput = z.infer<typeof StartSessionInputSchema>;

export const LearningCheckSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['session_start', 'random']),
  challenge: z.string(),
  issuedAt: Instant,
  dueBy: Instant,
  /** A webcam still must come with the answer. */
  requiresImage: z.boolean(),
});
export type LearningCheck = z.infer<typeof LearningCheckSchema>;

export const PlayerPolicySchema = z.object({
  version: z.string(),
  heartbeatSeconds: z.number().int(),
  idleTimeoutSeconds: z.number().int(),
  sessionTimeoutSeconds: z.number().int(),
  checkAnswerSeconds: z.number().int(),
  minutesPerXueshi: z.number().int(),
});

export const StartedSessionSchema = z.object({
  sessionId: z.string().uuid(),
  startedAt: Instant,
  module: z.string(),
  imageRetention: z.boolean(),
  policy: PlayerPolicySchema,
  check: LearningCheckSchema.nullable(),
});
export type StartedSession = z.infer<typeof StartedSessionSchema>;

export const HeartbeatInputSchema = z
  .object({
    seq: z.number().int().min(1).max(2_000_000_000),
    deviceId: z.string().trim().min(8).max(64),
    /** document.visibilityState === 'visible' */
    visible: z.boolean(),
    lastInteractionAt: Instant.nullable(),
    positionSeconds: z.number().int().min(0).max(864_000).nullable(),
    clientSentAt: Instant,
  })
  .strict();
export type HeartbeatInput = z.infer<typeof HeartbeatInputSchema>;

export const HeartbeatAckSchema = z.object({
  seq: z.number().int(),
  receivedAt: Instant,
  /** Whether the server counted the stretch up to this beat as idle. */
  idle: z.boolean(),
  check: LearningCheckSchema.nullable(),
});
export type HeartbeatAck = z.infer<typeof HeartbeatAckSchema>;

export const CheckAnswerInputSchema = z
  .object({
    answer: z.string().trim().min(1).max(20),
    /** A webcam still, base64 (no data: prefix). */
    image: z
      .object({ contentType: z.enum(LEARNING_STILL_TYPES), base64: z.string().min(1).max(800_000) })
      .strict()
      .optional(),
  })
  .strict();
export type CheckAnswerInput = z.infer<typeof CheckAnswerInputSchema>;

export const CheckResultSchema = z.object({
  id: z.string().uuid(),
  result: z.enum(['passed', 'failed', 'unanswered']),
  answeredAt: Instant,
  mediaId: z.string().uuid().nullable(),
  faceVerifiedAtStart: z.boolean(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const ClosedSessionSchema = z.object({
  sessionId: z.string().uuid(),
  endedAt: Instant,
  endReason: z.string(),
});

const Dropped = z.object({ reason: z.string(), minutes: z.number() });
export const LearningProgressSchema = z.object({
  enrolmentId: z.string().uuid(),
  /** The course whose materials the player shows. */
  courseId: z.string().uuid(),
  policyVersion: z.string(),
  minutesPerXueshi: z.number().int(),
  status: z.string(),
  /** What is still missing for completion (§4.1 reason codes). */
  reasons: z.array(z.string()),
  flags: z.array(
    z.object({ code: z.string(), sessionId: z.string().optional(), minutes: z.number().optional() }),
  ),
  modules: z.array(
    z.object({
      name: z.string(),
      kind: z.string(),
      delivery: z.string(),
      requiredXueshi: z.number(),
      creditedMinutes: z.number(),
    }),
  ),
  hours: z.object({
    onlineTheory: z.number(),
    onlinePractical: z.number(),
    offlinePractical: z.number(),
    required: z.object({ theory: z.number(), practical: z.number(), offlineOnlyPractical: z.number() }),
  }),
  creditedMinutes: z.number(),
  droppedMinutes: z.record(z.string(), z.number()),
  sessions: z.array(
    z.object({
      id: z.string().uuid(),
      module: z.string(),
      startedAt: Instant,
      endedAt: Instant.nullable(),
      status: z.string(),
      endReason: z.string().nullable(),
      rejected: z.string().nullable(),
      creditedMinutes: z.number(),
      dropped: z.array(Dropped),
    }),
  ),
  openSession: z
    .object({
      id: z.string().uuid(),
      module: z.string(),
      deviceId: z.string(),
      startedAt: Instant,
      lastHeartbeatAt: Instant,
      idleMinutes: z.number(),
    })
    .nullable(),
});
export type LearningProgress = z.infer<typeof LearningProgressSchema>;

export const LearningMediaListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      checkId: z.string().uuid().nullable(),
      contentType: z.string(),
      sha256: z.string(),
      sizeBytes: z.number().int(),
      capturedAt: Instant,
    }),
  ),
});
