import type { AgencyPeriodInput, EmployerFacts, ResumeFacts } from '../input';
import type { AgencySubsidyPolicy } from '../policy';
import type { AgencySubsidyLine, AgencySubsidyScheme, TrailStep } from '../result';
import { meetsDeadline } from './dates';
import { resolvePolicy, type ResolvedAgencyPolicy } from './policy-resolve';
import { agencyGate, settle, step } from './trail';

type ActivityScheme = 'A3' | 'A4' | 'A5';
const SCHEME_OF: Record<ActivityScheme, AgencySubsidyScheme> = {
  A3: 'A3_EMPLOYER_SERVICE',
  A4: 'A4_EMPLOYER_SERVICE',
  A5: 'A5_RESUME_RELIEF_REIMBURSEMENT',
};

function activityLine(agencyId: string, scheme: ActivityScheme): AgencySubsidyLine {
  return {
    lineKey: `${scheme}:${agencyId}`,
    kind: 'activity',
    agencyId,
    placementId: null,
    workerId: null,
    contractId: null,
    scheme: SCHEME_OF[scheme],
    amountFen: 0,
    status: 'REJECTED',
    reasonCode: null,
    reasonDetails: [],
    detail: null,
    basis: null,
    trail: [],
  };
}

/** The activity schemes this agency has rows for (a line exists only where there is something to settle). */
export function activitySchemes(input: AgencyPeriodInput): ActivityScheme[] {
  const id = input.agency.agencyId;
  const s: ActivityScheme[] = [];
  if (input.activity.a3.some((r) => r.agencyId === id)) s.push('A3');
  if (input.activity.a4.some((r) => r.agencyId === id)) s.push('A4');
  if (input.activity.a5.some((r) => r.agencyId === id)) s.push('A5');
  return s;
}

/** Whether the period contains the centre's settlement of activities (subsidies.md §5.1 Period). */
export function settlesActivities(input: AgencyPeriodInput): boolean {
  const d = input.period.activitySettlementDate;
  return d !== null && input.period.from <= d && d <= input.period.to;
}

/**
 * Step 0 + Step 3 of Algorithm 1: the activity lines A3 (双选 200/家), A4 (引才 200/家) and A5
 * (résumé relief ≤20/份), settled by the 市人才交流服务中心 on activitySettlementDate.
 */
export function evaluateActivityLines(
  input: AgencyPeriodInput,
  policy: AgencySubsidyPolicy,
): AgencySubsidyLine[] {
  if (!settlesActivities(input)) return [];
  const r = resolvePolicy(policy);
  const settlement = input.period.activitySettlementDate!;
  const gate = agencyGate(input.agency);
  const employers = new Map(input.employers.map((e) => [e.employerId, e]));
  return activitySchemes(input).map((scheme) => {
    const line = activityLine(input.agency.agencyId, scheme);
    line.trail.push(gate.step);
    if (gate.code) return settle(line, 'REJECTED', gate.code);
    const settlementValues = { settlementDate: settlement, deadline: r.settlementDeadline };
    const settlementCitation = '003:L3828-3831, L7382-7386';
    if (r.settlementDeadline === null) {
      line.trail.push(
        step(
          'SETTLEMENT_WINDOW',
          'manual',
          `GAP (EPIDEMIC_END_DATE): ${settlementCitation}`,
          '疫情结束日期未设定，无法判断结算期限。The settlement deadline is not set.',
          settlementValues,
        ),
      );
      return settle(line, 'HELD', 'POLICY_VALUE_MISSING');
    }
    if (settlement > r.settlementDeadline) {
      line.trail.push(
        step(
          'SETTLEMENT_WINDOW',
          'fail',
          settlementCitation,
          '结算日期晚于疫情结束后3个月。Settled after the deadline.',
          settlementValues,
        ),
      );
      return settle(line, 'REJECTED', 'SETTLEMENT_AFTER_DEADLINE');
    }
    line.trail.push(
      step(
        'SETTLEMENT_WINDOW',
        'pass',
        settlementCitation,
        '在疫情结束后3个月内结算。Settled within the window.',
        settlementValues,
      ),
    );
    if (scheme === 'A3') return a3Line(line, input, r, employers);
    if (scheme === 'A4') return a4Line(line, input, r, employers);
    return a5Line(line, input, r);
  });
}

function finishCount(
  line: AgencySubsidyLine,
  count: number,
  amountFen: number,
  s: TrailStep,
): AgencySubsidyLine {
  line.trail.push(s);
  line.basis = count;
  line.detail = count;
  return count > 0 ? settle(line, 'ELIGIBLE', null, amountFen) : settle(line, 'REJECTED', 'NOTHING_COUNTED');
}

