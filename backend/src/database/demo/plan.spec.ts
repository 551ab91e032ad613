import { describe, expect, it } from 'vitest';
import {
  allocate,
  DEMO_EMPLOYER_POSITIONS,
  employerStatus,
  planDemo,
  POSITION_STATUS_CODES,
  positionsPerEmployer,
  positionStatuses,
} from './plan';

describe('demo plan', () => {
  it('scales employers with the positions, keeps a few for a handful, and adds up', () => {
    for (const positions of [1, 10, 2000, 1_000_000]) {
      const plan = planDemo(positions, true);
      expect(plan.runningPositions + plan.historyPositions).toBe(positions);
      expect(Object.values(plan.statusCounts).reduce((a, b) => a + b, 0)).toBe(plan.runningPositions);
      expect(plan.approvedEmployers + plan.pendingEmployers + plan.rejectedEmployers).toBe(plan.employers);
      expect(plan.approvedEmployers).toBeGreaterThanOrEqual(4);
    }
    expect(planDemo(10, true).employers).toBe(6);
    expect(planDemo(1_000_000, true).employers).toBe(40_000);
    expect(planDemo(2000, false).historyPositions).toBe(0);
    expect(() => planDemo(0, true)).toThrow();
  });

  it('gives a review queue, drafts and mostly published positions', () => {
    const { statusCounts } = planDemo(2000, true);
    expect(statusCounts.pending_review).toBeGreaterThanOrEqual(2);
    expect(statusCounts.draft).toBeGreaterThanOrEqual(1);
    expect(statusCounts.published / 1900).toBeGreaterThan(0.9);
  });

  it('numbers employers approved first, then pending, the rejected one last', () => {
    const plan = planDemo(500, true);
    expect(employerStatus(plan, 0)).toBe('approved');
    expect(employerStatus(plan, plan.approvedEmployers)).toBe('pending');
    expect(employerStatus(plan, plan.employers - 1)).toBe('rejected');
  });

  it('places statuses by seed, with a pending and a draft position among the demo employer’s', () => {
    const plan = planDemo(2000, true);
    const statuses = positionStatuses(plan, 'cq2020', DEMO_EMPLOYER_POSITIONS);
    expect(statuses).toEqual(positionStatuses(plan, 'cq2020', DEMO_EMPLOYER_POSITIONS));
    const count = (code: number) => statuses.filter((s) => s === code).length;
    POSITION_STATUS_CODES.forEach((status, code) => expect(count(code)).toBe(plan.statusCounts[status]));
    const demo = [...statuses.subarray(0, DEMO_EMPLOYER_POSITIONS)].map((c) => POSITION_STATUS_CODES[c]);
    expect(demo).toContain('pending_review');
    expect(demo).toContain('draft');
  });

  it('splits positions over employers: all of them, one at least each, the demo employer a dozen', () => {
    expect(allocate(10, [1, 1, 2])).toEqual([3, 2, 5]);
    const counts = positionsPerEmployer(1900, [1, 3, 1, 0.5, 2]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1900);
    expect(counts[0]).toBe(DEMO_EMPLOYER_POSITIONS);
    expect(counts[1]).toBeGreaterThan(counts[2]);
    expect(positionsPerEmployer(3, [1, 1, 1, 1, 1])).toEqual([1, 1, 1, 0, 0]);
  });
});
