import { DEFAULT_SUBSIDY_POLICY_VALUES } from '@platform/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_POOL } from '../../infra/database/database';
import { caller, Caller, employer, organizer } from '../../test-support/fair-fixtures';
import { validIdNumber } from '../../test-support/seeker-fixtures';
import { registerStaff, registerUser, startTestApp, TestApp } from '../../test-support/test-app';
import { courseInput, institution, platform } from '../../test-support/training-fixtures';

let t: TestApp;
let pool: Pool;
let org: Awaited<ReturnType<typeof organizer>>;
/** An occupation of this run only, so its local standard and the person caps are this test's. */
const occupation = `育婴员${Date.now() % 100000}`;
let courseId: string;
let schoolId: string;
let siteId: string;

beforeAll(async () => {
  t = await startTestApp();
  pool = t.app.get(PG_POOL);
  org = await organizer(t.app);
  const admin = await registerStaff(t.app, ['admin']);
  const created = await caller(t.app, admin.accessToken)('POST', '/api/training/subsidy-policies', {
    version: `claims-test-${Date.now()}`,
    // Effective from just now: the newest version wins, also over those of earlier runs.
    effectiveFrom: new Date(Date.now() - 1_000).toISOString(),
    values: {
      ...DEFAULT_SUBSIDY_POLICY_VALUES,
      localStandards: ['', '-A', '-B', '-C', '-D'].map((suffix) => ({
        occupation: occupation + suffix,
        level: 'level5',
        amount: 1500,
      })),
    },
    note: '测试：本地培训补贴标准',
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const school = await institution(org.call);
  const site = await platform(org.call);
  schoolId = school.id;
  siteId = site.id;
  courseId = (
    await org.call('POST', '/api/training/courses', courseInput(school.id, site.id, { occupation }))
  ).json().id;
  await pool.query(
    `insert into catalogue_listings (catalogue, subject_id, listed_from, source)
     values ('institution', $1, '2020-01-01', '渝人社办〔2019〕196号')`,
    [school.id],
  );
});
afterAll(() => t.close());

async function verifiedTrainee(): Promise<{ userId: string; call: Caller }> {
  const user = await registerUser(t.app, ['seeker', 'trainee']);
  const call = caller(t.app, user.accessToken);
  const verified = await call('POST', '/api/seekers/me/verification', {
    realName: '张小花',
    idNumber: validIdNumber(),
  });
  if (verified.statusCode !== 201) throw new Error(verified.body);
  return { userId: user.user.id, call };
}

/** An enrolment whose completion the jobs decided on, with its 培训合格证明 issued on `completedOn`. */
async function completedEnrolment(
  userId: string,
  completedOn = '2020-04-02',
  status = 'COMPLETED_PENDING_AUDIT',
  course = courseId,
) {
  const cls = await pool.query(
    `insert into training_classes (course_id, institution_id, name, district, starts_on, ends_on, plan_status)
     values ($1, $2, '补贴测试班', '渝中区', '2020-03-01', '2020-03-31', 'approved') returning id`,
    [course, schoolId],
  );
  const enrolment = await pool.query(
    `insert into training_enrolments (class_id, user_id) values ($1, $2) returning id`,
    [cls.rows[0].id, userId],
  );
  const enrolmentId = enrolment.rows[0].id as string;
  const decision = await pool.query(
    `insert into training_completion_decisions (enrolment_id, input_hash, policy_version, status, input, outcome, trigger)
     values ($1, 'h', 'cq-2020.1', $2, '{}', '{}', 'nightly') returning id`,
    [enrolmentId, status],
  );
  if (status !== 'INCOMPLETE')
    await pool.query(
      `insert into training_certificates (enrolment_id, decision_id, verification_code, content, created_at)
       values ($1, $2, $3, '{}', $4)`,
      [enrolmentId, decision.rows[0].id, `CLM${enrolmentId.slice(0, 12)}`, `${completedOn}T10:00:00+08:00`],
    );
  return enrolmentId;
}

describe('training-subsidy claims (training.md §4.2, C-1 to C-4)', () => {
  it('decides a claim from stored inputs, reviews it, notices it in public and pays after the notice', async () => {
    const trainee = await verifiedTrainee();
    const enrolmentId = await completedEnrolment(trainee.userId);
    const filed = await trainee.call('POST', '/api/training/claims', { enrolmentId, claimant: 'trainee' });
    expect(filed.statusCode).toBe(201);
    // Awaiting the district's 结业审核 is the only open point.
    expect(filed.json()).toMatchObject({
      status: 'submitted',
      reasons: ['JIEYE_AUDIT_PENDING'],
      totalYuan: 0,
    });
    const id = filed.json().id;

    const approved = await org.call('POST', `/api/training/claims/${id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'in_notice',
      reasons: [],
      totalYuan: 1500,
      lines: [{ kind: 'training', amount: 1500, fund: '职业技能提升行动专账资金' }],
      trainee: '张*花',
    });
    expect(approved.json().lines[0].explanation).toContain('地方标准 1500 元');
    const notice = (await t.app.inject({ method: 'GET', url: '/api/public/training/claim-notices' })).json();
    expect(notice.items).toContainEqual(
      expect.objectContaining({ trainee: '张*花', totalYuan: 1500, noticeFrom: approved.json().noticeFrom }),
    );

    const early = await org.call('POST', `/api/training/claims/${id}/pay`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CLAIM_NOTICE_NOT_OVER');
    await pool.query(`update training_claims set notice_until = '2020-01-01' where id = $1`, [id]);
    const paid = await org.call('POST', `/api/training/claims/${id}/pay`);
    expect(paid.json()).toMatchObject({ status: 'paid' });
    expect((await org.call('POST', `/api/training/claims/${id}/pay`)).json().code).toBe(
      'CLAIM_STATE_CONFLICT',
    );

    const replay = await trainee.call('GET', `/api/training/claims/${id}/replay`);
    expect(replay.json()).toMatchObject({ matches: true, replayed: { decision: 'APPROVED' } });
    const audit = await pool.query(
      `select action from audit_events where subject_type = 'training_claim' and subject_id = $1 order by created_at`,
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'training.claim.submit',
      'training.claim.approve',
      'training.claim.pay',
    ]);
  });

  it('TR-26: a second claim for the same class is refused whoever files it', async () => {
    const trainee = await verifiedTrainee();
    const enrolmentId = await completedEnrolment(trainee.userId);
    // The institution claims first (C-3); then the trainee tries for the same class.
    const staff = await registerStaff(t.app, ['institution']);
    await pool.query(`insert into training_institution_members (institution_id, user_id) values ($1, $2)`, [
      schoolId,
      staff.user.id,
    ]);
    const byInstitution = await caller(t.app, staff.accessToken)('POST', '/api/training/claims', {
      enrolmentId,
      claimant: 'institution',
    });
    expect(byInstitution.json()).toMatchObject({ status: 'submitted', claimant: 'institution' });
    const again = await trainee.call('POST', '/api/training/claims', { enrolmentId, claimant: 'trainee' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DUPLICATE_CLAIM_SAME_CLASS');
  });

  it('TR-29: a fourth paid training in one year is refused with ANNUAL_LIMIT_3_REACHED', async () => {
    const trainee = await verifiedTrainee();
    // Four different occupations, so only the yearly cap can stand in the way.
    const courses: string[] = [];
    for (const suffix of ['-A', '-B', '-C', '-D'])
      courses.push(
        (
          await org.call(
            'POST',
            '/api/training/courses',
            courseInput(schoolId, siteId, { occupation: occupation + suffix }),
          )
        ).json().id,
      );
    for (const [n, day] of ['2020-04-02', '2020-05-02', '2020-06-02'].entries()) {
      const enrolmentId = await completedEnrolment(
        trainee.userId,
        day,
        'COMPLETED_PENDING_AUDIT',
        courses[n],
      );
      const id = (
        await trainee.call('POST', '/api/training/claims', { enrolmentId, claimant: 'trainee' })
      ).json().id;
      const approved = await org.call('POST', `/api/training/claims/${id}/approve`);
      expect(approved.json()).toMatchObject({ status: 'in_notice', totalYuan: 1500 });
      await pool.query(`update training_claims set status = 'paid' where id = $1`, [id]);
    }
    const fourth = await completedEnrolment(
      trainee.userId,
      '2020-11-02',
      'COMPLETED_PENDING_AUDIT',
      courses[3],
    );
    const filed = await trainee.call('POST', '/api/training/claims', {
      enrolmentId: fourth,
      claimant: 'trainee',
    });
    expect(filed.json()).toMatchObject({ status: 'rejected_by_rules' });
    expect(filed.json().reasons).toEqual(['JIEYE_AUDIT_PENDING', 'ANNUAL_LIMIT_3_REACHED']);
  });

  it('refuses claims for incomplete training, by strangers and without real name; reviewers may reject', async () => {
    const trainee = await verifiedTrainee();
    const incomplete = await completedEnrolment(trainee.userId, '2020-04-02', 'INCOMPLETE');
    const filed = await trainee.call('POST', '/api/training/claims', {
      enrolmentId: incomplete,
      claimant: 'trainee',
    });
    expect(filed.json()).toMatchObject({
      status: 'rejected_by_rules',
      reasons: expect.arrayContaining(['NOT_COMPLETED']),
    });

    const other = await verifiedTrainee();
    const stranger = await other.call('POST', '/api/training/claims', {
      enrolmentId: incomplete,
      claimant: 'trainee',
    });
    expect(stranger.statusCode).toBe(403);
    expect((await other.call('GET', `/api/training/claims/${filed.json().id}`)).statusCode).toBe(403);

    const anonymous = await registerUser(t.app, ['trainee']);
    const unverified = await completedEnrolment(anonymous.user.id);
    const refused = await caller(t.app, anonymous.accessToken)('POST', '/api/training/claims', {
      enrolmentId: unverified,
      claimant: 'trainee',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('NOT_REAL_NAME');

    const enrolmentId = await completedEnrolment(trainee.userId);
    const id = (
      await trainee.call('POST', '/api/training/claims', { enrolmentId, claimant: 'trainee' })
    ).json().id;
    const rejected = await org.call('POST', `/api/training/claims/${id}/reject`, {
      reason: '影像材料不清晰',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reviewReason: '影像材料不清晰' });
    // A rejected claim may be followed by a new one.
    expect(
      (await trainee.call('POST', '/api/training/claims', { enrolmentId, claimant: 'trainee' })).statusCode,
    ).toBe(201);
  });

  it('TR-34, TR-35: an enterprise claims for its staff and platform riders in a verified stoppage period', async () => {
    const unit = await employer(t.app, org);
    const declared = await unit.call('POST', '/api/training/enterprise-periods', {
      kind: 'stoppage',
      startsOn: '2020-02-03',
      endsOn: '2020-02-29',
      evidence: '部分停工通知（渝北区经信委备案）',
    });
    expect(declared.statusCode).toBe(201);
    const verified = await org.call('POST', `/api/training/enterprise-periods/${declared.json().id}/review`, {
      decision: 'verify',
    });
    expect(verified.json()).toMatchObject({ status: 'verified' });

    const cls = await pool.query(
      `insert into training_classes (course_id, institution_id, name, district, starts_on, ends_on, plan_status)
       values ($1, $2, '停工期线上培训班', '渝北区', '2020-02-10', '2020-02-20', 'approved') returning id`,
      [courseId, schoolId],
    );
    const claimFor = async (workRelation: string) => {
      const trainee = await verifiedTrainee();
      const { rows } = await pool.query(
        `insert into training_enrolments (class_id, user_id, sponsor_kind, sponsor_employer_id, work_relation)
         values ($1, $2, 'enterprise', $3, $4) returning id`,
        [cls.rows[0].id, trainee.userId, unit.id, workRelation],
      );
      const decision = await pool.query(
        `insert into training_completion_decisions (enrolment_id, input_hash, policy_version, status, input, outcome, trigger)
         values ($1, 'h', 'cq-2020.1', 'COMPLETED_PENDING_AUDIT', '{}', '{}', 'nightly') returning id`,
        [rows[0].id],
      );
      await pool.query(
        `insert into training_certificates (enrolment_id, decision_id, verification_code, content, created_at)
         values ($1, $2, $3, '{}', '2020-02-21T10:00:00+08:00')`,
        [rows[0].id, decision.rows[0].id, `ENT${String(rows[0].id).slice(0, 12)}`],
      );
      const filed = await unit.call('POST', '/api/training/claims', {
        enrolmentId: rows[0].id,
        claimant: 'enterprise',
        scheme: 'enterprise_stoppage',
      });
      return { filed, trainee };
    };

    // Without the epidemic period set, the stoppage scheme has no window to decide in: refused, not guessed.
    const staff = await claimFor('labour_contract');
    expect(staff.filed.json()).toMatchObject({ status: 'rejected_by_rules', claimant: 'enterprise' });
    expect(staff.filed.json().reasons).toContain('TRAINING_OUTSIDE_POLICY_WINDOW');
    const admin = await registerStaff(t.app, ['admin']);
    const policies = (await caller(t.app, admin.accessToken)('GET', '/api/training/subsidy-policies')).json();
    const current = policies.items[0] ?? policies.defaults;
    await caller(t.app, admin.accessToken)('POST', '/api/training/subsidy-policies', {
      version: `epidemic-${Date.now()}`,
      effectiveFrom: new Date(Date.now() - 1_000).toISOString(),
      values: { ...current.values, epidemicPeriod: { from: '2020-01-24', to: '2020-12-31' } },
      note: '测试：疫情防控期间',
    });

    const employee = await claimFor('labour_contract');
    expect(employee.filed.json()).toMatchObject({ status: 'submitted', reasons: ['JIEYE_AUDIT_PENDING'] });
    const rider = await claimFor('platform_worker');
    expect(rider.filed.json()).toMatchObject({ status: 'submitted' });
    const approved = await org.call('POST', `/api/training/claims/${rider.filed.json().id}/approve`);
    expect(approved.json()).toMatchObject({
      status: 'in_notice',
      lines: [{ kind: 'training', fund: '职业技能提升行动专账资金', amount: 1500 }],
    });
    // The enterprise sees its claims; the rider sees the one about her.
    expect((await unit.call('GET', '/api/training/claims')).json().items.length).toBeGreaterThanOrEqual(3);
    expect(
      (await rider.trainee.call('GET', `/api/training/claims/${rider.filed.json().id}`)).statusCode,
    ).toBe(200);

    // Another enterprise cannot claim for these trainees.
    const other = await employer(t.app, org);
    const foreign = await other.call('POST', '/api/training/claims', {
      enrolmentId: employee.filed.json().enrolmentId,
      claimant: 'enterprise',
      scheme: 'enterprise_stoppage',
    });
    expect(foreign.statusCode).toBe(403);
  });
});
