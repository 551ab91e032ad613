import { A4_COLUMNS, A5_COLUMNS, QueueName } from '@platform/contracts';
import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_POOL } from '../../infra/database/database';
import { redisConnection } from '../../infra/queue/queue.module';
import { subsidyTestPolicy, uscc, subsidiesWorker } from '../../test-support/agency-subsidy-fixtures';
import {
  approvedAgency,
  caller,
  Caller,
  employer,
  organizer,
  runningFair,
  submittedPosition,
} from '../../test-support/fair-fixtures';
import { registerStaff, startTestApp, TestApp } from '../../test-support/test-app';

/**
 * A3 from the platform's own fair columns, A4/A5 from the staff import of 重庆英才网's
 * statistics, computed by a real period run (subsidies.md §5.3 step 3, ACT-02/04/05/08).
 */
let t: TestApp;
let pool: Pool;
let worker: Worker;
let events: QueueEvents;
let queue: Queue;
let org: Awaited<ReturnType<typeof organizer>>;
let admin: Caller;
type AgencyFixture = Awaited<ReturnType<typeof approvedAgency>>;
const ag: Record<'A' | 'B' | 'C' | 'D', AgencyFixture & { uscc: string }> = {} as never;
let clerk: Awaited<ReturnType<typeof organizer>>;
let periodId: string;

/** Selections and postings happened in the 2020 activity: the rows are dated back there. */
async function backdate(
  table: 'fair_employer_agencies' | 'positions',
  where: string,
  at: string,
  params: unknown[],
) {
  const column = table === 'positions' ? 'published_at' : 'created_at';
  await pool.query(`update ${table} set ${column} = $1::timestamptz where ${where}`, [at, ...params]);
}

/** An employer that joins the fair, chooses agencies in order (each a minute later), and maybe posts. */
async function employerChoosing(
  fairId: string,
  chosen: AgencyFixture[],
  opts: { posts: boolean; day: string },
) {
  const unit = await employer(t.app, org);
  expect((await unit.call('POST', `/api/employers/me/fairs/${fairId}`)).statusCode).toBeLessThan(300);
  for (const [i, a] of chosen.entries()) {
    const res = await unit.call('PUT', `/api/employers/me/fairs/${fairId}/agencies/${a.id}`);
    expect(res.statusCode, res.body).toBeLessThan(300);
    await backdate(
      'fair_employer_agencies',
      'employer_id = $2 and agency_id = $3',
      `${opts.day}T09:0${i}:00+08:00`,
      [unit.id, a.id],
    );
  }
  if (opts.posts) {
    const { id } = await submittedPosition(unit.call, fairId);
    expect((await org.call('POST', `/api/positions/${id}/review`, { decision: 'approve' })).statusCode).toBe(
      201,
    );
    await backdate('positions', 'id = $2', `${opts.day}T15:00:00+08:00`, [id]);
  }
  return unit;
}

const csv = (columns: Record<string, string>, rows: string[][]) => ({
  contentBase64: Buffer.from([Object.values(columns), ...rows].map((r) => r.join(',')).join('\r\n')).toString(
    'base64',
  ),
});

beforeAll(async () => {
  t = await startTestApp();
  pool = t.app.get(PG_POOL);
  const connection = redisConnection(t.config.REDIS_URL);
  queue = new Queue(QueueName.subsidies, { connection, prefix: t.config.QUEUE_PREFIX });
  events = new QueueEvents(QueueName.subsidies, { connection, prefix: t.config.QUEUE_PREFIX });
  await events.waitUntilReady();
  worker = subsidiesWorker(t, 2);
  org = await organizer(t.app);
  admin = caller(t.app, (await registerStaff(t.app, ['admin'])).accessToken);
  clerk = await organizer(t.app);
  await subsidyTestPolicy(pool);
  const fair = await runningFair(org);
  const later = await runningFair(org);
  for (const name of ['A', 'B', 'C'] as const)
    ag[name] = { ...(await approvedAgency(t.app, org, fair.id)), uscc: '' };
  ag.D = { ...(await approvedAgency(t.app, org, later.id)), uscc: '' };
  for (const a of Object.values(ag)) {
    // Registered for the 2020 activity before its deadline (A3_REG_DEADLINE 2020-03-04).
    await pool.query(`update agency_applications set submitted_on = '2020-03-01' where agency_id = $1`, [
      a.id,
    ]);
    a.uscc = (await pool.query('select uscc from agencies where id = $1', [a.id])).rows[0].uscc;
  }
  // E1 chose A, B, C in the first fair, then D in another: D is its 4th agency (ACT-02).
  const e1 = await employerChoosing(fair.id, [ag.A, ag.B, ag.C], { posts: true, day: '2020-03-06' });
  await e1.call('POST', `/api/employers/me/fairs/${later.id}`);
  await e1.call('PUT', `/api/employers/me/fairs/${later.id}/agencies/${ag.D.id}`);
  await backdate(
    'fair_employer_agencies',
    'employer_id = $2 and agency_id = $3',
    '2020-03-07T10:00:00+08:00',
    [e1.id, ag.D.id],
  );
  // E2 chose A but never published a position: not served. E3 chose A and posted.
  await employerChoosing(fair.id, [ag.A], { posts: false, day: '2020-03-08' });
  await employerChoosing(fair.id, [ag.A], { posts: true, day: '2020-03-09' });
}, 180_000);

