import type {
  AgencyPeriodInput,
  EmployerFacts,
  PlacementFacts,
  SiRecord,
  SiStatus,
  WorkerCategory,
  WorkerFacts,
} from '../input';
import type { AgencySubsidyPolicy } from '../policy';
import {
  AGENCY_SUBSIDY_SCHEMES,
  type AgencySubsidyLine,
  type AgencySubsidyScheme,
  type TrailStep,
} from '../result';
import { addDays, addMonths, meetsDeadline, monthOf, shiftMonth } from './dates';
import { resolvePolicy, type ResolvedAgencyPolicy } from './policy-resolve';
import type { AgencySubsidyReasonCode } from './reason-codes';
import { agencyGate, settle, step } from './trail';

/** A fee above this is a typing error, not a fee (INFERRED sanity bound: 100,000 元). */
export const MAX_PLAUSIBLE_FEE_FEN = 10_000_000;

type Ledger = AgencyPeriodInput['ledger'];
type LedgerClaim = Ledger['claims'][number];

interface Option {
  scheme: AgencySubsidyScheme;
  amountFen: number;
  citation: string;
}

export interface PlacementIndex {
  workers: Map<string, WorkerFacts>;
  employers: Map<string, EmployerFacts>;
  si: Map<string, SiRecord[]>;
}

const contractKey = (workerId: string, contractId: string) => `${workerId}\u0000${contractId}`;

function indexOf(input: AgencyPeriodInput): PlacementIndex {
  const si = new Map<string, SiRecord[]>();
  for (const r of input.socialInsurance) {
    const key = `${r.workerId}\u0000${r.employerId}`;
    const rows = si.get(key);
    if (rows) rows.push(r);
    else si.set(key, [r]);
  }
  return {
    workers: new Map(input.workers.map((w) => [w.workerId, w])),
    employers: new Map(input.employers.map((e) => [e.employerId, e])),
    si,
  };
}

function siRows(ix: PlacementIndex, workerId: string, employerId: string): SiRecord[] {
  return ix.si.get(`${workerId}\u0000${employerId}`) ?? [];
}

function placementLine(p: PlacementFacts): AgencySubsidyLine {
  return {
    lineKey: `P:${p.placementId}`,
    kind: 'placement',
    agencyId: p.agencyId,
    placementId: p.placementId,
    workerId: p.workerId,
    contractId: p.contract.contractId,
    scheme: null,
    amountFen: 0,
    status: 'REJECTED',
    reasonCode: null,
    reasonDetails: [],
    detail: null,
    basis: null,
    trail: [],
  };
}

/** The placements Algorithm 1 looks at for this agency and period: by claim date (INFERRED). */
export function candidatePlacements(input: AgencyPeriodInput): PlacementFacts[] {
  return input.placements
    .filter(
      (p) =>
        p.agencyId === input.agency.agencyId &&
        input.period.from <= p.claimDate &&
        p.claimDate <= input.period.to,
    )
    .sort((a, b) => (a.placementId < b.placementId ? -1 : a.placementId > b.placementId ? 1 : 0));
}

/**
 * Step 0 + Steps 1-2 of Algorithm 1 (subsidies.md §5.3): one line per placement claimed in the
 * period (A1/A2, A6 when a national rate is configured), de-duplicated against the ledger.
 */
export function evaluatePlacementLines(
  input: AgencyPeriodInput,
  policy: AgencySubsidyPolicy,
): AgencySubsidyLine[] {
  const r = resolvePolicy(policy);
  const candidates = candidatePlacements(input);
  const gate = agencyGate(input.agency);
  if (gate.code) {
    const code = gate.code;
    return candidates.map((p) => {
      const line = placementLine(p);
      line.trail.push(gate.step);
      return settle(line, 'REJECTED', code);
    });
  }
  const ix = indexOf(input);
  const lines: AgencySubsidyLine[] = [];
  const tentative: { line: AgencySubsidyLine; p: PlacementFacts; options: Option[] }[] = [];
  for (const p of candidates) {
    const line = placementLine(p);
    line.trail.push(gate.step);
    lines.push(line);
    const options = decidePlacement(p, line, ix, input, r);
    if (options) tentative.push({ line, p, options });
  }
  deduplicate(tentative, input, r, lines);
  return lines;
}

