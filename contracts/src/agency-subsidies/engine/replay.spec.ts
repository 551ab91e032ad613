import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgencySubsidyPolicyValuesSchema, DEFAULT_AGENCY_SUBSIDY_POLICY } from '../policy';
import { evaluateAgencyPeriod } from './evaluate';
import { AGENCY_SUBSIDY_REASON_CODE_LIST, AGENCY_SUBSIDY_REASON_CODES } from './reason-codes';
import { replayLine } from './replay';
import { evaluateSubsidyRequest, parseSubsidyRequest, SubsidyInputError } from './request';
import { activitySlice, parseLineKey, placementSlice, SliceIndex, sliceForLine } from './slices';
import { ag01, E1, E3, E4, employer, periodInput, placement, si, TC0, worker } from './tc0.fixtures';

const ROOT = join(__dirname, '../../../..');

describe('slices and replay of a stored line', () => {
  const busy = () =>
    ag01({
      placements: [
        placement('P1'),
        placement('P2', { workerId: 'W2', employerId: 'E3', contract: { contractId: 'C2' } }),
      ],
      workers: [
        worker('W1', { categories: ['MIGRANT_WORKER'] }),
        worker('W2', { categories: ['REGISTERED_POOR'] }),
      ],
      employers: [ag01().employers[0], E3],
      socialInsurance: [...si('W1', 'E1', '2020-03', '2020-08'), ...si('W2', 'E3', '2020-03', '2020-08')],
      ledger: {
        claims: [
          {
            agencyId: 'B',
            placementId: 'PB',
            workerId: 'W2',
            contractId: 'C2',
            referralDate: '2020-02-28',
            referralVerified: true,
          },
        ],
        paidPlacements: [],
      },
    });

  it('a placement slice holds only what decides that line', () => {
    const slice = placementSlice(busy(), 'P2');
    expect(slice.placements.map((p) => p.placementId)).toEqual(['P2']);
    expect(slice.workers.map((w) => w.workerId)).toEqual(['W2']);
    expect(slice.employers.map((e) => e.employerId)).toEqual(['E3']);
    expect(new Set(slice.socialInsurance.map((r) => r.workerId))).toEqual(new Set(['W2']));
    expect(slice.ledger.claims).toHaveLength(1);
    expect(slice.period.activitySettlementDate).toBeNull();
    expect(sliceForLine(busy(), 'P:P2')).toEqual(slice);
  });

  it('replayLine recomputes a stored line and says whether it is identical (key order does not matter)', () => {
    const input = busy();
    const line = evaluateAgencyPeriod(input, TC0).lines.find((l) => l.lineKey === 'P:P2')!;
    expect(line).toMatchObject({ status: 'ELIGIBLE', amountFen: 50_000 });
    // Stored as JSON (jsonb reorders keys) and read back.
    const stored = JSON.parse(JSON.stringify(sliceForLine(input, 'P:P2')));
    const storedLine = reversedKeys(line) as typeof line;
    expect(replayLine(stored, TC0, 'P:P2', storedLine)).toMatchObject({ identical: true, differences: [] });
    expect(replayLine(stored, TC0, 'P:P2').identical).toBeNull();
    // A tampered amount, or another policy version, is reported.
    expect(replayLine(stored, TC0, 'P:P2', { ...storedLine, amountFen: 20_000 })).toMatchObject({
      identical: false,
      differences: ['amountFen'],
    });
    const other = replayLine(stored, DEFAULT_AGENCY_SUBSIDY_POLICY, 'P:P2', storedLine);
    expect(other.identical).toBe(false);
    expect(other.differences).toEqual(expect.arrayContaining(['status', 'amountFen', 'reasonCode', 'trail']));
    expect(replayLine(stored, TC0, 'P:nope', storedLine)).toMatchObject({ line: null, identical: false });
  });

  it('line keys parse back (placement ids may contain colons; stacked lines end in the scheme)', () => {
    expect(parseLineKey('P:abc:def')).toEqual({ kind: 'placement', placementId: 'abc:def', scheme: null });
    expect(parseLineKey('P:abc:A1_BASIC')).toEqual({
      kind: 'placement',
      placementId: 'abc',
      scheme: 'A1_BASIC',
    });
    expect(parseLineKey('A3:agency-1')).toEqual({ kind: 'activity', scheme: 'A3', agencyId: 'agency-1' });
    expect(() => parseLineKey('X:1')).toThrow(RangeError);
    expect(() => sliceForLine(busy(), 'A3:another-agency')).toThrow(RangeError);
    expect(activitySlice(busy()).placements).toEqual([]);
  });

  it('the engine is deterministic: input order does not change the lines', () => {
    const input = busy();
    const reversed = {
      ...input,
      placements: [...input.placements].reverse(),
      socialInsurance: [...input.socialInsurance].reverse(),
    };
    expect(evaluateAgencyPeriod(reversed, TC0)).toEqual(evaluateAgencyPeriod(input, TC0));
  });
});