/** A3: 200 × distinct employers (by credit code) that chose this agency among their first 3 and were served. */
function a3Line(
  line: AgencySubsidyLine,
  input: AgencyPeriodInput,
  r: ResolvedAgencyPolicy,
  employers: Map<string, EmployerFacts>,
): AgencySubsidyLine {
  const { agency } = input;
  const v = r.v;
  if (agency.a3ApprovedOn === null) {
    line.trail.push(
      step('A3_APPROVED', 'fail', '003:L3761-3767', '机构未获活动参与资格。Not approved for the fair.'),
    );
    return settle(line, 'REJECTED', 'A3_AGENCY_NOT_APPROVED');
  }
  const regValues = {
    registeredOn: agency.a3RegisteredOn,
    deadline: v.a3RegDeadline,
    inclusive: v.deadlineInclusive,
  };
  if (
    agency.a3RegisteredOn === null ||
    !meetsDeadline(agency.a3RegisteredOn, v.a3RegDeadline, v.deadlineInclusive)
  ) {
    line.trail.push(
      step(
        'A3_APPROVED',
        'fail',
        '003:L3753-3759; R2',
        '机构报名晚于截止时间。Registered too late.',
        regValues,
      ),
    );
    return settle(line, 'REJECTED', 'A3_REGISTERED_LATE');
  }
  line.trail.push(
    step('A3_APPROVED', 'pass', '003:L3753-3767', '机构按时报名并获批准。Registered in time and approved.', {
      ...regValues,
      approvedOn: agency.a3ApprovedOn,
    }),
  );
  // Group every agency's selections by the employer's credit code ("two accounts, one employer").
  const byEmployer = new Map<
    string,
    { agencyId: string; at: number; served: boolean; employerId: string }[]
  >();
  for (const row of input.activity.a3) {
    const key = employers.get(row.employerId)?.creditCode ?? `?${row.employerId}`;
    const rows = byEmployer.get(key) ?? [];
    rows.push({
      agencyId: row.agencyId,
      at: Date.parse(row.selectedAt),
      served: row.served,
      employerId: row.employerId,
    });
    byEmployer.set(key, rows);
  }
  let counted = 0;
  let beyondCap = 0;
  let notServed = 0;
  let notRegistered = 0;
  for (const [key, rows] of byEmployer) {
    const mine = rows.filter((x) => x.agencyId === agency.agencyId);
    if (!mine.length) continue;
    const firstAt = new Map<string, number>();
    for (const x of rows) firstAt.set(x.agencyId, Math.min(firstAt.get(x.agencyId) ?? Infinity, x.at));
    const chosen = [...firstAt.entries()]
      .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, v.a3MaxAgenciesPerEmployer)
      .map(([id]) => id);
    if (!chosen.includes(agency.agencyId)) beyondCap++;
    else if (!mine.some((x) => x.served)) notServed++;
    else if (
      key.startsWith('?') ||
      !mine.every((x) => employers.get(x.employerId)?.registeredAndNotDisqualified ?? false)
    )
      notRegistered++;
    else counted++;
  }
  return finishCount(
    line,
    counted,
    counted * v.a3AmountPerEmployerFen,
    step(
      'A3_EMPLOYER_SERVICE',
      counted ? 'pass' : 'fail',
      '003:L3816-3820, L3771-3775; served INFERRED',
      `为${counted}家用人单位提供网络招聘服务，每家${v.a3AmountPerEmployerFen / 100}元。${counted} employers served.`,
      {
        employersServed: counted,
        beyondFirstAgencies: beyondCap,
        notServed,
        employerNotRegisteredOrDisqualified: notRegistered,
        amountPerEmployerFen: v.a3AmountPerEmployerFen,
        maxAgenciesPerEmployer: v.a3MaxAgenciesPerEmployer,
      },
    ),
  );
}