afterAll(async () => {
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await events.close();
  await t.close();
});

async function runPeriod(id: string) {
  const res = await org.call('POST', `/api/admin/subsidy-periods/${id}/runs`);
  expect(res.statusCode, res.body).toBe(201);
  const run = res.json() as { id: string };
  const parent = await Job.fromId(queue, `period_${id}_run_${run.id}`);
  await parent!.waitUntilFinished(events, 60_000);
}

async function activityLines() {
  const { rows } = await pool.query(
    `select id, line_key, agency_id, status, reason_code, amount_fen, basis, input_hash, trail
       from subsidy_lines where period_id = $1 and kind = 'activity' order by line_key`,
    [periodId],
  );
  return rows;
}

describe('the 重庆英才网 statistics import (A4, A5)', () => {
  it('is refused to an agency and to staff without the activity_import permission', async () => {
    const file = { fileName: 'a4.csv', ...csv(A4_COLUMNS, [[ag.A.uscc, uscc(), '某公司', '是']]) };
    expect((await ag.A.call('POST', '/api/activity-records/a4/imports', file)).json().code).toBe(
      'FORBIDDEN_ROLE',
    );
    expect((await clerk.call('POST', '/api/activity-records/a4/imports', file)).json().code).toBe(
      'FORBIDDEN_PERMISSION',
    );
    const granted = await admin('POST', `/api/users/${clerk.user.id}/permissions`, {
      permission: 'activity_import',
    });
    expect(granted.statusCode).toBe(201);
    const staff = (await admin('GET', '/api/staff-permissions')).json().items;
    expect(staff.find((s: { userId: string }) => s.userId === clerk.user.id).permissions).toEqual([
      'activity_import',
    ]);
  });

  it('keeps valid A4 rows and reports the others by row, column and code; a re-import adds nothing', async () => {
    const [x1, x2, x3] = [uscc(), uscc(), uscc()];
    const file = {
      fileName: '引才服务.csv',
      ...csv(A4_COLUMNS, [
        [ag.A.uscc, x1, '山城软件', '是'],
        [ag.A.uscc, x2, '渝州制造', 'Y'],
        [ag.A.uscc, x3, '巴渝物流', '否'],
        [ag.A.uscc, 'ABC', '坏代码', '是'],
        [uscc(), x1, '未知机构', '是'],
        [ag.A.uscc, x1, '山城软件', '是'],
        [ag.A.uscc, x2, '渝州制造', '也许'],
        [ag.B.uscc, x1, '山城软件', '是'],
      ]),
    };
    const result = (await clerk.call('POST', '/api/activity-records/a4/imports', file)).json();
    expect(result).toMatchObject({ kind: 'A4', totalRows: 8, importedRows: 4, updatedRows: 0 });
    expect(
      result.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [5, A4_COLUMNS.employerUscc, 'USCC_INVALID'],
      [6, A4_COLUMNS.agencyUscc, 'AGENCY_NOT_FOUND'],
      [7, A4_COLUMNS.employerUscc, 'A4_SERVICE_DUPLICATE'],
      [8, A4_COLUMNS.served, 'BOOL_INVALID'],
    ]);
    const again = (await clerk.call('POST', '/api/activity-records/a4/imports', file)).json();
    expect(again).toMatchObject({ importedRows: 0, updatedRows: 0 });
    const audit = await pool.query(`select actor_id from audit_events where subject_id = $1`, [
      result.batchId,
    ]);
    expect(audit.rows).toEqual([{ actor_id: clerk.user.id }]);
  });

  it('imports A5 downloads with the 人才 facts; A is put on the published 引才 list, B is not', async () => {
    const emp = uscc();
    const row = (
      ref: string,
      price: string,
      day: string,
      counted: string,
      salary: string,
      degree: string,
    ) => [ref, ag.A.uscc, emp, `R-${ref}`, price, day, counted, salary, '主城九区', degree, '否', '否', '否'];
    const result = (
      await clerk.call('POST', '/api/activity-records/a5/imports', {
        fileName: '简历下载.csv',
        ...csv(A5_COLUMNS, [
          row('D1', '30', '2020-06-01', '是', '', '硕士'), // 人才 by degree: min(30, 20) = 20
          row('D2', '15.00', '2020-06-02', '是', '', '博士'), // 15 < 20: paid at cost
          row('D3', '30', '2020-06-03', '否', '', '硕士'), // not in 英才网 statistics
          row('D4', '30', '2020-06-04', '是', '120000', '本科'), // 120,000 < 150,000 in 主城: not 人才
          row('D5', 'abc', '2020-06-05', '是', '', '硕士'),
          row('D1', '30', '2020-06-01', '是', '', '硕士'),
          row('D7', '30', '2021-05-01', '是', '', '硕士'), // after A4A5_VALID_TO (2021-03-31)
        ]),
      })
    ).json();
    expect(result).toMatchObject({ kind: 'A5', totalRows: 7, importedRows: 5 });
    expect(result.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [6, 'PRICE_INVALID'],
      [7, 'DOWNLOAD_DUPLICATE'],
    ]);
    const listed = await clerk.call('POST', '/api/activity-records/listed-agencies', {
      agencyUscc: ag.A.uscc,
    });
    expect(listed.statusCode, listed.body).toBe(201);
    expect(listed.json().items.map((a: { agencyId: string }) => a.agencyId)).toEqual([ag.A.id]);
    const seen = (await org.call('GET', '/api/activity-records/a5')).json().items;
    expect(seen.map((d: { downloadRef: string }) => d.downloadRef).sort()).toEqual([
      'D1',
      'D2',
      'D3',
      'D4',
      'D7',
    ]);
  });
});

