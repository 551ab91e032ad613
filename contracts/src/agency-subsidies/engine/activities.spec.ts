import { describe, expect, it } from 'vitest';
import type { AgencyPeriodInput, ResumeFacts } from '../input';
import { DEFAULT_AGENCY_SUBSIDY_POLICY } from '../policy';
import { isTalent } from './activities';
import { a3Agency, agency, employer, only, periodInput, run, TC0, tc0With } from './tc0.fixtures';

type A3Row = AgencyPeriodInput['activity']['a3'][number];
type A5Row = AgencyPeriodInput['activity']['a5'][number];

/** The centre settles on 2020-08-15 (within epidemic end + 3 months under TC0). */
function settlement(over: Partial<AgencyPeriodInput>, settlementDate = '2020-08-15'): AgencyPeriodInput {
  const input = periodInput({ month: settlementDate.slice(0, 7), ...over });
  input.period.activitySettlementDate = settlementDate;
  return input;
}

const at = (minute: number) => `2020-03-05T09:${String(minute).padStart(2, '0')}:00+08:00`;

function resume(resumeId: string, over: Partial<ResumeFacts> = {}): ResumeFacts {
  return {
    resumeId,
    offeredAnnualSalary: null,
    employerRegion: 'MAIN_CITY',
    degree: 'BACHELOR',
    titleAssociateSeniorOrAbove: false,
    skillGradeSeniorTechnicianOrAbove: false,
    employerIsMunicipalUnivHospResearch: false,
    ...over,
  };
}

function downloads(
  prefix: string,
  n: number,
  listPriceFen: number,
  resumeId: string,
  over: Partial<A5Row> = {},
): A5Row[] {
  return Array.from({ length: n }, (_, i) => ({
    downloadId: `${prefix}${i}`,
    employerId: 'E1',
    agencyId: 'A',
    resumeId,
    listPriceFen,
    downloadedAt: '2020-05-10',
    countedByYingcai: true,
    ...over,
  }));
}

