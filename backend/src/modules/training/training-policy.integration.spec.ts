import { DEFAULT_TRAINING_POLICY } from '@platform/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_POOL } from '../../infra/database/database';
import { caller, daysFromToday, organizer } from '../../test-support/fair-fixtures';
import { registerStaff, registerUser, startTestApp, TestApp } from '../../test-support/test-app';
import { courseInput, institution, platform } from '../../test-support/training-fixtures';
import { CompletionInputLoader } from './completion-input.loader';

let t: TestApp;
let pool: Pool;
beforeAll(async () => {
  t = await startTestApp();
  pool = t.app.get(PG_POOL);
});
afterAll(() => t.close());

const fastValues = {
  ...DEFAULT_TRAINING_POLICY.values,
  heartbeatSeconds: 5,
  idleTimeoutSeconds: 10,
  randomCheckMinSeconds: 15,
  randomCheckMaxSeconds: 20,
};

describe('training policy versions (training.md §4.0, admin-set values)', () => {
  it('applies the newest version already in effect, refuses a reused name and keeps the old one', async () => {
    const admin = await registerStaff(t.app, ['admin']);
    const call = caller(t.app, admin.accessToken);
    const version = `test-${Date.now()}`;
    const created = await call('POST', '/api/training/policies', {
      version,
      effectiveFrom: new Date(Date.now() - 1000).toISOString(),
      // The defaults again: other test files share this database and its policy in force.
      values: DEFAULT_TRAINING_POLICY.values,
      note: '测试：与内置默认值相同的新版本',
    });
    expect(created.statusCode).toBe(201);
    const current = await call('GET', '/api/training/policies/current');
    expect(current.json()).toMatchObject({ version, values: DEFAULT_TRAINING_POLICY.values });

    const again = await call('POST', '/api/training/policies', {
      version,
      effectiveFrom: new Date().toISOString(),
      values: DEFAULT_TRAINING_POLICY.values,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TRAINING_POLICY_VERSION_TAKEN');

    const future = await call('POST', '/api/training/policies', {
      version: `${version}-next`,
      effectiveFrom: '2100-01-01T00:00:00+08:00',
      values: { ...fastValues, heartbeatSeconds: 60 },
    });
    expect(future.statusCode).toBe(201);
    // A version that starts later changes nothing now.
    expect((await call('GET', '/api/training/policies/current')).json().version).toBe(version);
  });

  it('refuses inconsistent values with a stable code and lets only admins create versions', async () => {
    const admin = await registerStaff(t.app, ['admin']);
    const bad = await caller(t.app, admin.accessToken)('POST', '/api/training/policies', {
      version: `bad-${Date.now()}`,
      effectiveFrom: new Date().toISOString(),
      values: { ...fastValues, randomCheckMinSeconds: 100, randomCheckMaxSeconds: 50 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');

    const org = await organizer(t.app);
    const forbidden = await org.call('POST', '/api/training/policies', {
      version: `org-${Date.now()}`,
      effectiveFrom: new Date().toISOString(),
      values: fastValues,
    });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('completion input loader (training.md §4.1 inputs)', () => {
  it('reads every session of the trainee, open ones up to their last heartbeat, with checks and records', async () => {
    const org = await organizer(t.app);
    const school = await institution(org.call);
    const site = await platform(org.call);
    const course = (await org.call('POST', '/api/training/courses', courseInput(school.id, site.id))).json();
    for (const [catalogue, subjectId] of [
      ['institution', school.id],
      ['platform', site.id],
      ['project', course.id],
    ])
      await org.call('POST', '/api/training/listings', {
        catalogue,
        subjectId,
        listedFrom: daysFromToday(-30),
        listedUntil: null,
        source: '渝人社办〔2020〕28号',
      });
    const trainee = await registerUser(t.app, ['trainee']);
    const userId = trainee.user.id;
    const classId = (
      await pool.query(
        `insert into training_classes (course_id, institution_id, name, district, starts_on, ends_on, plan_status)
         values ($1, $2, '育婴员一期', '渝北区', $3, $4, 'approved') returning id`,
        [course.id, school.id, daysFromToday(-3), daysFromToday(20)],
      )
    ).rows[0].id;
    const enrolmentId = (
      await pool.query(
        `insert into training_enrolments (class_id, user_id, signed_in_at) values ($1, $2, now()) returning id`,
        [classId, userId],
      )
    ).rows[0].id;
    const open = (
      await pool.query(
        `insert into learning_sessions (enrolment_id, class_id, user_id, module, device_id, started_at,
           last_heartbeat_at, face_verified_at_start, has_retained_media, idle)
         values ($1, $2, $3, '理论知识', 'phone', '2026-01-05T01:00:00Z', '2026-01-05T01:50:00Z', true, true,
           '[{"from":"2026-01-05T01:10:00.000Z","to":"2026-01-05T01:15:00.000Z"}]') returning id`,
        [enrolmentId, classId, userId],
      )
    ).rows[0].id;
    await pool.query(
      `insert into learning_checks (session_id, kind, issued_at, due_by, challenge, answer_hash, result)
       values ($1, 'random', '2026-01-05T01:20:00Z', '2026-01-05T01:21:00Z', '3+4', 'h', 'pending'),
              ($1, 'random', '2026-01-05T01:40:00Z', '2026-01-05T01:41:00Z', '2+2', 'h', 'passed'),
              ($1, 'session_start', '2026-01-05T01:00:00Z', '2026-01-05T01:01:00Z', 'face', 'h', 'passed')`,
      [open],
    );
    await pool.query(
      `insert into training_assessments (enrolment_id, kind, score, created_at) values
         ($1, 'qa', null, '2026-01-04T01:00:00Z'), ($1, 'exam', 55, '2026-01-04T02:00:00Z'),
         ($1, 'exam', 82, '2026-01-05T02:00:00Z'), ($1, 'attendance', 90, '2026-01-05T02:00:00Z')`,
      [enrolmentId],
    );

    const input = await t.app.get(CompletionInputLoader).load(enrolmentId, new Date('2026-01-05T02:00:00Z'));
    expect(input.trainee.realNameVerified).toBe(false);
    expect(input.class).toMatchObject({
      id: classId,
      planApproved: true,
      catalogue: { courseListed: true, institutionListed: true, platformSelected: true },
    });
    expect(input.sessions).toHaveLength(1);
    expect(input.sessions[0]).toMatchObject({
      source: 'server',
      start: '2026-01-05T01:00:00.000Z',
      end: '2026-01-05T01:50:00.000Z',
      // The overdue pending check is unanswered; the session-start check is not a random check.
      checks: [
        { at: '2026-01-05T01:20:00.000Z', result: 'unanswered' },
        { at: '2026-01-05T01:40:00.000Z', result: 'passed' },
      ],
      idle: [{ from: '2026-01-05T01:10:00.000Z', to: '2026-01-05T01:15:00.000Z' }],
    });
    // The resit recorded later is the exam result that counts.
    expect(input).toMatchObject({ signedIn: true, hasQaOrTest: true, attendanceRatio: 0.9, examScore: 82 });
  });
});