/** A4: 200 × distinct employers (by credit code) served in the 市级线上引才 campaign. */
function a4Line(
  line: AgencySubsidyLine,
  input: AgencyPeriodInput,
  r: ResolvedAgencyPolicy,
  employers: Map<string, EmployerFacts>,
): AgencySubsidyLine {
  if (!input.agency.a4Listed) {
    line.trail.push(
      step('A4_LISTED', 'fail', '003:L7362, L7375-7378', '机构不在公布名单内。Not on the published list.'),
    );
    return settle(line, 'REJECTED', 'A4_AGENCY_NOT_LISTED');
  }
  line.trail.push(
    step('A4_LISTED', 'pass', '003:L7362, L7375-7378', '机构在公布名单内。On the published list.'),
  );
  const served = new Set<string>();
  let unknown = 0;
  for (const row of input.activity.a4) {
    if (row.agencyId !== input.agency.agencyId || !row.served) continue;
    const e = employers.get(row.employerId);
    if (e) served.add(e.creditCode);
    else unknown++;
  }
  const amount = r.v.a4AmountPerEmployerFen;
  return finishCount(
    line,
    served.size,
    served.size * amount,
    step(
      'A4_EMPLOYER_SERVICE',
      served.size ? 'pass' : 'fail',
      '003:L7375-7378, L7384-7385',
      `为${served.size}家用人单位提供网上引才服务，每家${amount / 100}元。${served.size} employers served.`,
      {
        employersServed: served.size,
        employerFactsMissing: unknown,
        amountPerEmployerFen: amount,
      },
    ),
  );
}

/** 人才: any one of salary floor by region, degree, title/skill grade (003:L7365-7373; "以上" inclusive). */
export function isTalent(
  resume: ResumeFacts,
  floors: ResolvedAgencyPolicy['v']['talentSalaryFloors'],
): boolean {
  const bySalary =
    resume.offeredAnnualSalary !== null && resume.offeredAnnualSalary >= floors[resume.employerRegion];
  const byDegree = resume.employerIsMunicipalUnivHospResearch
    ? resume.degree === 'PHD'
    : resume.degree === 'PHD' || resume.degree === 'MASTER';
  const byTitle = resume.titleAssociateSeniorOrAbove || resume.skillGradeSeniorTechnicianOrAbove;
  return bySalary || byDegree || byTitle;
}

/** A5: Σ min(list price, 20) over 人才 downloads counted by 重庆英才网 within validity. */
function a5Line(
  line: AgencySubsidyLine,
  input: AgencyPeriodInput,
  r: ResolvedAgencyPolicy,
): AgencySubsidyLine {
  if (!input.agency.a4Listed) {
    line.trail.push(
      step('A4_LISTED', 'fail', '003:L7362, L7378-7380', '机构不在公布名单内。Not on the published list.'),
    );
    return settle(line, 'REJECTED', 'A4_AGENCY_NOT_LISTED');
  }
  line.trail.push(
    step('A4_LISTED', 'pass', '003:L7362, L7378-7380', '机构在公布名单内。On the published list.'),
  );
  if (r.a4a5ValidTo === null) {
    line.trail.push(
      step(
        'A5_VALIDITY',
        'manual',
        'GAP (EPIDEMIC_END_DATE): 003:L7406',
        '疫情结束日期未设定，无法判断下载是否在有效期内。The validity end is not set.',
      ),
    );
    return settle(line, 'HELD', 'POLICY_VALUE_MISSING');
  }
  const resumes = new Map(input.resumes.map((x) => [x.resumeId, x]));
  const seen = new Set<string>();
  const relief = r.v.a5ReliefPerResumeFen;
  const counts = { duplicate: 0, notCounted: 0, afterValidity: 0, notTalent: 0, resumeMissing: 0 };
  const details = new Set<string>();
  let total = 0;
  let n = 0;
  for (const d of input.activity.a5) {
    if (d.agencyId !== input.agency.agencyId) continue;
    if (seen.has(d.downloadId)) {
      counts.duplicate++;
      continue;
    }
    seen.add(d.downloadId);
    if (!d.countedByYingcai) counts.notCounted++;
    else if (d.downloadedAt > r.a4a5ValidTo) counts.afterValidity++;
    else if (d.downloadedAt > input.asOf) details.add('DOWNLOAD_IN_FUTURE');
    else if (d.listPriceFen < 0) details.add('INVALID_PRICE');
    else {
      const resume = resumes.get(d.resumeId);
      if (!resume) counts.resumeMissing++;
      else if (!isTalent(resume, r.v.talentSalaryFloors)) counts.notTalent++;
      else {
        total += Math.min(d.listPriceFen, relief);
        n++;
      }
    }
  }
  line.reasonDetails = [...details].sort();
  return finishCount(
    line,
    n,
    total,
    step(
      'A5_RESUME_RELIEF',
      n ? 'pass' : 'fail',
      '003:L7362-7380, L7385-7386, L7406',
      `${n}份人才简历下载，每份减免不超过${relief / 100}元，共${total / 100}元。${n} qualifying downloads.`,
      {
        downloads: n,
        totalFen: total,
        reliefPerResumeFen: relief,
        validTo: r.a4a5ValidTo,
        ...counts,
      },
    ),
  );
}
