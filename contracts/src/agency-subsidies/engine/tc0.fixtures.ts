/**
 * Test configuration TC0 of subsidies.md §8 and the actors of its scenarios, for the specs only.
 * Dates marked "test value" in §8 are inputs chosen for testing, not policy values.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  AgencyPeriodInputSchema,
  type AgencyPeriodInput,
  type EmployerFacts,
  type PlacementFacts,
  type SiRecord,
  type WorkerFacts,
} from '../input';
import {
  DEFAULT_AGENCY_SUBSIDY_POLICY,
  type AgencySubsidyPolicy,
  type AgencySubsidyPolicyValues,
} from '../policy';
import type { AgencyPeriodResult, AgencySubsidyLine } from '../result';
import { evaluateAgencyPeriod } from './evaluate';
import { replayLine } from './replay';
import { SliceIndex, sliceForLine } from './slices';
import { shiftMonth } from './dates';

export const TC0: AgencySubsidyPolicy = {
  version: 'tc0',
  values: {
    ...DEFAULT_AGENCY_SUBSIDY_POLICY.values,
    epidemicEndDate: '2020-06-30',
    cqLevel1ResponseEndDate: '2020-03-10',
  },
};

export function tc0With(values: Partial<AgencySubsidyPolicyValues>): AgencySubsidyPolicy {
  return { version: 'tc0-override', values: { ...TC0.values, ...values } };
}

type Agency = AgencyPeriodInput['agency'];
export function agency(agencyId = 'A', over: Partial<Agency> = {}): Agency {
  return {
    agencyId,
    creditCode: `91500000AG${agencyId.padStart(8, '0')}`,
    licenceStatus: 'LICENSED',
    blacklisted: false,
    district: null,
    a3ApprovedOn: null,
    a3RegisteredOn: null,
    a4Listed: false,
    ...over,
  };
}

/** An agency approved for the 双选 activity (registered before 2020-03-04). */
export function a3Agency(agencyId = 'A', over: Partial<Agency> = {}): Agency {
  return agency(agencyId, { a3RegisteredOn: '2020-03-03', a3ApprovedOn: '2020-03-04', ...over });
}

export function employer(employerId: string, over: Partial<EmployerFacts> = {}): EmployerFacts {
  return {
    employerId,
    creditCode: `91500000EM${employerId.padStart(8, '0')}`,
    orgType: 'ENTERPRISE',
    keyEnterprisePeriods: [],
    registeredAndNotDisqualified: true,
    ...over,
  };
}

/** E1/E3: key enterprises (工业"双百企业") from 2020-01-01; E4: private, not key. */
export const E1 = employer('E1', { keyEnterprisePeriods: [{ from: '2020-01-01', to: null }] });
export const E3 = employer('E3', { keyEnterprisePeriods: [{ from: '2020-01-01', to: null }] });
export const E4 = employer('E4');

export function worker(workerId: string, over: Partial<WorkerFacts> = {}): WorkerFacts {
  return {
    workerId,
    categories: [],
    categoryEvidence: [],
    schoolLeaveDate: null,
    unemploymentRegistrationDate: null,
    ...over,
  };
}

/** G1 of AG-15: left school 2019-06-30, registered unemployed since 2019-09-01. */
export function graduate(workerId = 'G1', over: Partial<WorkerFacts> = {}): WorkerFacts {
  return worker(workerId, {
    categories: ['COLLEGE_GRAD', 'REGISTERED_UNEMPLOYED'],
    schoolLeaveDate: '2019-06-30',
    unemploymentRegistrationDate: '2019-09-01',
    ...over,
  });
}

/** "SI 03–08 PAID": one row per month from..to (YYYY-MM, inclusive). */
export function si(
  workerId: string,
  employerId: string,
  from: string,
  to: string,
  status: SiRecord['status'] = 'PAID',
): SiRecord[] {
  const rows: SiRecord[] = [];
  for (let m = from; m <= to; m = shiftMonth(m, 1)) rows.push({ workerId, employerId, month: m, status });
  return rows;
}

type PlacementOver = Partial<Omit<PlacementFacts, 'contract'>> & {
  contract?: Partial<PlacementFacts['contract']>;
};

/** AG-01's placement: referral 2020-02-26, contract with E1 signed/started 2020-03-02 to 2022-03-01, claim 2020-09-10. */
export function placement(placementId = 'P1', over: PlacementOver = {}): PlacementFacts {
  const { contract, ...rest } = over;
  return {
    placementId,
    agencyId: 'A',
    workerId: 'W1',
    employerId: 'E1',
    referralDate: '2020-02-26',
    referralVerified: true,
    channel: 'OTHER',
    feeChargedToWorkerFen: 0,
    claimDate: '2020-09-10',
    submittedAt: null,
    ...rest,
    contract: {
      contractId: 'C1',
      employerId: rest.employerId ?? 'E1',
      signDate: '2020-03-02',
      startDate: '2020-03-02',
      endDate: '2022-03-01',
      openEnded: false,
      taskBased: false,
      ...contract,
    },
  };
}

/** A period of one month (the claim month) with asOf = its last day, unless given. */
export function periodInput(partial: Partial<AgencyPeriodInput> & { month?: string }): AgencyPeriodInput {
  const { month = '2020-09', ...rest } = partial;
  const to = lastDay(month);
  return AgencyPeriodInputSchema.parse({
    agency: agency(),
    period: { from: `${month}-01`, to, activitySettlementDate: null },
    asOf: to,
    ...rest,
  });
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** AG-01: W1 {MIGRANT_WORKER} placed by A with E1, SI 03–08 PAID, claim 2020-09-10, period 2020-09. */
export function ag01(over: Partial<AgencyPeriodInput> = {}): AgencyPeriodInput {
  return periodInput({
    placements: [placement()],
    workers: [worker('W1', { categories: ['MIGRANT_WORKER'] })],
    employers: [E1, E4],
    socialInsurance: si('W1', 'E1', '2020-03', '2020-08'),
    ...over,
  });
}

/**
 * Evaluates and checks that every line replays identically from its own slice (the stored form),
 * and that the chunk computation's SliceIndex gives that same slice: every scenario is also a
 * replay test and a slice-index test.
 */
export function run(input: AgencyPeriodInput, policy: AgencySubsidyPolicy = TC0): AgencyPeriodResult {
  const result = evaluateAgencyPeriod(input, policy);
  const slices = new SliceIndex(input);
  for (const line of result.lines) {
    const slice = sliceForLine(input, line.lineKey);
    if (!isDeepStrictEqual(slices.forLine(line.lineKey), slice))
      throw new Error(`${line.lineKey}: the slice index gives another slice than sliceForLine`);
    const replayed = replayLine(slice, policy, line.lineKey, line);
    if (replayed.identical !== true)
      throw new Error(`${line.lineKey} does not replay from its slice: ${replayed.differences.join(', ')}`);
  }
  return result;
}

export function only(result: AgencyPeriodResult): AgencySubsidyLine {
  if (result.lines.length !== 1)
    throw new Error(`expected one line, got ${result.lines.map((l) => l.lineKey).join(', ') || 'none'}`);
  return result.lines[0];
}

export function lineOf(result: AgencyPeriodResult, lineKey: string): AgencySubsidyLine {
  const line = result.lines.find((l) => l.lineKey === lineKey);
  if (!line) throw new Error(`no line ${lineKey} in ${result.lines.map((l) => l.lineKey).join(', ')}`);
  return line;
}