describe('SliceIndex: the slices of a chunk without rescanning it for every line', () => {
  /** 60 placements of 25 workers, in no particular order, with what makes slices differ. */
  const crowded = () => {
    const n = 60;
    const workerOf = (i: number) => `W${(i * 7) % 25}`;
    const employerOf = (i: number) => ['E1', 'E3', 'E4', 'E5'][i % 4];
    const placements = Array.from({ length: n }, (_, i) =>
      placement(`P${(i * 37) % n}`, {
        workerId: workerOf(i),
        employerId: employerOf(i),
        // One in nine is claimed outside the period (not a candidate, still sliced when asked).
        claimDate: i % 9 === 0 ? '2020-08-20' : '2020-09-10',
        contract: { contractId: `C${i % 11}`, employerId: i % 13 === 0 ? 'E4' : employerOf(i) },
      }),
    );
    return periodInput({
      placements,
      workers: Array.from({ length: 25 }, (_, w) => worker(`W${24 - w}`, { categories: ['MIGRANT_WORKER'] })),
      // E5 twice: a slice keeps every row of an employer id, in the input's order.
      employers: [E4, employer('E5'), E3, E1, employer('E5', { orgType: 'PUBLIC_INSTITUTION' })],
      socialInsurance: placements.flatMap((p, i) =>
        si(p.workerId, p.contract.employerId, '2020-0' + (1 + (i % 4)), '2020-08'),
      ),
      ledger: {
        claims: placements.slice(0, 20).map((p, i) => ({
          agencyId: i % 2 ? 'B' : 'A',
          placementId: `R${i}`,
          workerId: p.workerId,
          contractId: p.contract.contractId,
          referralDate: '2020-02-20',
          referralVerified: i % 3 > 0,
        })),
        paidPlacements: [{ workerId: 'W3', contractId: 'C3', agencyId: 'B', placementId: 'PX' }],
      },
    });
  };

  it('gives, for every line and every placement, exactly what sliceForLine gives', () => {
    const input = crowded();
    const index = new SliceIndex(input);
    const lines = evaluateAgencyPeriod(input, TC0).lines;
    expect(lines.length).toBeGreaterThan(40);
    for (const line of lines)
      expect(index.forLine(line.lineKey)).toStrictEqual(sliceForLine(input, line.lineKey));
    for (const p of input.placements)
      expect(index.forLine(`P:${p.placementId}`)).toStrictEqual(placementSlice(input, p.placementId));
  });

  it('writes the slice in sorted key order and never shares its arrays between lines', () => {
    const input = crowded();
    const index = new SliceIndex(input);
    for (const lineKey of ['P:P1', 'A3:A']) {
      const slice = index.forLine(lineKey);
      expect(Object.keys(slice)).toEqual([...Object.keys(slice)].sort());
      expect(Object.keys(slice.activity)).toEqual(['a3', 'a4', 'a5']);
      expect(Object.keys(slice.ledger)).toEqual(['claims', 'paidPlacements']);
    }
    const a = index.forLine('P:P1');
    a.placements.push(placement('extra'));
    a.socialInsurance.length = 0;
    expect(index.forLine('P:P1')).toStrictEqual(placementSlice(input, 'P1'));
  });

  it('refuses what sliceForLine refuses', () => {
    const index = new SliceIndex(crowded());
    expect(() => index.forLine('P:nope')).toThrow(RangeError);
    expect(() => index.forLine('A3:another-agency')).toThrow(RangeError);
    expect(index.forLine('A3:A')).toStrictEqual(activitySlice(crowded()));
  });
});

