/**
 * The key-group flags the rules read (recruitment.md §2.5, §2.14), each backed by evidence the
 * seeker gives (a certificate number, the issuing office), and the application pipeline.
 */
export const SEEKER_FLAGS = [
  'current_graduate',
  'unemployed_graduate',
  'registered_unemployed_within_two_years',
  'low_income_family',
  'hubei_origin',
  'employment_difficulty',
  'registered_poor',
  'migrant_worker',
  'low_skilled_older',
] as const;
export type SeekerFlag = (typeof SEEKER_FLAGS)[number];
export const SEEKER_FLAG_LABELS: Record<SeekerFlag, string> = {
  current_graduate: '应届高校毕业生',
  unemployed_graduate: '离校未就业高校毕业生',
  registered_unemployed_within_two_years: '离校两年内登记失业',
  low_income_family: '家庭经济困难',
  hubei_origin: '湖北籍',
  employment_difficulty: '就业困难人员',
  registered_poor: '建档立卡贫困人口',
  migrant_worker: '农民工',
  low_skilled_older: '大龄/低技能劳动者',
};

/** Groups that get suitable positions pushed to them (S3:2549-2551, S3:3160-3163; AS-47). */
export const TARGETED_PUSH_FLAGS: readonly SeekerFlag[] = [
  'low_skilled_older',
  'registered_poor',
  'employment_difficulty',
];

export const RESUME_VISIBILITIES = ['searchable', 'applied_only', 'hidden'] as const;
export type ResumeVisibility = (typeof RESUME_VISIBILITIES)[number];

export const APPLICATION_STATUSES = [
  'submitted',
  'viewed',
  'shortlisted',
  'interview',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '已投递',
  viewed: '已查看',
  shortlisted: '初筛通过',
  interview: '面试',
  offer: '录用通知',
  hired: '已录用',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** The employer's moves along the pipeline; each step only forward, and never past a final state. */
const EMPLOYER_MOVES: Record<ApplicationStatus, ApplicationStatus[]> = {
  submitted: ['viewed', 'shortlisted', 'rejected'],
  viewed: ['shortlisted', 'rejected'],
  shortlisted: ['interview', 'rejected'],
  interview: ['offer', 'rejected'],
  offer: ['hired', 'rejected'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

export function employerMayMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return EMPLOYER_MOVES[from].includes(to);
}

/** A seeker may withdraw until hired or turned down. */
export function seekerMayWithdraw(from: ApplicationStatus): boolean {
  return !['hired', 'rejected', 'withdrawn'].includes(from);
}

export const ACTIVE_APPLICATION_STATUSES = APPLICATION_STATUSES.filter(
  (s) => s !== 'rejected' && s !== 'withdrawn',
);