/** Step 1 for one placement: settles the line, or returns the chosen option(s) for Step 2. */
function decidePlacement(
  p: PlacementFacts,
  line: AgencySubsidyLine,
  ix: PlacementIndex,
  input: AgencyPeriodInput,
  r: ResolvedAgencyPolicy,
): Option[] | null {
  const v = r.v;
  const c = p.contract;
  // Step 1a: bad input
  const errs = validatePlacement(p, ix, input.asOf);
  if (errs.length) {
    line.reasonDetails = errs;
    line.trail.push(
      step(
        'INPUT_VALID',
        'fail',
        'INFERRED',
        `申报数据有误：${errs.join(', ')}。The claim data are invalid.`,
      ),
    );
    settle(line, 'REJECTED', 'INVALID_INPUT');
    return null;
  }
  line.trail.push(
    step('INPUT_VALID', 'pass', 'INFERRED', '申报数据校验通过。The claim data are consistent.'),
  );
  const w = ix.workers.get(p.workerId)!;

  // Contract with the employer the worker was introduced to (INFERRED: 派遣 is not a placement)
  if (c.employerId !== p.employerId) {
    line.trail.push(
      step(
        'TARGET_EMPLOYER',
        'fail',
        '003:L4119-4121 (INFERRED)',
        '劳动合同的签订方不是被介绍的用人单位。The contract is with another party (e.g. dispatch).',
        { contractEmployerId: c.employerId, placementEmployerId: p.employerId },
      ),
    );
    settle(line, 'REJECTED', 'CONTRACT_NOT_WITH_TARGET_EMPLOYER');
    return null;
  }
  const e = ix.employers.get(c.employerId)!;
  line.trail.push(
    step(
      'TARGET_EMPLOYER',
      'pass',
      '003:L4119-4121 (INFERRED)',
      '劳动合同与被介绍单位签订。The contract is with the target employer.',
    ),
  );

  if (isRehire(p, ix, v.rehireLookbackMonths)) {
    line.trail.push(
      step(
        'REHIRE',
        'fail',
        'INFERRED (REHIRE_LOOKBACK_MONTHS)',
        `推荐前${v.rehireLookbackMonths}个月内曾在该单位参保。Insured with this employer within the look-back period.`,
        { lookbackMonths: v.rehireLookbackMonths },
      ),
    );
    settle(line, 'REJECTED', 'REHIRE_NOT_A_PLACEMENT');
    return null;
  }
  line.trail.push(
    step('REHIRE', 'pass', 'INFERRED (REHIRE_LOOKBACK_MONTHS)', '非重新录用。Not a re-hire.', {
      lookbackMonths: v.rehireLookbackMonths,
    }),
  );

  // Contract term ≥ 1 year, inclusive (R1)
  const term = contractTermOk(p, v.minContractMonths);
  const termCitation = '003:L4119-4121, L3822-3823; R1';
  if (term === 'manual') {
    line.trail.push(
      step(
        'CONTRACT_TERM',
        'manual',
        'INFERRED',
        '以完成一定工作任务为期限，期限无法计算。A task-based contract has no computable term.',
      ),
    );
    settle(line, 'HELD', 'TASK_BASED_CONTRACT_REVIEW');
    return null;
  }
  const termValues = {
    startDate: c.startDate,
    endDate: c.endDate,
    openEnded: c.openEnded,
    minMonths: v.minContractMonths,
  };
  if (!term) {
    line.trail.push(
      step(
        'CONTRACT_TERM',
        'fail',
        termCitation,
        '劳动合同期限不满1年。The contract is shorter than one year.',
        termValues,
      ),
    );
    settle(line, 'REJECTED', 'CONTRACT_SHORTER_THAN_1_YEAR');
    return null;
  }
  line.trail.push(
    step(
      'CONTRACT_TERM',
      'pass',
      termCitation,
      '劳动合同期限1年以上。The contract runs one year or more.',
      termValues,
    ),
  );

  // Social-insurance months with that employer from the contract start to the claim
  const siMonths = countSiMonths(p, ix, v);
  line.detail = siMonths;
  const siCitation = '003:L4121, L3824';
  if (siMonths < v.minSiMonths) {
    const employed = stillEmployed(p, ix);
    const values = { siMonths, minSiMonths: v.minSiMonths, stillEmployed: employed };
    if (employed) {
      line.trail.push(
        step(
          'SI_MONTHS',
          'info',
          `${siCitation}; status model INFERRED`,
          `已缴社保${siMonths}个月，仍在职，待满${v.minSiMonths}个月后重新计算。Still employed; re-evaluated later.`,
          values,
        ),
      );
      settle(line, 'PENDING_MATURITY', 'PENDING_MATURITY');
      return null;
    }
    line.trail.push(
      step(
        'SI_MONTHS',
        'fail',
        siCitation,
        `已缴社保${siMonths}个月且已离职。Only ${siMonths} insured months and the job ended.`,
        values,
      ),
    );
    settle(line, 'REJECTED', 'SI_LESS_THAN_6_MONTHS');
    return null;
  }
  line.trail.push(
    step('SI_MONTHS', 'pass', siCitation, `已缴社保${siMonths}个月。${siMonths} insured months.`, {
      siMonths,
      minSiMonths: v.minSiMonths,
    }),
  );

  // Schemes
  const definite: Option[] = [];
  const manual: Option[] = [];
  const a1 = evaluateA1(p, w, e, r);
  line.trail.push(a1.step);
  if (a1.option) (a1.manual ? manual : definite).push(a1.option);
  const a2 = evaluateA2(p, w, e, input, r);
  line.trail.push(a2.step);
  if (a2.option) (a2.manual ? manual : definite).push(a2.option);
  const a6 = v.nationalRateTables.find((t) => t.scheme === 'A6_JOB_INTRODUCTION');
  if (a6) {
    definite.push({ scheme: 'A6_JOB_INTRODUCTION', amountFen: a6.amountFen, citation: a6.citation });
    line.trail.push(
      step(
        'A6_NATIONAL',
        'pass',
        a6.citation,
        '按规定的职业介绍补贴（已配置标准）。National job-introduction rate configured.',
        { amountFen: a6.amountFen },
      ),
    );
  } else {
    line.trail.push(
      step(
        'A6_NATIONAL',
        'info',
        'GAP (NATIONAL_JOB_INTRO_RATE_TABLE): 003:L2741, 004:L11',
        '国家"按规定"补贴无本地标准，不计算。No national rate configured: not computed.',
      ),
    );
  }

  definite.sort(byAmountThenScheme);
  manual.sort(byAmountThenScheme);
  const best = definite[0]?.amountFen ?? -1;
  const undecided = v.allowStacking ? manual.length > 0 : manual.some((o) => o.amountFen >= best);
  if (undecided) {
    line.trail.push(
      step(
        'POLICY_VALUES',
        'manual',
        'GAP (§9)',
        '所需政策参数未设定，需人工处理。A policy value the decision needs is not set.',
        {
          schemes: manual.map((o) => o.scheme).join(','),
        },
      ),
    );
    settle(line, 'HELD', 'POLICY_VALUE_MISSING');
    return null;
  }
  if (!definite.length) {
    line.trail.push(
      step(
        'SCHEMES',
        'fail',
        '003:L4117-4123, L3820-3826',
        '不符合任何补贴项目的条件（见上面各项目的判断）。No subsidy scheme applies (see the scheme steps above).',
      ),
    );
    settle(line, 'REJECTED', 'NO_SCHEME_MATCHED');
    return null;
  }

  // Step 1b: no stacking (INFERRED)
  const chosen = v.allowStacking ? definite : [definite[0]];
  line.trail.push(
    step(
      'NO_STACKING',
      'info',
      'INFERRED (ALLOW_STACKING)',
      v.allowStacking
        ? '允许叠加享受。Stacking allowed.'
        : `不叠加享受，取金额最高的一项：${chosen[0].scheme}。One placement, one subsidy: the highest.`,
      { matched: definite.map((o) => o.scheme).join(','), chosen: chosen.map((o) => o.scheme).join(',') },
    ),
  );

  // Step 1c: claim deadline (GAP; null = none)
  const first = chosen[0].scheme;
  const deadline = first.startsWith('A1')
    ? v.claimDeadlineA1
    : first === 'A2_GRAD'
      ? v.claimDeadlineA2
      : null;
  if (deadline && !meetsDeadline(p.claimDate, deadline, v.deadlineInclusive)) {
    line.trail.push(
      step(
        'CLAIM_DEADLINE',
        'fail',
        'GAP (CLAIM_DEADLINE)',
        `申报日期晚于截止日期${deadline}。Filed after the deadline.`,
        {
          claimDate: p.claimDate,
          deadline,
        },
      ),
    );
    settle(line, 'REJECTED', 'CLAIM_AFTER_DEADLINE');
    return null;
  }
  line.trail.push(
    step(
      'CLAIM_DEADLINE',
      deadline ? 'pass' : 'info',
      'GAP (CLAIM_DEADLINE)',
      deadline ? `在截止日期${deadline}前申报。Filed in time.` : '未设定申报截止日期。No claim deadline set.',
      { claimDate: p.claimDate, deadline },
    ),
  );
  line.scheme = first;
  return chosen;
}