describe('a period that settles the activities', () => {
  it('yields the exact A3, A4 and A5 lines, and a second run changes nothing', async () => {
    const created = await org.call('POST', '/api/admin/subsidy-periods', {
      label: '2020年11月（活动结算）',
      fromDate: '2020-11-01',
      toDate: '2020-11-30',
      activitySettlementDate: '2020-11-15',
    });
    expect(created.statusCode, created.body).toBe(201);
    periodId = created.json().id;
    await runPeriod(periodId);
    const lines = await activityLines();
    const byKey = (a: unknown[], b: unknown[]) => (String(a[0]) < String(b[0]) ? -1 : 1);
    expect(
      lines.map((l) => [l.line_key, l.status, l.reason_code, l.amount_fen, l.basis]).sort(byKey),
    ).toEqual(
      [
        [`A3:${ag.A.id}`, 'ELIGIBLE', null, 40_000, 2], // E1 and E3; E2 posted nothing
        [`A3:${ag.B.id}`, 'ELIGIBLE', null, 20_000, 1],
        [`A3:${ag.C.id}`, 'ELIGIBLE', null, 20_000, 1],
        [`A3:${ag.D.id}`, 'REJECTED', 'NOTHING_COUNTED', 0, 0], // E1's 4th agency
        [`A4:${ag.A.id}`, 'ELIGIBLE', null, 40_000, 2], // x1, x2 served; x3 not
        [`A4:${ag.B.id}`, 'REJECTED', 'A4_AGENCY_NOT_LISTED', 0, null],
        [`A5:${ag.A.id}`, 'ELIGIBLE', null, 3_500, 2], // 20 + 15 元
      ].sort(byKey),
    );
    const a3 = lines.find((l) => l.line_key === `A3:${ag.A.id}`).trail.at(-1);
    expect(a3).toMatchObject({ rule: 'A3_EMPLOYER_SERVICE', values: { employersServed: 2, notServed: 1 } });
    const d = lines.find((l) => l.line_key === `A3:${ag.D.id}`).trail.at(-1);
    expect(d.values).toMatchObject({ beyondFirstAgencies: 1 });
    const a5 = lines.find((l) => l.line_key === `A5:${ag.A.id}`).trail.at(-1);
    expect(a5.values).toMatchObject({ notCounted: 1, notTalent: 1, afterValidity: 1 });

    await runPeriod(periodId);
    const again = await activityLines();
    expect(again.map((l) => [l.id, l.status, l.amount_fen, l.input_hash])).toEqual(
      lines.map((l) => [l.id, l.status, l.amount_fen, l.input_hash]),
    );
  });

  it('shows the agency its activity lines with the 为什么 trail', async () => {
    const mine = (await ag.A.call('GET', `/api/agency-subsidy-lines?periodId=${periodId}`)).json().items as {
      lineKey: string;
      amountFen: number;
    }[];
    expect(mine.map((l) => [l.lineKey, l.amountFen]).sort()).toEqual([
      [`A3:${ag.A.id}`, 40_000],
      [`A4:${ag.A.id}`, 40_000],
      [`A5:${ag.A.id}`, 3_500],
    ]);
  });
});

describe('the 指定专人 permission', () => {
  it('is revoked by an admin only, audited, and the import is refused again', async () => {
    expect((await clerk.call('GET', '/api/staff-permissions')).statusCode).toBe(403);
    const revoked = await admin('DELETE', `/api/users/${clerk.user.id}/permissions/activity_import`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    const file = { fileName: 'a4.csv', ...csv(A4_COLUMNS, [[ag.A.uscc, uscc(), '某公司', '是']]) };
    expect((await clerk.call('POST', '/api/activity-records/a4/imports', file)).json().code).toBe(
      'FORBIDDEN_PERMISSION',
    );
    const audit = await pool.query(
      `select action from audit_events where subject_id = $1 and action like 'permission.%' order by created_at`,
      [clerk.user.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['permission.grant', 'permission.revoke']);
  });
});
