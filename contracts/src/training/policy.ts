import { z } from 'zod';
import { CompletionPolicy, DEFAULT_COMPLETION_POLICY } from './completion';

/**
 * The training values the sources leave open (training.md §4.0, all [inferred], admin-set), kept
 * as versioned data: a decision names the version it used, and a new version applies from its
 * effective instant on. The learning values decide how heartbeats become credited time.
 */
export const TrainingPolicyValuesSchema = z
  .object({
    /** Minutes per 学时: the sources say neither 45 nor 60. */
    minutesPerXueshi: z.number().int().min(1).max(60),
    /** Credited minutes per Asia/Shanghai day; a day has 1440. */
    maxCreditedMinutesPerDay: z.number().int().min(1).max(1440),
    /** 成绩考评 pass mark (L7930 gives no number). */
    passMark: z.number().int().min(0).max(100),
    /** 出勤考核 threshold (L7930 gives no number). */
    minAttendanceRatio: z.number().min(0).max(1),
    /** How often the player reports while playing. */
    heartbeatSeconds: z.number().int().min(5).max(300),
    /** No interaction (or a hidden tab) for longer than this is idle and not credited. */
    idleTimeoutSeconds: z.number().int().min(10).max(3600),
    /** No heartbeat for this long ends the session at its last heartbeat. */
    sessionTimeoutSeconds: z.number().int().min(15).max(3600),
    /** 随机验证 (L7974): the next check comes a random time within [min, max] after the last. */
    randomCheckMinSeconds: z.number().int().min(10).max(7200),
    randomCheckMaxSeconds: z.number().int().min(10).max(7200),
    /** A check not answered within this window counts as unanswered. */
    checkAnswerSeconds: z.number().int().min(10).max(600),
    /** Jurisdictions that require a face still at session start and at checks (影像留存, L7974). */
    imageRetentionJurisdictions: z.array(z.enum(['CQ', 'national'])),
    /**
     * Days on which learning can be credited: "2020年至2021年" (T1, L5352-5353). Carrying the
     * programme on after 2021 is a later policy decision, so it is a setting, not code.
     */
    programWindow: z
      .object({ from: z.string().date(), to: z.string().date() })
      .strict()
      .refine((w) => w.from <= w.to, { message: 'programWindow.from must not be after to' }),
  })
  .strict()
  .refine((v) => v.randomCheckMinSeconds <= v.randomCheckMaxSeconds, {
    message: 'randomCheckMinSeconds must not exceed randomCheckMaxSeconds',
    path: ['randomCheckMinSeconds'],
  });
export type TrainingPolicyValues = z.infer<typeof TrainingPolicyValuesSchema>;

export interface TrainingPolicy {
  version: string;
  effectiveFrom: string;
  values: TrainingPolicyValues;
}

export const DEFAULT_TRAINING_POLICY: TrainingPolicy = {
  version: DEFAULT_COMPLETION_POLICY.version,
  effectiveFrom: '2020-01-01T00:00:00+08:00',
  values: {
    minutesPerXueshi: DEFAULT_COMPLETION_POLICY.minutesPerXueshi,
    maxCreditedMinutesPerDay: DEFAULT_COMPLETION_POLICY.maxCreditedMinutesPerDay,
    passMark: DEFAULT_COMPLETION_POLICY.passMark,
    minAttendanceRatio: DEFAULT_COMPLETION_POLICY.minAttendanceRatio,
    heartbeatSeconds: 30,
    idleTimeoutSeconds: 300,
    sessionTimeoutSeconds: 120,
    randomCheckMinSeconds: 20 * 60,
    randomCheckMaxSeconds: 40 * 60,
    checkAnswerSeconds: 60,
    imageRetentionJurisdictions: ['CQ'],
    programWindow: DEFAULT_COMPLETION_POLICY.programWindow,
  },
};

/** The completion engine's policy for a stored training-policy version. */
export function completionPolicyOf(policy: TrainingPolicy): CompletionPolicy {
  return {
    ...DEFAULT_COMPLETION_POLICY,
    version: policy.version,
    minutesPerXueshi: policy.values.minutesPerXueshi,
    maxCreditedMinutesPerDay: policy.values.maxCreditedMinutesPerDay,
    passMark: policy.values.passMark,
    minAttendanceRatio: policy.values.minAttendanceRatio,
    programWindow: policy.values.programWindow,
  };
}

/** A new policy version: a name never used before, the instant it takes over, its values. */
export function policyVersionInput<V extends z.ZodTypeAny>(values: V) {
  return z
    .object({
      version: z
        .string()
        .trim()
        .min(1)
        .max(40)
        .regex(/^[A-Za-z0-9._-]+$/),
      effectiveFrom: z.string().datetime({ offset: true }),
      values,
      note: z.string().trim().max(500).default(''),
    })
    .strict();
}

export const TrainingPolicyInputSchema = policyVersionInput(TrainingPolicyValuesSchema);
export type TrainingPolicyInput = z.infer<typeof TrainingPolicyInputSchema>;
