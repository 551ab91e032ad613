import { QueueName } from '@platform/contracts';
import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import ExcelJS from 'exceljs';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_POOL } from '../../infra/database/database';
import { redisConnection } from '../../infra/queue/queue.module';
import {
  keyEmployer,
  placement,
  siMonths,
  subsidyTestPolicy,
  subsidyWorker,
  subsidiesWorker,
} from '../../test-support/agency-subsidy-fixtures';
import { approvedAgency, caller, Caller, organizer, runningFair } from '../../test-support/fair-fixtures';
import { registerStaff, registerUser, startTestApp, TestApp } from '../../test-support/test-app';
import { SubsidyComputation } from './subsidy-computation.service';

let t: TestApp;
let pool: Pool;
let worker: Worker;
let events: QueueEvents;
let queue: Queue;
let org: Awaited<ReturnType<typeof organizer>>;
let admin: Caller;
let agencyA: Awaited<ReturnType<typeof approvedAgency>>;
let agencyB: Awaited<ReturnType<typeof approvedAgency>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  pool = t.app.get(PG_POOL);
  const connection = redisConnection(t.config.REDIS_URL);
  queue = new Queue(QueueName.subsidies, { connection, prefix: t.config.QUEUE_PREFIX });
  events = new QueueEvents(QueueName.subsidies, { connection, prefix: t.config.QUEUE_PREFIX });
  await events.waitUntilReady();
  worker = subsidiesWorker(t, 4);
  org = await organizer(t.app);
  admin = caller(t.app, (await registerStaff(t.app, ['admin'])).accessToken);
  await subsidyTestPolicy(pool);
  const fair = await runningFair(org);
  agencyA = await approvedAgency(t.app, org, fair.id);
  agencyB = await approvedAgency(t.app, org, fair.id);

  const key = await keyEmployer(pool);
  // 张困难: 就业困难人员, a one-year contract and six paid months: A1 500 元.
  ids.hard = await subsidyWorker(pool, '张困难', ['EMPLOYMENT_DIFFICULTY']);
  ids.hardPlacement = await placement(pool, {
    agencyId: agencyA.id,
    workerId: ids.hard,
    employer: key,
    claimDate: '2020-09-05',
  });
  await siMonths(pool, ids.hard, key.uscc, '2020-03', 6);
  // 李待满: three months so far and still employed: pending, decided again in a later period.
  ids.pending = await subsidyWorker(pool, '李待满', ['REGISTERED_UNEMPLOYED']);
  ids.pendingPlacement = await placement(pool, {
    agencyId: agencyA.id,
    workerId: ids.pending,
    employer: key,
    signDate: '2020-06-01',
    endDate: '2021-05-31',
    claimDate: '2020-09-10',
  });
  await siMonths(pool, ids.pending, key.uscc, '2020-06', 3);
  // 王短期: a six-month contract.
  ids.short = await subsidyWorker(pool, '王短期', ['REGISTERED_UNEMPLOYED']);
  ids.shortPlacement = await placement(pool, {
    agencyId: agencyA.id,
    workerId: ids.short,
    employer: key,
    endDate: '2020-09-09',
    claimDate: '2020-09-12',
  });
  await siMonths(pool, ids.short, key.uscc, '2020-03', 6);
  // Agency B's own eligible placement.
  ids.other = await subsidyWorker(pool, '赵其他', ['MIGRANT_WORKER']);
  await placement(pool, {
    agencyId: agencyB.id,
    workerId: ids.other,
    employer: key,
    claimDate: '2020-09-20',
  });
  await siMonths(pool, ids.other, key.uscc, '2020-03', 6);
}, 120_000);

afterAll(async () => {
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await events.close();
  await t.close();
});