describe('Algorithm 1 — activity subsidies (subsidies.md §8.2, TC0)', () => {
  it('ACT-01 — 双选 per-employer subsidy: 37 distinct employers, one in two rows', () => {
    const employers = Array.from({ length: 37 }, (_, i) => employer(`E${i + 1}`));
    const a3: A3Row[] = employers.map((e, i) => ({
      employerId: e.employerId,
      agencyId: 'A',
      selectedAt: at(i % 60),
      served: true,
    }));
    a3.push({ employerId: 'E1', agencyId: 'A', selectedAt: '2020-03-06T10:00:00+08:00', served: true });
    const line = only(run(settlement({ agency: a3Agency(), employers, activity: { a3, a4: [], a5: [] } })));
    expect(line).toMatchObject({
      lineKey: 'A3:A',
      scheme: 'A3_EMPLOYER_SERVICE',
      status: 'ELIGIBLE',
      amountFen: 740_000,
      basis: 37,
    });
  });

  it('AS-38 — 200 per employer served; two accounts with one credit code count once', () => {
    const employers = Array.from({ length: 37 }, (_, i) => employer(`E${i + 1}`));
    employers.push(employer('E1-second-account', { creditCode: employers[0].creditCode }));
    const a3: A3Row[] = employers.map((e, i) => ({
      employerId: e.employerId,
      agencyId: 'A',
      selectedAt: at(i % 60),
      served: true,
    }));
    const result = run(settlement({ agency: a3Agency(), employers, activity: { a3, a4: [], a5: [] } }));
    expect(only(result)).toMatchObject({ status: 'ELIGIBLE', amountFen: 740_000, basis: 37 });
    expect(result.totalFen).toBe(740_000);
  });

  it('ACT-02 — at most 3 agencies per employer', () => {
    const a3: A3Row[] = ['A', 'B', 'C', 'D'].map((agencyId, i) => ({
      employerId: 'E9',
      agencyId,
      selectedAt: at(i * 10),
      served: true,
    }));
    const forAgency = (id: string) =>
      run(
        settlement({ agency: a3Agency(id), employers: [employer('E9')], activity: { a3, a4: [], a5: [] } }),
      );
    const results = ['A', 'B', 'C', 'D'].map(forAgency);
    expect(results.map((r) => r.totalFen)).toEqual([20_000, 20_000, 20_000, 0]);
    expect(only(results[3])).toMatchObject({
      status: 'REJECTED',
      reasonCode: 'NOTHING_COUNTED',
      amountFen: 0,
    });
    expect(only(results[3]).trail.at(-1)?.values).toMatchObject({ beyondFirstAgencies: 1 });
    expect(results.reduce((s, r) => s + r.totalFen, 0)).toBe(60_000);
  });

  it('A3 gates: unapproved, late registration, disqualified or unserved employers', () => {
    const a3: A3Row[] = [
      { employerId: 'E1', agencyId: 'A', selectedAt: at(0), served: true },
      { employerId: 'E2', agencyId: 'A', selectedAt: at(1), served: false },
      { employerId: 'E3', agencyId: 'A', selectedAt: at(2), served: true },
    ];
    const employers = [
      employer('E1'),
      employer('E2'),
      employer('E3', { registeredAndNotDisqualified: false }),
    ];
    const input = (a: AgencyPeriodInput['agency']) =>
      settlement({ agency: a, employers, activity: { a3, a4: [], a5: [] } });
    expect(only(run(input(a3Agency())))).toMatchObject({ status: 'ELIGIBLE', amountFen: 20_000, basis: 1 });
    expect(only(run(input(agency())))).toMatchObject({
      status: 'REJECTED',
      reasonCode: 'A3_AGENCY_NOT_APPROVED',
    });
    expect(only(run(input(a3Agency('A', { a3RegisteredOn: '2020-03-05' }))))).toMatchObject({
      reasonCode: 'A3_REGISTERED_LATE',
    });
    // "2020年3月4日之前": the named day itself counts unless DEADLINE_INCLUSIVE is false.
    const onTheDay = input(a3Agency('A', { a3RegisteredOn: '2020-03-04' }));
    expect(only(run(onTheDay))).toMatchObject({ status: 'ELIGIBLE' });
    expect(only(run(onTheDay, tc0With({ deadlineInclusive: false })))).toMatchObject({
      reasonCode: 'A3_REGISTERED_LATE',
    });
  });

  it('ACT-04 — 引才 per-employer subsidy', () => {
    const employers = Array.from({ length: 10 }, (_, i) => employer(`E${i + 1}`));
    const a4 = employers.map((e) => ({ employerId: e.employerId, agencyId: 'A', served: true }));
    a4.push(
      { employerId: 'E1', agencyId: 'A', served: true },
      { employerId: 'E11', agencyId: 'A', served: false },
    );
    const line = only(
      run(
        settlement({ agency: agency('A', { a4Listed: true }), employers, activity: { a3: [], a4, a5: [] } }),
      ),
    );
    expect(line).toMatchObject({
      lineKey: 'A4:A',
      scheme: 'A4_EMPLOYER_SERVICE',
      status: 'ELIGIBLE',
      amountFen: 200_000,
      basis: 10,
    });
    expect(
      only(run(settlement({ agency: agency('A'), employers, activity: { a3: [], a4, a5: [] } }))),
    ).toMatchObject({
      reasonCode: 'A4_AGENCY_NOT_LISTED',
    });
  });

  it('ACT-05 — résumé relief: 50 × 20 + 20 × 15 = 1,300.00', () => {
    const a5 = [...downloads('d30-', 50, 3_000, 'R-master'), ...downloads('d15-', 20, 1_500, 'R-master')];
    const input = settlement({
      agency: agency('A', { a4Listed: true }),
      employers: [employer('E1')],
      activity: { a3: [], a4: [], a5 },
      resumes: [resume('R-master', { degree: 'MASTER' })],
    });
    const line = only(run(input));
    expect(line).toMatchObject({
      lineKey: 'A5:A',
      scheme: 'A5_RESUME_RELIEF_REIMBURSEMENT',
      status: 'ELIGIBLE',
      amountFen: 130_000,
      basis: 70,
    });
    // What the employers still pay: max(price − 20, 0) per download.
    const employerPays = a5.reduce((s, d) => s + Math.max(d.listPriceFen - 2_000, 0), 0);
    expect(employerPays).toBe(50_000);
  });

  it('ACT-07 — 人才 definition', () => {
    const floors = TC0.values.talentSalaryFloors;
    const r1 = resume('R1', { offeredAnnualSalary: 120_000 });
    const r2 = resume('R2', { offeredAnnualSalary: 120_000, employerRegion: 'NORTHEAST_SOUTHEAST' });
    const r3 = resume('R3', {
      degree: 'MASTER',
      employerIsMunicipalUnivHospResearch: true,
      offeredAnnualSalary: 90_000,
    });
    const r4 = resume('R4', { degree: 'MASTER' });
    const r5 = resume('R5', { offeredAnnualSalary: 150_000 });
    expect([r1, r2, r3, r4, r5].map((r) => isTalent(r, floors))).toEqual([false, true, false, true, true]);
    const a5 = [r1, r2, r3, r4, r5].flatMap((r) => downloads(r.resumeId, 1, 3_000, r.resumeId));
    const line = only(
      run(
        settlement({
          agency: agency('A', { a4Listed: true }),
          employers: [employer('E1')],
          activity: { a3: [], a4: [], a5 },
          resumes: [r1, r2, r3, r4, r5],
        }),
      ),
    );
    expect(line).toMatchObject({ amountFen: 6_000, basis: 3 });
    expect(line.trail.at(-1)?.values).toMatchObject({ notTalent: 2 });
  });

  it('ACT-08 — outside validity / not counted', () => {
    const a5 = [
      ...downloads('ok', 1, 2_000, 'R4'),
      ...downloads('late', 1, 2_000, 'R4', { downloadedAt: '2020-10-01' }),
      ...downloads('uncounted', 1, 2_000, 'R4', { countedByYingcai: false }),
    ];
    const base = {
      agency: agency('A', { a4Listed: true }),
      employers: [employer('E1')],
      resumes: [resume('R4', { degree: 'MASTER' })],
      asOf: '2020-10-05',
    };
    const line = only(run(settlement({ ...base, activity: { a3: [], a4: [], a5 } }, '2020-09-30')));
    expect(line).toMatchObject({ status: 'ELIGIBLE', amountFen: 2_000, basis: 1 });
    expect(line.trail.at(-1)?.values).toMatchObject({ afterValidity: 1, notCounted: 1 });
    const none = only(
      run(settlement({ ...base, activity: { a3: [], a4: [], a5: a5.slice(1) } }, '2020-09-30')),
    );
    expect(none).toMatchObject({ status: 'REJECTED', reasonCode: 'NOTHING_COUNTED', amountFen: 0 });
  });

  it('A5 bad rows: a negative price or a future download is left out and named', () => {
    const a5 = [
      ...downloads('ok', 2, 2_500, 'R4'),
      ...downloads('neg', 1, -100, 'R4'),
      ...downloads('future', 1, 2_000, 'R4', { downloadedAt: '2020-09-20' }),
      ...downloads('ok', 1, 2_500, 'R4'), // the same download id twice counts once
    ];
    const line = only(
      run(
        settlement({
          agency: agency('A', { a4Listed: true }),
          employers: [employer('E1')],
          activity: { a3: [], a4: [], a5 },
          resumes: [resume('R4', { degree: 'MASTER' })],
        }),
      ),
    );
    expect(line).toMatchObject({
      status: 'ELIGIBLE',
      amountFen: 4_000,
      basis: 2,
      reasonDetails: ['DOWNLOAD_IN_FUTURE', 'INVALID_PRICE'],
    });
  });
});

