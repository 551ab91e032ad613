import { describe, expect, it } from 'vitest';
import {
  computeTrainingSubsidy,
  DEFAULT_SUBSIDY_POLICY,
  SubsidyClaim,
  SubsidyHistoryEntry,
  SubsidyPolicy,
} from './subsidy';

const POLICY: SubsidyPolicy = {
  ...DEFAULT_SUBSIDY_POLICY,
  epidemicPeriod: { from: '2020-01-24', to: '2020-12-31' },
  livingAllowancePerDay: 50,
  localStandards: [
    { occupation: '电工', level: 'level5', amount: 1800 },
    { occupation: '电工', level: 'level4', amount: 2400 },
    { occupation: '育婴员', level: 'level5', amount: 5200 },
  ],
  appraisalStandards: [{ occupation: '电工', level: 'level4', amount: 300 }],
};

function claim(
  overrides: Partial<SubsidyClaim> = {},
  classOverrides: Partial<SubsidyClaim['class']> = {},
): SubsidyClaim {
  return {
    claimant: 'trainee',
    scheme: 'trainee',
    channel: 'online',
    submittedAt: '2020-11-20T10:00:00+08:00',
    trainee: { personKey: 'p1', groups: [] },
    class: {
      id: 'k1',
      jurisdiction: 'CQ',
      planApproved: true,
      trainingFrom: '2020-10-01',
      trainingTo: '2020-10-20',
      occupation: '电工',
      level: 'level4',
      institutionInCqCatalogue: true,
      ...classOverrides,
    },
    completion: {
      status: 'COMPLETED_PENDING_AUDIT',
      completedOn: '2020-11-02',
      districtAuditPassed: true,
      evidenceComplete: true,
      certificateVia: 'training_proof',
    },
    trainingDays: 12,
    allowanceItems: [],
    ...overrides,
  };
}

const paid = (
  classId: string,
  occupation: string,
  level: 'level4' | 'level5',
  completedOn: string,
): SubsidyHistoryEntry => ({
  classId,
  occupation,
  level,
  completedOn,
  status: 'paid',
});

