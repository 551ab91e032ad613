import ExcelJS from 'exceljs';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_POOL } from '../../infra/database/database';
import { organizer } from '../../test-support/fair-fixtures';
import { registerUser, startTestApp, TestApp } from '../../test-support/test-app';
import { courseInput, institution, platform } from '../../test-support/training-fixtures';

let t: TestApp;
let pool: Pool;
let org: Awaited<ReturnType<typeof organizer>>;
beforeAll(async () => {
  t = await startTestApp();
  pool = t.app.get(PG_POOL);
  org = await organizer(t.app);
});
afterAll(() => t.close());

/** A district nobody else's test uses, so counts are exact on a shared database. */
const district = `测试区${Date.now() % 100000}`;

async function classIn(courseId: string, institutionId: string): Promise<string> {
  const { rows } = await pool.query(
    `insert into training_classes (course_id, institution_id, name, district, starts_on, ends_on, plan_status)
     values ($1, $2, '报表测试班', $3, '2020-03-01', '2020-03-31', 'approved') returning id`,
    [courseId, institutionId, district],
  );
  return rows[0].id;
}

async function enrol(classId: string, userId: string, at: string): Promise<string> {
  const { rows } = await pool.query(
    `insert into training_enrolments (class_id, user_id, created_at) values ($1, $2, $3) returning id`,
    [classId, userId, at],
  );
  return rows[0].id;
}

async function decide(enrolmentId: string, at: string, theory: number, status = 'INCOMPLETE') {
  const { rows } = await pool.query(
    `insert into training_completion_decisions
       (enrolment_id, input_hash, policy_version, status, input, outcome, trigger, created_at)
     values ($1, $2, 'cq-2020.1', $3, '{}', $4, 'nightly', $5) returning id`,
    [
      enrolmentId,
      `${enrolmentId}-${at}`,
      status,
      JSON.stringify({ hours: { onlineTheory: theory, onlinePractical: 2, offlinePractical: 0 } }),
      at,
    ],
  );
  return rows[0].id as string;
}

describe('training reports (R5, R6: by platform, institution, occupation, district)', () => {
  it('counts enrolments, credited 学时 and completions as of the period end, new ones within it', async () => {
    const school = await institution(org.call);
    const platformName = `报表平台${Date.now()}`;
    const site = await platform(org.call, { name: platformName });
    const course = (await org.call('POST', '/api/training/courses', courseInput(school.id, site.id))).json();
    const classId = await classIn(course.id, school.id);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => registerUser(t.app, ['trainee'])));
    // Before the period (2020-03-02..2020-03-15, Asia/Shanghai): counts in the totals only.
    const early = await enrol(classId, a!.user.id, '2020-03-01T10:00:00+08:00');
    const inside = await enrol(classId, b!.user.id, '2020-03-02T00:00:00+08:00');
    // After the period's last day: not counted at all.
    await enrol(classId, c!.user.id, '2020-03-16T00:00:00+08:00');

    await decide(early, '2020-03-05T12:00:00+08:00', 10);
    const done = await decide(early, '2020-03-10T12:00:00+08:00', 40, 'COMPLETED_PENDING_AUDIT');
    // A later decision than the period end must not change the report.
    await decide(early, '2020-03-20T12:00:00+08:00', 99);
    await decide(inside, '2020-03-12T12:00:00+08:00', 5);
    await pool.query(
      `insert into training_certificates (enrolment_id, decision_id, verification_code, content, created_at)
       values ($1, $2, $3, '{}', '2020-03-10T12:00:00+08:00')`,
      [early, done, `RPT${Date.now()}`],
    );

    const read = (dimension: string) =>
      org.call('GET', `/api/reports/training?dimension=${dimension}&from=2020-03-02&to=2020-03-15`);
    const byDistrict = await read('district');
    expect(byDistrict.statusCode).toBe(200);
    expect(byDistrict.json().rows.find((r: { key: string }) => r.key === district)).toEqual({
      key: district,
      newEnrolments: 1,
      enrolments: 2,
      trainees: 2,
      creditedXueshi: 42 + 7,
      newCompletions: 1,
      completions: 1,
    });
    const byPlatform = (await read('platform')).json();
    expect(byPlatform.rows.find((r: { key: string }) => r.key === platformName)).toMatchObject({
      enrolments: 2,
      completions: 1,
    });
    expect(byPlatform.totals.enrolments).toBeGreaterThanOrEqual(2);
  });

  it('exports the 双周调度 workbook and keeps the figures from trainees', async () => {
    const response = await org.call('GET', '/api/reports/training/biweekly.xlsx?to=2020-03-15');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent('线上培训双周调度表_2020-03-02_2020-03-15.xlsx'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '汇总',
      '线上培训平台',
      '培训机构',
      '职业（工种）',
      '区县',
    ]);
    const districtSheet = workbook.getWorksheet('区县')!;
    const names = districtSheet.getColumn(1).values as unknown[];
    expect(names).toContain(district);

    const trainee = await registerUser(t.app, ['trainee']);
    const forbidden = await t.app.inject({
      method: 'GET',
      url: '/api/reports/training',
      headers: { authorization: `Bearer ${trainee.accessToken}` },
    });
    expect(forbidden.statusCode).toBe(403);
    const reversed = await org.call('GET', '/api/reports/training?from=2020-03-20&to=2020-03-15');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().code).toBe('DATE_INVALID');
  });
});
