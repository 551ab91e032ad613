import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_POOL } from '../../infra/database/database';
import { caller, Caller } from '../../test-support/fair-fixtures';
import { completionCatalogue, CompletionCatalogue } from '../../test-support/completion-fixtures';
import { registerStaff, registerUser, startTestApp, TestApp } from '../../test-support/test-app';

/**
 * District scoping of staff (training.md "District scoping"): an organizer account with a 区县
 * approves class plans, reviews completions and decides training claims of its own district only;
 * a city-wide organizer (no district) and admins act everywhere.
 */
let t: TestApp;
let pool: Pool;
let catalogue: CompletionCatalogue;
let admin: Caller;
let yubei: Caller;
let cityWide: Caller;
const HOME = '渝北区';
const OTHER = '渝中区';

async function staff(roles: ('organizer' | 'admin')[]) {
  const user = await registerStaff(t.app, roles);
  return { id: user.user.id, call: caller(t.app, user.accessToken) };
}

/** A class with a submitted plan, an enrolment decided complete with a certificate, and a claim. */
async function districtItems(district: string) {
  const cls = await pool.query<{ id: string }>(
    `insert into training_classes (course_id, institution_id, platform_id, name, jurisdiction, district, starts_on, ends_on, plan_status, plan_submitted_at)
     values ($1, $2, $3, $4, 'CQ', $5, '2020-03-02', '2020-04-30', 'submitted', now()) returning id`,
    [catalogue.courseId, catalogue.institutionId, catalogue.platformId, `${district}班`, district],
  );
  const classId = cls.rows[0]!.id;
  const trainee = await registerUser(t.app, ['seeker', 'trainee']);
  const enrolment = await pool.query<{ id: string }>(
    `insert into training_enrolments (class_id, user_id, completion_status) values ($1, $2, 'COMPLETED_PENDING_AUDIT') returning id`,
    [classId, trainee.user.id],
  );
  const enrolmentId = enrolment.rows[0]!.id;
  const decision = await pool.query<{ id: string }>(
    `insert into training_completion_decisions (enrolment_id, input_hash, policy_version, status, input, outcome, trigger)
     values ($1, 'h', 'cq-2020.1', 'COMPLETED_PENDING_AUDIT', '{}', '{}', 'test') returning id`,
    [enrolmentId],
  );
  const certificate = await pool.query<{ id: string }>(
    `insert into training_certificates (enrolment_id, decision_id, verification_code, content)
     values ($1, $2, $3, '{}') returning id`,
    [enrolmentId, decision.rows[0]!.id, `D${enrolmentId.replace(/-/g, '').slice(0, 11).toUpperCase()}`],
  );
  const claim = await pool.query<{ id: string }>(
    `insert into training_claims (enrolment_id, claimant, claimant_user_id, person_key, status, input, policy_version, decision)
     values ($1, 'trainee', $2, $3, 'submitted', '{}', 'test', $4) returning id`,
    [
      enrolmentId,
      trainee.user.id,
      `pk-${enrolmentId}`,
      JSON.stringify({ reasons: ['JIEYE_AUDIT_PENDING'], lines: [], removedItems: [] }),
    ],
  );
  return { classId, enrolmentId, certificateId: certificate.rows[0]!.id, claimId: claim.rows[0]!.id };
}

let home: Awaited<ReturnType<typeof districtItems>>;
let other: Awaited<ReturnType<typeof districtItems>>;

beforeAll(async () => {
  t = await startTestApp();
  pool = t.app.get(PG_POOL);
  catalogue = await completionCatalogue(pool);
  admin = (await staff(['admin'])).call;
  const yubeiAccount = await staff(['organizer']);
  yubei = yubeiAccount.call;
  cityWide = (await staff(['organizer'])).call;
  const set = await admin('PUT', `/api/users/${yubeiAccount.id}/district`, { district: HOME });
  expect(set.statusCode).toBe(200);
  expect(set.json()).toMatchObject({ district: HOME, roles: ['organizer', 'seeker'] });
  home = await districtItems(HOME);
  other = await districtItems(OTHER);
});
afterAll(() => t.close());

const ids = (items: { id?: string; enrolmentId?: string }[]) => items.map((i) => i.id ?? i.enrolmentId);