const schemeRank = (s: AgencySubsidyScheme) => AGENCY_SUBSIDY_SCHEMES.indexOf(s);
function byAmountThenScheme(a: Option, b: Option): number {
  return b.amountFen - a.amountFen || schemeRank(a.scheme) - schemeRank(b.scheme);
}

/** Step 1a (INFERRED guards): each problem has its own detail code. */
export function validatePlacement(
  p: PlacementFacts,
  ix: PlacementIndex,
  asOf: string,
): AgencySubsidyReasonCode[] {
  const errs: AgencySubsidyReasonCode[] = [];
  const c = p.contract;
  if (!ix.workers.has(p.workerId)) errs.push('WORKER_FACTS_MISSING');
  if (!ix.employers.has(p.employerId)) errs.push('EMPLOYER_FACTS_MISSING');
  if (p.feeChargedToWorkerFen === null || p.feeChargedToWorkerFen < 0) errs.push('FEE_NEGATIVE_OR_MISSING');
  else if (p.feeChargedToWorkerFen > MAX_PLAUSIBLE_FEE_FEN) errs.push('FEE_IMPLAUSIBLE');
  if (c.startDate === null || c.signDate === null) errs.push('CONTRACT_DATES_MISSING');
  if (
    !c.openEnded &&
    !c.taskBased &&
    (c.endDate === null || (c.startDate !== null && c.endDate < c.startDate))
  )
    errs.push('CONTRACT_END_BEFORE_START');
  if (c.signDate !== null && p.referralDate > c.signDate) errs.push('REFERRAL_AFTER_CONTRACT');
  if (p.claimDate < p.referralDate) errs.push('CLAIM_BEFORE_REFERRAL');
  if (p.claimDate > asOf) errs.push('CLAIM_IN_FUTURE');
  if (c.signDate !== null && c.signDate > asOf) errs.push('CONTRACT_SIGNED_IN_FUTURE');
  const months = siRows(ix, p.workerId, c.employerId).map((r) => r.month);
  if (new Set(months).size !== months.length) errs.push('DUPLICATE_SI_MONTH_ROWS');
  const now = monthOf(asOf);
  if (months.some((m) => m > now)) errs.push('SI_MONTH_IN_FUTURE');
  return errs;
}