describe('recruitment.md AS-40 — 线上引才 résumé-download subsidy', () => {
  it('AS-40 — T1 (16万, 主城) and T2 (硕士, not 市属) qualify; at 15元 the download is free; T3 does not', () => {
    const resumes = [
      resume('T1', { offeredAnnualSalary: 160_000 }),
      resume('T2', { degree: 'MASTER' }),
      resume('T3', { offeredAnnualSalary: 120_000 }),
    ];
    const settle = (price: number, ids: string[]) =>
      only(
        run(
          settlement({
            agency: agency('A', { a4Listed: true }),
            employers: [employer('E1')],
            resumes,
            activity: { a3: [], a4: [], a5: ids.flatMap((id) => downloads(`${id}-`, 1, price, id)) },
          }),
        ),
      );
    const at30 = settle(3_000, ['T1', 'T2']);
    expect(at30).toMatchObject({ amountFen: 4_000, basis: 2 }); // A reimbursed 20 each; E pays 30 − 20 = 10 each
    expect(settle(1_500, ['T1'])).toMatchObject({ amountFen: 1_500, basis: 1 });
    expect(settle(3_000, ['T3'])).toMatchObject({
      status: 'REJECTED',
      reasonCode: 'NOTHING_COUNTED',
      amountFen: 0,
    });
  });
});

describe('settlement of activities', () => {
  const a4Input = (settlementDate: string) =>
    settlement(
      {
        agency: agency('A', { a4Listed: true }),
        employers: [employer('E1')],
        activity: { a3: [], a4: [{ employerId: 'E1', agencyId: 'A', served: true }], a5: [] },
      },
      settlementDate,
    );
  it('after epidemic end + 3 months the centre can no longer settle; unset epidemic end holds the line', () => {
    expect(only(run(a4Input('2020-10-01')))).toMatchObject({
      status: 'REJECTED',
      reasonCode: 'SETTLEMENT_AFTER_DEADLINE',
    });
    const held = only(run(a4Input('2020-08-15'), DEFAULT_AGENCY_SUBSIDY_POLICY));
    expect(held).toMatchObject({ status: 'HELD', reasonCode: 'POLICY_VALUE_MISSING' });
    expect(held.trail.at(-1)?.outcome).toBe('manual');
  });
  it('no activity lines in a period without the settlement', () => {
    const input = a4Input('2020-08-15');
    input.period.activitySettlementDate = null;
    expect(run(input).lines).toEqual([]);
  });
});
