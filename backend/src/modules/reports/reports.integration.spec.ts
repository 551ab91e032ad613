import { businessDate } from '@platform/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvedAgency,
  employer,
  organizer,
  runningFair,
  submittedPosition,
} from '../../test-support/fair-fixtures';
import { readySeeker, validIdNumber } from '../../test-support/seeker-fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { ReportsService } from './reports.service';

let t: TestApp;
let org: Awaited<ReturnType<typeof organizer>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await organizer(t.app);
});
afterAll(() => t.close());

const pool = async () =>
  t.app.get<import('pg').Pool>((await import('../../infra/database/database')).PG_POOL);
const year = new Date().getUTCFullYear();

async function employerWithPosition(fairId: string, agencyIds: string[]) {
  const unit = await employer(t.app, org);
  await unit.call('POST', `/api/employers/me/fairs/${fairId}`);
  for (const id of agencyIds) await unit.call('PUT', `/api/employers/me/fairs/${fairId}/agencies/${id}`);
  const { id } = await submittedPosition(unit.call, fairId);
  await org.call('POST', `/api/positions/${id}/review`, { decision: 'approve' });
  return { unit, positionId: id };
}

describe('the agency daily report (S3:3894-3896)', () => {
  it('matches counts recomputed from the seeded applications, as JSON and as Excel', async () => {
    const fair = await runningFair(org, { year });
    const a = await approvedAgency(t.app, org, fair.id);
    const b = await approvedAgency(t.app, org, fair.id);
    const viaA1 = await employerWithPosition(fair.id, [a.id]);
    const viaBoth = await employerWithPosition(fair.id, [a.id, b.id]);
    const viaB = await employerWithPosition(fair.id, [b.id]);

    // The seeded day: who applied where, from which university, and on which day.
    const yesterday = businessDate(new Date(Date.now() - 86_400_000));
    const seeded = [
      { university: '重庆大学', position: viaA1.positionId, day: yesterday },
      { university: '重庆大学', position: viaBoth.positionId, day: yesterday },
      { university: '西南大学', position: viaBoth.positionId, day: yesterday },
      { university: '西南大学', position: viaB.positionId, day: yesterday },
      { university: '重庆邮电大学', position: viaA1.positionId, day: businessDate() },
    ];
    const db = await pool();
    // The employers chose their agencies before the seeded day.
    await db.query(
      `update fair_employer_agencies set created_at = now() - interval '3 days' where fair_id = $1`,
      [fair.id],
    );
    const applicants: { userId: string; university: string }[] = [];
    for (const row of seeded) {
      const seeker = await readySeeker(t.app, { cohort: year, university: row.university });
      const application = (await seeker.call('POST', `/api/positions/${row.position}/applications`)).json();
      await db.query(
        `update applications set created_at = ($2::date + time '10:00') at time zone 'Asia/Shanghai' where id = $1`,
        [application.id, row.day],
      );
      applicants.push({ userId: seeker.user.user.id, university: row.university });
    }

    // Recomputed independently: agency A serves viaA1 and viaBoth.
    const servedByA = new Set([viaA1.positionId, viaBoth.positionId]);
    const counted = seeded.filter((row) => row.day === yesterday && servedByA.has(row.position));
    const expectedUniversities = Object.entries(
      counted.reduce<Record<string, number>>(
        (acc, row) => ({ ...acc, [row.university]: (acc[row.university] ?? 0) + 1 }),
        {},
      ),
    ).map(([university, n]) => ({ university, graduates: n, submissions: n }));

    const response = await a.call('GET', `/api/reports/daily?fairId=${fair.id}&day=${yesterday}`);
    const report = response.json().report;
    expect(report.totals).toEqual({ employers: 2, graduates: counted.length, submissions: counted.length });
    expect(report.universities).toEqual(expect.arrayContaining(expectedUniversities));
    expect(report.universities).toHaveLength(expectedUniversities.length);
    expect(report.employers.map((e: { id: string }) => e.id).sort()).toEqual(
      [viaA1.unit.id, viaBoth.unit.id].sort(),
    );

    const xlsx = await a.call('GET', `/api/reports/daily.xlsx?fairId=${fair.id}&day=${yesterday}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.getRow(7).values).toEqual([undefined, '简历投递数', counted.length]);

    expect((await b.call('GET', `/api/reports/daily?fairId=${fair.id}&agencyId=${a.id}`)).json().code).toBe(
      'FORBIDDEN_NOT_OWNER',
    );
    expect(
      (await org.call('GET', `/api/reports/daily?fairId=${fair.id}&agencyId=${b.id}&day=${yesterday}`)).json()
        .report.totals.submissions,
    ).toBe(3);
  });
});

describe('H/I. coverage and syndication', () => {
  it('AS-46: the coverage view lists each flagged graduate of the roster as registered or not', async () => {
    const fair = await runningFair(org, { year });
    const unit = await employer(t.app, org);
    await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
    const { id: positionId } = await submittedPosition(unit.call, fair.id);
    await org.call('POST', `/api/positions/${positionId}/review`, { decision: 'approve' });

    const took = await readySeeker(t.app, {
      cohort: year,
      flags: [{ flag: 'hubei_origin', evidence: '户籍：湖北省' }],
    });
    await took.call('POST', `/api/positions/${positionId}/applications`);
    const absent = validIdNumber();
    const imported = await org.call('POST', `/api/fairs/${fair.id}/roster`, {
      rows: [
        { university: '重庆大学', name: '李明', idNumber: took.idNumber, flags: ['hubei_origin'] },
        { university: '重庆大学', name: '张华', idNumber: absent, flags: ['low_income_family'] },
      ],
    });
    expect(imported.json()).toEqual({ imported: 2 });
    const coverage = (await org.call('GET', `/api/fairs/${fair.id}/coverage`)).json();
    expect(coverage.totals).toEqual({ listed: 2, registered: 1 });
    expect(coverage.items).toEqual([
      expect.objectContaining({
        name: '张华',
        registered: false,
        flags: ['low_income_family'],
        idNumberMasked: expect.stringMatching(/\*/),
      }),
      expect.objectContaining({ name: '李明', registered: true }),
    ]);
    expect(JSON.stringify(coverage)).not.toContain(absent);
    expect((await org.call('GET', `/api/fairs/${fair.id}/coverage?flag=hubei_origin`)).json().totals).toEqual(
      { listed: 1, registered: 1 },
    );

    const bad = await org.call('POST', `/api/fairs/${fair.id}/roster`, {
      rows: [
        { university: '重庆大学', name: '错号', idNumber: '500103199801011239', flags: ['hubei_origin'] },
      ],
    });
    if (bad.statusCode !== 201)
      expect(bad.json()).toMatchObject({ code: 'SEEKER_ID_INVALID', details: { rows: [1] } });
  });

  it('AS-43: after the export job runs, the feed carries the fair and its published positions', async () => {
    const fair = await runningFair(org, { year });
    const unit = await employer(t.app, org);
    await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
    const { id } = await submittedPosition(unit.call, fair.id, { title: '数据分析师' });
    await org.call('POST', `/api/positions/${id}/review`, { decision: 'approve' });
    const before = await t.app.inject({ method: 'GET', url: `/api/feeds/fairs/${fair.id}` });
    expect(before.statusCode).toBe(404);

    await t.app.get(ReportsService).exportFeeds(); // what the export-fair-feed job runs
    const feed = (await t.app.inject({ method: 'GET', url: `/api/feeds/fairs/${fair.id}` })).json();
    expect(feed).toMatchObject({
      format: 'platform.fair-feed/1',
      fair: { id: fair.id, theme: '就在山城 圆梦青春' },
    });
    expect(feed.positions).toEqual([
      expect.objectContaining({ id, title: '数据分析师', salaryMonthlyYuan: { min: 6000, max: 9000 } }),
    ]);

    await unit.call('POST', `/api/positions/${id}/closure`);
    await t.app.get(ReportsService).exportFeeds();
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/feeds/fairs/${fair.id}` })).json().positions,
    ).toEqual([]);
  });

  it('the organizer overview counts what is stored', async () => {
    const overview = (await org.call('GET', '/api/reports/overview')).json();
    const db = await pool();
    const published = Number(
      (await db.query("select count(*) from positions where status = 'published'")).rows[0].count,
    );
    expect(overview.totals.positions).toBe(published);
    const today = (await db.query("select to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as d"))
      .rows[0].d;
    const publishedToday = Number(
      (
        await db.query(
          "select count(*) from positions where (published_at at time zone 'Asia/Shanghai')::date = $1::date",
          [today],
        )
      ).rows[0].count,
    );
    expect(overview.positionsByDay.find((d: { key: string }) => d.key === today)?.value ?? 0).toBe(
      publishedToday,
    );
    expect(
      overview.positionsByDistrict.reduce((s: number, d: { value: number }) => s + d.value, 0),
    ).toBeLessThanOrEqual(published);
  });
});
