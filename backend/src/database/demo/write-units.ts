import { performance } from 'node:perf_hooks';
import { employers, fairEmployerAgencies, fairEmployers, positions, userRoles, users } from '../schema';
import { buildEmployer, type GeneratedEmployer } from './build-employers';
import { buildPosition, type PositionFair, type PositionRow } from './build-positions';
import type { BulkWriter } from './bulk-writer';
import type { DemoContext } from './demo-context';
import { POSITION_STATUS_CODES, positionsPerEmployer, positionStatuses } from './plan';

type Log = (line: string) => void;

/**
 * Employers with their accounts and fair participations, in batches. Returns the approved ones
 * (the only units that post), without their account rows, which are written by then.
 */
export async function writeEmployers(
  ctx: DemoContext,
  writer: BulkWriter,
  batchSize: number,
  log: Log,
): Promise<GeneratedEmployer[]> {
  const names = new Set<string>();
  const approved: GeneratedEmployer[] = [];
  let batch: GeneratedEmployer[] = [];
  for (let index = 0; index < ctx.plan.employers; index++) {
    const employer = buildEmployer(ctx, index, names);
    batch.push(employer);
    if (employer.row.status === 'approved') approved.push(employer);
    if (batch.length === batchSize || index === ctx.plan.employers - 1) {
      await writeEmployerBatch(ctx, writer, batch);
      batch = [];
    }
  }
  for (const employer of approved) [employer.user, employer.role] = [null, null];
  log(`employers: ${ctx.plan.employers} (${approved.length} approved and in the fair)`);
  return approved;
}

async function writeEmployerBatch(ctx: DemoContext, writer: BulkWriter, batch: GeneratedEmployer[]) {
  await writer.insert(
    users,
    batch.flatMap((e) => (e.user ? [e.user] : [])),
  );
  await writer.insert(
    userRoles,
    batch.flatMap((e) => (e.role ? [e.role] : [])),
  );
  await writer.insert(
    employers,
    batch.map((e) => e.row),
  );
  const joins = batch.flatMap((e) => [
    ...(e.joinedRunningAt ? [{ fairId: ctx.running.id, employer: e, at: e.joinedRunningAt }] : []),
    ...(e.joined2020At && ctx.history ? [{ fairId: ctx.history.id, employer: e, at: e.joined2020At }] : []),
  ]);
  await writer.insert(
    fairEmployers,
    joins.map((j) => ({
      fairId: j.fairId,
      employerId: j.employer.row.id,
      joinedAt: j.at,
      disqualifiedAt: null,
      disqualificationReason: null,
      referredToAuthority: false,
    })),
  );
  await writer.insert(
    fairEmployerAgencies,
    joins.flatMap((j) =>
      j.employer.agencies.map((agency, k) => ({
        fairId: j.fairId,
        employerId: j.employer.row.id,
        agencyId: ctx.ids.agency(agency),
        selectedAt: new Date(j.at.getTime() + (k + 1) * 180_000),
      })),
    ),
  );
}

/**
 * The fair's positions, employer by employer, in batches that are generated while the previous
 * batch is being written; prints progress about every tenth of the way.
 */
export async function writePositions(
  ctx: DemoContext,
  writer: BulkWriter,
  approved: GeneratedEmployer[],
  fair: PositionFair,
  run: { batchSize: number; log: Log; started: number },
): Promise<void> {
  const running = fair.dates.key === 'running';
  const owners = running ? approved : approved.filter((e) => e.in2020);
  const total = running ? ctx.plan.runningPositions : ctx.plan.historyPositions;
  if (!owners.length || !total) return;
  const counts = positionsPerEmployer(
    total,
    owners.map((e) => e.weight),
  );
  const statuses = running ? positionStatuses(ctx.plan, ctx.seed, counts[0]) : null;
  const every = Math.max(run.batchSize, Math.ceil(total / 10 / run.batchSize) * run.batchSize);
  let batch: PositionRow[] = [];
  let index = 0;
  for (let e = 0; e < owners.length; e++) {
    for (let k = 0; k < counts[e]; k++, index++) {
      const status = statuses ? POSITION_STATUS_CODES[statuses[index]] : 'closed';
      batch.push(buildPosition(ctx, fair, owners[e], index, status));
      if (batch.length < run.batchSize && index < total - 1) continue;
      await writer.insert(positions, batch);
      batch = [];
      if ((index + 1) % every === 0 || index === total - 1) progress(run, fair, index + 1, total);
    }
  }
}

function progress(run: { log: Log; started: number }, fair: PositionFair, done: number, total: number) {
  const seconds = (performance.now() - run.started) / 1000;
  run.log(
    `positions of the ${fair.dates.year} fair: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} ` +
      `(${Math.round((100 * done) / total)}%), ${seconds.toFixed(1)} s elapsed`,
  );
}