/** 无固定期限 counts; task-based cannot be computed; 2020-03-01..2021-02-28 is 12 months (R1). */
export function contractTermOk(p: PlacementFacts, minMonths: number): boolean | 'manual' {
  const c = p.contract;
  if (c.openEnded) return true;
  if (c.taskBased) return 'manual';
  return addMonths(c.startDate!, minMonths) <= addDays(c.endDate!, 1);
}

function countedStatuses(v: ResolvedAgencyPolicy['v']): Set<SiStatus> {
  const ok = new Set<SiStatus>(['PAID', 'DEFERRED_PAID']);
  if (v.countWaivedEmployerMonths) ok.add('EMPLOYER_PART_WAIVED_INDIVIDUAL_PAID');
  if (!v.countDeferredOnlyWhenPaid) ok.add('DEFERRED_UNPAID');
  return ok;
}

/** Insured months with the contract employer from the contract-start month to the claim month. */
export function countSiMonths(p: PlacementFacts, ix: PlacementIndex, v: ResolvedAgencyPolicy['v']): number {
  const from = monthOf(p.contract.startDate!);
  const to = monthOf(p.claimDate);
  const ok = countedStatuses(v);
  const good = [
    ...new Set(
      siRows(ix, p.workerId, p.contract.employerId)
        .filter((r) => from <= r.month && r.month <= to && ok.has(r.status))
        .map((r) => r.month),
    ),
  ].sort();
  if (!v.siMonthsMustBeConsecutive) return good.length;
  let best = 0;
  let run = 0;
  for (let i = 0; i < good.length; i++) {
    run = i > 0 && shiftMonth(good[i - 1], 1) === good[i] ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

/** Employed if a contribution row (not UNPAID) exists for the month before the claim (INFERRED). */
function stillEmployed(p: PlacementFacts, ix: PlacementIndex): boolean {
  const previous = shiftMonth(monthOf(p.claimDate), -1);
  return siRows(ix, p.workerId, p.contract.employerId).some(
    (r) => r.month === previous && r.status !== 'UNPAID',
  );
}

/** Insured with the same employer in the look-back months before the referral month (INFERRED). */
function isRehire(p: PlacementFacts, ix: PlacementIndex, lookbackMonths: number): boolean {
  if (lookbackMonths === 0) return false;
  const referral = monthOf(p.referralDate);
  const from = shiftMonth(referral, -lookbackMonths);
  return siRows(ix, p.workerId, p.contract.employerId).some(
    (r) => r.status !== 'UNPAID' && from <= r.month && r.month < referral,
  );
}

/** A category counts when listed and, if evidence rows exist for it, one is valid on the day. */
export function validCategories(w: WorkerFacts, at: string): Set<WorkerCategory> {
  const out = new Set<WorkerCategory>();
  for (const cat of w.categories) {
    const evidence = w.categoryEvidence.filter((ev) => ev.category === cat);
    if (
      !evidence.length ||
      evidence.some(
        (ev) => (ev.validFrom === null || ev.validFrom <= at) && (ev.validTo === null || at <= ev.validTo),
      )
    )
      out.add(cat);
  }
  return out;
}

function isKeyEnterprise(e: EmployerFacts, at: string): boolean {
  return e.keyEnterprisePeriods.some(
    (period) => period.from <= at && (period.to === null || at <= period.to),
  );
}

interface SchemeVerdict {
  step: TrailStep;
  option: Option | null;
  /** The option depends on a policy value that is not set (GAP). */
  manual: boolean;
}

/** A1 重点企业用工介绍补贴 (渝人社发〔2020〕13号 (五), 003:L4117-4123). */
function evaluateA1(
  p: PlacementFacts,
  w: WorkerFacts,
  e: EmployerFacts,
  r: ResolvedAgencyPolicy,
): SchemeVerdict {
  const v = r.v;
  const c = p.contract;
  const anchor =
    v.kWindowAnchor === 'contractSignDate'
      ? c.signDate!
      : v.kWindowAnchor === 'contractStartDate'
        ? c.startDate!
        : p.referralDate;
  const fail = (citation: string, note: string, values?: TrailStep['values']): SchemeVerdict => ({
    step: step('A1_KEY_ENTERPRISE', 'fail', citation, note, values),
    option: null,
    manual: false,
  });
  const windowValues = {
    anchor,
    windowStart: v.kWindowStart,
    windowEnd: r.kWindowEnd,
    anchorField: v.kWindowAnchor,
  };
  if (anchor < v.kWindowStart || (r.kWindowEnd !== null && anchor > r.kWindowEnd))
    return fail(
      '003:L4294-4298, L4322; anchor INFERRED',
      'A1：日期不在13号文执行期内。Outside the A1 window.',
      windowValues,
    );
  if (e.orgType !== 'ENTERPRISE')
    return fail('003:L4119-4120', 'A1：用人单位不是企业。The employer is not an enterprise.', {
      orgType: e.orgType,
    });
  if (!isKeyEnterprise(e, c.signDate!))
    return fail(
      '003:L4119-4120 (KEY_ENTERPRISE_REGISTRY)',
      'A1：签约时用人单位不在重点企业名录。Not a key enterprise at signing.',
      {
        signDate: c.signDate,
      },
    );
  const cats = validCategories(w, p.referralDate);
  const hard = v.kHardCategories.some((k) => cats.has(k));
  const basic = v.kBasicCategories.some((k) => cats.has(k));
  if (!hard && !basic)
    return fail(
      '003:L4121-4123',
      'A1：劳动者不属于失业人员、农民工、就业困难人员或贫困对象。No qualifying worker class.',
      {
        categories: [...cats].join(','),
      },
    );
  const option: Option = hard
    ? { scheme: 'A1_HARD', amountFen: v.kAmountHardFen, citation: '003:L4121-4123' }
    : { scheme: 'A1_BASIC', amountFen: v.kAmountBasicFen, citation: '003:L4121-4123' };
  if (r.kWindowEnd === null)
    return {
      step: step(
        'A1_KEY_ENTERPRISE',
        'manual',
        'GAP (CQ_LEVEL1_RESPONSE_END_DATE / K_WINDOW_END): 003:L4296-4298',
        'A1：一级响应解除日期未设定，无法判断是否在执行期内。The A1 window end is not set.',
        { ...windowValues, scheme: option.scheme },
      ),
      option,
      manual: true,
    };
  return {
    step: step(
      'A1_KEY_ENTERPRISE',
      'pass',
      '003:L4117-4123',
      `A1：介绍至重点企业，${hard ? '就业困难人员/贫困对象' : '失业人员/农民工等'}。Key-enterprise placement: ${option.scheme}.`,
      { ...windowValues, scheme: option.scheme, amountFen: option.amountFen },
    ),
    option,
    manual: false,
  };
}

/** A2 高校毕业生免费职业介绍 (渝人社〔2020〕66号 七(一), 003:L3820-3826). */
function evaluateA2(
  p: PlacementFacts,
  w: WorkerFacts,
  e: EmployerFacts,
  input: AgencyPeriodInput,
  r: ResolvedAgencyPolicy,
): SchemeVerdict {
  const v = r.v;
  const leave = w.schoolLeaveDate;
  const approved = input.agency.a3ApprovedOn;
  const checks: [string, boolean][] = [
    ['COLLEGE_GRAD', w.categories.includes('COLLEGE_GRAD')],
    ['LEFT_SCHOOL', leave !== null && leave <= p.referralDate],
    ['WITHIN_GRAD_YEARS', leave !== null && p.referralDate <= addMonths(leave, 12 * v.gGradWindowYears)],
    [
      'REGISTERED_UNEMPLOYED',
      w.unemploymentRegistrationDate !== null && w.unemploymentRegistrationDate <= p.referralDate,
    ],
    ['FREE_SERVICE', p.feeChargedToWorkerFen === 0],
    ['ENTERPRISE', e.orgType === 'ENTERPRISE'],
    ['WINDOW_START', v.gWindowStart <= p.referralDate],
    ['WINDOW_END', r.gWindowEnd === null || p.referralDate <= r.gWindowEnd],
    [
      'APPROVED_PARTICIPANT',
      !v.gRequireApprovedParticipant || (approved !== null && approved <= p.referralDate),
    ],
    ['ACTIVITY_CHANNEL', !v.gRequireActivityChannel || p.channel === 'A3_ACTIVITY'],
  ];
  const failed = checks.filter(([, ok]) => !ok).map(([name]) => name);
  const values = { referralDate: p.referralDate, schoolLeaveDate: leave, windowEnd: r.gWindowEnd };
  if (failed.length)
    return {
      step: step(
        'A2_GRAD',
        'fail',
        '003:L3820-3826, L3679-3680',
        `A2：不符合离校两年内登记失业高校毕业生免费介绍的条件（${failed.join(', ')}）。Graduate conditions not met.`,
        { ...values, failed: failed.join(',') },
      ),
      option: null,
      manual: false,
    };
  const option: Option = { scheme: 'A2_GRAD', amountFen: v.gAmountFen, citation: '003:L3820-3826' };
  if (r.gWindowEnd === null)
    return {
      step: step(
        'A2_GRAD',
        'manual',
        'GAP (EPIDEMIC_END_DATE / G_WINDOW_END): 003:L3679-3680',
        'A2：疫情结束日期未设定，无法判断是否在活动期内。The A2 window end is not set.',
        values,
      ),
      option,
      manual: true,
    };
  return {
    step: step(
      'A2_GRAD',
      'pass',
      '003:L3820-3826',
      'A2：免费介绍离校两年内登记失业的高校毕业生。Free placement of a registered unemployed graduate.',
      {
        ...values,
        amountFen: option.amountFen,
      },
    ),
    option,
    manual: false,
  };
}

/** Step 2 (INFERRED — the sources never address one person claimed twice). */
function deduplicate(
  tentative: { line: AgencySubsidyLine; p: PlacementFacts; options: Option[] }[],
  input: AgencyPeriodInput,
  r: ResolvedAgencyPolicy,
  lines: AgencySubsidyLine[],
): void {
  const agencyId = input.agency.agencyId;
  // 2a: the same agency submitting the same (worker, contract) more than once: the earliest stays
  const groups = new Map<string, typeof tentative>();
  for (const t of tentative) {
    const key = contractKey(t.p.workerId, t.p.contract.contractId);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const kept: typeof tentative = [];
  for (const group of groups.values()) {
    group.sort((a, b) => compareSubmissions(a.p, b.p));
    kept.push(group[0]);
    for (const dup of group.slice(1)) {
      dup.line.trail.push(
        step(
          'DEDUP_SUBMISSION',
          'fail',
          'INFERRED (DUPLICATE_RULE)',
          `与${group[0].p.placementId}重复申报，保留最早的一条。Repeated submission.`,
          {
            keptPlacementId: group[0].p.placementId,
          },
        ),
      );
      dup.line.scheme = null;
      settle(dup.line, 'REJECTED', 'DUPLICATE_SUBMISSION');
    }
  }

  const claims = new Map<string, LedgerClaim[]>();
  for (const c of input.ledger.claims) {
    const key = contractKey(c.workerId, c.contractId);
    claims.set(key, [...(claims.get(key) ?? []), c]);
  }
  const acceptedPerWorker = new Map<string, number>();
  kept.sort((a, b) => cmp(a.p.referralDate, b.p.referralDate) || cmp(a.p.placementId, b.p.placementId));
  for (const { line, p, options } of kept) {
    const verdict = rivalVerdict(
      p,
      agencyId,
      claims.get(contractKey(p.workerId, p.contract.contractId)) ?? [],
    );
    line.trail.push(verdict.step);
    if (verdict.code) {
      line.scheme = verdict.status === 'REJECTED' ? null : line.scheme;
      settle(line, verdict.status, verdict.code);
      continue;
    }
    // A worker is never paid twice (MAX_PAID_PLACEMENTS_PER_WORKER across A1+A2, INFERRED)
    const paid = input.ledger.paidPlacements.filter(
      (x) => x.workerId === p.workerId && x.placementId !== p.placementId,
    ).length;
    const max = r.v.maxPaidPlacementsPerWorker;
    const capValues = { paidBefore: paid, max };
    if (paid >= max) {
      line.trail.push(
        step(
          'WORKER_CAP',
          'fail',
          'INFERRED (MAX_PAID_PLACEMENTS_PER_WORKER)',
          '该劳动者已享受过补贴。The worker was already subsidised.',
          capValues,
        ),
      );
      line.scheme = null;
      settle(line, 'REJECTED', 'WORKER_ALREADY_SUBSIDISED');
      continue;
    }
    const earlier = acceptedPerWorker.get(p.workerId) ?? 0;
    if (paid + earlier + options.length > max && !r.v.allowStacking) {
      line.trail.push(
        step(
          'WORKER_CAP',
          'manual',
          'INFERRED (MAX_PAID_PLACEMENTS_PER_WORKER)',
          '同一劳动者本期另有符合条件的记录。Another eligible placement of this worker in the period.',
          {
            ...capValues,
            eligibleEarlierInPeriod: earlier,
          },
        ),
      );
      settle(line, 'HELD', 'WORKER_CAP_NEEDS_REVIEW');
      continue;
    }
    line.trail.push(
      step(
        'WORKER_CAP',
        'pass',
        'INFERRED (MAX_PAID_PLACEMENTS_PER_WORKER)',
        '该劳动者未享受过补贴。Not subsidised before.',
        capValues,
      ),
    );
    acceptedPerWorker.set(p.workerId, earlier + 1);
    settle(line, 'ELIGIBLE', null, options[0].amountFen);
    // Stacking (allowed only by configuration): one more line per further scheme
    for (const extra of options.slice(1)) {
      const copy: AgencySubsidyLine = {
        ...line,
        lineKey: `${line.lineKey}:${extra.scheme}`,
        scheme: extra.scheme,
        reasonDetails: [],
        trail: [...line.trail],
      };
      settle(copy, 'ELIGIBLE', null, extra.amountFen);
      lines.splice(lines.indexOf(line) + 1, 0, copy);
    }
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Earliest submission first; a missing submission time counts as late; then claim date, id. */
function compareSubmissions(a: PlacementFacts, b: PlacementFacts): number {
  const at = (p: PlacementFacts) => (p.submittedAt ? Date.parse(p.submittedAt) : Number.POSITIVE_INFINITY);
  return at(a) - at(b) || cmp(a.claimDate, b.claimDate) || cmp(a.placementId, b.placementId);
}

/** 2b: earliest verified referral across agencies wins; a tie, or a doubt, goes to a reviewer. */
function rivalVerdict(
  p: PlacementFacts,
  agencyId: string,
  ledgerClaims: LedgerClaim[],
): { code: AgencySubsidyReasonCode | null; status: 'REJECTED' | 'HELD'; step: TrailStep } {
  const citation = 'INFERRED (DUPLICATE_RULE: earliest verified referral; tie -> manual)';
  const others = ledgerClaims.filter((c) => c.agencyId !== agencyId);
  if (!others.length)
    return {
      code: null,
      status: 'REJECTED',
      step: step(
        'DEDUP',
        'pass',
        citation,
        '无其他机构申报同一劳动者同一合同。No other agency claims this contract.',
      ),
    };
  const own = [p, ...ledgerClaims.filter((c) => c.agencyId === agencyId)]
    .filter((c) => c.referralVerified)
    .map((c) => c.referralDate)
    .sort()[0];
  const verifiedOthers = others
    .filter((c) => c.referralVerified)
    .map((c) => c.referralDate)
    .sort();
  const unverifiedOthers = others
    .filter((c) => !c.referralVerified)
    .map((c) => c.referralDate)
    .sort();
  const values = {
    ownReferral: own ?? null,
    otherEarliestVerified: verifiedOthers[0] ?? null,
    otherEarliestUnverified: unverifiedOthers[0] ?? null,
    otherAgencies: [...new Set(others.map((c) => c.agencyId))].sort().join(','),
  };
  const held = (note: string) => ({
    code: 'DUPLICATE_NEEDS_REVIEW' as const,
    status: 'HELD' as const,
    step: step('DEDUP', 'manual', citation, note, values),
  });
  if (own === undefined) return held('本机构推荐日期未核实，需人工审核。Our referral is not verified.');
  if (verifiedOthers.length && verifiedOthers[0] < own)
    return {
      code: 'DUPLICATE_CLAIM_OTHER_AGENCY_WINS',
      status: 'REJECTED',
      step: step(
        'DEDUP',
        'fail',
        citation,
        '其他机构已核实的推荐日期更早。Another agency referred earlier.',
        values,
      ),
    };
  if (verifiedOthers[0] === own)
    return held('多家机构推荐日期相同，需人工审核。Same referral date: a reviewer decides.');
  if (unverifiedOthers.length && unverifiedOthers[0] <= own)
    return held('其他机构有更早或同日的未核实推荐，需人工审核。An earlier unverified referral exists.');
  return {
    code: null,
    status: 'REJECTED',
    step: step('DEDUP', 'pass', citation, '本机构的推荐日期最早。Our referral is the earliest.', values),
  };
}