async function createPeriod(label: string, fromDate: string, toDate: string) {
  const res = await org.call('POST', '/api/admin/subsidy-periods', { label, fromDate, toDate });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Starts a run through the api and waits for its flow's parent to finish. */
async function runPeriod(periodId: string) {
  const res = await org.call('POST', `/api/admin/subsidy-periods/${periodId}/runs`);
  expect(res.statusCode, res.body).toBe(201);
  const run = res.json() as { id: string };
  const parent = await Job.fromId(queue, `period_${periodId}_run_${run.id}`);
  await parent!.waitUntilFinished(events, 60_000);
  return run.id;
}

async function lines(periodId: string) {
  const { rows } = await pool.query(
    `select id, line_key, agency_id, status, reason_code, amount_fen, scheme, input_hash, trail, input,
            policy_version from subsidy_lines where period_id = $1 order by line_key`,
    [periodId],
  );
  return rows;
}

describe('a period computed as a BullMQ flow', () => {
  it('computes every agency, stores each line with its slice and policy version, and closes the run', async () => {
    ids.period = await createPeriod('2020年9月', '2020-09-01', '2020-09-30');
    const runId = await runPeriod(ids.period);
    const run = await org.call('GET', `/api/subsidy-runs/${runId}`);
    expect(run.json()).toMatchObject({
      status: 'completed',
      agenciesTotal: 2,
      agenciesDone: 2,
      placementsTotal: 4,
      placementsDone: 4,
    });
    const byPlacement = new Map((await lines(ids.period)).map((l) => [l.line_key, l]));
    expect(byPlacement.get(`P:${ids.hardPlacement}`)).toMatchObject({
      status: 'ELIGIBLE',
      scheme: 'A1_HARD',
      amount_fen: 50_000,
    });
    expect(byPlacement.get(`P:${ids.pendingPlacement}`)).toMatchObject({
      status: 'PENDING_MATURITY',
      reason_code: 'PENDING_MATURITY',
    });
    expect(byPlacement.get(`P:${ids.shortPlacement}`)).toMatchObject({
      status: 'REJECTED',
      reason_code: 'CONTRACT_SHORTER_THAN_1_YEAR',
    });
    for (const line of byPlacement.values()) {
      expect(line.policy_version).toMatch(/^agency-test-/);
      expect(line.trail.length).toBeGreaterThan(0);
    }
    // The stored slice is the placement's own facts, not the whole agency's input.
    const slice = byPlacement.get(`P:${ids.hardPlacement}`)!.input;
    expect(slice.placements.map((p: { placementId: string }) => p.placementId)).toEqual([ids.hardPlacement]);
  });

  it('a chunk run twice, the same flow added again, and a second run change nothing', async () => {
    const before = await lines(ids.period);
    const computation = t.app.get(SubsidyComputation);
    const { rows } = await pool.query('select run_id from subsidy_lines where period_id = $1 limit 1', [
      ids.period,
    ]);
    await computation.computeChunk({
      periodId: ids.period,
      runId: rows[0].run_id,
      agencyId: agencyA.id,
      chunk: 0,
      afterWorkerId: null,
      toWorkerId: null,
    });
    expect(await lines(ids.period)).toEqual(before);
    await runPeriod(ids.period);
    const after = await lines(ids.period);
    expect(after.map((l) => [l.id, l.status, l.amount_fen, l.input_hash])).toEqual(
      before.map((l) => [l.id, l.status, l.amount_fen, l.input_hash]),
    );
  });

  it('keeps a line’s period and run as a foreign key would: no line without them, no deleting them under lines', async () => {
    const { rows } = await pool.query(
      'select id, run_id, agency_id from subsidy_lines where period_id = $1 limit 1',
      [ids.period],
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    const insert = (periodId: string, runId: string) =>
      pool.query(
        `insert into subsidy_lines (period_id, agency_id, line_key, kind, amount_fen, status, trail, input,
            input_hash, policy_version, run_id)
         values ($1, $2, 'A3:refs-check', 'activity', 0, 'REJECTED', '[]', '{}', 'x', 'v', $3)`,
        [periodId, rows[0].agency_id, runId],
      );
    await expect(insert(ids.period, missing)).rejects.toMatchObject({ code: '23503' });
    await expect(insert(missing, rows[0].run_id)).rejects.toMatchObject({ code: '23503' });
    await expect(
      pool.query('update subsidy_lines set run_id = $2 where id = $1', [rows[0].id, missing]),
    ).rejects.toMatchObject({ code: '23503' });
    await expect(
      pool.query('delete from subsidy_runs where id = $1', [rows[0].run_id]),
    ).rejects.toMatchObject({
      code: '23503',
    });
    await expect(pool.query('delete from subsidy_periods where id = $1', [ids.period])).rejects.toMatchObject(
      {
        code: '23503',
      },
    );
    expect(
      (await pool.query('select 1 from subsidy_lines where line_key = $1', ['A3:refs-check'])).rowCount,
    ).toBe(0);
  });

  it('re-evaluates a placement pending maturity in a later period, with the months that arrived since', async () => {
    const key = await pool.query('select contract_party_uscc from agency_placements where id = $1', [
      ids.pendingPlacement,
    ]);
    await siMonths(pool, ids.pending, key.rows[0].contract_party_uscc, '2020-09', 3);
    const later = await createPeriod('2020年12月', '2020-12-01', '2020-12-31');
    await runPeriod(later);
    const laterLines = await lines(later);
    expect(laterLines.map((l) => [l.line_key, l.status, l.scheme, l.amount_fen])).toEqual([
      [`P:${ids.pendingPlacement}`, 'ELIGIBLE', 'A1_BASIC', 20_000],
    ]);
    // The earlier period keeps what it decided then.
    const earlier = (await lines(ids.period)).find((l) => l.line_key === `P:${ids.pendingPlacement}`);
    expect(earlier.status).toBe('PENDING_MATURITY');
  });

  it('refuses agencies the organizer actions, and a period overlapping another', async () => {
    expect((await agencyA.call('POST', `/api/admin/subsidy-periods/${ids.period}/runs`)).statusCode).toBe(
      403,
    );
    const overlap = await org.call('POST', '/api/admin/subsidy-periods', {
      label: '重叠',
      fromDate: '2020-09-15',
      toDate: '2020-10-15',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().code).toBe('SUBSIDY_PERIOD_OVERLAPS');
  });
});

describe('lines, claims, 公示 and payment', () => {
  it('an agency sees its own lines with the reason explained in Chinese, never another agency’s', async () => {
    const mine = await agencyA.call('GET', `/api/agency-subsidy-lines?periodId=${ids.period}`);
    expect(mine.statusCode).toBe(200);
    const items = mine.json().items as {
      id: string;
      agencyId: string;
      reason: { zh: string } | null;
      worker: string;
    }[];
    expect(new Set(items.map((l) => l.agencyId))).toEqual(new Set([agencyA.id]));
    const short = items.find((l) => l.worker === '王*期')!;
    expect(short.reason!.zh).toMatch(/合同|一年|1年/);
    const theirs = (await agencyB.call('GET', `/api/agency-subsidy-lines?periodId=${ids.period}`)).json()
      .items;
    expect((await agencyB.call('GET', `/api/agency-subsidy-lines/${short.id}`)).statusCode).toBe(403);
    expect(theirs.every((l: { agencyId: string }) => l.agencyId === agencyB.id)).toBe(true);
  });

  it('goes from submission through review and 公示 to payment and recovery, every step audited', async () => {
    const submitted = await agencyA.call('POST', '/api/agency-subsidy-claims', { periodId: ids.period });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const claim = submitted.json();
    expect(claim).toMatchObject({ status: 'submitted', claimedFen: 50_000 });
    expect(claim.lines.map((l: { lineKey: string }) => l.lineKey)).toEqual([`P:${ids.hardPlacement}`]);
    const again = await agencyA.call('POST', '/api/agency-subsidy-claims', { periodId: ids.period });
    expect(again.statusCode).toBe(409);

    // Another agency can neither read nor review it; an agency cannot review at all.
    expect((await agencyB.call('GET', `/api/agency-subsidy-claims/${claim.id}`)).statusCode).toBe(403);
    const lineId = claim.lines[0].id;
    const byAgency = await agencyA.call('POST', `/api/admin/agency-subsidy-claims/${claim.id}/review`, {
      lines: [{ lineId, decision: 'approve' }],
    });
    expect(byAgency.statusCode).toBe(403);
    const noReason = await org.call('POST', `/api/admin/agency-subsidy-claims/${claim.id}/review`, {
      lines: [{ lineId, decision: 'reject' }],
    });
    expect(noReason.statusCode).toBe(400);

    const reviewed = await org.call('POST', `/api/admin/agency-subsidy-claims/${claim.id}/review`, {
      lines: [{ lineId, decision: 'approve' }],
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ status: 'in_notice', approvedFen: 50_000 });
    expect(reviewed.json().noticeFrom <= reviewed.json().noticeUntil).toBe(true);

    const notices = await t.app.inject({ method: 'GET', url: '/api/public/agency-subsidy-notices' });
    expect(notices.statusCode).toBe(200);
    expect(notices.json().items).toContainEqual(
      expect.objectContaining({ claimId: claim.id, worker: '张*难', amountYuan: '500.00' }),
    );
    expect(notices.body).not.toContain('张困难');

    const early = await org.call('POST', `/api/admin/agency-subsidy-claims/${claim.id}/pay`);
    expect(early.json().code).toBe('CLAIM_NOTICE_NOT_OVER');
    await pool.query(`update agency_subsidy_claims set notice_until = '2020-01-01' where id = $1`, [
      claim.id,
    ]);
    const paid = await org.call('POST', `/api/admin/agency-subsidy-claims/${claim.id}/pay`);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().status).toBe('paid');
    expect(paid.json().lines[0].status).toBe('PAID');

    const xlsx = await org.call('GET', `/api/admin/agency-subsidy-claims/export.xlsx?periodId=${ids.period}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const row = book.worksheets[0]!.getRow(2).values as unknown[];
    expect(row).toContain('张*难');
    expect(row).toContain('500.00');

    const recovered = await org.call('POST', `/api/admin/agency-subsidy-lines/${lineId}/recover`, {
      reason: '经核查为虚假就业',
    });
    expect(recovered.statusCode, recovered.body).toBe(200);
    expect(recovered.json()).toMatchObject({ status: 'RECOVERED', reviewReason: '经核查为虚假就业' });

    const audit = await pool.query(
      `select action from audit_events where subject_id in ($1, $2, $3) order by created_at`,
      [claim.id, lineId, ids.period],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'agency-subsidy.claim.submit',
        'agency-subsidy.claim.review',
        'agency-subsidy.claim.pay',
        'export.agency-subsidy-finance',
        'agency-subsidy.line.recover',
      ]),
    );
  });

  it('a claimed line is the reviewers’: a new run of its period leaves it as reviewed', async () => {
    await runPeriod(ids.period);
    const line = (await lines(ids.period)).find((l) => l.line_key === `P:${ids.hardPlacement}`);
    expect(line.status).toBe('RECOVERED');
  });

  it('a seeker or an unauthenticated caller gets nothing', async () => {
    const seeker = await registerUser(t.app);
    const call = caller(t.app, seeker.accessToken);
    expect((await call('GET', '/api/agency-subsidy-lines')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/agency-subsidy-claims' })).statusCode).toBe(401);
  });
});

describe('replay', () => {
  it('recomputes a stored line from its slice and policy version: identical, or the difference', async () => {
    const stored = (await lines(ids.period)).find((l) => l.line_key === `P:${ids.shortPlacement}`);
    const same = await admin('GET', `/api/admin/agency-subsidy-lines/${stored.id}/replay`);
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ identical: true, differences: [] });
    // The paid (then recovered) line replays as the ELIGIBLE line the engine decided.
    const paid = (await lines(ids.period)).find((l) => l.line_key === `P:${ids.hardPlacement}`);
    expect(
      (await org.call('POST', `/api/admin/agency-subsidy-lines/${paid.id}/replay`)).json().identical,
    ).toBe(true);

    await pool.query('update subsidy_lines set amount_fen = 99 where id = $1', [stored.id]);
    const changed = (await admin('POST', `/api/admin/agency-subsidy-lines/${stored.id}/replay`)).json();
    expect(changed.identical).toBe(false);
    expect(changed.differences).toEqual([{ field: 'amountFen', stored: 99, replayed: 0 }]);
    expect(
      (await agencyA.call('GET', `/api/admin/agency-subsidy-lines/${stored.id}/replay`)).statusCode,
    ).toBe(403);
  });
});
