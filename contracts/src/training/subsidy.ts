import { SkillLevel } from './catalog';
import { daysInterval, shanghaiDay } from './intervals';

/**
 * The training subsidy of training.md §4.2 as one pure function: a claim and the person's
 * subsidy history in, a decision with its reasons or its amount lines out, each line saying
 * which rule and which figures made it. Amounts are whole yuan.
 */

export interface SubsidyPolicy {
  version: string;
  /** "培训补贴最高4862元/人", read per training (L1248) [inferred reading]. */
  cqCapPerTraining: number;
  /** At most 3 subsidised trainings per person per year (L1249, L7896); counted by completion year [inferred]. */
  cqMaxPerYear: number;
  /** "不得重复享受" for the same occupation and level (L1249-1251): the period is not given [inferred]. */
  cqNoRepeatScope: 'lifetime' | 'same_year';
  /** 200 元/人·天, at most 6000 元/人 for urgent uncatalogued trades (L4091). */
  urgentRatePerDay: number;
  urgentCapPerPerson: number;
  /** 生活费补贴 per day; null where the locality does not pay it ("各地可根据实际", L5453). */
  livingAllowancePerDay: number | null;
  /** D8's new subsidies are accepted until this day (L2610). */
  newSubsidyClaimDeadline: string;
  programWindow: { from: string; to: string };
  /** 疫情防控期间: no dates in the sources, set by an administrator [inferred]. */
  epidemicPeriod: { from: string; to: string } | null;
  /** C3 runs from 2020-02-22 until CQ's level-1 response is lifted (date not in the sources). */
  cqC3Window: { from: string; to: string | null };
  /** 按现有政策标准执行 (L7886-7888): the local standard per occupation and level, admin-set. */
  localStandards: { occupation: string; level: SkillLevel; amount: number }[];
  appraisalStandards: { occupation: string; level: SkillLevel; amount: number }[];
}

export const DEFAULT_SUBSIDY_POLICY: SubsidyPolicy = {
  version: 'cq-2020.1',
  cqCapPerTraining: 4862,
  cqMaxPerYear: 3,
  cqNoRepeatScope: 'lifetime',
  urgentRatePerDay: 200,
  urgentCapPerPerson: 6000,
  livingAllowancePerDay: null,
  newSubsidyClaimDeadline: '2020-12-31',
  programWindow: { from: '2020-01-01', to: '2021-12-31' },
  epidemicPeriod: null,
  cqC3Window: { from: '2020-02-22', to: null },
  localStandards: [],
  appraisalStandards: [],
};

/**
 * trainee: D1 subsidy for a trainee's own training; enterprise_stoppage: D1 training in the
 * 停工期 only; enterprise_d8: D8's new enterprise subsidy (deadline); cq_enterprise: C3 through a
 * catalogued institution; cq_urgent_trade: C3's day rate for urgent uncatalogued trades.
 */
export const SUBSIDY_SCHEMES = [
  'trainee',
  'enterprise_stoppage',
  'enterprise_d8',
  'cq_enterprise',
  'cq_urgent_trade',
] as const;
export type SubsidyScheme = (typeof SUBSIDY_SCHEMES)[number];

/** The living-allowance groups of E4 (L5455-5457). */
export const LIVING_ALLOWANCE_GROUPS = [
  'registered_poor',
  'employment_difficulty',
  'zero_employment_family',
  'two_after_rural',
  'two_after_urban_dibao',
] as const;
export type LivingAllowanceGroup = (typeof LIVING_ALLOWANCE_GROUPS)[number];

export interface SubsidyClaim {
  claimant: 'trainee' | 'enterprise' | 'institution';
  scheme: SubsidyScheme;
  channel: 'online' | 'post' | 'counter';
  submittedAt: string;
  trainee: {
    personKey: string;
    groups: LivingAllowanceGroup[];
    employerId?: string;
    /** Platforms the person earns through without a labour contract (L5434-5438). */
    servesViaPlatformOf?: string[];
  };
  class: {
    id: string;
    jurisdiction: 'CQ' | 'national';
    planApproved: boolean;
    trainingFrom: string;
    trainingTo: string;
    occupation: string;
    level: SkillLevel;
    institutionInCqCatalogue: boolean;
  };
  completion: {
    status: 'COMPLETED' | 'COMPLETED_PENDING_AUDIT' | 'AWAITING_APPRAISAL' | 'INCOMPLETE';
    completedOn: string | null;
    districtAuditPassed: boolean;
    evidenceComplete: boolean;
    certificateVia: 'training_proof' | 'qualification_appraisal' | 'skill_level_assessment' | null;
  };
  enterprise?: { id: string; periods: { from: string; to: string; kind: 'stoppage' | 'recovery' }[] };
  trainingDays: number;
  /** Living-allowance items as claimed; transport is never paid (L5459). */
  allowanceItems: { kind: 'living' | 'transport'; amount: number }[];
}

