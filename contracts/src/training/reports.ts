import { z } from 'zod';

/**
 * Training figures by platform, institution, occupation or district (training.md R5, R6, R15):
 * what the biweekly 双周调度 report and the organizer dashboard show. The source omits the
 * 双周调度表 itself, so its columns are [inferred].
 */
export const TRAINING_REPORT_DIMENSIONS = ['platform', 'institution', 'occupation', 'district'] as const;
export type TrainingReportDimension = (typeof TRAINING_REPORT_DIMENSIONS)[number];
export const TRAINING_REPORT_DIMENSION_LABELS: Record<TrainingReportDimension, string> = {
  platform: '线上培训平台',
  institution: '培训机构',
  occupation: '职业（工种）',
  district: '区县',
};

export const TrainingReportRowSchema = z.object({
  key: z.string(),
  /** Enrolments made within the period, and all up to its end. */
  newEnrolments: z.number().int(),
  enrolments: z.number().int(),
  trainees: z.number().int(),
  /** 学时 credited by each enrolment's latest completion decision up to the period end. */
  creditedXueshi: z.number().int(),
  /** 培训合格证明 issued within the period, and all up to its end (revoked ones excluded). */
  newCompletions: z.number().int(),
  completions: z.number().int(),
});
export type TrainingReportRow = z.infer<typeof TrainingReportRowSchema>;

export const TrainingReportSchema = z.object({
  dimension: z.enum(TRAINING_REPORT_DIMENSIONS),
  from: z.string(),
  to: z.string(),
  rows: z.array(TrainingReportRowSchema),
  totals: TrainingReportRowSchema.omit({ key: true }),
});
export type TrainingReport = z.infer<typeof TrainingReportSchema>;

/** The 双周 period ending on `to` (inclusive): the fourteen Asia/Shanghai days up to it. */
export function biweeklyPeriod(to: string): { from: string; to: string } {
  const end = new Date(`${to}T00:00:00Z`);
  const start = new Date(end.getTime() - 13 * 86_400_000);
  return { from: start.toISOString().slice(0, 10), to };
}
