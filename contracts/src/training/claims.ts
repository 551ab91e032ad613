import { z } from 'zod';
import { SKILL_LEVELS } from './catalog';
import { policyVersionInput } from './policy';
import { DEFAULT_SUBSIDY_POLICY, LIVING_ALLOWANCE_GROUPS, SubsidyPolicy } from './subsidy';

/**
 * Training-subsidy claims (training.md §4.2, C-1 to C-4): submitted online by the trainee or the
 * institution, decided by computeTrainingSubsidy on stored inputs, reviewed (the district's
 * 结业审核), publicly noticed (公示) and paid, each step in the audit log.
 */
export const CLAIM_STATUSES = ['rejected_by_rules', 'submitted', 'rejected', 'in_notice', 'paid'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  rejected_by_rules: '不符合条件',
  submitted: '待审核',
  rejected: '审核未通过',
  in_notice: '公示中',
  paid: '已拨付',
};

const Standard = z.object({
  occupation: z.string().trim().min(1).max(60),
  level: z.enum(SKILL_LEVELS),
  amount: z.number().int().min(0).max(100_000),
});
const Period = z.object({ from: z.string().date(), to: z.string().date() });

/** Everything of SubsidyPolicy but its version, plus how long 公示 lasts in working days. */
export const SubsidyPolicyValuesSchema = z
  .object({
    cqCapPerTraining: z.number().int().min(0),
    cqMaxPerYear: z.number().int().min(1).max(12),
    cqNoRepeatScope: z.enum(['lifetime', 'same_year']),
    urgentRatePerDay: z.number().int().min(0),
    urgentCapPerPerson: z.number().int().min(0),
    livingAllowancePerDay: z.number().int().min(0).nullable(),
    newSubsidyClaimDeadline: z.string().date(),
    programWindow: Period,
    epidemicPeriod: Period.nullable(),
    cqC3Window: z.object({ from: z.string().date(), to: z.string().date().nullable() }),
    localStandards: z.array(Standard).max(2000),
    appraisalStandards: z.array(Standard).max(2000),
    /** 公示 length [inferred: the training sources give none]. */
    noticeWorkingDays: z.number().int().min(1).max(30),
    /** Holidays on weekdays and make-up working weekends (国务院办公厅 calendar), as data. */
    holidays: z.array(z.string().date()).max(400),
    makeUpWorkdays: z.array(z.string().date()).max(100),
  })
  .strict();
export type SubsidyPolicyValues = z.infer<typeof SubsidyPolicyValuesSchema>;

export const DEFAULT_SUBSIDY_POLICY_VALUES: SubsidyPolicyValues = {
  ...(({ version: _v, ...rest }: SubsidyPolicy) => rest)(DEFAULT_SUBSIDY_POLICY),
  noticeWorkingDays: 5,
  holidays: [],
  makeUpWorkdays: [],
};

export const SubsidyPolicyInputSchema = policyVersionInput(SubsidyPolicyValuesSchema);
export type SubsidyPolicyInput = z.infer<typeof SubsidyPolicyInputSchema>;

/** The schemes a claimant may file under: trainees and institutions the trainee scheme only. */
export const ENTERPRISE_SCHEMES = [
  'enterprise_stoppage',
  'enterprise_d8',
  'cq_enterprise',
  'cq_urgent_trade',
] as const;

export const ClaimInputSchema = z
  .object({
    enrolmentId: z.string().uuid(),
    claimant: z.enum(['trainee', 'institution', 'enterprise']),
    /** Required for an enterprise claim (E8-E12); trainees and institutions claim under 'trainee'. */
    scheme: z.enum(['trainee', ...ENTERPRISE_SCHEMES]).default('trainee'),
    /** Declared living-allowance groups (E4); the reviewer checks them. */
    groups: z.array(z.enum(LIVING_ALLOWANCE_GROUPS)).max(5).default([]),
    allowanceItems: z
      .array(
        z.object({ kind: z.enum(['living', 'transport']), amount: z.number().int().min(0).max(100_000) }),
      )
      .max(20)
      .default([]),
  })
  .strict()
  .refine((c) => (c.claimant === 'enterprise') === (c.scheme !== 'trainee'), {
    message: 'An enterprise claims under an enterprise scheme; trainees and institutions under "trainee"',
    path: ['scheme'],
  });
export type ClaimInput = z.infer<typeof ClaimInputSchema>;

export const EnterprisePeriodInputSchema = z
  .object({
    kind: z.enum(['stoppage', 'recovery']),
    startsOn: z.string().date(),
    endsOn: z.string().date(),
    /** What shows it: the 停工 notice, the 复工报备 number … (checked by staff). */
    evidence: z.string().trim().min(4).max(1000),
  })
  .strict()
  .refine((p) => p.startsOn <= p.endsOn, { message: 'The period ends before it starts', path: ['endsOn'] });
export type EnterprisePeriodInput = z.infer<typeof EnterprisePeriodInputSchema>;

/** A day is a working day unless it is a weekend or a holiday, or a make-up working weekend. */
export function isWorkingDay(
  day: string,
  calendar: { holidays: string[]; makeUpWorkdays: string[] },
): boolean {
  if (calendar.makeUpWorkdays.includes(day)) return true;
  if (calendar.holidays.includes(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The 公示 runs for `days` working days from the first working day after `approvedOn`. */
export function noticePeriod(
  approvedOn: string,
  days: number,
  calendar: { holidays: string[]; makeUpWorkdays: string[] },
): { from: string; until: string } {
  let cursor = approvedOn;
  let from = '';
  let counted = 0;
  while (counted < days) {
    cursor = nextDay(cursor);
    if (!isWorkingDay(cursor, calendar)) continue;
    if (!from) from = cursor;
    counted += 1;
  }
  return { from, until: cursor };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