export interface SubsidyHistoryEntry {
  classId: string;
  occupation: string;
  level: SkillLevel;
  completedOn: string;
  status: 'paid' | 'pending';
}

export type SubsidyReason =
  | 'CHANNEL'
  | 'CLAIM_AFTER_DEADLINE'
  | 'TRAINING_OUTSIDE_POLICY_WINDOW'
  | 'NOT_COMPLETED'
  | 'JIEYE_AUDIT_PENDING'
  | 'EVIDENCE_MISSING'
  | 'DUPLICATE_CLAIM_SAME_CLASS'
  | 'SAME_OCCUPATION_LEVEL_REPEAT'
  | 'ANNUAL_LIMIT_3_REACHED'
  | 'NOT_AN_EMPLOYEE'
  | 'TRAINING_OUTSIDE_STOPPAGE'
  | 'INSTITUTION_NOT_IN_CQ_CATALOGUE'
  | 'CLASS_PLAN_NOT_APPROVED'
  | 'NO_LOCAL_STANDARD';

export interface SubsidyLine {
  kind: 'training' | 'living' | 'appraisal';
  amount: number;
  fund: '职业技能提升行动专账资金' | '就业补助资金' | '地方鉴定补贴资金';
  /** How the amount came about, in the words and figures of the rule. */
  explanation: string;
}

export interface SubsidyDecision {
  decision: 'APPROVED' | 'REJECTED';
  reasons: SubsidyReason[];
  lines: SubsidyLine[];
  removedItems: { kind: string; amount: number; why: string }[];
  payee: 'trainee' | 'enterprise' | 'institution';
  policyVersion: string;
}

