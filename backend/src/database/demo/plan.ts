import { rngFor } from './prng';

/** The largest fair the generator accepts; employer logins and credit codes are sized for it. */
export const MAX_POSITIONS = 5_000_000;
export const POSITIONS_PER_EMPLOYER = 25;
/** Five agencies pass the five conditions (§2.2); one more applies, fails and is rejected. */
export const APPROVED_AGENCIES = 5;
export const AGENCIES = APPROVED_AGENCIES + 1;
/** Positions the demo employer account gets, so its pages show a list with every state. */
export const DEMO_EMPLOYER_POSITIONS = 12;

export type EmployerStatus = 'approved' | 'pending' | 'rejected';
export const POSITION_STATUS_CODES = ['published', 'pending_review', 'draft', 'rejected', 'closed'] as const;
export type GeneratedPositionStatus = (typeof POSITION_STATUS_CODES)[number];

/** How many of everything one `--positions N` run writes. */
export interface DemoPlan {
  positions: number;
  runningPositions: number;
  /** Closed positions of the 2020 fair, 5% of the total when it is generated. */
  historyPositions: number;
  employers: number;
  approvedEmployers: number;
  pendingEmployers: number;
  rejectedEmployers: number;
  /** Of the running fair's positions, by status. */
  statusCounts: Record<GeneratedPositionStatus, number>;
}

export function planDemo(positions: number, withHistory: boolean): DemoPlan {
  if (!Number.isInteger(positions) || positions < 1 || positions > MAX_POSITIONS)
    throw new Error(`positions must be an integer from 1 to ${MAX_POSITIONS}`);
  const employers = Math.max(6, Math.ceil(positions / POSITIONS_PER_EMPLOYER));
  const pendingEmployers = Math.max(1, Math.round(employers * 0.03));
  const historyPositions = withHistory ? Math.floor(positions * 0.05) : 0;
  const runningPositions = positions - historyPositions;
  return {
    positions,
    runningPositions,
    historyPositions,
    employers,
    approvedEmployers: employers - pendingEmployers - 1,
    pendingEmployers,
    rejectedEmployers: 1,
    statusCounts: statusCounts(runningPositions),
  };
}

/** Mostly published; a review queue, some drafts, a few rejected and closed ones. */
function statusCounts(total: number): Record<GeneratedPositionStatus, number> {
  const pending_review = total >= 4 ? Math.max(2, Math.round(total * 0.005)) : 0;
  const draft = total >= 3 ? Math.max(1, Math.round(total * 0.02)) : 0;
  const rejected = Math.round(total * 0.002);
  const closed = Math.round(total * 0.01);
  const published = total - pending_review - draft - rejected - closed;
  return { published, pending_review, draft, rejected, closed };
}

/** Employers are numbered approved first, then pending, the rejected one last. */
export function employerStatus(plan: DemoPlan, index: number): EmployerStatus {
  if (index < plan.approvedEmployers) return 'approved';
  if (index < plan.approvedEmployers + plan.pendingEmployers) return 'pending';
  return 'rejected';
}

/**
 * The status of every running-fair position (an index into POSITION_STATUS_CODES), in a seeded
 * order; the first `demoBlock` positions (the demo employer's) hold a pending and a draft one.
 */
export function positionStatuses(plan: DemoPlan, seed: string, demoBlock: number): Uint8Array {
  const statuses = new Uint8Array(plan.runningPositions);
  let at = 0;
  POSITION_STATUS_CODES.forEach((status, code) => {
    statuses.fill(code, at, at + plan.statusCounts[status]);
    at += plan.statusCounts[status];
  });
  rngFor(seed, 'position-statuses').shuffle(statuses);
  for (const code of [1, 2]) bringIntoBlock(statuses, code, demoBlock);
  return statuses;
}

function bringIntoBlock(statuses: Uint8Array, code: number, block: number): void {
  if (statuses.subarray(0, block).includes(code)) return;
  const from = statuses.indexOf(code, block);
  const to = statuses.subarray(0, block).lastIndexOf(0);
  if (from < 0 || to < 0) return;
  statuses[from] = statuses[to];
  statuses[to] = code;
}

/** Splits `total` in proportion to `weights` (largest remainder, ties to the lower index). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!weights.length || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) counts[order[k % order.length][1]] += 1;
  return counts;
}

/**
 * Positions per approved employer: one each while they last, the demo employer up to
 * DEMO_EMPLOYER_POSITIONS, the rest by the employers' weights (their size).
 */
export function positionsPerEmployer(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 1) return [total];
  if (total <= n) return weights.map((_, i) => (i < total ? 1 : 0));
  const demoExtra = Math.min(DEMO_EMPLOYER_POSITIONS - 1, total - n);
  const rest = allocate(total - n - demoExtra, [0, ...weights.slice(1)]);
  return rest.map((count, i) => count + 1 + (i === 0 ? demoExtra : 0));
}
