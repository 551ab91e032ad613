import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agency,
  approvedAgency,
  caller,
  employer,
  organizer,
  runningFair,
  submittedPosition,
} from '../../test-support/fair-fixtures';
import { registerUser, startTestApp, TestApp } from '../../test-support/test-app';

let t: TestApp;
let org: Awaited<ReturnType<typeof organizer>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await organizer(t.app);
});
afterAll(() => t.close());

const pool = async () =>
  t.app.get<import('pg').Pool>((await import('../../infra/database/database')).PG_POOL);

async function reporter() {
  return caller(t.app, (await registerUser(t.app, ['seeker'])).accessToken);
}

describe('I. abuse and sanctions (recruitment.md §2.11, §2.15)', () => {
  it('AS-13: a confirmed fraud report disqualifies the employer, unpublishes its positions and records the referral', async () => {
    const fair = await runningFair(org);
    const fake = await employer(t.app, org);
    await fake.call('POST', `/api/employers/me/fairs/${fair.id}`);
    const live = await submittedPosition(fake.call, fair.id, { title: '高薪诚聘（虚假）' });
    await org.call('POST', `/api/positions/${live.id}/review`, { decision: 'approve' });

    const university = await reporter();
    const filed = await university('POST', '/api/complaints', {
      reporterKind: 'university',
      reporterOrganization: '重庆大学就业指导中心',
      targetType: 'employer',
      targetId: fake.id,
      fairId: fair.id,
      category: 'fraud',
      description: '该单位以招聘为名收取培训费。',
    });
    expect(filed.statusCode).toBe(201);
    const complaintId = filed.json().id;
    expect(
      (await org.call('POST', `/api/complaints/${complaintId}/handling`, { outcome: 'investigating' })).json()
        .status,
    ).toBe('investigating');
    const resolved = await org.call('POST', `/api/complaints/${complaintId}/handling`, {
      outcome: 'resolved',
      resolution: '经核实存在欺诈行为，取消参会资格并移送相关部门。',
      sanction: 'employer_disqualified',
      referToAuthority: true,
    });
    expect(resolved.statusCode).toBe(201);
    expect(resolved.json().sanctions).toEqual([
      expect.objectContaining({
        kind: 'employer_disqualified',
        referredToAuthority: true,
        effects: expect.objectContaining({ positionsUnpublished: [live.id] }),
      }),
    ]);

    const page = (await t.app.inject({ method: 'GET', url: `/api/fairs/${fair.id}` })).json();
    expect(page.employers.map((e: { id: string }) => e.id)).not.toContain(fake.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/positions/${live.id}` })).json().code).toBe(
      'NOT_FOUND',
    );
    const again = await submittedPosition(fake.call, fair.id);
    expect(again.submission.json().code).toBe('EMPLOYER_DISQUALIFIED');
    expect((await fake.call('PUT', `/api/positions/${live.id}`, {})).json().code).toBe('VALIDATION_FAILED');
    expect((await fake.call('POST', `/api/positions/${live.id}/closure`)).json().code).toBe(
      'POSITION_REMOVED',
    );
    expect((await fake.call('GET', '/api/notifications')).json().items[0].kind).toBe(
      'sanction.employer_disqualified',
    );

    const audit = await (
      await pool()
    ).query(
      "select details from audit_events where action = 'sanction.employer_disqualified' and subject_id = $1",
      [fake.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].details.referredToAuthority).toBe(true);
  });

  it('AS-44: a blacklisted agency leaves the approved list, cannot be chosen, loses its selections and cannot apply again', async () => {
    const fair = await runningFair(org);
    const bad = await approvedAgency(t.app, org, fair.id);
    const unit = await employer(t.app, org);
    await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
    await unit.call('PUT', `/api/employers/me/fairs/${fair.id}/agencies/${bad.id}`);

    const seeker = await reporter();
    const filed = (
      await seeker('POST', '/api/complaints', {
        reporterKind: 'seeker',
        targetType: 'agency',
        targetId: bad.id,
        category: 'price_gouging',
        description: '收取高额中介费。',
      })
    ).json();
    const mismatch = await org.call('POST', `/api/complaints/${filed.id}/handling`, {
      outcome: 'resolved',
      resolution: '查实',
      sanction: 'employer_disqualified',
    });
    expect(mismatch.json().code).toBe('SANCTION_TARGET_MISMATCH');

    const resolved = await org.call('POST', `/api/complaints/${filed.id}/handling`, {
      outcome: 'resolved',
      resolution: '查实哄抬服务价格，纳入黑名单。',
      sanction: 'agency_blacklisted',
    });
    expect(resolved.json().sanctions[0].effects.employerSelectionsRemoved).toEqual([
      { fairId: fair.id, employerId: unit.id },
    ]);

    expect(
      (await t.app.inject({ method: 'GET', url: `/api/fairs/${fair.id}/agencies` })).json().items,
    ).toEqual([]);
    expect((await unit.call('GET', `/api/employers/me/fairs/${fair.id}`)).json().agencies).toEqual([]);
    expect(
      (await unit.call('PUT', `/api/employers/me/fairs/${fair.id}/agencies/${bad.id}`)).json().code,
    ).toBe('AGENCY_BLACKLISTED');
    expect((await bad.call('GET', '/api/agencies/me')).json()).toMatchObject({
      blacklisted: true,
      blacklistReason: '查实哄抬服务价格，纳入黑名单。',
    });
    const otherFair = await runningFair(org);
    expect((await bad.call('POST', `/api/fairs/${otherFair.id}/agency-applications`, {})).json().code).toBe(
      'VALIDATION_FAILED',
    );
    const reapply = await agencyApplicationFor(bad.call, otherFair.id);
    expect(reapply.json().code).toBe('AGENCY_BLACKLISTED');
  });

  it('a report needs an existing target and a university report names the university; closed reports stay closed', async () => {
    const seeker = await reporter();
    const ghost = await seeker('POST', '/api/complaints', {
      reporterKind: 'seeker',
      targetType: 'employer',
      targetId: '00000000-0000-4000-8000-000000000000',
      category: 'fraud',
      description: 'x',
    });
    expect(ghost.json().code).toBe('NOT_FOUND');
    const fair = await runningFair(org);
    const someone = await agency(t.app, fair.id);
    const anonymousUniversity = await seeker('POST', '/api/complaints', {
      reporterKind: 'university',
      targetType: 'agency',
      targetId: someone.id,
      category: 'dispute',
      description: 'x',
    });
    expect(anonymousUniversity.json().code).toBe('VALIDATION_FAILED');

    const filed = (
      await seeker('POST', '/api/complaints', {
        reporterKind: 'seeker',
        targetType: 'agency',
        targetId: someone.id,
        category: 'dispute',
        description: '沟通纠纷',
      })
    ).json();
    expect((await seeker('GET', '/api/complaints')).json().code).toBe('FORBIDDEN_ROLE');
    expect(
      (
        await org.call('POST', `/api/complaints/${filed.id}/handling`, {
          outcome: 'dismissed',
          resolution: '不属实',
        })
      ).json().status,
    ).toBe('dismissed');
    expect(
      (
        await org.call('POST', `/api/complaints/${filed.id}/handling`, {
          outcome: 'resolved',
          resolution: '再次处理',
        })
      ).json().code,
    ).toBe('STATE_TRANSITION_INVALID');
    expect((await seeker('GET', '/api/complaints/mine')).json().items[0]).toMatchObject({
      status: 'dismissed',
      targetName: expect.any(String),
    });
  });
});

function agencyApplicationFor(call: ReturnType<typeof caller>, fairId: string) {
  return call('POST', `/api/fairs/${fairId}/agency-applications`, {
    licenseNumber: 'x',
    fairColumnUrl: 'https://x.example.cn',
    features: { column: true, invitation: true, videoInterview: true },
    freeInterviewMinutesPerEmployer: 300,
    teamLead: { name: '王', rank: 'vice_general_manager', phone: '13800000000' },
    groups: [],
    privacyMeasures: 'x',
  });
}