export function computeTrainingSubsidy(
  claim: SubsidyClaim,
  history: SubsidyHistoryEntry[],
  policy: SubsidyPolicy = DEFAULT_SUBSIDY_POLICY,
): SubsidyDecision {
  const reasons: SubsidyReason[] = [];
  const cls = claim.class;
  const cq = cls.jurisdiction === 'CQ';

  // 1. Channel, deadline, policy window.
  if (claim.channel === 'counter') reasons.push('CHANNEL');
  const deadline = deadlineOf(claim.scheme, policy);
  if (deadline && Date.parse(claim.submittedAt) >= daysInterval(deadline, deadline).end)
    reasons.push('CLAIM_AFTER_DEADLINE');
  const window = schemeWindow(claim.scheme, policy);
  if (!window || cls.trainingFrom < window.from || (window.to !== null && cls.trainingTo > window.to))
    reasons.push('TRAINING_OUTSIDE_POLICY_WINDOW');

  // 2. Completion and evidence.
  const completed =
    claim.completion.status === 'COMPLETED' || claim.completion.status === 'COMPLETED_PENDING_AUDIT';
  if (!completed) reasons.push('NOT_COMPLETED');
  if (cq && completed && !claim.completion.districtAuditPassed) reasons.push('JIEYE_AUDIT_PENDING');
  if (cq && !claim.completion.evidenceComplete) reasons.push('EVIDENCE_MISSING');

  // 3. Per person, whoever claims.
  if (history.some((h) => h.classId === cls.id)) reasons.push('DUPLICATE_CLAIM_SAME_CLASS');
  if (cq) {
    const year = (claim.completion.completedOn ?? shanghaiDay(Date.parse(claim.submittedAt))).slice(0, 4);
    const paid = history.filter((h) => h.status === 'paid');
    const sameKey = paid.filter(
      (h) =>
        h.occupation === cls.occupation &&
        h.level === cls.level &&
        (policy.cqNoRepeatScope === 'lifetime' || h.completedOn.startsWith(year)),
    );
    if (sameKey.length) reasons.push('SAME_OCCUPATION_LEVEL_REPEAT');
    if (paid.filter((h) => h.completedOn.startsWith(year)).length >= policy.cqMaxPerYear)
      reasons.push('ANNUAL_LIMIT_3_REACHED');
  }

  // 4. By claimant.
  if (claim.claimant === 'enterprise') {
    const enterpriseId = claim.enterprise?.id;
    const employs =
      enterpriseId !== undefined &&
      (claim.trainee.employerId === enterpriseId ||
        (claim.trainee.servesViaPlatformOf ?? []).includes(enterpriseId));
    if (!employs) reasons.push('NOT_AN_EMPLOYEE');
    const allowed = claim.scheme === 'enterprise_stoppage' ? ['stoppage'] : ['stoppage', 'recovery'];
    const covered = (claim.enterprise?.periods ?? []).some(
      (p) => allowed.includes(p.kind) && p.from <= cls.trainingFrom && cls.trainingTo <= p.to,
    );
    if (!covered) reasons.push('TRAINING_OUTSIDE_STOPPAGE');
    if (cq && !cls.institutionInCqCatalogue) reasons.push('INSTITUTION_NOT_IN_CQ_CATALOGUE');
  }
  if (claim.claimant === 'institution' && !cls.planApproved) reasons.push('CLASS_PLAN_NOT_APPROVED');

  // 5. Amounts.
  const lines: SubsidyLine[] = [];
  const removedItems: SubsidyDecision['removedItems'] = [];
  if (claim.scheme === 'cq_urgent_trade') {
    const raw = policy.urgentRatePerDay * claim.trainingDays;
    const amount = Math.min(raw, policy.urgentCapPerPerson);
    lines.push({
      kind: 'training',
      amount,
      fund: '职业技能提升行动专账资金',
      explanation: `${policy.urgentRatePerDay} 元/天 × ${claim.trainingDays} 天 = ${raw} 元${raw > amount ? `，封顶 ${policy.urgentCapPerPerson} 元` : ''}（渝人社发〔2020〕13号）`,
    });
  } else {
    const standard = policy.localStandards.find(
      (s) => s.occupation === cls.occupation && s.level === cls.level,
    );
    if (!standard) reasons.push('NO_LOCAL_STANDARD');
    else {
      const amount = cq ? Math.min(standard.amount, policy.cqCapPerTraining) : standard.amount;
      lines.push({
        kind: 'training',
        amount,
        fund: '职业技能提升行动专账资金',
        explanation: `${cls.occupation} ${cls.level} 地方标准 ${standard.amount} 元${cq && standard.amount > amount ? `，按每次培训最高 ${policy.cqCapPerTraining} 元封顶（渝府办发〔2020〕22号）` : ''}`,
      });
    }
  }
  const eligibleForLiving = claim.trainee.groups.length > 0 && policy.livingAllowancePerDay !== null;
  for (const item of claim.allowanceItems)
    if (item.kind === 'transport') removedItems.push({ ...item, why: '生活费补贴不含交通费补贴（L5459）' });
  if (claim.allowanceItems.some((i) => i.kind === 'living')) {
    if (!eligibleForLiving)
      removedItems.push(
        ...claim.allowanceItems
          .filter((i) => i.kind === 'living')
          .map((i) => ({ ...i, why: '不属于生活费补贴对象（L5455-5457）或本地未开展' })),
      );
    else {
      const amount = policy.livingAllowancePerDay! * claim.trainingDays;
      lines.push({
        kind: 'living',
        amount,
        fund: '就业补助资金',
        explanation: `${policy.livingAllowancePerDay} 元/天 × ${claim.trainingDays} 天（${claim.trainee.groups.join('、')}）`,
      });
    }
  }
  const via = claim.completion.certificateVia;
  if (cq && (via === 'qualification_appraisal' || via === 'skill_level_assessment')) {
    const standard = policy.appraisalStandards.find(
      (s) => s.occupation === cls.occupation && s.level === cls.level,
    );
    if (standard)
      lines.push({
        kind: 'appraisal',
        amount: standard.amount,
        fund: '地方鉴定补贴资金',
        explanation: `鉴定补贴 ${standard.amount} 元（L7898-7900）`,
      });
  }

  const payee = claim.claimant;
  if (reasons.length)
    return { decision: 'REJECTED', reasons, lines: [], removedItems, payee, policyVersion: policy.version };
  return { decision: 'APPROVED', reasons, lines, removedItems, payee, policyVersion: policy.version };
}

function deadlineOf(scheme: SubsidyScheme, policy: SubsidyPolicy): string | null {
  if (scheme === 'enterprise_d8') return policy.newSubsidyClaimDeadline;
  return null;
}

/** The days a scheme's training must fall in; null when the policy lacks the dates to decide. */
function schemeWindow(
  scheme: SubsidyScheme,
  policy: SubsidyPolicy,
): { from: string; to: string | null } | null {
  if (scheme === 'cq_enterprise' || scheme === 'cq_urgent_trade') return policy.cqC3Window;
  if (scheme === 'enterprise_stoppage') {
    if (!policy.epidemicPeriod) return null;
    return {
      from: later(policy.epidemicPeriod.from, policy.programWindow.from),
      to: earlier(policy.epidemicPeriod.to, policy.programWindow.to),
    };
  }
  return policy.programWindow;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);