describe('reason codes', () => {
  it('every code the engine can emit is listed with Chinese and English text', () => {
    const sources = ['placements.ts', 'activities.ts', 'trail.ts']
      .map((f) => readFileSync(join(__dirname, f), 'utf8'))
      .join('\n');
    const emitted = new Set(
      [
        ...sources.matchAll(
          /(?:settle\([^,]+, '[A-Z_]+', |code: |errs\.push\(|details\.add\()'([A-Z][A-Z0-9_]+)'/g,
        ),
      ].map((m) => m[1]),
    );
    expect(emitted.size).toBeGreaterThan(25);
    for (const code of emitted) expect(AGENCY_SUBSIDY_REASON_CODES, code).toHaveProperty(code);
    for (const entry of AGENCY_SUBSIDY_REASON_CODE_LIST) {
      expect(entry.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.en.length).toBeGreaterThan(10);
    }
  });

  it('§8.1 codes named by the scenarios exist', () => {
    for (const code of [
      'SI_LESS_THAN_6_MONTHS',
      'NO_SCHEME_MATCHED',
      'DUPLICATE_CLAIM_OTHER_AGENCY_WINS',
      'DUPLICATE_NEEDS_REVIEW',
      'CONTRACT_NOT_WITH_TARGET_EMPLOYER',
      'REHIRE_NOT_A_PLACEMENT',
      'AGENCY_BLACKLISTED',
      'CLAIM_AFTER_DEADLINE',
      'TASK_BASED_CONTRACT_REVIEW',
    ])
      expect(AGENCY_SUBSIDY_REASON_CODES).toHaveProperty(code);
  });
});

describe('subsidy:evaluate request (docs/subsidy-input.md)', () => {
  const example = (name: string) => readFileSync(join(ROOT, 'docs/examples', name), 'utf8');

  it('docs/examples/agency-subsidy-ag01.json gives AG-01: one A1_BASIC line of 200.00', () => {
    const result = evaluateSubsidyRequest(example('agency-subsidy-ag01.json'));
    expect(result.totalFen).toBe(20_000);
    expect(result.lines.map((l) => [l.lineKey, l.scheme, l.status, l.amountFen])).toEqual([
      ['P:P1', 'A1_BASIC', 'ELIGIBLE', 20_000],
    ]);
    expect(result.policyVersion).toBe('tc0-example');
  });

  it('docs/examples/agency-subsidy-activity.json gives A3 400.00 (4th agency of E9 not counted), A4 200.00, A5 35.00', () => {
    const result = evaluateSubsidyRequest(example('agency-subsidy-activity.json'));
    expect(result.lines.map((l) => [l.lineKey, l.status, l.amountFen, l.basis])).toEqual([
      ['A3:A', 'ELIGIBLE', 40_000, 2],
      ['A4:A', 'ELIGIBLE', 20_000, 1],
      ['A5:A', 'ELIGIBLE', 3_500, 2],
    ]);
    expect(result.totalFen).toBe(63_500);
  });

  it('a bare input uses the default policy; the example policy is a valid §9 policy', () => {
    const { input, policy } = JSON.parse(example('agency-subsidy-ag01.json'));
    expect(AgencySubsidyPolicyValuesSchema.safeParse(policy.values).success).toBe(true);
    const bare = parseSubsidyRequest(JSON.stringify(input));
    expect(bare.policy).toBe(DEFAULT_AGENCY_SUBSIDY_POLICY);
    expect(evaluateAgencyPeriod(bare.input, bare.policy).lines[0]).toMatchObject({
      status: 'HELD',
      reasonCode: 'POLICY_VALUE_MISSING',
    });
  });

  it('invalid JSON or shape → SubsidyInputError SUBSIDY_INPUT_INVALID with the paths', () => {
    const fail = (text: string) => {
      try {
        evaluateSubsidyRequest(text);
      } catch (error) {
        expect(error).toBeInstanceOf(SubsidyInputError);
        return (error as SubsidyInputError).details;
      }
      throw new Error('accepted');
    };
    expect(fail('{not json')[0].message).toMatch(/not JSON/);
    const input = periodInput({ placements: [placement('P1')] });
    const bad = JSON.parse(JSON.stringify(input));
    bad.placements[0].claimDate = '2020-13-40';
    bad.placements[0].feeChargedToWorkerFen = 1.5;
    const details = fail(JSON.stringify({ input: bad }));
    expect(details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['input.placements.0.claimDate', 'input.placements.0.feeChargedToWorkerFen']),
    );
    expect(
      fail(JSON.stringify({ input, policy: { version: 'x', values: { epidemicEndDate: null } } })).length,
    ).toBeGreaterThan(5);
    const backwards = {
      ...input,
      period: { from: '2020-09-30', to: '2020-09-01', activitySettlementDate: null },
    };
    expect(fail(JSON.stringify(backwards))).toEqual([
      { path: 'input.period.to', message: 'the period ends before it starts' },
    ]);
  });
});

/** A deep copy with every object's keys in reverse order (as a jsonb round trip may give). */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  return value;
}