describe('district scoping of organizers', () => {
  it('an admin sets and clears an organizer’s district; only organizer accounts take one', async () => {
    const listed = (await admin('GET', '/api/staff-permissions')).json().items;
    expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ district: HOME })]));
    const seeker = await registerUser(t.app);
    const refused = await admin('PUT', `/api/users/${seeker.user.id}/district`, { district: HOME });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('USER_NOT_ORGANIZER');
    const bad = await admin('PUT', `/api/users/${seeker.user.id}/district`, { district: '火星区' });
    expect(bad.statusCode).toBe(400);
    const byOrganizer = await yubei('GET', '/api/staff-permissions');
    expect(byOrganizer.statusCode).toBe(403);
    const temp = await staff(['organizer']);
    await admin('PUT', `/api/users/${temp.id}/district`, { district: OTHER });
    const cleared = await admin('PUT', `/api/users/${temp.id}/district`, { district: null });
    expect(cleared.json()).toMatchObject({ district: null });
    const audit = await pool.query(
      `select details from audit_events where action = 'users.district.set' and subject_id = $1 order by created_at`,
      [temp.id],
    );
    expect(audit.rows.map((r) => r.details)).toEqual([
      { before: null, after: OTHER },
      { before: OTHER, after: null },
    ]);
  });

  it('a district organizer sees and decides only her district’s class plans', async () => {
    const plans = (await yubei('GET', '/api/training/class-plans?status=submitted')).json().items;
    expect(ids(plans)).toContain(home.classId);
    expect(ids(plans)).not.toContain(other.classId);
    expect(plans.every((p: { district: string }) => p.district === HOME)).toBe(true);

    const outside = await yubei('POST', `/api/training/classes/${other.classId}/plan-decision`, {
      decision: 'reject',
      reason: '跨区审核',
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({
      code: 'OUTSIDE_DISTRICT',
      details: { district: HOME, itemDistrict: OTHER },
    });
    const status = await pool.query('select plan_status from training_classes where id = $1', [
      other.classId,
    ]);
    expect(status.rows[0].plan_status).toBe('submitted');

    const own = await yubei('POST', `/api/training/classes/${home.classId}/plan-decision`, {
      decision: 'approve',
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ planStatus: 'approved' });
  });

  it('a district organizer reviews only her district’s completions', async () => {
    const list = (await yubei('GET', '/api/training/completions?limit=200')).json();
    expect(ids(list.items)).toContain(home.enrolmentId);
    expect(ids(list.items)).not.toContain(other.enrolmentId);
    expect(list.classes.map((c: { id: string }) => c.id)).not.toContain(other.classId);
    const filtered = (await yubei('GET', `/api/training/completions?classId=${other.classId}`)).json();
    expect(filtered).toMatchObject({ total: 0, items: [] });

    const revoke = await yubei('POST', `/api/training/certificates/${other.certificateId}/revoke`, {
      reason: '跨区撤销',
    });
    expect(revoke.statusCode).toBe(403);
    expect(revoke.json().code).toBe('OUTSIDE_DISTRICT');
    const stillValid = await pool.query('select revoked_at from training_certificates where id = $1', [
      other.certificateId,
    ]);
    expect(stillValid.rows[0].revoked_at).toBeNull();
    const evaluate = await yubei('POST', `/api/training/enrolments/${other.enrolmentId}/completion/evaluate`);
    expect(evaluate.statusCode).toBe(403);
    expect(evaluate.json().code).toBe('OUTSIDE_DISTRICT');
  });

  it('a district organizer reviews only her district’s training claims', async () => {
    const claims = (await yubei('GET', '/api/training/claims?status=submitted')).json().items;
    expect(ids(claims)).toContain(home.claimId);
    expect(ids(claims)).not.toContain(other.claimId);
    for (const action of ['reject', 'approve', 'pay'] as const) {
      const response = await yubei('POST', `/api/training/claims/${other.claimId}/${action}`, {
        reason: '跨区审核',
      });
      // Refused for the district before its state is looked at (pay would otherwise be a 409).
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('OUTSIDE_DISTRICT');
    }
    const untouched = await pool.query('select status from training_claims where id = $1', [other.claimId]);
    expect(untouched.rows[0].status).toBe('submitted');
    const own = await yubei('POST', `/api/training/claims/${home.claimId}/reject`, { reason: '材料不全' });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ status: 'rejected' });
  });

  it('a city-wide organizer and an admin see and act on every district', async () => {
    for (const call of [cityWide, admin]) {
      const plans = ids((await call('GET', '/api/training/class-plans?status=submitted')).json().items);
      expect(plans).toContain(other.classId);
      const completions = (await call('GET', `/api/training/completions?classId=${other.classId}`)).json();
      expect(ids(completions.items)).toEqual([other.enrolmentId]);
      const claims = ids((await call('GET', '/api/training/claims?status=submitted')).json().items);
      expect(claims).toContain(other.claimId);
    }
    const decided = await cityWide('POST', `/api/training/classes/${other.classId}/plan-decision`, {
      decision: 'reject',
      reason: '方案学时不符',
    });
    expect(decided.statusCode).toBe(201);
    const rejected = await cityWide('POST', `/api/training/claims/${other.claimId}/reject`, {
      reason: '材料不全',
    });
    expect(rejected.statusCode).toBe(200);
  });
});