describe('training subsidy (training.md §4.2)', () => {
  it('pays the local standard, capped at 4862 per training in Chongqing, and says so', () => {
    const electrician = computeTrainingSubsidy(claim(), [], POLICY);
    expect(electrician).toMatchObject({ decision: 'APPROVED', payee: 'trainee', policyVersion: 'cq-2020.1' });
    expect(electrician.lines).toEqual([
      expect.objectContaining({ kind: 'training', amount: 2400, fund: '职业技能提升行动专账资金' }),
    ]);
    const nanny = computeTrainingSubsidy(claim({}, { occupation: '育婴员', level: 'level5' }), [], POLICY);
    expect(nanny.lines[0]).toMatchObject({ amount: 4862, explanation: expect.stringContaining('4862') });
  });

  it('TR-26 the same person claiming twice for one class is DUPLICATE_CLAIM_SAME_CLASS', () => {
    const history = [{ ...paid('k1', '电工', 'level4', '2020-11-02'), status: 'paid' as const }];
    expect(computeTrainingSubsidy(claim(), history, POLICY).reasons).toContain('DUPLICATE_CLAIM_SAME_CLASS');
  });

  it('TR-28 the same occupation at a higher level is allowed under the yearly limit', () => {
    const history = [paid('k0', '电工', 'level5', '2020-05-01')];
    expect(computeTrainingSubsidy(claim(), history, POLICY).decision).toBe('APPROVED');
    const sameLevel = [paid('k0', '电工', 'level4', '2020-05-01')];
    expect(computeTrainingSubsidy(claim(), sameLevel, POLICY).reasons).toEqual([
      'SAME_OCCUPATION_LEVEL_REPEAT',
    ]);
  });

  it('TR-29 a fourth subsidy in a year is refused; the same completion in the next year is allowed', () => {
    const history = [
      paid('a', '焊工', 'level5', '2020-03-01'),
      paid('b', '厨师', 'level5', '2020-06-01'),
      paid('c', '育婴员', 'level5', '2020-09-01'),
    ];
    expect(computeTrainingSubsidy(claim(), history, POLICY).reasons).toEqual(['ANNUAL_LIMIT_3_REACHED']);
    const nextYear = claim({
      completion: { ...claim().completion, completedOn: '2021-01-05' },
      submittedAt: '2021-01-10T10:00:00+08:00',
    });
    expect(computeTrainingSubsidy(nextYear, history, POLICY).decision).toBe('APPROVED');
  });

  it('TR-31 the urgent-trade day rate: 200 × 12 = 2400, and 35 days are capped at 6000', () => {
    const urgent = (trainingDays: number) =>
      claim(
        {
          claimant: 'enterprise',
          scheme: 'cq_urgent_trade',
          trainingDays,
          trainee: { personKey: 'p1', groups: [], employerId: 'e1' },
          enterprise: { id: 'e1', periods: [{ from: '2020-02-01', to: '2020-12-31', kind: 'recovery' }] },
        },
        { occupation: '缝纫工', level: 'none' },
      );
    expect(computeTrainingSubsidy(urgent(12), [], POLICY).lines[0]).toMatchObject({ amount: 2400 });
    const capped = computeTrainingSubsidy(urgent(35), [], POLICY).lines[0];
    expect(capped).toMatchObject({ amount: 6000, explanation: expect.stringContaining('7000') });
  });

  it('TR-32 a D8 claim on 2021-01-04 is late; at 23:59 Asia/Shanghai on 2020-12-31 it is in time', () => {
    const d8 = (submittedAt: string) =>
      claim({
        claimant: 'enterprise',
        scheme: 'enterprise_d8',
        submittedAt,
        trainee: { personKey: 'p1', groups: [], employerId: 'e1' },
        enterprise: { id: 'e1', periods: [{ from: '2020-02-01', to: '2020-12-31', kind: 'recovery' }] },
      });
    expect(computeTrainingSubsidy(d8('2021-01-04T09:00:00+08:00'), [], POLICY).reasons).toContain(
      'CLAIM_AFTER_DEADLINE',
    );
    expect(computeTrainingSubsidy(d8('2020-12-31T23:59:00+08:00'), [], POLICY).reasons).not.toContain(
      'CLAIM_AFTER_DEADLINE',
    );
    // 2020-12-31T16:00Z is already 2021-01-01 in Shanghai.
    expect(computeTrainingSubsidy(d8('2020-12-31T16:00:00Z'), [], POLICY).reasons).toContain(
      'CLAIM_AFTER_DEADLINE',
    );
  });

  it('TR-34 and TR-35 an enterprise in stoppage claims for its staff and for a platform rider without a contract', () => {
    const stoppage = {
      claimant: 'enterprise' as const,
      scheme: 'enterprise_stoppage' as const,
      enterprise: { id: 'p', periods: [{ from: '2020-02-03', to: '2020-02-29', kind: 'stoppage' as const }] },
    };
    const inStoppage = { trainingFrom: '2020-02-10', trainingTo: '2020-02-20' };
    const staff = claim(
      { ...stoppage, trainee: { personKey: 'p1', groups: [], employerId: 'p' } },
      inStoppage,
    );
    expect(computeTrainingSubsidy(staff, [], POLICY)).toMatchObject({
      decision: 'APPROVED',
      payee: 'enterprise',
    });
    const rider = claim(
      { ...stoppage, trainee: { personKey: 'p2', groups: [], servesViaPlatformOf: ['p'] } },
      inStoppage,
    );
    expect(computeTrainingSubsidy(rider, [], POLICY).decision).toBe('APPROVED');
    const stranger = claim({ ...stoppage, trainee: { personKey: 'p3', groups: [] } }, inStoppage);
    expect(computeTrainingSubsidy(stranger, [], POLICY).reasons).toEqual(['NOT_AN_EMPLOYEE']);
    const afterwards = claim(
      { ...stoppage, trainee: { personKey: 'p1', groups: [], employerId: 'p' } },
      {
        trainingFrom: '2020-03-02',
        trainingTo: '2020-03-10',
      },
    );
    expect(computeTrainingSubsidy(afterwards, [], POLICY).reasons).toEqual(['TRAINING_OUTSIDE_STOPPAGE']);
  });

  it('TR-37 a Chongqing enterprise using an uncatalogued institution is refused', () => {
    const c = claim(
      {
        claimant: 'enterprise',
        scheme: 'cq_enterprise',
        trainee: { personKey: 'p1', groups: [], employerId: 'e1' },
        enterprise: { id: 'e1', periods: [{ from: '2020-02-01', to: '2020-12-31', kind: 'recovery' }] },
      },
      { institutionInCqCatalogue: false },
    );
    expect(computeTrainingSubsidy(c, [], POLICY).reasons).toEqual(['INSTITUTION_NOT_IN_CQ_CATALOGUE']);
  });

  it('TR-40 and TR-41 living allowance only for the E4 groups, and never for transport', () => {
    const items = [
      { kind: 'living' as const, amount: 600 },
      { kind: 'transport' as const, amount: 300 },
    ];
    const ordinary = computeTrainingSubsidy(claim({ allowanceItems: items }), [], POLICY);
    expect(ordinary.lines.map((l) => l.kind)).toEqual(['training']);
    expect(ordinary.removedItems.map((i) => i.kind)).toEqual(['transport', 'living']);
    const poor = computeTrainingSubsidy(
      claim({ allowanceItems: items, trainee: { personKey: 'p1', groups: ['registered_poor'] } }),
      [],
      POLICY,
    );
    expect(poor.lines.find((l) => l.kind === 'living')).toMatchObject({ amount: 600, fund: '就业补助资金' });
    expect(poor.removedItems).toEqual([expect.objectContaining({ kind: 'transport', amount: 300 })]);
  });

  it('TR-43 a skill-level assessment adds an appraisal line, separate from the training subsidy', () => {
    const assessed = claim({
      completion: { ...claim().completion, certificateVia: 'skill_level_assessment' },
    });
    expect(computeTrainingSubsidy(assessed, [], POLICY).lines.map((l) => [l.kind, l.amount])).toEqual([
      ['training', 2400],
      ['appraisal', 300],
    ]);
  });

  it('refuses what is not complete, not audited, or has no local standard, and says each reason', () => {
    const c = claim(
      {
        completion: { ...claim().completion, status: 'COMPLETED_PENDING_AUDIT', districtAuditPassed: false },
      },
      { occupation: '茶艺师' },
    );
    expect(computeTrainingSubsidy(c, [], POLICY).reasons).toEqual([
      'JIEYE_AUDIT_PENDING',
      'NO_LOCAL_STANDARD',
    ]);
    const incomplete = claim({ completion: { ...claim().completion, status: 'INCOMPLETE' } });
    expect(computeTrainingSubsidy(incomplete, [], POLICY).reasons).toEqual(['NOT_COMPLETED']);
  });
});
